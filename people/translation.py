from modeltranslation.translator import TranslationOptions, register

from .models import Person, Position


@register(Person)
class PersonTranslationOptions(TranslationOptions):
    fields = ("name", "bio")
    # A Latin spelling may be unknown ("left for later"); the Arabic one is always given.
    required_languages = {"ar": ("name",)}


@register(Position)
class PositionTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = {"ar": ("title",)}

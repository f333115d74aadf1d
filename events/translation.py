from modeltranslation.translator import TranslationOptions, register

from .models import Event, Participation, Session


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "city", "venue", "outcome")
    required_languages = {"ar": ("title",)}


@register(Session)
class SessionTranslationOptions(TranslationOptions):
    fields = ("title", "description")
    required_languages = {"ar": ("title",)}


@register(Participation)
class ParticipationTranslationOptions(TranslationOptions):
    fields = ("title",)

from modeltranslation.translator import TranslationOptions, register

from .models import Organisation, Pledge, Programme


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ("name", "acronym", "description")
    required_languages = {"ar": ("name",)}


@register(Programme)
class ProgrammeTranslationOptions(TranslationOptions):
    fields = ("name", "acronym", "description")
    required_languages = {"ar": ("name",)}


@register(Pledge)
class PledgeTranslationOptions(TranslationOptions):
    fields = ("description",)

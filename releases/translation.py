from modeltranslation.translator import TranslationOptions, register

from .models import LIVE_FIELDS, Quote, Release, Topic

# A release's text, translated field by field; freshness.py tracks each of these. The same as
# its live text's fields, but for the slug, which is made from the title.
RELEASE_TEXT_FIELDS = tuple(field for field in LIVE_FIELDS if field != "slug")


@register(Release)
class ReleaseTranslationOptions(TranslationOptions):
    fields = (*RELEASE_TEXT_FIELDS, "slug")
    # A release may start in any language; the model requires a title in at least one.
    required_languages = ()


@register(Topic)
class TopicTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = {"ar": ("name",)}


@register(Quote)
class QuoteTranslationOptions(TranslationOptions):
    fields = ("text",)
    required_languages = {"ar": ("text",)}

from modeltranslation.translator import TranslationOptions, register

from .models import Quote, Release, Topic

# A release's text, translated field by field; freshness.py tracks each of these.
RELEASE_TEXT_FIELDS = (
    "title",
    "lede",
    "body",
    "dateline",
    "source_name",
    "hero_image_alt",
    "hero_image_caption",
    "hero_image_credit",
)


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

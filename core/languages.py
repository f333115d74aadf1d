"""The newsroom's language rules, each defined once: which languages exist, which way each is
written, where an empty translation looks next, and the first filled value of a translated field.

Content is in Arabic (the archive's source and the default), English and Persian; settings.py
names them and their fallback chains, and everything else asks here.
"""

from django.conf import settings
from django.utils.translation import get_language, get_language_info, override

CODES = tuple(code for code, _name in settings.LANGUAGES)
DEFAULT = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
# The comma of each language's lists and phrases: Arabic and Persian write "،".
COMMAS = {"ar": "،", "fa": "،"}


def comma(language=None):
    """The comma and space that join the parts of a phrase in `language` (the active one)."""
    return COMMAS.get(language or get_language(), ",") + " "


def english_name(language):
    """The language's name in English: for role names and the admin log, which staff of every
    language read."""
    with override("en"):
        return str(dict(settings.LANGUAGES)[language])


def direction(language):
    """ "rtl" for Arabic and Persian, "ltr" for English."""
    return "rtl" if get_language_info(language)["bidi"] else "ltr"


def fallback_chain(language):
    """`language`, then the languages an empty translation in it falls back to, in order."""
    chain = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    return (language, *(code for code in chain.get(language, chain["default"]) if code != language))


def first_filled(values, language=None):
    """(text, its language): the first filled of `values` ({language: text}) along the
    fallback chain of `language` (the active one by default); ("", language) if none is."""
    language = language or get_language()
    for code in fallback_chain(language):
        if values.get(code):
            return values[code], code
    return "", language


def field_values(obj, field):
    """{language: value} of the translated `field` of `obj` as the public reads it: a record's
    approved text where it keeps one (core/approved_text.py), its fields otherwise."""
    approved = getattr(obj, "approved", None)
    if approved:
        return {code: approved.get(code, {}).get(field, "") for code in CODES}
    return {code: getattr(obj, f"{field}_{code}", "") for code in CODES}


def translated_field(obj, field, language=None):
    """(text, its language) of the translated `field` of `obj` for a reader of `language`."""
    return first_filled(field_values(obj, field), language)


def public_text(obj, field, language=None):
    """The text of the translated `field` of `obj` a reader of `language` reads, or ""."""
    return translated_field(obj, field, language)[0]


def filled_languages(obj, field):
    """The languages in which `obj` has its translated `field`, in the site's order."""
    return [code for code, value in field_values(obj, field).items() if value]

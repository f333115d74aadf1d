"""Template helpers for text in three languages and two directions."""

import functools
import re

from django import template
from django.utils.encoding import uri_to_iri
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core import arabic_script, languages
from core.arabic_script import arabic_stem, normalise, query_terms
from core.dates import DatePrecision, date_parts

register = template.Library()

# A Persian word may hold a zero-width non-joiner: it is one word, highlighted whole.
WORD = re.compile(r"[\w\u200c]+")
# Lists print summaries rendered with this when their text was written: a change here needs a
# new summary FORMAT (releases/summaries.py), or they keep the old rule.
LATIN_RUN = re.compile(r"[A-Za-z0-9][A-Za-z0-9&/.\- ]*[A-Za-z0-9]|[A-Za-z0-9]")


@register.simple_tag
def comma():
    """The comma of the text around it ("، " in Arabic and Persian, ", " in English): the
    page's language, or the release's inside its {% language %} block."""
    return languages.comma()


@register.filter
def dir_of(language):
    return languages.direction(language)


@register.filter
def readable_address(address):
    """An address with its Arabic or Persian letters as letters, not %-escapes: a third of the
    bytes, and the same link (a browser escapes them itself when it follows it)."""
    return uri_to_iri(address)


@register.filter
def local_digits(value):
    """Numbers in the reader's digits: Persian digits on Persian pages."""
    return arabic_script.local_digits(value, get_language())


@register.filter(needs_autoescape=True)
def isolate_latin(text, autoescape=True):
    """Latin acronyms and numbers inside Arabic or Persian text keep their own direction."""
    escape = conditional_escape if autoescape else str
    text = str(text or "")
    if languages.direction(get_language()) == "ltr":
        return escape(text)
    parts, last = [], 0
    for match in LATIN_RUN.finditer(text):
        parts.append(escape(text[last : match.start()]))
        parts.append(format_html('<bdi dir="ltr">{}</bdi>', match.group()))
        last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))


@functools.lru_cache(maxsize=256)
def searched_prefixes(query):
    """Every variant of every word of `query`, each a prefix a found word starts with."""
    return tuple(sorted({variant for variants in query_terms(query) for variant in variants}))


# Kept across summaries and searches: most words of a page are the same few hundred.
@functools.lru_cache(maxsize=4096)
def is_found(word, prefixes):
    """Whether `word`, as written, is one the search of `prefixes` finds, whatever its
    spelling."""
    form = normalise(word).replace("\u200c", "")
    return form.startswith(prefixes) or arabic_stem(form).startswith(prefixes)


@register.filter(needs_autoescape=True)
def highlight(text, query, autoescape=True):
    """`text` with the words that match the search `query` marked, whatever their spelling."""
    escape = conditional_escape if autoescape else str
    text = str(text or "")
    terms = searched_prefixes(query or "")
    if not terms:
        return escape(text)
    parts, last = [], 0
    for match in WORD.finditer(text):
        if is_found(match.group(), terms):
            parts.append(escape(text[last : match.start()]))
            parts.append(format_html("<mark>{}</mark>", match.group()))
            last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))


@register.simple_tag
def local_date(value, precision=DatePrecision.DAY, end=None, shown=None, open_ended=False):
    """A date, range or period as the reader's language writes it (core.dates); on Persian
    pages the Gregorian date beside the Solar Hijri one, muted."""
    text, gregorian = date_parts(value, precision, end=end, shown=shown, open_ended=open_ended)
    if not gregorian:
        return text
    return format_html('{} <span class="solar-date">({})</span>', text, gregorian)


@register.filter
def text_of(obj, field):
    """The public text of a translated field in the page's language, or its fallback, as plain
    text: for a page's title, an attribute, wherever markup cannot go."""
    return languages.public_text(obj, field)


@register.filter
def short_name_of(organisation):
    """An organisation's acronym in the page's language, or its name."""
    return languages.public_text(organisation, "acronym") or languages.public_text(
        organisation, "name"
    )


@register.simple_tag
def translated(obj, field):
    """A translated field in the page's language, or its fallback marked with its own lang."""
    language = get_language()
    value, code = languages.translated_field(obj, field, language)
    if not value:
        return ""
    if code == language:
        return isolate_latin(value)
    return format_html('<bdi lang="{}" dir="{}">{}</bdi>', code, languages.direction(code), value)

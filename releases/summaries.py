"""A live text's summary as lists show it, its headline and the start of its lede, rendered
once when the text is written: the news list, the home page and every page listing releases
read it as stored instead of shaping the same words again for each reader."""

from typing import NamedTuple

from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import override

from core.templatetags.multilingual import isolate_latin

# What a stored summary was rendered by: a text stored by an older rule is rendered afresh.
# Count it up whenever `rendered`, LEDE_WORDS or isolate_latin's rule changes.
FORMAT = 1
LEDE_WORDS = 25


class Summary(NamedTuple):
    headline: str  # markup
    lede: str  # markup; empty for a text without a lede


def rendered(text):
    """The Summary of `text`: Latin runs in Arabic or Persian kept in their own direction, the
    lede cut at LEDE_WORDS words."""
    lede = Truncator(text.lede).words(LEDE_WORDS, truncate=" …") if text.lede else ""
    with override(text.language):
        return Summary(isolate_latin(text.title), isolate_latin(lede) if lede else "")


def stamp(text):
    """Store `text`'s summary on it (unsaved)."""
    text.summary_title, text.summary_lede = rendered(text)
    text.summary_format = FORMAT


def of(text):
    """The Summary of `text`, as stored when its rule is the current one."""
    if text.summary_format == FORMAT:
        return Summary(mark_safe(text.summary_title), mark_safe(text.summary_lede))
    return rendered(text)

"""The address part made from a title or a name, in Arabic, English or Persian.

Django's `slugify` strips the zero-width non-joiner, so Persian بهره‌مندان becomes the misspelt
بهرهمندان, and it deletes dashes and slashes without a trace ("8–10" becomes "810"). Here the
non-joiner becomes a hyphen: the character itself is invisible in an address bar, is written
%E2%80%8C in every copied link, is lost by tools that strip zero-width characters, and is refused
by SlugField's validator, while a hyphen keeps the word's parts apart as the non-joiner does.
A slug longer than its maximum is cut between the words of the text, never inside one.
"""

import re
import unicodedata

ZWNJ = "\u200c"
TATWEEL = "\u0640"
# Marks inside a word that join its parts in an address: dashes, slashes and the non-joiner.
JOINERS = re.compile(rf"[{ZWNJ}/\\\u2010-\u2015\u2212-]+")
# Whatever is not a letter, digit, underscore or hyphen: punctuation, symbols, diacritics,
# tatweel and the other invisible characters (RLM, ZWJ, soft hyphen).
NOT_IN_A_SLUG = re.compile(rf"[^\w-]|{TATWEEL}")


def slug_words(text):
    """The words of `text` as they appear in a slug: lower case, the non-joiner a hyphen."""
    text = unicodedata.normalize("NFKC", str(text)).lower()
    words = []
    for word in text.split():
        word = NOT_IN_A_SLUG.sub("", JOINERS.sub("-", word))
        word = re.sub(r"-{2,}", "-", word).strip("-_")
        if word:
            words.append(word)
    return words


def slugify(text, max_length=None):
    """A slug of `text` ("" when nothing of it can be in one), at most `max_length` characters,
    cut after the last whole word that fits."""
    words = slug_words(text)
    if not words:
        return ""
    slug = words[0]
    if max_length and len(slug) > max_length:
        # One word longer than the whole slug: its own parts, then its letters.
        return slug[: max_length + 1].rsplit("-", 1)[0][:max_length].strip("-_")
    for word in words[1:]:
        if max_length and len(slug) + 1 + len(word) > max_length:
            break
        slug = f"{slug}-{word}"
    return slug

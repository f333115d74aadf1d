"""Sentences of the newsroom's own five articles, in Arabic, English and Persian.

The synthetic archive is written from these, so its words, their lengths and their mix of
scripts are those of real releases: search, highlighting and the text indexes see what they
would see in production.
"""

import re
from functools import cache
from pathlib import Path

from demo.loader import SEEDS_DIR, read_translation
from releases.importer import parse_article, read_article_text

SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")


def sentences_of(blocks):
    for tag, text in blocks:
        if tag != "p":
            continue
        for sentence in SENTENCE_END.split(text):
            sentence = sentence.strip()
            if 30 <= len(sentence) <= 400:
                yield sentence


@cache
def sentences(language):
    """Every usable sentence of the demo articles in `language` ("ar", "en" or "fa")."""
    found = []
    for seed in sorted(Path(SEEDS_DIR).glob("*.txt")):
        if language == "ar":
            blocks = parse_article(read_article_text(seed)).blocks
        else:
            translation = read_translation(seed.name, language)
            blocks = translation[1] if translation else []
        found.extend(sentences_of(blocks))
    if not found:
        raise RuntimeError(f"The demo articles have no {language} sentences to write from.")
    return found


@cache
def titles(language):
    """Short headline-length pieces: each sentence's opening words."""
    return [" ".join(sentence.split()[:11]).rstrip("،,.:؛") for sentence in sentences(language)]

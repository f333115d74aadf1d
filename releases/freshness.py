"""Freshness of translations, field by field.

Each translated field remembers the source text it was made from (TranslationSource). When the
source changes, exactly the fields made from the old text become stale; the translator sees the
source's changes beside the old translation. Staleness flags a translation, it never unpublishes.
"""

from core.diffs import word_diff
from core.languages import CODES

from .models import TranslationSource
from .translation import RELEASE_TEXT_FIELDS

# The slug is made from the title, not translated: it is never stale on its own.
TRACKED_FIELDS = RELEASE_TEXT_FIELDS
COMPLETE, MISSING, STALE, SOURCE = "complete", "missing", "stale", "source"


def source_text(release, field):
    """The source's text of `field`, which translations are made from: what the public reads
    in the release's own language once it is published, its working copy until then."""
    live = release.live_text(release.source_language)
    if live is not None:
        return getattr(live, field) or ""
    return getattr(release, f"{field}_{release.source_language}") or ""


def recorded_sources(release):
    """{(language, field): source text}; reads prefetched translation_sources when present."""
    return {(s.language, s.field): s.source_text for s in release.translation_sources.all()}


def field_states(release, language, recorded=None):
    """{field: complete | missing | stale} for the fields the source language has filled."""
    recorded = recorded_sources(release) if recorded is None else recorded
    states = {}
    for field in TRACKED_FIELDS:
        current_source = source_text(release, field)
        if not current_source:
            continue
        if not getattr(release, f"{field}_{language}"):
            states[field] = MISSING
        elif recorded.get((language, field)) != current_source:
            states[field] = STALE
        else:
            states[field] = COMPLETE
    return states


def language_state(release, language, recorded=None):
    if language == release.source_language:
        return SOURCE
    states = set(field_states(release, language, recorded).values())
    if MISSING in states:
        return MISSING
    if STALE in states:
        return STALE
    return COMPLETE


def sources_of(release, pairs):
    """Unsaved records of the current source text of each (language, field) translation that
    `release` has."""
    return [
        TranslationSource(
            release=release, language=language, field=field, source_text=source_text(release, field)
        )
        for language, field in pairs
        if language != release.source_language and getattr(release, f"{field}_{language}")
    ]


def record_translations(release, pairs):
    """Remember the current source text of each (language, field) translation just written."""
    for record in sources_of(release, pairs):
        TranslationSource.objects.update_or_create(
            release=release,
            language=record.language,
            field=record.field,
            defaults={"source_text": record.source_text},
        )


def written_translations(field_names, source_language):
    """(language, field) pairs of the translations among field names such as "title_en"."""
    pairs = []
    for name in field_names:
        field, _sep, language = name.rpartition("_")
        if field in TRACKED_FIELDS and language in CODES and language != source_language:
            pairs.append((language, field))
    return pairs


def source_diff(old, new, language):
    """The source's changes since a translation was made, word by word, as HTML."""
    return word_diff(old, new, language, css_class="source-diff")

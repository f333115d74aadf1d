"""Freshness of translations, field by field.

Each translated field remembers the source text it was made from (TranslationSource). When the
source changes, exactly the fields made from the old text become stale; the translator sees the
source's changes beside the old translation. Staleness flags a translation, it never unpublishes.

Each translation's state is also stored (LanguageVersion.freshness) by every write that can
change it, so that the translation queues read an index: `store_states` after a release, its
translations' sources or its own language's live text change.
"""

from django.db import transaction
from django.db.models import Min
from django.utils import timezone

from core.diffs import word_diff
from core.languages import CODES

from .models import LanguageVersion, LiveText, Release, TranslationSource
from .translation import RELEASE_TEXT_FIELDS

# The slug is made from the title, not translated: it is never stale on its own.
TRACKED_FIELDS = RELEASE_TEXT_FIELDS
Freshness = LanguageVersion.Freshness
COMPLETE, MISSING, STALE, SOURCE = (
    Freshness.COMPLETE,
    Freshness.MISSING,
    Freshness.STALE,
    Freshness.SOURCE,
)


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
    """Remember the current source text of each (language, field) translation just written
    (the caller then stores the states that follow, `store_states`)."""
    for record in sources_of(release, pairs):
        TranslationSource.objects.update_or_create(
            release=release,
            language=record.language,
            field=record.field,
            defaults={"source_text": record.source_text},
        )


def next_source_change(release):
    """When a scheduled change of the source's live text takes over, or None."""
    upcoming = LiveText.objects.filter(
        release=release, language=release.source_language, live_from__gt=timezone.now()
    )
    return upcoming.aggregate(at=Min("live_from"))["at"]


def store_states(release):
    """Store the state of each of the release's translations as `language_state` gives it now,
    and when a scheduled change of its own language's live text calls for storing it again."""
    recorded = {
        (language, field): text
        for language, field, text in TranslationSource.objects.filter(release=release).values_list(
            "language", "field", "source_text"
        )
    }
    until = next_source_change(release)
    versions = list(LanguageVersion.objects.filter(release=release))
    changed = []
    for version in versions:
        state = language_state(release, version.language, recorded)
        if (version.freshness, version.freshness_until) != (state, until):
            version.freshness, version.freshness_until = state, until
            changed.append(version)
    LanguageVersion.objects.bulk_update(changed, ["freshness", "freshness_until"])


def is_due(release):
    """Whether a scheduled change of the release's own language has taken over since its states
    were stored; reads prefetched language_versions."""
    now = timezone.now()
    return any(
        version.freshness_until is not None and version.freshness_until <= now
        for version in release.language_versions.all()
    )


def store_due_states():
    """Store again the states of the releases whose scheduled change of their own language's
    live text has taken over since (an indexed read when none has)."""
    due = LanguageVersion.objects.filter(freshness_until__lte=timezone.now())
    for pk in set(due.values_list("release_id", flat=True)):
        with transaction.atomic():
            # Locked as a save locks it (services.save_release): the two never interleave.
            release = Release.objects.select_for_update().filter(pk=pk).first()
            if release is not None:
                store_states(release)


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

"""Each translation's freshness stored on its language version, which the translation queues
read by index instead of comparing every release's text.

The existing releases' states are computed here as releases/freshness.py computed them when
this migration was written: a migration keeps its own copy, so that later changes to the app
cannot change what it did. A release missing a version for a language other than its own gets
one, as every save gives it (services.ensure_language_versions).
"""

from django.db import migrations, models
from django.db.models import Q
from django.utils import timezone

TRACKED_FIELDS = (
    "title",
    "lede",
    "body",
    "dateline",
    "source_name",
    "hero_image_alt",
    "hero_image_caption",
    "hero_image_credit",
)
LANGUAGES = ("ar", "en", "fa")
BATCH = 2000


def language_state(release, language, live, recorded):
    if language == release.source_language:
        return "source"
    states = set()
    for field in TRACKED_FIELDS:
        if live is not None:
            source = getattr(live, field) or ""
        else:
            source = getattr(release, f"{field}_{release.source_language}") or ""
        if not source:
            continue
        if not getattr(release, f"{field}_{language}"):
            states.add("missing")
        elif recorded.get((language, field)) != source:
            states.add("stale")
    if "missing" in states:
        return "missing"
    return "stale" if "stale" in states else "complete"


def store_freshness(apps, schema_editor):
    Release = apps.get_model("newsroom", "Release")
    LanguageVersion = apps.get_model("newsroom", "LanguageVersion")
    LiveText = apps.get_model("newsroom", "LiveText")
    TranslationSource = apps.get_model("newsroom", "TranslationSource")
    now = timezone.now()
    text_columns = [f"{field}_{code}" for field in TRACKED_FIELDS for code in LANGUAGES]
    releases = Release.objects.order_by("pk").only("source_language", *text_columns)
    batch = []
    for release in releases.iterator(chunk_size=BATCH):
        batch.append(release)
        if len(batch) == BATCH:
            store_batch(batch, LanguageVersion, LiveText, TranslationSource, now)
            batch = []
    store_batch(batch, LanguageVersion, LiveText, TranslationSource, now)


def store_batch(batch, LanguageVersion, LiveText, TranslationSource, now):
    if not batch:
        return
    by_pk = {release.pk: release for release in batch}
    source_texts = LiveText.objects.filter(release_id__in=by_pk).only(
        "release_id", "language", "live_from", "live_until", *TRACKED_FIELDS
    )
    live, upcoming = {}, {}
    for text in source_texts:
        if text.language != by_pk[text.release_id].source_language:
            continue
        if text.live_from > now:
            soonest = upcoming.get(text.release_id)
            upcoming[text.release_id] = min(soonest or text.live_from, text.live_from)
        elif text.live_until is None or text.live_until > now:
            live[text.release_id] = text
    recorded = {}
    for release_id, language, field, source_text in TranslationSource.objects.filter(
        release_id__in=by_pk
    ).values_list("release_id", "language", "field", "source_text"):
        recorded.setdefault(release_id, {})[(language, field)] = source_text
    versions = list(LanguageVersion.objects.filter(release_id__in=by_pk))
    had = {(version.release_id, version.language) for version in versions}
    missing = [
        LanguageVersion(release_id=release.pk, language=code, status="in_progress")
        for release in batch
        for code in LANGUAGES
        if code != release.source_language and (release.pk, code) not in had
    ]
    for version in [*versions, *missing]:
        release = by_pk[version.release_id]
        version.freshness = language_state(
            release, version.language, live.get(release.pk), recorded.get(release.pk, {})
        )
        version.freshness_until = upcoming.get(release.pk)
    LanguageVersion.objects.bulk_update(versions, ["freshness", "freshness_until"], batch_size=BATCH)
    LanguageVersion.objects.bulk_create(missing, batch_size=BATCH)


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0013_news_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="languageversion",
            name="freshness",
            field=models.CharField(
                choices=[
                    ("source", "source"),
                    ("complete", "complete"),
                    ("missing", "missing"),
                    ("stale", "stale"),
                ],
                default="missing",
                max_length=10,
                verbose_name="freshness",
            ),
        ),
        migrations.AddField(
            model_name="languageversion",
            name="freshness_until",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddIndex(
            model_name="languageversion",
            index=models.Index(
                fields=["language", "freshness", "release"], name="language_version_fresh_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="languageversion",
            index=models.Index(
                condition=Q(freshness_until__isnull=False),
                fields=["freshness_until"],
                name="language_version_due_idx",
            ),
        ),
        migrations.RunPython(store_freshness, migrations.RunPython.noop),
    ]

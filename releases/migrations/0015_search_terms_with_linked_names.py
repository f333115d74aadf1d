"""Every live text is found by the names of the people, organisations and events its release
links to, in every language, and English by British and American spellings alike: their
search terms, and the releases' own (the admin's search), are written again."""

from django.db import migrations
from django.utils.html import strip_tags

from core.arabic_script import index_terms

CODES = ("ar", "en", "fa")
SEARCHED_FIELDS = ("title", "lede", "body", "dateline", "source_name")
NAMED_BY = {
    "people": ("people", "Person", ("name",)),
    "organisations": ("organisations", "Organisation", ("name", "acronym")),
    "events": ("events", "Event", ("title",)),
}
BATCH = 1000


def public_values(record, field):
    if record.approved:
        return {code: record.approved.get(code, {}).get(field, "") for code in CODES}
    return {code: getattr(record, f"{field}_{code}") or "" for code in CODES}


def terms(pairs):
    found = []
    for language, text in pairs:
        found.extend(index_terms(strip_tags(text or ""), arabic=language == "ar"))
    return " ".join(dict.fromkeys(found))


def rewrite(apps, schema_editor):
    Release = apps.get_model("newsroom", "Release")
    LiveText = apps.get_model("newsroom", "LiveText")
    names = {}
    for relation, (app, model_name, fields) in NAMED_BY.items():
        model = apps.get_model(app, model_name)
        records = {record.pk: record for record in model.objects.all()}
        through = getattr(Release, relation).through
        column = getattr(Release, relation).field.m2m_reverse_field_name()
        for release_id, pk in through.objects.values_list("release_id", f"{column}_id"):
            names.setdefault(release_id, []).extend(
                (code, value)
                for field in fields
                for code, value in public_values(records[pk], field).items()
                if value
            )
    texts = LiveText.objects.only("release_id", "language", "search_text", *SEARCHED_FIELDS)
    changed = []
    for text in texts.iterator(chunk_size=BATCH):
        own = [(text.language, getattr(text, field)) for field in SEARCHED_FIELDS]
        text.search_text = terms([*own, *names.get(text.release_id, [])])
        changed.append(text)
        if len(changed) == BATCH:
            LiveText.objects.bulk_update(changed, ["search_text"])
            changed = []
    LiveText.objects.bulk_update(changed, ["search_text"])
    columns = [f"{field}_{code}" for field in SEARCHED_FIELDS for code in CODES]
    changed = []
    for release in Release.objects.only("search_text", *columns).iterator(chunk_size=BATCH):
        release.search_text = terms(
            (code, getattr(release, f"{field}_{code}"))
            for code in CODES
            for field in SEARCHED_FIELDS
        )
        changed.append(release)
        if len(changed) == BATCH:
            Release.objects.bulk_update(changed, ["search_text"])
            changed = []
    Release.objects.bulk_update(changed, ["search_text"])


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0014_language_version_freshness"),
        ("people", "0004_approved_text"),
        ("organisations", "0007_pledge_kept_with_its_release"),
        ("events", "0004_approved_text"),
    ]

    operations = [migrations.RunPython(rewrite, migrations.RunPython.noop, elidable=True)]

"""The rank terms of the texts live before they were kept: the terms of their title and lede
and the approved names of what their releases link to, as releases/live_texts.py writes them
(written out here, with the models of this migration's time). Batch by batch, each committed
on its own: readers are never kept waiting on the table."""

from django.db import migrations, transaction
from django.utils.html import strip_tags

from core.arabic_script import index_terms

CODES = ("ar", "en", "fa")
RANKED_FIELDS = ("title", "lede")
NAMED_BY = {
    "people": ("people", "Person", ("name",)),
    "organisations": ("organisations", "Organisation", ("name", "acronym")),
    "events": ("events", "Event", ("title",)),
}
BATCH = 2000


def public_values(record, field):
    if record.approved:
        return {code: record.approved.get(code, {}).get(field, "") for code in CODES}
    return {code: getattr(record, f"{field}_{code}") or "" for code in CODES}


def terms(pairs):
    found = []
    for language, text in pairs:
        found.extend(index_terms(strip_tags(text or ""), arabic=language == "ar"))
    return " ".join(dict.fromkeys(found))


def names_by_release(apps, release_ids):
    """{release pk: [(language, name)]} of what each release links to."""
    Release = apps.get_model("newsroom", "Release")
    names = {pk: [] for pk in release_ids}
    for relation, (app, model_name, fields) in NAMED_BY.items():
        through = getattr(Release, relation).through
        column = getattr(Release, relation).field.m2m_reverse_field_name()
        links = list(
            through.objects.filter(release_id__in=release_ids).values_list(
                "release_id", f"{column}_id"
            )
        )
        records = apps.get_model(app, model_name).objects.in_bulk({pk for _r, pk in links})
        for release_id, pk in links:
            names[release_id].extend(
                (code, value)
                for field in fields
                for code, value in public_values(records[pk], field).items()
                if value
            )
    return names


def write_existing(apps, schema_editor):
    LiveText = apps.get_model("newsroom", "LiveText")
    texts = LiveText.objects.filter(rank_text="").only("release_id", "language", *RANKED_FIELDS)
    last = 0
    while batch := list(texts.filter(pk__gt=last).order_by("pk")[:BATCH]):
        names = names_by_release(apps, {text.release_id for text in batch})
        for text in batch:
            own = [(text.language, getattr(text, field)) for field in RANKED_FIELDS]
            text.rank_text = terms([*own, *names[text.release_id]])
        with transaction.atomic(using=schema_editor.connection.alias):
            LiveText.objects.bulk_update(batch, ["rank_text"], batch_size=BATCH)
        last = batch[-1].pk


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("newsroom", "0019_live_text_rank_terms"),
        ("people", "0004_approved_text"),
        ("events", "0004_approved_text"),
    ]

    operations = [
        migrations.RunPython(write_existing, migrations.RunPython.noop, elidable=True),
    ]

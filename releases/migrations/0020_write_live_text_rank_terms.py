"""The rank terms of the texts live before they were kept, by the current rule
(releases/live_texts.py). Batch by batch, each committed on its own: readers are never kept
waiting on the table, and a text not reached yet ranks by date meanwhile."""

from django.db import migrations, transaction

from releases import linked_names, live_texts

BATCH = 2000


def write_existing(apps, schema_editor):
    LiveText = apps.get_model("newsroom", "LiveText")
    texts = LiveText.objects.filter(rank_text="").only("pk", "release_id", "language", "title", "lede")
    last = 0
    while batch := list(texts.filter(pk__gt=last).order_by("pk")[:BATCH]):
        names = linked_names.names_by_release({text.release_id for text in batch})
        for text in batch:
            text.rank_text = live_texts.rank_terms_of(text, names[text.release_id])
        with transaction.atomic(using=schema_editor.connection.alias):
            LiveText.objects.bulk_update(batch, ["rank_text"], batch_size=BATCH)
        last = batch[-1].pk


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("newsroom", "0019_live_text_rank_terms"),
    ]

    operations = [
        migrations.RunPython(write_existing, migrations.RunPython.noop, elidable=True),
    ]

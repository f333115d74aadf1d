"""The summaries of the texts live before summaries were kept, rendered by the current rule
(releases/summaries.py). Batch by batch, each committed on its own: readers are never kept
waiting on the table, and a text not reached yet is rendered afresh when read."""

from django.db import migrations, transaction

from releases import summaries

BATCH = 2000


def render_existing(apps, schema_editor):
    LiveText = apps.get_model("newsroom", "LiveText")
    waiting = LiveText.objects.exclude(summary_format=summaries.FORMAT)
    texts = waiting.only("pk", "language", "title", "lede").order_by("pk")
    last = 0
    while batch := list(texts.filter(pk__gt=last)[:BATCH]):
        for text in batch:
            summaries.stamp(text)
        with transaction.atomic(using=schema_editor.connection.alias):
            LiveText.objects.bulk_update(
                batch, ["summary_title", "summary_lede", "summary_format"], batch_size=BATCH
            )
        last = batch[-1].pk


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("newsroom", "0016_live_text_summaries"),
    ]

    operations = [
        migrations.RunPython(render_existing, migrations.RunPython.noop, elidable=True),
    ]

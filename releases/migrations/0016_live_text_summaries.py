"""Each live text keeps its summary as lists show it, rendered once when it is written; the
texts already live are rendered here (by the current rule, releases/summaries.py)."""

from django.db import migrations, models

from releases import summaries

BATCH = 2000


def render_existing(apps, schema_editor):
    LiveText = apps.get_model("newsroom", "LiveText")
    texts = LiveText.objects.only("pk", "language", "title", "lede").order_by("pk")
    last = 0
    while batch := list(texts.filter(pk__gt=last)[:BATCH]):
        for text in batch:
            summaries.stamp(text)
        LiveText.objects.bulk_update(
            batch, ["summary_title", "summary_lede", "summary_format"], batch_size=BATCH
        )
        last = batch[-1].pk


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0015_search_terms_with_linked_names"),
    ]

    operations = [
        migrations.AddField(
            model_name="livetext",
            name="summary_title",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.AddField(
            model_name="livetext",
            name="summary_lede",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.AddField(
            model_name="livetext",
            name="summary_format",
            field=models.PositiveSmallIntegerField(default=0, editable=False),
        ),
        migrations.RunPython(render_existing, migrations.RunPython.noop, elidable=True),
    ]

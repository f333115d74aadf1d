"""Each live text keeps its summary as lists show it, rendered once when it is written. The
columns have defaults in the database, so that processes still running the code before them go
on writing texts while this is applied; such a text reads as one to render afresh."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0015_search_terms_with_linked_names"),
    ]

    operations = [
        migrations.AddField(
            model_name="livetext",
            name="summary_title",
            field=models.TextField(blank=True, db_default="", editable=False),
        ),
        migrations.AddField(
            model_name="livetext",
            name="summary_lede",
            field=models.TextField(blank=True, db_default="", editable=False),
        ),
        migrations.AddField(
            model_name="livetext",
            name="summary_format",
            field=models.PositiveSmallIntegerField(db_default=0, editable=False),
        ),
    ]

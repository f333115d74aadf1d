"""What a search ranks a live text by: its headline's terms (title, lede and linked names) and
their vector, kept by a trigger on PostgreSQL as the search vector is. The terms have a default
in the database, so that processes still running the code before them go on writing texts;
such a text ranks after those that have them until its terms are written (migration 0020)."""

import django.contrib.postgres.search
from django.db import migrations, models

TRIGGER = "live_text_rank_vector_update"


def rank_vector_trigger(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = schema_editor.quote_name(apps.get_model("newsroom", "LiveText")._meta.db_table)
    schema_editor.execute(
        f"CREATE TRIGGER {TRIGGER} BEFORE INSERT OR UPDATE OF rank_text ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION "
        "tsvector_update_trigger(rank_vector, 'pg_catalog.simple', rank_text)"
    )


def drop_rank_vector_trigger(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = schema_editor.quote_name(apps.get_model("newsroom", "LiveText")._meta.db_table)
    schema_editor.execute(f"DROP TRIGGER {TRIGGER} ON {table}")


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0018_pledges_public_window"),
    ]

    operations = [
        migrations.AddField(
            model_name="livetext",
            name="rank_text",
            field=models.TextField(blank=True, db_default="", editable=False),
        ),
        migrations.AddField(
            model_name="livetext",
            name="rank_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(rank_vector_trigger, drop_rank_vector_trigger),
    ]

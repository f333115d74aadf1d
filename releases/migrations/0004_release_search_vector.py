"""A stored search vector, kept by a trigger, in place of the expression index of 0003.

Ranking re-parsed every matching release's text when the vector was only an index expression:
thirty seconds for a common word on a 100,000-release archive. Stored, it is read, not parsed.
"""

import django.contrib.postgres.search
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

OLD_INDEX = GinIndex(SearchVector("search_text", config="simple"), name="release_search_idx")
INDEX = GinIndex(fields=["search_vector"], name="release_search_vector_idx")
TRIGGER = "release_search_vector_update"


def store_search_vector(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    Release = apps.get_model("newsroom", "Release")
    table = schema_editor.quote_name(Release._meta.db_table)
    schema_editor.execute(
        f"CREATE TRIGGER {TRIGGER} BEFORE INSERT OR UPDATE OF search_text ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION "
        "tsvector_update_trigger(search_vector, 'pg_catalog.simple', search_text)"
    )
    schema_editor.execute(
        f"UPDATE {table} SET search_vector = to_tsvector('pg_catalog.simple', search_text)"
    )
    schema_editor.remove_index(Release, OLD_INDEX)
    schema_editor.add_index(Release, INDEX)


def drop_stored_search_vector(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    Release = apps.get_model("newsroom", "Release")
    table = schema_editor.quote_name(Release._meta.db_table)
    schema_editor.remove_index(Release, INDEX)
    schema_editor.add_index(Release, OLD_INDEX)
    schema_editor.execute(f"DROP TRIGGER {TRIGGER} ON {table}")


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0003_release_search"),
    ]

    operations = [
        migrations.AddField(
            model_name="release",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(store_search_vector, drop_stored_search_vector),
    ]

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations, models

# Full-text search runs on PostgreSQL through this index; the embedded SQLite default matches
# the same normalised text without one.
SEARCH_INDEX = GinIndex(SearchVector("search_text", config="simple"), name="release_search_idx")


def create_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("newsroom", "Release"), SEARCH_INDEX)


def drop_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("newsroom", "Release"), SEARCH_INDEX)


def fill_search_text(apps, schema_editor):
    from releases.models.release import search_terms

    Release = apps.get_model("newsroom", "Release")
    for release in Release.objects.iterator():
        release.search_text = search_terms(release)
        release.save(update_fields=["search_text"])


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0002_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="release",
            name="search_text",
            field=models.TextField(
                blank=True,
                editable=False,
                help_text="Every language's text in one spelling, kept for search.",
                verbose_name="search terms",
            ),
        ),
        migrations.RunPython(fill_search_text, migrations.RunPython.noop),
        migrations.RunPython(create_search_index, drop_search_index),
    ]

from django.db import migrations
from django.db.models import OuterRef, Subquery


def give_windows(apps, schema_editor):
    """Each reported pledge takes the window of its release, as Release.public_window gives it
    (written out: a migration reads the models of its time)."""
    Pledge = apps.get_model("organisations", "Pledge")
    Release = apps.get_model("newsroom", "Release")
    published = Release.objects.filter(pk=OuterRef("reported_in"), status="published")
    Pledge.objects.filter(reported_in__isnull=False).update(
        public_from=Subquery(published.values("published_at")),
        public_until=Subquery(published.values("expires_at")),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0017_render_live_text_summaries"),
        ("organisations", "0008_pledge_public_window"),
    ]

    operations = [migrations.RunPython(give_windows, migrations.RunPython.noop)]

# The staff profile now belongs to the staff app (its migration 0001): dropped from this app's
# state only; the table stays, under the staff app.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('newsroom', '0005_release_order_indexes'),
        ('staff', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='StaffProfile')],
            database_operations=[],
        ),
    ]

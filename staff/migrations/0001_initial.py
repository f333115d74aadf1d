# The staff profile moves here from the releases' app (label "newsroom"), whose migration 0001
# made its table: this records the model in the state only, and leaves the table as it is.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('newsroom', '0005_release_order_indexes'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='StaffProfile',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('language', models.CharField(choices=[('ar', 'Arabic'), ('en', 'English'), ('fa', 'Persian')], default='ar', max_length=8, verbose_name='admin language')),
                        ('is_demo_account', models.BooleanField(default=False, editable=False, help_text='Made by the demo loader with a published password: refused unless DEBUG.', verbose_name='demo account')),
                        ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='staff_profile', to=settings.AUTH_USER_MODEL, verbose_name='user')),
                    ],
                    options={
                        'verbose_name': 'staff profile',
                        'verbose_name_plural': 'staff profiles',
                        'db_table': 'newsroom_staffprofile',
                    },
                ),
            ],
            database_operations=[],
        ),
    ]

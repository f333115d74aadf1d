# The funding page lists pledges newest first, undated ones last: with this index a page reads
# its fifty rows, not every public pledge.

from django.db import migrations, models
import django.db.models.functions.comparison


class Migration(migrations.Migration):

    dependencies = [
        ('organisations', '0005_approved_text'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='pledge',
            index=models.Index(models.OrderBy(django.db.models.functions.comparison.Coalesce('first_year', models.Value(-1), output_field=models.IntegerField()), descending=True), name='pledge_newest_first_idx'),
        ),
    ]

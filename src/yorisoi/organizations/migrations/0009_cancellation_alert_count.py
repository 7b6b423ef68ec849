import django.core.validators
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("organizations", "0008_api_tokens"),
    ]

    operations = [
        migrations.AddField(
            model_name="organization",
            name="cancellation_alert_count",
            field=models.PositiveSmallIntegerField(
                default=3,
                help_text="Meetings with the person or family called off one after another.",
                validators=[
                    django.core.validators.MinValueValidator(2),
                    django.core.validators.MaxValueValidator(20),
                ],
                verbose_name="cancellations in a row before a case is listed for supervisors",
            ),
        ),
    ]

import django.core.validators
from django.db import migrations, models

HELP = "The owner's episode threshold when the link was made; the link keeps it."
VALIDATORS = [
    django.core.validators.MinValueValidator(1),
    django.core.validators.MaxValueValidator(4),
]


def threshold_of_today(apps, schema_editor):
    """Links made before thresholds were kept get the owner's threshold of now: the
    closest there is to the one they were made with, and from here on it stays put."""
    ShareLink = apps.get_model("sharing", "ShareLink")
    Preferences = apps.get_model("accounts", "Preferences")
    thresholds = dict(Preferences.objects.values_list("user_id", "episode_threshold"))
    for link in ShareLink.objects.filter(threshold__isnull=True).only("id", "user_id"):
        link.threshold = thresholds.get(link.user_id, 2)
        link.save(update_fields=["threshold"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("sharing", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="sharelink",
            name="threshold",
            field=models.PositiveSmallIntegerField(
                editable=False,
                null=True,
                help_text=HELP,
                validators=VALIDATORS,
                verbose_name="episode threshold",
            ),
        ),
        migrations.RunPython(threshold_of_today, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="sharelink",
            name="threshold",
            field=models.PositiveSmallIntegerField(
                editable=False,
                help_text=HELP,
                validators=VALIDATORS,
                verbose_name="episode threshold",
            ),
        ),
    ]

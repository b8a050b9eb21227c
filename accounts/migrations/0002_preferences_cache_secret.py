import secrets

from django.db import migrations, models

import accounts.models


def give_each_person_their_own_secret(apps, schema_editor):
    # AddField evaluates a callable default once for every existing row; each person
    # needs a key of their own.
    Preferences = apps.get_model("accounts", "Preferences")
    for preferences in Preferences.objects.only("pk").iterator():
        Preferences.objects.filter(pk=preferences.pk).update(cache_secret=secrets.token_hex(32))


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="preferences",
            name="cache_secret",
            field=models.CharField(
                default=accounts.models.new_cache_secret, editable=False, max_length=64
            ),
        ),
        migrations.RunPython(give_each_person_their_own_secret, migrations.RunPython.noop),
    ]

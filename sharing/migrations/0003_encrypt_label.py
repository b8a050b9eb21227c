"""Share-link labels encrypted at rest: a label is often a therapist's name."""

from django.db import migrations, models
from django.db.models import Value
from django.db.models.functions import Cast

import entries.fields
from pct_journal.encryption import decrypt_text, encrypt_text


def _recode(apps, convert):
    share_link = apps.get_model("sharing", "ShareLink")
    raw = Cast("label", output_field=models.TextField())
    for pk, label in list(share_link.objects.exclude(label="").values_list("pk", raw)):
        # Written as raw text, so the field does not encrypt it a second time.
        text = Value(convert(label), output_field=models.TextField())
        share_link.objects.filter(pk=pk).update(label=text)


def encrypt_labels(apps, schema_editor):
    _recode(apps, encrypt_text)


def decrypt_labels(apps, schema_editor):
    _recode(apps, decrypt_text)


class Migration(migrations.Migration):

    dependencies = [
        ("sharing", "0002_share_link_threshold"),
    ]

    operations = [
        migrations.AlterField(
            model_name="sharelink",
            name="label",
            field=entries.fields.EncryptedCharField(
                blank=True,
                help_text="Only you see this, to tell your links apart, e.g. “Dr Rivera”.",
                max_length=80,
                verbose_name="who it is for",
            ),
        ),
        migrations.RunPython(encrypt_labels, decrypt_labels, elidable=False),
    ]

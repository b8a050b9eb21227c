"""Partner nicknames and factor names encrypted at rest, with a keyed blind index.

The names were plain text, unique per user through Lower(). They become ciphertext
(entries.fields.EncryptedCharField), and uniqueness moves to an HMAC of the
normalised name (pct_journal.blind_index) stored beside it. Normalising casefolds,
which is stricter than SQLite's ASCII-only lower(): two names of one person that only
now count as the same (say "É" and "é") cannot both keep their name, so the later one
gets " (2)" added rather than the upgrade failing.
"""

from django.db import migrations, models
from django.db.models import Value
from django.db.models.functions import Cast

import entries.fields
from pct_journal.blind_index import blind_index
from pct_journal.encryption import decrypt_text, encrypt_text

NAMED = (("Partner", "nickname"), ("Tag", "name"))


def _as_text(value: str) -> Value:
    # Written as raw text, so the field does not encrypt it a second time.
    return Value(value, output_field=models.TextField())


def _unclaimed(name: str, user_id: int, claimed: set[str]) -> str:
    candidate, number = name, 1
    while blind_index(user_id=user_id, name=candidate) in claimed:
        number += 1
        candidate = f"{name} ({number})"
    return candidate


def encrypt_names(apps, schema_editor):
    for model_name, field in NAMED:
        model = apps.get_model("entries", model_name)
        raw = Cast(field, output_field=models.TextField())
        rows = list(model.objects.order_by("created_at", "pk").values_list("pk", "user_id", raw))
        claimed: set[str] = set()
        for pk, user_id, name in rows:
            name = _unclaimed(name, user_id, claimed)
            index = blind_index(user_id=user_id, name=name)
            claimed.add(index)
            model.objects.filter(pk=pk).update(
                **{field: _as_text(encrypt_text(name)), f"{field}_index": index}
            )
    _fire_pending_checks(schema_editor)


def decrypt_names(apps, schema_editor):
    for model_name, field in NAMED:
        model = apps.get_model("entries", model_name)
        raw = Cast(field, output_field=models.TextField())
        for pk, token in list(model.objects.values_list("pk", raw)):
            model.objects.filter(pk=pk).update(**{field: _as_text(decrypt_text(token))})
    _fire_pending_checks(schema_editor)


def _fire_pending_checks(schema_editor):
    # PostgreSQL refuses to ALTER a table with deferred constraint checks pending from
    # updates in the same transaction; running them now lets the constraints follow.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        schema_editor.execute("SET CONSTRAINTS ALL DEFERRED")


class Migration(migrations.Migration):

    dependencies = [
        ("entries", "0005_entry_client_uuid"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="partner",
            name="partner_nickname_unique_per_user",
        ),
        migrations.RemoveConstraint(
            model_name="tag",
            name="tag_name_unique_per_user",
        ),
        migrations.AddField(
            model_name="partner",
            name="nickname_index",
            field=entries.fields.BlindIndexField(default="", source="nickname"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="tag",
            name="name_index",
            field=entries.fields.BlindIndexField(default="", source="name"),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="partner",
            name="nickname",
            field=entries.fields.EncryptedCharField(
                help_text="A first name, initial or nickname: whatever you will recognise.",
                max_length=60,
                verbose_name="nickname",
            ),
        ),
        migrations.AlterField(
            model_name="tag",
            name="name",
            field=entries.fields.EncryptedCharField(max_length=40, verbose_name="name"),
        ),
        migrations.RunPython(encrypt_names, decrypt_names, elidable=False),
        migrations.AddConstraint(
            model_name="partner",
            constraint=models.UniqueConstraint(
                fields=("user", "nickname_index"), name="partner_nickname_unique_per_user"
            ),
        ),
        migrations.AddConstraint(
            model_name="tag",
            constraint=models.UniqueConstraint(
                fields=("user", "name_index"), name="tag_name_unique_per_user"
            ),
        ),
        # The database cannot sort ciphertext: lists are sorted after decryption.
        migrations.AlterModelOptions(
            name="partner",
            options={"ordering": ["-active", "created_at"]},
        ),
        migrations.AlterModelOptions(
            name="tag",
            options={"ordering": ["created_at"]},
        ),
    ]

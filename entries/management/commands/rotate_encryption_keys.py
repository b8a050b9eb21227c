"""Re-encrypt every encrypted value under the newest key in FIELD_ENCRYPTION_KEYS.

That covers notes, partner nicknames, factor names, share-link labels and two-factor
secrets; the blind index of each name (pct_journal.blind_index) is worked out again
under the newest key in the same write, so looking names up keeps working.

Rotation: put a new key first in DJANGO_FIELD_ENCRYPTION_KEYS (keep the old ones after
it), restart, run this command, then remove the old keys. It works in batches, can be
stopped and run again at any time, and leaves values already under the newest key
alone, so a second run changes nothing.
"""

from allauth.mfa.models import Authenticator
from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import models, transaction
from django.db.models.functions import Cast

from entries.fields import BlindIndexField, EncryptedField
from pct_journal.blind_index import blind_index
from pct_journal.encryption import (
    DecryptionError,
    decrypt_text,
    is_under_newest_key,
    reencrypt_text,
)

# Authenticator.data keys that allauth encrypts through accounts.mfa_adapter.
MFA_SECRET_KEYS = ("secret", "seed")


def _encrypted_fields() -> list[tuple[type[models.Model], str]]:
    return [
        (model, field.name)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, EncryptedField)
    ]


def _index_of(model: type[models.Model], field: str) -> str | None:
    """The name of the blind index kept for `field`, if it has one."""
    for candidate in model._meta.get_fields():
        if isinstance(candidate, BlindIndexField) and candidate.source == field:
            return candidate.name
    return None


class Command(BaseCommand):
    help = "Re-encrypt notes, names and two-factor secrets under the newest encryption key."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, batch_size: int, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        try:
            for model, field in _encrypted_fields():
                rotated, total = self._rotate_field(model, field, batch_size)
                self.stdout.write(f"{model._meta.label}.{field}: {rotated} of {total} re-encrypted")
            rotated, total = self._rotate_authenticators(batch_size)
            self.stdout.write(f"mfa.Authenticator: {rotated} of {total} re-encrypted")
        except DecryptionError as error:
            raise CommandError(
                f"{error} Nothing after this point was changed; batches before it were."
            ) from None

    def _rotate_field(self, model, field: str, batch_size: int) -> tuple[int, int]:
        # Read the stored ciphertext itself (the cast skips the field's decryption),
        # and write it back as raw text so it is not encrypted a second time.
        raw = Cast(field, output_field=models.TextField())
        index = _index_of(model, field)
        pending = model._default_manager.exclude(**{field: ""}).exclude(
            **{f"{field}__isnull": True}
        )
        columns = ("pk", raw, "user_id", index) if index else ("pk", raw)
        rotated = total = 0
        last_pk = None
        while True:
            page = pending.order_by("pk")
            if last_pk is not None:
                page = page.filter(pk__gt=last_pk)
            with transaction.atomic():
                rows = list(page.select_for_update().values_list(*columns)[:batch_size])
                for pk, token, *owner_and_index in rows:
                    total += 1
                    changes = self._rotated(field, token, index, *owner_and_index)
                    if changes:
                        model._default_manager.filter(pk=pk).update(**changes)
                        rotated += 1
            if len(rows) < batch_size:
                return rotated, total
            last_pk = rows[-1][0]

    @staticmethod
    def _rotated(
        field: str, token: str, index: str | None, user_id=None, stored_index=None
    ) -> dict:
        """The columns to write for one value, or {} when it is already up to date."""
        changes: dict[str, object] = {}
        if not is_under_newest_key(token):
            changes[field] = models.Value(reencrypt_text(token), output_field=models.TextField())
        if index is not None:
            new_index = blind_index(user_id=user_id, name=decrypt_text(token))
            if new_index != stored_index:
                changes[index] = new_index
        return changes

    def _rotate_authenticators(self, batch_size: int) -> tuple[int, int]:
        rotated = total = 0
        last_pk = 0
        while True:
            with transaction.atomic():
                rows = list(
                    Authenticator.objects.select_for_update()
                    .filter(pk__gt=last_pk)
                    .order_by("pk")[:batch_size]
                )
                for authenticator in rows:
                    total += 1
                    if self._rotate_mfa_data(authenticator.data):
                        authenticator.save(update_fields=["data"])
                        rotated += 1
            if len(rows) < batch_size:
                return rotated, total
            last_pk = rows[-1].pk

    @staticmethod
    def _rotate_mfa_data(data: dict) -> bool:
        changed = False
        for key in MFA_SECRET_KEYS:
            token = data.get(key)
            if isinstance(token, str) and token and not is_under_newest_key(token):
                data[key] = reencrypt_text(token)
                changed = True
        codes = data.get("migrated_codes")
        if isinstance(codes, list):
            rotated_codes = [
                code if is_under_newest_key(code) else reencrypt_text(code) for code in codes
            ]
            changed = changed or rotated_codes != codes
            data["migrated_codes"] = rotated_codes
        return changed

from django.db import models

from pct_journal.encryption import decrypt_text, encrypt_text


class EncryptedTextField(models.TextField):
    """Text stored encrypted; the empty string stays empty so "no note" needs no key.

    Ciphertext cannot be searched or compared, so lookups other than isnull and an
    exact match on "" are refused instead of silently matching nothing.
    """

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return decrypt_text(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt_text(value)

    def get_lookup(self, lookup_name):
        if lookup_name not in {"isnull", "exact"}:
            raise NotImplementedError(f"Encrypted text does not support '{lookup_name}'.")
        return super().get_lookup(lookup_name)

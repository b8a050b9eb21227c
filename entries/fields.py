from django.db import models
from django.db.models.lookups import Exact

from pct_journal.blind_index import blind_index
from pct_journal.encryption import decrypt_text, encrypt_text


class EmptyOnlyExact(Exact):
    """`field=""` (is there a value?). Any other value would be compared with random
    ciphertext and match nothing, silently; it is refused instead."""

    def get_prep_lookup(self):
        if self.rhs != "":
            raise NotImplementedError(
                "Encrypted text can only be compared with ''. Compare decrypted values "
                "in Python, or find a name by its blind index."
            )
        return super().get_prep_lookup()


class EncryptedField:
    """Text stored encrypted; the empty string stays empty so "no value" needs no key.

    Ciphertext cannot be searched or compared, so lookups other than isnull and an
    exact match on "" are refused instead of silently matching nothing.
    """

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return decrypt_text(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)  # type: ignore[misc]  # a mixin: the field class has it
        if value is None or value == "":
            return value
        return encrypt_text(value)

    def get_lookup(self, lookup_name):
        if lookup_name == "exact":
            return EmptyOnlyExact
        if lookup_name != "isnull":
            raise NotImplementedError(f"Encrypted text does not support '{lookup_name}'.")
        return super().get_lookup(lookup_name)  # type: ignore[misc]  # a mixin: the field class has it


class EncryptedTextField(EncryptedField, models.TextField):
    """Long encrypted text, such as a journal note."""


class EncryptedCharField(EncryptedField, models.CharField):
    """A short encrypted name. max_length limits the plain text (forms and validation
    use it); the column is text, because the ciphertext is several times longer."""

    def get_internal_type(self) -> str:
        return "TextField"


class BlindIndexField(models.CharField):
    """The keyed blind index (pct_journal.blind_index) of the model's `source` field,
    worked out on every save and bulk_create from the row's user and that name."""

    def __init__(self, *args, source: str, **kwargs):
        self.source = source
        kwargs.setdefault("max_length", 64)
        kwargs.setdefault("editable", False)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["source"] = self.source
        if kwargs.get("max_length") == 64:
            del kwargs["max_length"]
        if kwargs.get("editable") is False:
            del kwargs["editable"]
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        value = blind_index(
            user_id=model_instance.user_id, name=getattr(model_instance, self.source)
        )
        setattr(model_instance, self.attname, value)
        return value

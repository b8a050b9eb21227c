from allauth.mfa.adapter import DefaultMFAAdapter

from pct_journal.encryption import decrypt_text, encrypt_text


class MFAAdapter(DefaultMFAAdapter):
    """Keeps TOTP secrets and recovery-code seeds encrypted at rest with the same keys
    as the notes, so a copy of the database alone cannot produce second-factor codes.
    `manage.py rotate_encryption_keys` re-encrypts them along with the notes."""

    def encrypt(self, text: str) -> str:
        return encrypt_text(text)

    def decrypt(self, encrypted_text: str) -> str:
        return decrypt_text(encrypted_text)

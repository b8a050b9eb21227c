from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.utils.translation import gettext

from pct_journal.encryption import decrypt_text, encrypt_text


class MFAAdapter(DefaultMFAAdapter):
    """Keeps TOTP secrets and recovery-code seeds encrypted at rest with the same keys
    as the notes, so a copy of the database alone cannot produce second-factor codes.
    `manage.py rotate_encryption_keys` re-encrypts them along with the notes."""

    def encrypt(self, text: str) -> str:
        return encrypt_text(text)

    def decrypt(self, encrypted_text: str) -> str:
        return decrypt_text(encrypted_text)

    def get_public_key_credential_rp_entity(self) -> dict[str, str]:
        # The id stays allauth's (this host name); the name is what a phone may show
        # next to the passkey, so it is the same neutral name as the TOTP issuer.
        return {**super().get_public_key_credential_rp_entity(), "name": settings.MFA_TOTP_ISSUER}

    def generate_authenticator_name(self, user, type: Authenticator.Type) -> str:
        if type != Authenticator.Type.WEBAUTHN:
            return super().generate_authenticator_name(user, type)
        count = Authenticator.objects.filter(user_id=user.pk, type=type).count()
        return gettext("Passkey") if count == 0 else gettext("Passkey %d") % (count + 1)

"""allauth's passkey forms in the app's own words."""

from allauth.mfa.adapter import get_adapter
from allauth.mfa.webauthn.forms import (
    AddWebAuthnForm,
    AuthenticateWebAuthnForm,
    EditWebAuthnForm,
    LoginWebAuthnForm,
    ReauthenticateWebAuthnForm,
)
from django import forms
from django.utils.translation import gettext_lazy as _

PASSKEY_NAME_MAX_LENGTH = 64
# What allauth's parsing lets through from a malformed credential (JSON that is not the
# shape a browser sends, e.g. a list, or an object without "rawId"): a 500 otherwise.
MALFORMED_CREDENTIAL = (AttributeError, KeyError, TypeError, ValueError)


class _RefusesMalformedRegistration:
    """A malformed new credential gets allauth's own "incorrect code" form error."""

    def clean(self):
        try:
            return super().clean()  # type: ignore[misc]  # a mixin: allauth's form has it
        except MALFORMED_CREDENTIAL as error:
            raise get_adapter().validation_error("incorrect_code") from error


class _RefusesMalformedAssertion:
    """A malformed passkey answer gets the same form error as a wrong passkey."""

    def clean_credential(self):
        try:
            return super().clean_credential()  # type: ignore[misc]  # a mixin: allauth's form has it
        except MALFORMED_CREDENTIAL as error:
            raise get_adapter().validation_error("incorrect_code") from error


def _name_field(*, required: bool) -> forms.CharField:
    return forms.CharField(
        label=_("A name to tell it apart"),
        help_text=_("For example “My phone”. Only you see it."),
        max_length=PASSKEY_NAME_MAX_LENGTH,
        required=required,
    )


class AddPasskeyForm(_RefusesMalformedRegistration, AddWebAuthnForm):
    """Makes a passkey that logs in without a password unless the person unticks it
    (a security key without a PIN can only be a second step after the password)."""

    # Not required, as in allauth: the device has made the key before the form is
    # posted, and a missing name gets a made-up one rather than losing the key.
    name = _name_field(required=False)
    passwordless = forms.BooleanField(
        label=_("Use it to log in without a password"),
        help_text=_(
            "Your device asks for your fingerprint, face or screen lock each time. Untick "
            "this only for a security key without a PIN: it then works as a second step "
            "after your password."
        ),
        initial=True,
        required=False,
    )


class EditPasskeyForm(EditWebAuthnForm):
    name = _name_field(required=True)


class PasskeyLoginForm(_RefusesMalformedAssertion, LoginWebAuthnForm):
    pass


class PasskeySecondStepForm(_RefusesMalformedAssertion, AuthenticateWebAuthnForm):
    pass


class PasskeyReauthenticateForm(_RefusesMalformedAssertion, ReauthenticateWebAuthnForm):
    pass

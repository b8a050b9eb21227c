from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts and preferences"

    def ready(self):
        # Registers the receivers, before the first login (not lazily): the preferences
        # and security-log ones, the lockout reset after a password reset, and the
        # phone's time zone at sign-up and login, the e-mail change notices, and the
        # session clock (session_limits), connected before the first login rather than
        # when its middleware is first loaded.
        from accounts import (  # noqa: F401
            device_zone,
            email_changes,
            lockout,
            session_limits,
            signals,
        )

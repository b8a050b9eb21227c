from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts and preferences"

    def ready(self):
        # Registers the receivers, before the first login (not lazily): the preferences
        # and security-log ones, the lockout reset after a password reset, and the
        # phone's time zone at sign-up and login, and the e-mail change notices.
        from accounts import device_zone, email_changes, lockout, signals  # noqa: F401

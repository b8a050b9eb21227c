from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts and preferences"

    def ready(self):
        # Registers the receivers, before the first login (not lazily): the preferences
        # and security-log ones, the lockout reset after a password reset, and the
        # notices of email address changes.
        from accounts import email_changes, lockout, signals  # noqa: F401

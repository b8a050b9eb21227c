from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts and preferences"

    def ready(self):
        # Registers the receivers, before the first login (not lazily): the preferences
        # and security-log ones, and the lockout reset after a password reset.
        from accounts import lockout, signals  # noqa: F401

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts and preferences"

    def ready(self):
        from accounts import email_changes, signals  # noqa: F401  (registers the receivers)

from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "audit"
    verbose_name = "Security log"

    def ready(self):
        from audit import signals  # noqa: F401  (registers the receivers)

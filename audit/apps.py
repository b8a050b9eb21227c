from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "audit"
    verbose_name = "Security log"

    def ready(self):
        # Register the receivers: the audit log's, and the session clock, which must be
        # connected before the first login (not lazily, when the middleware is first
        # loaded).
        from audit import signals  # noqa: F401
        from pct_journal import middleware  # noqa: F401

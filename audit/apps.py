from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "audit"
    verbose_name = "Security log"

    def ready(self):
        # Register the receivers: the audit log's, and two other security receivers
        # that must be connected before the first login (not lazily, when the
        # middleware is first loaded): the session clock and the lockout reset.
        from accounts import lockout  # noqa: F401
        from audit import signals  # noqa: F401
        from pct_journal import middleware  # noqa: F401

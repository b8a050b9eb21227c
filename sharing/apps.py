from django.apps import AppConfig


class SharingConfig(AppConfig):
    name = "sharing"
    verbose_name = "Share links"

    def ready(self) -> None:
        from sharing.log_redaction import redact_share_tokens_in_logs

        # Django and gunicorn log request paths; a share link's path holds its token.
        redact_share_tokens_in_logs()

from django.apps import AppConfig


class SharingConfig(AppConfig):
    name = "sharing"
    verbose_name = "Share links"

    def ready(self) -> None:
        from accounts.account_record import register_account_section
        from sharing.account_section import share_links_record
        from sharing.log_redaction import redact_share_tokens_in_logs

        register_account_section("share_links", share_links_record)

        # Django and gunicorn log request paths; a share link's path holds its token.
        redact_share_tokens_in_logs()

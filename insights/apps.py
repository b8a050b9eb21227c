from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "insights"

    def ready(self) -> None:
        from accounts.account_record import register_account_section
        from insights.guide.account_section import partner_guide_record

        register_account_section("partner_guide", partner_guide_record)
        # Connects the refresh of a person's insights after each write to their journal.
        from insights import tasks  # noqa: F401

from django.apps import AppConfig


class CheckinsConfig(AppConfig):
    name = "checkins"
    verbose_name = "Wellbeing check-ins"

    def ready(self) -> None:
        from checkins import checks  # noqa: F401  (registers the support lists' check)
        from checkins.selectors import checkins_for_backup
        from checkins.services import checkins_restore
        from checkins.support_file import host_support_lists
        from entries.portability.sections import BackupSection, register_backup_section

        # A host's support file that cannot be read stops the start here, not in front
        # of someone who needs the support screen.
        host_support_lists()
        # Check-ins travel in the full backup as its "checkins" list.
        register_backup_section(
            BackupSection(
                key="checkins",
                label="check-ins",
                export=checkins_for_backup,
                restore=checkins_restore,
            )
        )

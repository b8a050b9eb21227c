from django.apps import AppConfig
from django.db.backends.signals import connection_created


class EntriesConfig(AppConfig):
    name = "entries"
    verbose_name = "Journal entries"

    def ready(self):
        from pct_journal.private_files import make_sqlite_files_private

        # The journal's SQLite files are private, however the process was started.
        connection_created.connect(make_sqlite_files_private, dispatch_uid="private_sqlite")

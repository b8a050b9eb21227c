from django.core.management.base import BaseCommand

from entries.services import deleted_entries_purge
from entries.undo import UNDO_WINDOW


class Command(BaseCommand):
    help = (
        "Remove deleted entries whose undo window has passed. The app also does this as "
        "people use it; a timer running this every few minutes bounds it on a quiet install."
    )

    def handle(self, *args, **options):
        count = deleted_entries_purge()
        minutes = int(UNDO_WINDOW.total_seconds() // 60)
        self.stdout.write(f"Removed {count} deleted entries older than {minutes} minutes.")

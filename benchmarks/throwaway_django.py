"""Django on a throwaway database, for the benchmarks that time the whole stack."""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def django_on_a_throwaway_database() -> None:
    """Sets Django up with development settings on a new SQLite file in a temporary
    directory (or BENCH_DATABASE_URL, which must be a database you can wipe), migrated,
    with the test environment that lets the test client see templates and contexts."""
    workdir = tempfile.mkdtemp(prefix="pct-bench-")
    os.environ["DATABASE_URL"] = os.environ.get(
        "BENCH_DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3"
    )
    os.environ.setdefault("DJANGO_VAR_DIR", workdir)  # its own keys and caches
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pct_journal.settings")
    os.environ.setdefault("DJANGO_DEBUG", "True")  # development settings, throwaway data
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()
    call_command("migrate", verbosity=0)

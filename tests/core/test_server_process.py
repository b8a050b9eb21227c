"""What gunicorn's master loads before it forks the workers (gunicorn.conf.py)."""

import json
import subprocess
import sys
from pathlib import Path

from tests.production_env import production_env

BASE_DIR = Path(__file__).resolve().parents[2]

CHILD = """
import gc, json, runpy, sys
import django
django.setup()
conf = runpy.run_path("gunicorn.conf.py")
conf["when_ready"](None)
print(json.dumps({
    "loaded": sorted(m for m in ("pandas", "scipy.stats", "matplotlib", "weasyprint")
                     if m in sys.modules),
    "gc_threshold": gc.get_threshold(),
}))
"""


def _master_state(tmp_path) -> dict:
    env = production_env(tmp_path, DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3")
    result = subprocess.run(  # noqa: S603 (our own interpreter and script)
        [sys.executable, "-c", CHILD],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_master_loads_the_analysis_once_for_every_worker_but_not_the_pdf_maker(tmp_path):
    state = _master_state(tmp_path)

    # Shared copy-on-write by every worker; WeasyPrint would add ~24 MB to each of them.
    assert state["loaded"] == ["matplotlib", "pandas", "scipy.stats"]
    assert state["gc_threshold"] == [10_000, 10, 10]

"""`manage.py check --deploy` passes with zero warnings under a production environment."""

import subprocess
import sys
from pathlib import Path

from tests.production_env import production_env

BASE_DIR = Path(__file__).resolve().parents[2]


def _check_deploy(env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deploy_check(tmp_path):
    result = _check_deploy(production_env(tmp_path))

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_it_still_passes_with_hsts_preload_switched_on(tmp_path):
    result = _check_deploy(production_env(tmp_path, DJANGO_HSTS_PRELOAD="True"))

    assert result.returncode == 0, result.stdout + result.stderr


def test_the_check_fails_when_cookies_are_not_https_only(tmp_path):
    # Proves the check above would catch a weakened production setting.
    result = _check_deploy(production_env(tmp_path, DJANGO_SECURE_COOKIES="False"))

    assert result.returncode != 0
    assert "security.W012" in result.stderr + result.stdout

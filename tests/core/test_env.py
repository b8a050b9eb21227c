import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from pct_journal.env import env_bool, env_int, env_list, env_str


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("True", True, id="True"),
        pytest.param("yes", True, id="yes"),
        pytest.param("1", True, id="one"),
        pytest.param("false", False, id="false"),
        pytest.param("OFF", False, id="OFF"),
    ],
)
def test_env_bool_reads_common_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("X_FLAG", raw)

    assert env_bool("X_FLAG", not expected) is expected


def test_env_bool_fails_loudly_on_nonsense(monkeypatch):
    monkeypatch.setenv("X_FLAG", "maybe")

    with pytest.raises(ImproperlyConfigured, match="X_FLAG must be True or False"):
        env_bool("X_FLAG", True)


def test_env_int_checks_type_and_minimum(monkeypatch):
    monkeypatch.setenv("X_NUM", "ten")
    with pytest.raises(ImproperlyConfigured, match="whole number"):
        env_int("X_NUM", 1)
    monkeypatch.setenv("X_NUM", "-5")
    with pytest.raises(ImproperlyConfigured, match="at least 0"):
        env_int("X_NUM", 1, minimum=0)
    monkeypatch.setenv("X_NUM", "42")
    assert env_int("X_NUM", 1, minimum=0) == 42


def test_unset_and_blank_values_use_the_default(monkeypatch):
    monkeypatch.delenv("X_UNSET", raising=False)
    monkeypatch.setenv("X_BLANK", "  ")

    assert env_str("X_UNSET", "d") == "d"
    assert env_str("X_BLANK", "d") == "d"
    assert env_list("X_UNSET", ["a"]) == ["a"]


def test_env_list_splits_on_commas(monkeypatch):
    monkeypatch.setenv("X_LIST", "a.example, b.example,,")

    assert env_list("X_LIST", []) == ["a.example", "b.example"]


def _settings_import(env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "import pct_journal.settings"],
        env={"PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _settings_import({"DJANGO_DEBUG": "False", "DJANGO_ALLOWED_HOSTS": "x.example"})

    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_encryption_keys():
    result = _settings_import(
        {
            "DJANGO_DEBUG": "False",
            "DJANGO_ALLOWED_HOSTS": "x.example",
            "DJANGO_SECRET_KEY": "s" * 50,
        }
    )

    assert result.returncode != 0
    assert "Set DJANGO_FIELD_ENCRYPTION_KEYS" in result.stderr


def test_a_typo_in_debug_stops_the_app():
    result = _settings_import({"DJANGO_DEBUG": "Flase"})

    assert result.returncode != 0
    assert "DJANGO_DEBUG must be True or False" in result.stderr

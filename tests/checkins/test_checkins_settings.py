"""The SUPPORT_RESOURCES and SUPPORT_EMERGENCY settings (or the file that replaces them)
are checked at start-up, so the support screen never fails in front of someone who
needs it."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured

from checkins.checks import support_resources_check
from checkins.support_file import support_lists

BASE_DIR = Path(__file__).resolve().parents[2]


def test_the_default_crisis_lines_pass_and_name_the_widely_known_ones():
    assert support_resources_check() == []
    text = " ".join(str(line) for line in django_settings.SUPPORT_RESOURCES)
    assert "988" in text
    assert "116 123" in text
    assert "findahelpline.com" in text


@pytest.mark.parametrize(
    ("resources", "error_id"),
    [
        pytest.param([], "checkins.E001", id="empty"),
        pytest.param("988", "checkins.E001", id="not-a-list"),
        pytest.param(["988"], "checkins.E002", id="not-a-dict"),
        pytest.param([{"name": "Line"}], "checkins.E003", id="no-contact"),
        pytest.param(
            [{"name": "L", "contact": "c", "phone": "1"}], "checkins.E004", id="unknown-key"
        ),
        pytest.param(
            [{"name": "L", "contact": "c", "url": "javascript:alert(1)"}],
            "checkins.E005",
            id="not-a-web-link",
        ),
        pytest.param(
            [{"name": "L", "contact": "c", "tel": "116 123"}], "checkins.E006", id="tel-spaces"
        ),
    ],
)
def test_a_broken_setting_is_reported(settings, resources, error_id):
    settings.SUPPORT_RESOURCES = resources

    assert [error.id for error in support_resources_check()] == [error_id]


def test_the_default_emergency_numbers_pass_and_name_911_999_112_and_000():
    numbers = [item["number"] for item in django_settings.SUPPORT_EMERGENCY]

    assert support_resources_check() == []
    assert numbers == ["911", "999", "112", "000"]


@pytest.mark.parametrize(
    ("emergency", "error_id"),
    [
        pytest.param([], "checkins.E007", id="empty"),
        pytest.param(None, "checkins.E007", id="missing"),
        pytest.param(["112"], "checkins.E008", id="not-a-dict"),
        pytest.param([{"number": "112"}], "checkins.E009", id="no-region"),
        pytest.param([{"region": "UK", "number": "999 or 112"}], "checkins.E010", id="two-numbers"),
        pytest.param(
            [{"region": "UK", "number": "999", "tel": "999"}], "checkins.E011", id="unknown-key"
        ),
    ],
)
def test_broken_emergency_numbers_are_reported(settings, emergency, error_id):
    settings.SUPPORT_EMERGENCY = emergency

    assert [error.id for error in support_resources_check()] == [error_id]


GERMANY = {
    "resources": [
        {
            "name": "Telefonseelsorge",
            "region": "Germany",
            "contact": "Call 0800 111 0 111, free, day or night.",
            "tel": "08001110111",
        }
    ],
    "emergency": [{"region": "Germany", "number": "112"}],
}


def test_without_a_file_the_defaults_are_kept():
    assert support_lists(None, resources=["r"], emergency=["e"]) == (["r"], ["e"])


def test_a_file_replaces_both_lists(tmp_path):
    path = tmp_path / "support.json"
    path.write_text(json.dumps(GERMANY), encoding="utf-8")

    assert support_lists(str(path), resources=["r"], emergency=["e"]) == (
        GERMANY["resources"],
        GERMANY["emergency"],
    )


def test_a_file_with_one_list_keeps_the_other_default(tmp_path):
    path = tmp_path / "support.json"
    path.write_text(json.dumps({"emergency": GERMANY["emergency"]}), encoding="utf-8")

    assert support_lists(str(path), resources=["r"], emergency=["e"]) == (
        ["r"],
        GERMANY["emergency"],
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(None, "cannot read", id="missing"),
        pytest.param("{resources: []", "not valid JSON", id="not-json"),
        pytest.param("[]", "must hold a JSON object", id="a-list"),
        pytest.param('{"lines": []}', "must hold a JSON object", id="unknown-key"),
        pytest.param("{}", "must hold a JSON object", id="empty"),
    ],
)
def test_a_bad_file_stops_the_start_with_the_reason(tmp_path, content, message):
    path = tmp_path / "support.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")

    with pytest.raises(ImproperlyConfigured, match=message):
        support_lists(str(path), resources=["r"], emergency=["e"])


def _manage(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603  (our own interpreter and manage.py)
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={"PATH": "/usr/bin:/bin", "DJANGO_DEBUG": "True", **env},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


SHOW_LISTS = (
    "from django.conf import settings; import json; "
    "print(json.dumps([settings.SUPPORT_RESOURCES, settings.SUPPORT_EMERGENCY]))"
)


def test_an_install_for_one_country_replaces_the_lists_without_editing_code(tmp_path):
    path = tmp_path / "support.json"
    path.write_text(json.dumps(GERMANY), encoding="utf-8")
    env = {"DJANGO_VAR_DIR": str(tmp_path), "DJANGO_SUPPORT_RESOURCES_FILE": str(path)}

    shown = _manage(env, "shell", "--verbosity=0", "-c", SHOW_LISTS)
    checked = _manage(env, "check")

    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout) == [GERMANY["resources"], GERMANY["emergency"]]
    assert checked.returncode == 0, checked.stderr


def test_manage_check_refuses_a_file_with_a_line_it_cannot_show(tmp_path):
    path = tmp_path / "support.json"
    broken = {"emergency": [{"region": "Germany", "number": "1 1 2"}]}
    path.write_text(json.dumps(broken), encoding="utf-8")
    env = {"DJANGO_VAR_DIR": str(tmp_path), "DJANGO_SUPPORT_RESOURCES_FILE": str(path)}

    checked = _manage(env, "check")

    assert checked.returncode != 0
    assert "checkins.E010" in checked.stderr

"""The SUPPORT_RESOURCES setting is checked at start-up, so the support screen never
fails in front of someone who needs it."""

import pytest
from django.conf import settings as django_settings

from checkins.checks import support_resources_check


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

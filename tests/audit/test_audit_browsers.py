import pytest
from django.urls import reverse

from audit.browsers import browser_label
from audit.models import EventKind, SecurityEvent

CHROME_LINUX = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)


@pytest.mark.parametrize(
    ("user_agent", "label"),
    [
        pytest.param(CHROME_LINUX, "Chrome on Linux", id="chrome-linux"),
        pytest.param(
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
            "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
            "Safari on iOS",
            id="safari-iphone",
        ),
        pytest.param(
            "Mozilla/5.0 (Android 15; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0",
            "Firefox on Android",
            id="firefox-android",
        ),
        pytest.param(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
            "Edge on Windows",
            id="edge-windows",
        ),
        pytest.param(
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 "
            "(KHTML, like Gecko) Version/18.1 Safari/605.1.15",
            "Safari on macOS",
            id="safari-mac",
        ),
        pytest.param(
            CHROME_LINUX.replace("Chrome/", "HeadlessChrome/"),
            "Chrome (headless) on Linux",
            id="headless",
        ),
        pytest.param("curl/8.5.0", "an unknown browser", id="curl"),
        pytest.param("", "an unknown browser", id="nothing"),
    ],
)
def test_a_user_agent_reads_as_a_browser_and_system(user_agent, label):
    assert browser_label(user_agent) == label


@pytest.mark.django_db
def test_the_security_log_names_the_browser_in_words(alice, alice_client):
    SecurityEvent.objects.create(
        user=alice, kind=EventKind.PASSWORD_CHANGED, user_agent=CHROME_LINUX
    )

    page = alice_client.get(reverse("audit:log")).content.decode()

    assert "Chrome on Linux" in page
    assert f'title="{CHROME_LINUX}"' in page

"""Options the summary cannot use get a page in the app's layout, not bare text."""

import pytest
from django.urls import reverse

from sharing.models import ShareLink
from tests.security_helpers import reauthenticate

pytestmark = pytest.mark.django_db

EXPORT = reverse("insights:export")


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("insights:summary", id="print-page"),
        pytest.param("insights:summary_pdf", id="pdf"),
        pytest.param("sharing:create", id="share-form"),
    ],
)
def test_bad_options_get_an_html_page_that_explains_and_leads_back(alice_client, name):
    reauthenticate(alice_client)

    response = alice_client.get(f"{reverse(name)}?range=30d&paper=x")

    page = response.content.decode()
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert '<h1 class="h3">These summary options could not be used</h1>' in page
    assert "Select a valid choice. x is not one of the available choices." in page
    assert f'href="{EXPORT}?range=30d&amp;paper=x"' in page  # the choices, to fix there
    assert f'href="{EXPORT}"' in page
    assert 'aria-label="Main"' in page  # the app's own layout, with its way around


def test_every_problem_is_listed(alice_client):
    response = alice_client.get(f"{reverse('insights:summary')}?range=7d&notes=some")

    page = response.content.decode()
    assert "not a period this page knows" in page
    assert "some is not one of the available choices" in page


def test_a_tampered_share_form_creates_nothing_and_leads_back_to_the_options(alice_client):
    reauthenticate(alice_client)

    response = alice_client.post(reverse("sharing:create"), {"options": "1", "range": "2y"})

    page = response.content.decode()
    assert response.status_code == 400
    assert "These summary options could not be used" in page
    assert f'href="{EXPORT}"' in page
    assert not ShareLink.objects.exists()

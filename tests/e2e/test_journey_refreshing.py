"""Right after saving an entry, while the task worker is still adding it, a person opens
the home page and the insights page: they see the figures from before with a calm,
accessible note saying the new entry is on its way, and the entries list has it."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import expect

from insights.tasks import refresh_insights
from tests.e2e import journey_support
from tests.e2e.journey_support import assert_accessible, log_in_as

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

screen = journey_support.screen
NOTICE = "Your latest change is still being added to these insights."
# A queue that keeps what is enqueued and never runs it: a worker that is still busy.
WORKER_BUSY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def demo_user():
    call_command("seed_demo", user="demo", entries=60, seed=7, password="a-long-demo-password")
    user = get_user_model().objects.get(username="demo")
    refresh_insights.call(user_id=user.pk, language="en")  # the worker caught up
    return user


def test_a_new_entry_is_said_to_be_on_its_way_until_the_worker_adds_it(
    live_server, screen, demo_user, settings
):
    page, _watch = screen
    settings.TASKS = WORKER_BUSY
    log_in_as(page, live_server, demo_user)

    page.goto(live_server.url + "/entries/new/")
    page.get_by_role("group", name="Sadness").get_by_text("Strong").click()
    page.get_by_text("I cried").click()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Be gentle with yourself")).to_be_visible()
    expect(page.locator(".entry-item").first).to_contain_text("peak strong, cried")

    page.goto(live_server.url + "/")
    notice = page.get_by_role("status").filter(has_text=NOTICE)
    expect(notice).to_be_visible()
    assert_accessible(page)

    page.goto(live_server.url + "/insights/")
    expect(page.get_by_role("status").filter(has_text=NOTICE)).to_be_visible()

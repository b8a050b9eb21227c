"""A person who logs with a partner and then on their own, on a phone: the form offers
the last partner, "Solo" takes the partner fields away (and they come back as they were
when the experience is partnered again), and the solo entry is saved. Their partners and
factors lists have buttons a thumb can hit: every one at least 44x44 CSS pixels."""

import pytest
from playwright.sync_api import expect

from entries.models import Entry, Partner
from tests.e2e.journey_support import (
    assert_accessible,
    assert_touch_targets,
    follow_main_link,
    log_in_as,
)
from tests.factories import UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _open_the_log_form(page) -> None:
    follow_main_link(page, "Log")
    expect(page).to_have_title("Log an experience · PCT Journal")
    page.get_by_text("When and with whom").click()


def _log_with_a_new_partner(page, nickname: str) -> None:
    _open_the_log_form(page)
    page.get_by_label("Or add a new partner").fill(nickname)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("Saved.")


def _log_solo_after_a_partner(page, partner: Partner) -> None:
    _open_the_log_form(page)
    choose = page.get_by_label("Partner", exact=True)
    expect(choose).to_have_value(str(partner.pk))  # the last partner, remembered
    activity = page.get_by_role("group", name="Activity")

    activity.get_by_text("Solo").click()
    expect(choose).to_be_hidden()
    expect(choose).to_be_disabled()
    expect(page.get_by_label("Or add a new partner")).to_be_disabled()
    assert_accessible(page)

    # Changing one's mind brings the partner back as it was...
    activity.get_by_text("With a partner").click()
    expect(choose).to_be_visible()
    expect(choose).to_be_enabled()
    expect(choose).to_have_value(str(partner.pk))

    # ...and the solo entry is saved without one.
    activity.get_by_text("Solo").click()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("Saved.")
    expect(page).to_have_title("Entries · PCT Journal")
    expect(page.locator(".entry-item")).to_have_count(2)
    expect(page.locator(".entry-item", has_text="Solo")).to_have_count(1)
    expect(page.locator(".entry-item", has_text=f"With {partner.nickname}")).to_have_count(1)


def _lists_have_big_enough_buttons(page, base_url: str) -> None:
    page.goto(base_url + "/partners/")
    assert assert_touch_targets(page.locator("main .list-group")) == 2  # Edit, Remove
    assert_accessible(page)

    page.goto(base_url + "/tags/")
    page.get_by_role("textbox", name="Factor").fill("after a late night")
    page.get_by_role("button", name="Add").click()
    expect(page.get_by_role("status")).to_contain_text("Added")
    assert assert_touch_targets(page.locator("main .list-group")) == 2  # Rename, Remove
    assert_touch_targets(page.locator("main form"))


def test_a_solo_entry_after_a_partnered_one_is_saved(live_server, phone):
    page, _watch = phone
    user = UserFactory(username="evenings")
    log_in_as(page, live_server, user)
    page.goto(live_server.url + "/")

    _log_with_a_new_partner(page, "Robin")
    robin = Partner.objects.get(user=user)
    _log_solo_after_a_partner(page, robin)

    solo = Entry.objects.get(user=user, activity="solo")
    assert solo.partner is None
    assert Entry.objects.get(user=user, activity="partnered").partner == robin
    _lists_have_big_enough_buttons(page, live_server.url)

import datetime as dt
import re
import uuid
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone

from entries.forms import EARLIEST_DATE
from entries.models import Entry, Partner
from insights.ranges import EARLIEST
from tests.factories import EntryFactory, PartnerFactory, PreferencesFactory, TagFactory

pytestmark = pytest.mark.django_db

MINUTES_MESSAGE = "Between 1 minute and 24 hours (1440 minutes)."


def test_it_logs_a_calm_experience_with_the_defaults(alice, alice_client, entry_post_data):
    response = alice_client.post(reverse("entries:create"), entry_post_data)

    assert response.status_code == 302
    entry = Entry.objects.get(user=alice)
    assert entry.peak_intensity == 0
    assert not entry.is_episode_at(2)
    assert entry.satisfaction is None  # not asked, so not invented


def test_it_logs_an_episode_with_tags_coping_and_a_new_partner(
    alice, alice_client, alice_tag, entry_post_data
):
    entry_post_data.update(
        sadness="3",
        cried="on",
        new_partner="Robin",
        tags=[str(alice_tag.pk)],
        coping=["time_alone", "talked"],
        coping_helped="3",
        pain="6",
        notes="It came out of nowhere.",
    )

    response = alice_client.post(reverse("entries:create"), entry_post_data)

    assert response.status_code == 302
    entry = Entry.objects.get(user=alice)
    assert entry.is_episode_at(2)
    assert entry.partner.nickname == "Robin"
    assert list(entry.tags.all()) == [alice_tag]
    assert entry.coping == ["talked", "time_alone"]
    assert entry.notes == "It came out of nowhere."


def test_the_form_defaults_to_now_and_the_last_partner(alice, alice_client, alice_partner):
    EntryFactory(user=alice, partner=alice_partner)

    page = alice_client.get(reverse("entries:create")).content.decode()

    assert f'<option value="{alice_partner.pk}" selected>Sam</option>' in page
    (when,) = re.findall(r'name="occurred_at" value="([^"]*)"', page)
    shown = dt.datetime.strptime(when, "%Y-%m-%dT%H:%M")
    now = timezone.localtime().replace(tzinfo=None)
    assert abs(now - shown) < dt.timedelta(minutes=2)


def test_times_are_read_and_shown_in_the_users_time_zone(alice, alice_client, entry_post_data):
    PreferencesFactory(user=alice, time_zone="Asia/Tokyo")

    alice_client.post(reverse("entries:create"), entry_post_data)

    entry = Entry.objects.get(user=alice)
    tokyo = zoneinfo.ZoneInfo("Asia/Tokyo")
    assert entry.occurred_at == dt.datetime(2026, 11, 20, 22, 15, tzinfo=tokyo)
    listing = alice_client.get(reverse("entries:list")).content.decode()
    assert "Fri 20 Nov 2026, 22:15" in listing


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        pytest.param("sadness", "5", "Choose one of the answers shown.", id="emotion-above-scale"),
        pytest.param("sadness", "-1", "Choose one of the answers shown.", id="emotion-below-scale"),
        pytest.param("pain", "11", "Choose one of the answers shown.", id="pain-above-scale"),
        pytest.param("satisfaction", "9", "Choose one of the answers shown.", id="extent-above"),
        pytest.param("activity", "group", "Choose one of the answers shown.", id="bad-activity"),
        pytest.param("orgasm", "maybe", "Choose one of the answers shown.", id="bad-orgasm"),
        pytest.param("occurred_at", "yesterday-ish", "Enter a valid date/time", id="bad-date"),
        pytest.param("notes", "x" * 5001, "at most 5000 characters", id="overlong-note"),
        pytest.param("episode_minutes", "0", MINUTES_MESSAGE, id="zero-minutes"),
        pytest.param("episode_minutes", "-5", MINUTES_MESSAGE, id="negative-minutes"),
        pytest.param("episode_minutes", "1500", MINUTES_MESSAGE, id="over-a-day"),
        pytest.param("episode_minutes", "1.5", "A whole number of minutes", id="part-minutes"),
        pytest.param("coping", "dancing", "Choose one of the answers shown.", id="unknown-coping"),
    ],
)
def test_bad_values_are_field_errors_and_nothing_is_saved(
    alice_client, entry_post_data, field, value, message
):
    entry_post_data[field] = value
    entry_post_data["irritation"] = "2"  # a value the re-rendered form must keep

    response = alice_client.post(reverse("entries:create"), entry_post_data)

    assert response.status_code == 200
    assert message in str(response.context["form"].errors[field])
    assert "greater than or equal" not in response.content.decode()
    assert "less than or equal" not in response.content.decode()
    assert response.context["form"]["irritation"].value() == "2"
    assert re.search(r'<input[^>]*id="id_irritation_2"[^>]*checked', response.content.decode())
    assert not Entry.objects.exists()


def test_a_date_more_than_a_day_ahead_is_refused(alice_client, entry_post_data):
    ahead = timezone.localtime() + dt.timedelta(days=2)
    entry_post_data["occurred_at"] = ahead.strftime("%Y-%m-%dT%H:%M")

    response = alice_client.post(reverse("entries:create"), entry_post_data)

    assert "more than a day from now" in str(response.context["form"].errors["occurred_at"])
    assert not Entry.objects.exists()


def test_another_users_partner_or_tag_is_refused(alice_client, bob, entry_post_data):
    entry_post_data["partner"] = str(PartnerFactory(user=bob).pk)
    entry_post_data["tags"] = [str(TagFactory(user=bob).pk)]

    response = alice_client.post(reverse("entries:create"), entry_post_data)

    errors = response.context["form"].errors
    assert "Choose one of your partners" in str(errors["partner"])
    assert "Choose from your own factors" in str(errors["tags"])
    assert not Entry.objects.exists()


def test_a_solo_entry_is_saved_without_the_remembered_partner(
    alice, alice_client, alice_partner, entry_post_data
):
    # The form pre-selects the last partner; a browser without the page's script still
    # sends it when the person taps "Solo".
    EntryFactory(user=alice, partner=alice_partner, occurred_at=timezone.now() - dt.timedelta(1))
    entry_post_data.update(activity="solo", partner=str(alice_partner.pk), new_partner="Robin")

    response = alice_client.post(reverse("entries:create"), entry_post_data, follow=True)

    assert "Saved." in response.content.decode()
    solo = Entry.objects.get(user=alice, activity="solo")
    assert solo.partner is None
    assert list(Partner.objects.filter(user=alice)) == [alice_partner]  # no "Robin"


def test_a_solo_entry_ignores_a_partner_that_is_no_longer_there(
    alice, alice_client, entry_post_data
):
    # Removed in another tab after the form was opened: nothing to complain about.
    entry_post_data.update(activity="solo", partner=str(uuid.uuid4()))

    response = alice_client.post(reverse("entries:create"), entry_post_data)

    assert response.status_code == 302
    assert Entry.objects.get(user=alice).partner is None


def test_changing_an_entry_to_solo_drops_its_partner(alice_client, alice_entry, entry_post_data):
    entry_post_data.update(activity="solo", partner=str(alice_entry.partner_id))

    alice_client.post(reverse("entries:update", args=[alice_entry.pk]), entry_post_data)

    alice_entry.refresh_from_db()
    assert (alice_entry.activity, alice_entry.partner) == ("solo", None)


def test_a_partnered_entry_keeps_its_partner(alice, alice_client, alice_partner, entry_post_data):
    entry_post_data["partner"] = str(alice_partner.pk)

    alice_client.post(reverse("entries:create"), entry_post_data)

    assert Entry.objects.get(user=alice).partner == alice_partner


def test_a_partner_from_the_list_and_a_new_one_is_a_field_error(
    alice_client, alice_partner, entry_post_data
):
    entry_post_data.update(partner=str(alice_partner.pk), new_partner="Robin")

    response = alice_client.post(reverse("entries:create"), entry_post_data)

    assert "not both" in str(response.context["form"].errors["new_partner"])
    assert not Entry.objects.exists()


@pytest.mark.parametrize(
    ("time_zone", "typed"),
    [
        pytest.param("Asia/Tokyo", "0001-01-01T00:00", id="year-1-east-of-utc"),
        pytest.param("America/New_York", "0001-01-01T00:00", id="year-1-west-of-utc"),
        pytest.param("UTC", "1899-12-31T23:59", id="just-before-1900"),
    ],
)
def test_a_date_before_1900_is_a_field_error(
    alice, alice_client, entry_post_data, time_zone, typed
):
    PreferencesFactory(user=alice, time_zone=time_zone)
    entry_post_data["occurred_at"] = typed

    response = alice_client.post(reverse("entries:create"), entry_post_data)

    assert response.status_code == 200
    errors = response.context["form"].errors["occurred_at"]
    assert errors == ["Please choose a date from 1900 onwards."]
    assert f'value="{typed}"' in response.content.decode()  # kept for correcting
    assert not Entry.objects.exists()


def test_the_first_day_of_1900_is_accepted(alice, alice_client, entry_post_data):
    PreferencesFactory(user=alice, time_zone="Asia/Tokyo")
    entry_post_data["occurred_at"] = "1900-01-01T00:00"

    response = alice_client.post(reverse("entries:create"), entry_post_data)

    assert response.status_code == 302
    tokyo = zoneinfo.ZoneInfo("Asia/Tokyo")
    assert Entry.objects.get(user=alice).occurred_at == dt.datetime(1900, 1, 1, tzinfo=tokyo)


def test_the_earliest_date_matches_the_period_picker():
    assert EARLIEST_DATE == EARLIEST


def test_the_far_future_is_refused_without_a_crash(alice, alice_client, entry_post_data):
    PreferencesFactory(user=alice, time_zone="Pacific/Honolulu")
    entry_post_data["occurred_at"] = "9999-12-31T23:59"

    response = alice_client.post(reverse("entries:create"), entry_post_data)

    assert "more than a day from now" in str(response.context["form"].errors["occurred_at"])


def test_an_episode_gets_a_warm_word_that_suits_any_time_of_day(alice_client, entry_post_data):
    entry_post_data["sadness"] = "3"

    response = alice_client.post(reverse("entries:create"), entry_post_data, follow=True)

    content = response.content.decode()
    assert "Saved. Be gentle with yourself." in content
    assert "tonight" not in content


def test_the_list_is_newest_first_and_marks_episodes(alice, alice_client):
    EntryFactory(user=alice, occurred_at=timezone.now() - dt.timedelta(days=2), sadness=3)
    EntryFactory(user=alice, occurred_at=timezone.now() - dt.timedelta(days=1))

    response = alice_client.get(reverse("entries:list"))

    entries = list(response.context["page"].object_list)
    assert [entry.episode for entry in entries] == [False, True]
    assert response.content.decode().count("badge-episode") == 1


def test_the_list_is_paginated(alice, alice_client):
    EntryFactory.create_batch(25, user=alice)

    first = alice_client.get(reverse("entries:list"))
    second = alice_client.get(reverse("entries:list"), {"page": 2})
    beyond = alice_client.get(reverse("entries:list"), {"page": "999"})
    nonsense = alice_client.get(reverse("entries:list"), {"page": "abc"})

    assert len(first.context["page"].object_list) == 20
    assert len(second.context["page"].object_list) == 5
    assert beyond.context["page"].number == 2
    assert nonsense.context["page"].number == 1


def test_the_list_filters_by_date_partner_and_episodes(alice, alice_client, alice_partner):
    now = timezone.now()
    EntryFactory(user=alice, occurred_at=now - dt.timedelta(days=40), sadness=4)
    with_sam = EntryFactory(user=alice, partner=alice_partner, occurred_at=now, sadness=2)
    EntryFactory(user=alice, partner=alice_partner, occurred_at=now - dt.timedelta(days=1))
    start = (timezone.localdate() - dt.timedelta(days=7)).isoformat()

    response = alice_client.get(
        reverse("entries:list"),
        {"start": start, "partner": str(alice_partner.pk), "episodes": "on"},
    )

    assert list(response.context["page"].object_list) == [with_sam]
    assert "1 entry matches these filters" in response.content.decode()


def test_the_episode_filter_uses_the_users_threshold(alice, alice_client):
    PreferencesFactory(user=alice, episode_threshold=3)
    EntryFactory(user=alice, sadness=2)
    strong = EntryFactory(user=alice, sadness=3)

    response = alice_client.get(reverse("entries:list"), {"episodes": "on"})

    assert list(response.context["page"].object_list) == [strong]


@pytest.mark.parametrize(
    "params",
    [
        pytest.param({"start": "2026-13-45"}, id="impossible-date"),
        pytest.param({"start": "2026-05-02", "end": "2026-05-01"}, id="reversed"),
        pytest.param({"partner": "not-a-uuid"}, id="bad-partner"),
        pytest.param({"partner": str(uuid.uuid4())}, id="unknown-partner"),
    ],
)
def test_bad_filters_show_an_error_and_the_unfiltered_list(alice, alice_client, params):
    EntryFactory(user=alice)

    response = alice_client.get(reverse("entries:list"), params)

    assert response.status_code == 200
    assert response.context["filters"].errors
    assert len(response.context["page"].object_list) == 1


def test_the_empty_list_says_what_to_do(alice_client):
    response = alice_client.get(reverse("entries:list"))

    assert "Log your first entry" in response.content.decode()


def test_the_detail_page_shows_the_entry(alice_client, alice_entry):
    response = alice_client.get(reverse("entries:detail", args=[alice_entry.pk]))

    content = response.content.decode()
    assert "a private note" in content
    assert "Sam" in content
    assert "after an argument" in content
    assert "Episode" in content


def test_it_updates_an_entry(alice_client, alice_entry, entry_post_data):
    entry_post_data.update(sadness="1", notes="changed my mind")

    response = alice_client.post(reverse("entries:update", args=[alice_entry.pk]), entry_post_data)

    assert response.status_code == 302
    alice_entry.refresh_from_db()
    assert alice_entry.sadness == 1
    assert alice_entry.notes == "changed my mind"
    assert list(alice_entry.tags.all()) == []


def test_a_bad_update_changes_nothing(alice_client, alice_entry, entry_post_data):
    entry_post_data.update(sadness="9", notes="should not be saved")

    response = alice_client.post(reverse("entries:update", args=[alice_entry.pk]), entry_post_data)

    assert response.status_code == 200
    alice_entry.refresh_from_db()
    assert alice_entry.sadness == 3
    assert alice_entry.notes == "a private note"


def test_editing_keeps_an_inactive_partner_selectable(alice_client, alice_entry, alice_partner):
    alice_partner.active = False
    alice_partner.save()

    response = alice_client.get(reverse("entries:update", args=[alice_entry.pk]))

    assert alice_partner in response.context["form"].fields["partner"].queryset


def test_delete_asks_first_then_deletes(alice_client, alice_entry):
    url = reverse("entries:delete", args=[alice_entry.pk])

    confirm = alice_client.get(url)
    assert "Delete this entry?" in confirm.content.decode()
    assert Entry.objects.filter(pk=alice_entry.pk).exists()

    response = alice_client.post(url)
    assert response.status_code == 302
    assert not Entry.objects.filter(pk=alice_entry.pk).exists()


@pytest.mark.parametrize("name", ["entries:detail", "entries:update", "entries:delete"])
def test_it_checks_ownership(charlie_client, alice_entry, entry_post_data, name):
    url = reverse(name, args=[alice_entry.pk])

    assert charlie_client.get(url).status_code == 404
    assert charlie_client.post(url, entry_post_data).status_code == 404
    alice_entry.refresh_from_db()
    assert alice_entry.sadness == 3


def test_a_non_uuid_in_the_path_is_a_404(alice_client):
    assert alice_client.get("/entries/12345/").status_code == 404
    assert alice_client.get("/entries/not-a-uuid/edit/").status_code == 404

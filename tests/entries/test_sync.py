"""entries:sync, where a phone sends the entries it kept offline."""

import json
import uuid

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import Preferences
from accounts.offline_owner import offline_owner
from entries.forms import NOT_AN_ANSWER
from entries.models import Entry
from tests.factories import EntryFactory, PartnerFactory

pytestmark = pytest.mark.django_db
URL = reverse("entries:sync")


def _payload(user, *, id=None, **fields) -> dict:
    answers = {"sadness": ["2"], "irritation": ["0"], "agitation": ["0"], "anxiety_after": ["1"]}
    answers |= {"occurred_at": ["2026-06-01T07:47"], "activity": ["partnered"]}
    answers |= {"stress": ["0"], "low_mood": ["0"], "performance_anxiety": ["0"]}
    answers |= {"felt_vulnerable": ["0"], "relationship_tension": ["0"], "pain": ["0"]}
    answers |= {"notes": ["A long quiet evening."]}
    answers |= fields
    return {
        "id": str(id or uuid.uuid4()),
        "owner": offline_owner(user),
        "time_zone": "UTC",
        "fields": answers,
    }


def _send(client, payload, **extra):
    body = payload if isinstance(payload, bytes) else json.dumps(payload)
    return client.post(URL, body, content_type="application/json", **extra)


def test_it_saves_an_entry_checked_by_the_log_form(alice, alice_client):
    payload = _payload(alice)

    response = _send(alice_client, payload)

    assert response.status_code == 200
    entry = Entry.objects.get(user=alice)
    assert response.json() == {
        "id": payload["id"],
        "status": "saved",
        "url": reverse("entries:detail", args=[entry.pk]),
    }
    assert entry.client_uuid == uuid.UUID(payload["id"])
    assert (entry.sadness, entry.anxiety_after, entry.notes) == (2, 1, "A long quiet evening.")


def test_a_replay_stores_one_entry_and_answers_like_the_first_send(alice, alice_client):
    payload = _payload(alice)

    first = _send(alice_client, payload)
    second = _send(alice_client, payload)

    assert second.status_code == first.status_code == 200
    assert second.json() == first.json()
    assert Entry.objects.filter(user=alice).count() == 1


def test_a_replay_with_other_answers_changes_nothing(alice, alice_client):
    payload = _payload(alice)
    _send(alice_client, payload)

    again = _send(alice_client, {**payload, "fields": {**payload["fields"], "sadness": ["4"]}})

    assert again.status_code == 200
    assert Entry.objects.get(user=alice).sadness == 2


def test_another_persons_uuid_leaves_their_entry_alone_and_tells_nothing(
    alice, charlie, charlie_client
):
    theirs = EntryFactory(user=alice, client_uuid=uuid.uuid4(), sadness=3, notes="Mine.")

    taken = _send(charlie_client, _payload(charlie, id=theirs.client_uuid))
    fresh = _send(charlie_client, _payload(charlie))

    # The same answer as for a UUID nobody has: a new entry of charlie's own.
    assert taken.status_code == fresh.status_code == 200
    assert taken.json().keys() == fresh.json().keys()
    assert taken.json()["url"] != reverse("entries:detail", args=[theirs.pk])
    assert Entry.objects.filter(user=charlie).count() == 2
    theirs.refresh_from_db()
    assert (theirs.user, theirs.sadness, theirs.notes) == (alice, 3, "Mine.")


def test_the_check_only_looks_at_the_persons_own_entries(alice, charlie_client):
    theirs = EntryFactory(user=alice, client_uuid=uuid.uuid4())

    response = charlie_client.get(URL, {"check": str(theirs.client_uuid)})

    assert response.status_code == 200
    assert response.json()["saved"] is False


def test_the_check_finds_a_saved_entry(alice, alice_client):
    mine = EntryFactory(user=alice, client_uuid=uuid.uuid4())

    response = alice_client.get(URL, {"check": str(mine.client_uuid)})

    assert response.json()["saved"] is True
    assert response.json()["owner"] == offline_owner(alice)


def test_it_refuses_an_entry_another_account_wrote_on_this_phone(alice, charlie, charlie_client):
    response = _send(charlie_client, _payload(alice))

    assert response.status_code == 409
    assert response.json()["error"] == "other_account"
    assert Entry.objects.count() == 0


def test_it_checks_ownership_of_the_partner(alice, charlie, charlie_client):
    alices_partner = PartnerFactory(user=alice, nickname="Sam")

    response = _send(charlie_client, _payload(charlie, partner=[str(alices_partner.pk)]))

    assert response.status_code == 400
    assert response.json()["fields"]["partner"] == ["Choose one of your partners from the list."]
    assert Entry.objects.count() == 0


def test_a_typed_nickname_finds_the_partner_it_names(alice, alice_client, alice_partner):
    nickname = alice_partner.nickname.upper()

    _send(alice_client, _payload(alice, new_partner=[nickname]))

    assert Entry.objects.get(user=alice).partner == alice_partner


def test_answers_the_log_form_refuses_are_refused_with_their_reasons(alice, alice_client):
    response = _send(alice_client, _payload(alice, sadness=["9"]))

    assert response.status_code == 400
    assert response.json()["error"] == "invalid"
    assert response.json()["fields"] == {"sadness": [str(NOT_AN_ANSWER)]}
    assert Entry.objects.count() == 0


def test_the_time_is_read_in_the_zone_the_phone_was_in(alice, alice_client):
    Preferences.objects.filter(user=alice).update(time_zone="Europe/Berlin")
    payload = {**_payload(alice), "time_zone": "America/Los_Angeles"}

    _send(alice_client, payload)

    # 07:47 in Los Angeles on 1 June (PDT, UTC-7) is 14:47 UTC.
    assert Entry.objects.get(user=alice).occurred_at.isoformat() == "2026-06-01T14:47:00+00:00"


def test_an_unknown_zone_falls_back_to_the_journals(alice, alice_client):
    Preferences.objects.filter(user=alice).update(time_zone="Europe/Berlin")
    payload = {**_payload(alice), "time_zone": "Mars/Olympus_Mons"}

    _send(alice_client, payload)

    # 07:47 in Berlin on 1 June (CEST, UTC+2) is 05:47 UTC.
    assert Entry.objects.get(user=alice).occurred_at.isoformat() == "2026-06-01T05:47:00+00:00"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        pytest.param(b"{not json", "not valid JSON", id="not-json"),
        pytest.param(b"\xff\xfe", "not valid JSON", id="not-utf8"),
        pytest.param(b"[1, 2]", "expected a JSON object", id="a-list"),
        pytest.param(b'{"owner": "x", "fields": {}}', "no valid id", id="no-id"),
        pytest.param(b'{"id": "nope", "owner": "x", "fields": {}}', "no valid id", id="bad-id"),
    ],
)
def test_a_malformed_body_is_refused_with_a_clear_message(alice_client, body, message):
    response = _send(alice_client, body)

    assert response.status_code == 400
    assert response.json()["error"] == "malformed"
    assert message in response.json()["message"]
    assert Entry.objects.count() == 0


@pytest.mark.parametrize(
    ("change", "message"),
    [
        pytest.param({"owner": ""}, "which account wrote it", id="no-owner"),
        pytest.param({"fields": ["sadness"]}, "no answers", id="fields-not-an-object"),
        pytest.param({"fields": {"sadness": 2}}, "“sadness” is not text", id="a-number"),
        pytest.param({"fields": {"notes": [None]}}, "“notes” is not text", id="a-null"),
        pytest.param({"fields": {"tags": ["x"] * 51}}, "too many values", id="many-values"),
        pytest.param(
            {"fields": {f"f{n}": "1" for n in range(101)}}, "too many answers", id="many-fields"
        ),
    ],
)
def test_a_malformed_entry_is_refused_with_a_clear_message(alice, alice_client, change, message):
    response = _send(alice_client, {**_payload(alice), **change})

    assert response.status_code == 400
    assert message in response.json()["message"]
    assert Entry.objects.count() == 0


def test_an_oversized_body_is_refused_before_it_is_read(alice, alice_client):
    payload = _payload(alice, notes=["x" * 70_000])

    response = _send(alice_client, payload)

    assert response.status_code == 400
    assert response.json()["message"] == "The entry is too large to be sent (at most 64 KB)."
    assert Entry.objects.count() == 0


def test_it_needs_a_login_and_answers_in_json(alice):
    client = Client()

    sent = _send(client, _payload(alice))
    asked = client.get(URL)

    assert sent.status_code == asked.status_code == 401
    assert sent.json()["error"] == "login_required"
    assert Entry.objects.count() == 0


def test_it_needs_the_csrf_token(alice):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    payload = _payload(alice)

    refused = _send(client, payload)
    token = client.get(URL).json()["csrf_token"]
    accepted = _send(client, payload, headers={"X-CSRFToken": token})

    assert refused.status_code == 403
    assert accepted.status_code == 200
    assert Entry.objects.filter(user=alice).count() == 1


def test_other_methods_are_not_allowed(alice_client):
    assert alice_client.put(URL).status_code == 405


def test_a_bad_check_is_a_400(alice_client):
    response = alice_client.get(URL, {"check": "not-a-uuid"})

    assert response.status_code == 400

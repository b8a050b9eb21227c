"""Hypothesis throws valid, nearly valid and hostile input at every form, through the
views: never a server error, and the view saves exactly when the form says the input
is valid, so nothing invalid is ever stored.

The import endpoint (entries:import) is fuzzed in tests/portability/test_import_fuzzing.py.
"""

from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from accounts.forms import AccountDeleteForm, PreferencesForm
from accounts.models import Preferences
from entries.forms import EntryForm, PartnerForm, TagForm
from entries.models import Entry, Partner, Tag
from pct_journal.scales import Activity, Coping, Orgasm
from tests.factories import EntryFactory, PartnerFactory, TagFactory, UserFactory
from tests.security.fuzzing import ANY_TEXT, FUZZ, as_submitted, submissions
from tests.security_helpers import forget_rate_limits, reauthenticate

pytestmark = pytest.mark.django_db


def _scale(top: int) -> st.SearchStrategy:
    return st.integers(0, top).map(str)


def _flag() -> st.SearchStrategy:
    return st.sampled_from(["on", ""])


def _yes_no() -> st.SearchStrategy:
    """A context factor's Yes / No / Not recorded buttons."""
    return st.sampled_from(["True", "False", ""])


def _datetime_local() -> st.SearchStrategy:
    latest = datetime.now(UTC).replace(tzinfo=None)
    moments = st.datetimes(min_value=datetime(2000, 1, 1), max_value=latest)
    return moments.map(lambda moment: moment.strftime("%Y-%m-%dT%H:%M"))


def _entry_fields(partner_id: str, tag_id: str) -> st.SearchStrategy:
    future = (datetime.now(UTC) + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    valid = {
        **{name: _scale(4) for name in ("sadness", "irritation", "agitation", "anxiety_after")},
        "cried": _flag(),
        "occurred_at": _datetime_local(),
        "activity": st.just(Activity.PARTNERED.value),
        "partner": st.sampled_from(["", partner_id]),
        "new_partner": st.sampled_from(["", "Robin", " robin "]),
        "orgasm": st.sampled_from(["", *Orgasm.values]),
        "satisfaction": st.sampled_from(["", "0", "4"]),
        "connection_after": _scale(4),
        **{
            name: _scale(4)
            for name in (
                "stress",
                "low_mood",
                "performance_anxiety",
                "felt_vulnerable",
                "relationship_tension",
            )
        },
        "pain": _scale(10),
        "memories_surfaced": _yes_no(),
        "alcohol_or_drugs": _yes_no(),
        "new_tag": st.sampled_from(["", "very tired", " Very Tired "]),
        "tags": st.lists(st.just(tag_id), max_size=1),
        "coping": st.lists(st.sampled_from(Coping.values), max_size=3, unique=True),
        "coping_helped": st.sampled_from(["", "2"]),
        "episode_minutes": st.sampled_from(["", "1", "45", "1440"]),
        "notes": ANY_TEXT,
    }
    hostile = (
        st.just(future),
        st.just(Activity.SOLO.value),  # solo with a partner is refused
        st.just(partner_id),
        st.integers(-5, 2000).map(str),
    )
    return submissions(valid, hostile)


@pytest.fixture
def journal(alice):
    partner = PartnerFactory(user=alice, nickname="Sam")
    tag = TagFactory(user=alice, name="after an argument")
    client = Client()
    client.force_login(alice)
    return alice, partner, tag, client


def test_the_entry_form_saves_only_valid_input(journal):
    alice, partner, tag, client = journal

    @FUZZ
    @given(data=_entry_fields(str(partner.pk), str(tag.pk)))
    def check(data):
        valid = EntryForm(as_submitted(data), user=alice).is_valid()
        entries, partners = Entry.objects.count(), Partner.objects.count()

        response = client.post(reverse("entries:create"), data)

        assert response.status_code == (302 if valid else 200)
        assert Entry.objects.count() == entries + (1 if valid else 0)
        if not valid:
            assert Partner.objects.count() == partners

    check()


def test_editing_an_entry_saves_only_valid_input(journal):
    alice, partner, tag, client = journal
    entry = EntryFactory(user=alice, notes="as it was", sadness=1)

    @FUZZ
    @given(data=_entry_fields(str(partner.pk), str(tag.pk)))
    def check(data):
        entry.refresh_from_db()
        form = EntryForm(as_submitted(data), instance=Entry.objects.get(pk=entry.pk), user=alice)
        valid = form.is_valid()
        before = (entry.notes, entry.sadness, entry.occurred_at, entry.updated_at)

        response = client.post(reverse("entries:update", args=[entry.pk]), data)

        assert response.status_code == (302 if valid else 200)
        entry.refresh_from_db()
        if not valid:
            assert (entry.notes, entry.sadness, entry.occurred_at, entry.updated_at) == before

    check()


def test_the_partner_form_saves_only_valid_input(journal):
    alice, _partner, _tag, client = journal

    @FUZZ
    @given(data=submissions({"nickname": ANY_TEXT, "active": _flag()}))
    def check(data):
        valid = PartnerForm(as_submitted(data), user=alice).is_valid()
        partners = Partner.objects.count()

        response = client.post(reverse("entries:partners"), data)

        assert response.status_code == (302 if valid else 200)
        assert Partner.objects.count() == partners + (1 if valid else 0)

    check()


def test_the_factor_form_saves_only_valid_input(journal):
    alice, _partner, _tag, client = journal

    @FUZZ
    @given(data=submissions({"name": ANY_TEXT}))
    def check(data):
        valid = TagForm(as_submitted(data), user=alice).is_valid()
        tags = Tag.objects.count()

        response = client.post(reverse("entries:tags"), data)

        assert response.status_code == (302 if valid else 200)
        assert Tag.objects.count() == tags + (1 if valid else 0)

    check()


def _preferences_row(user) -> dict:
    return Preferences.objects.filter(user=user).values().get()


def test_the_settings_form_saves_only_valid_input(journal):
    alice, _partner, _tag, client = journal

    @FUZZ
    @given(
        data=submissions(
            {
                "time_zone": st.sampled_from(["UTC", "Europe/Berlin", "America/Sao_Paulo"]),
                "episode_threshold": st.integers(1, 4).map(str),
                "discreet_mode": _flag(),
                "checkins_enabled": _flag(),
                "checkin_cadence_days": st.sampled_from(["7", "14"]),
            },
            (st.just("Mars/Olympus"), st.just("0"), st.just("30")),
        )
    )
    def check(data):
        preferences = Preferences.objects.get(user=alice)
        valid = PreferencesForm(as_submitted(data), instance=preferences).is_valid()
        before = _preferences_row(alice)

        response = client.post(reverse("accounts:settings"), data)

        assert response.status_code == (302 if valid else 200)
        if not valid:
            assert _preferences_row(alice) == before

    check()


def test_the_delete_account_form_deletes_only_when_confirmed(db):
    forget_rate_limits()

    @FUZZ
    @given(data=submissions({"confirm": st.sampled_from(["on", "true", "1"])}))
    def check(data):
        # Deleting ends the account, so every example gets a fresh one.
        user = UserFactory()
        EntryFactory(user=user)
        client = Client()
        client.force_login(user)
        reauthenticate(client)
        valid = AccountDeleteForm(as_submitted(data)).is_valid()

        response = client.post(reverse("accounts:delete"), data)

        assert response.status_code == (302 if valid else 200)
        assert Entry.objects.filter(user_id=user.pk).exists() is not valid
        forget_rate_limits()  # re-authentication is rate limited per user

    check()

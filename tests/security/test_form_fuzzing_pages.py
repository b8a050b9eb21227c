"""Hypothesis against the remaining forms and every page that reads query parameters:
the check-in form, the share-link form, the entries filter, the summary options and the
period picker. Never a server error; a form saves exactly when it is valid; a page with
bad parameters answers 400 (or shows the form's errors), never 500.

The journal's own forms are fuzzed in tests/security/test_form_fuzzing.py, the import in
tests/portability/test_import_fuzzing.py.
"""

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from checkins.forms import CheckInForm
from checkins.instruments import INSTRUMENTS, PHQ9
from checkins.models import CheckIn
from entries.forms import EntryFilterForm
from sharing.forms import ShareLinkForm
from sharing.models import ShareLink
from tests.factories import EntryFactory, entry_with_partner_and_tag
from tests.security.fuzzing import ANY_TEXT, FUZZ, HOSTILE, as_submitted, submissions
from tests.security_helpers import reauthenticate

pytestmark = pytest.mark.django_db

# Page parameters cost a page (or a chart) per example: fewer of them.
FUZZ_PAGES = settings(FUZZ, max_examples=100)
DATES = st.sampled_from(["", "2026-01-01", "2025-06-30", "2026-02-30", "1899-12-31", "01/02/2026"])
PERIODS = st.sampled_from(["", "30d", "90d", "365d", "all", "custom", "7d", "ALL"])


@pytest.fixture
def journal(alice):
    entry, partner, _tag = entry_with_partner_and_tag(
        alice, nickname="Sam", tag_name="after an argument", notes="kept"
    )
    client = Client()
    client.force_login(alice)
    return alice, partner, entry, client


def test_the_check_in_form_saves_only_complete_valid_answers(journal):
    alice, _partner, _entry, client = journal
    instrument = INSTRUMENTS[PHQ9]
    url = f"{reverse('checkins:create')}?instrument={PHQ9}"
    items = {f"item{number}": st.integers(0, 3).map(str) for number in range(1, 10)}

    @FUZZ
    @given(data=submissions(items, (st.just("4"), st.just("-1"), st.just("total"))))
    def check(data):
        valid = CheckInForm(as_submitted(data), instrument=instrument).is_valid()
        checkins = CheckIn.objects.filter(user=alice).count()

        response = client.post(url, data)

        assert response.status_code == (302 if valid else 200)
        assert CheckIn.objects.filter(user=alice).count() == checkins + (1 if valid else 0)

    check()


def test_the_share_link_form_makes_a_link_only_from_valid_input(journal):
    alice, _partner, _entry, client = journal
    reauthenticate(client)
    options = {"options": "1", "range": "30d", "notes": "none", "paper": "a4"}

    @FUZZ
    @given(data=submissions({"days": st.integers(1, 90).map(str), "label": ANY_TEXT}))
    def check(data):
        valid = ShareLinkForm(as_submitted(data)).is_valid()
        links = ShareLink.objects.filter(user=alice).count()

        response = client.post(reverse("sharing:create"), {**options, **data})

        assert response.status_code == 200
        assert ShareLink.objects.filter(user=alice).count() == links + (1 if valid else 0)
        assert ("/s/" in response.content.decode()) is valid

    check()


def test_the_entries_filter_never_fails_and_shows_only_the_owners_entries(journal, bob):
    alice, partner, _entry, client = journal
    EntryFactory(user=bob, notes="bob's own")
    fields = {
        "start": DATES,
        "end": DATES,
        "partner": st.sampled_from(["", str(partner.pk)]),
        "episodes": st.sampled_from(["", "on"]),
        "date": DATES,
        "page": st.sampled_from(["", "1", "2", "0", "-1", "last", "99999999999"]),
    }

    @FUZZ_PAGES
    @given(data=submissions(fields))
    def check(data):
        response = client.get(reverse("entries:list"), data)

        assert response.status_code == 200
        if data:  # no parameters at all is the unfiltered list, not an empty form
            form_valid = EntryFilterForm(as_submitted(data), user=alice).is_valid()
            assert response.context["filters"].is_valid() is form_valid
        listed = list(response.context["page"].object_list) if "page" in response.context else []
        assert all(entry.user_id == alice.pk for entry in listed)

    check()


@pytest.mark.parametrize("name", ["insights:export", "insights:summary"])
def test_the_summary_options_answer_200_or_400(journal, name):
    _alice, _partner, entry, client = journal
    fields = {
        "range": PERIODS,
        "start": DATES,
        "end": DATES,
        "notes": st.sampled_from(["", "none", "all", "chosen", "some"]),
        "note": st.sampled_from([str(entry.pk), "not-a-uuid", ""]),
        "partners": st.sampled_from(["", "on"]),
        "checkins": st.sampled_from(["", "on"]),
        "charts": st.sampled_from(["", "on"]),
        "paper": st.sampled_from(["", "a4", "letter", "a3"]),
    }

    @FUZZ_PAGES
    @given(data=submissions(fields))
    def check(data):
        response = client.get(reverse(name), data)

        assert response.status_code in (200, 400)

    check()


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("insights:dashboard", []),
        ("insights:overview", []),
        ("insights:report_json", []),
        ("insights:chart", ["trend"]),
    ],
    ids=["dashboard", "overview", "report-json", "chart"],
)
def test_every_period_parameter_answers_200_or_400(journal, name, args):
    _alice, _partner, _entry, client = journal
    fields = {"range": PERIODS, "start": DATES, "end": DATES}

    @FUZZ_PAGES
    @given(data=submissions(fields, (HOSTILE,)))
    def check(data):
        response = client.get(reverse(name, args=args), data)

        assert response.status_code in (200, 400)

    check()

"""A period's journal is read and analysed once per change, whichever pages ask for it."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from checkins.services import checkin_create
from entries import services
from insights import analysis, chart_data, journal
from insights.journal import JournalReader, build_journal
from pct_journal.date_range import DateRange
from tests.factories import EntryFactory

pytestmark = pytest.mark.django_db

PAGES = [
    reverse("insights:dashboard"),
    reverse("insights:overview"),
    reverse("insights:report_json"),
    *(reverse("insights:chart", args=[name]) for name in ("trend", "factors", "checkins")),
]


@pytest.fixture
def builds(monkeypatch):
    """Each time a journal is read from the database, and each time one is analysed."""
    calls = []
    original_build, original_analyse = journal.build_journal, analysis.analyse_journal

    def counting_build(*args, **kwargs):
        calls.append("journal")
        return original_build(*args, **kwargs)

    def counting_analyse(*args, **kwargs):
        calls.append("analysis")
        return original_analyse(*args, **kwargs)

    monkeypatch.setattr(journal, "build_journal", counting_build)
    monkeypatch.setattr(journal, "analyse_journal", counting_analyse)
    return calls


def _days_ago(days: int) -> dt.datetime:
    return timezone.now() - dt.timedelta(days=days)


def test_every_page_of_a_period_shares_one_journal_and_one_analysis(alice, alice_client, builds):
    for days in range(1, 6):
        EntryFactory(user=alice, occurred_at=_days_ago(days), sadness=days % 4)

    for url in PAGES:
        assert alice_client.get(f"{url}?range=30d").status_code == 200

    assert builds == ["journal", "analysis"]


def test_a_new_entry_reads_the_journal_again_once(alice, alice_client, builds):
    EntryFactory(user=alice, occurred_at=_days_ago(2))
    alice_client.get(f"{reverse('insights:overview')}?range=30d")

    services.entry_create(user=alice, occurred_at=_days_ago(1), sadness=3)
    for url in PAGES:
        assert alice_client.get(f"{url}?range=30d").status_code == 200

    assert builds == ["journal", "analysis", "journal", "analysis"]


def test_a_chart_of_the_entries_alone_does_not_wait_for_the_analysis(alice, alice_client, builds):
    EntryFactory(user=alice, occurred_at=_days_ago(1))

    response = alice_client.get(reverse("insights:chart", args=["trend"]))

    assert response.status_code == 200
    assert builds == ["journal"]


def test_it_checks_ownership(alice, bob):
    EntryFactory(user=alice, occurred_at=_days_ago(1), sadness=4)
    EntryFactory(user=bob, occurred_at=_days_ago(1))

    bobs = JournalReader(bob, DateRange(), today=timezone.localdate()).journal

    assert len(bobs.entries) == 1
    assert bobs.report.episodes == 0


def test_the_check_ins_are_the_periods_with_the_factors_from_all_of_them(alice):
    EntryFactory(user=alice, occurred_at=_days_ago(3))
    checkin_create(user=alice, instrument="phq9", answers=[2] * 9, taken_at=_days_ago(10))
    checkin_create(user=alice, instrument="phq9", answers=[0] * 9, taken_at=_days_ago(40))
    today = timezone.localdate()

    built = build_journal(
        alice, DateRange(today - dt.timedelta(days=6), today), today=today, data_version=1
    )

    assert built.checkins.empty  # neither was taken in the last week
    assert built.has_checkins
    # The one taken ten days ago still describes the entry three days ago.
    assert built.entries["phq9_recent_high"].tolist() == [True]


def test_a_new_entry_neither_redraws_the_check_ins_chart_nor_reads_the_journal_for_it(
    alice, alice_client, builds, monkeypatch
):
    drawn = []
    original = chart_data.draw_chart
    monkeypatch.setattr(
        chart_data, "draw_chart", lambda name, reader: drawn.append(name) or original(name, reader)
    )
    EntryFactory(user=alice, occurred_at=_days_ago(2))
    checkin_create(user=alice, instrument="phq9", answers=[1] * 9, taken_at=_days_ago(3))
    url = reverse("insights:chart", args=["checkins"])
    before = alice_client.get(url).content

    services.entry_create(user=alice, occurred_at=_days_ago(1), sadness=3)
    after = alice_client.get(url).content

    assert after == before
    assert drawn == ["checkins"]
    assert builds == ["journal"]

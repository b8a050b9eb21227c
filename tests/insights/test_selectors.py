import datetime as dt
import zoneinfo

import pandas as pd
import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from accounts.services import preferences_for
from entries.demo import generate_entries
from insights.analysis import analyse_journal
from insights.demo_frame import demo_journal
from insights.selectors import entries_dataframe
from pct_journal.date_range import DateRange
from tests.factories import EntryFactory, PartnerFactory, PreferencesFactory, TagFactory

pytestmark = pytest.mark.django_db


def _at(day: dt.date, hour: int, zone: str) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=zoneinfo.ZoneInfo(zone))


def test_it_reads_only_the_users_own_entries(alice, bob):
    EntryFactory(user=alice, sadness=3)
    EntryFactory(user=bob, sadness=1)

    journal = entries_dataframe(alice)

    assert len(journal.entries) == 1
    assert journal.entries.iloc[0]["sadness"] == 3


def test_the_number_of_queries_does_not_grow_with_the_entries(alice, django_assert_max_num_queries):
    partner = PartnerFactory(user=alice, nickname="Sam")
    tags = [TagFactory(user=alice, name=f"factor {n}") for n in range(3)]
    for number in range(40):
        entry = EntryFactory(user=alice, partner=partner if number % 2 else None)
        entry.tags.add(*tags[: number % 4])
    preferences_for(alice)
    alice.refresh_from_db()

    with django_assert_max_num_queries(4):
        journal = entries_dataframe(alice)

    assert len(journal.entries) == 40
    assert journal.partner_names == {str(partner.pk): "Sam"}
    assert len(journal.tag_names) == 3


def test_tags_and_partners_come_with_each_entry(alice, alice_entry, alice_partner, alice_tag):
    row = entries_dataframe(alice).entries.iloc[0]

    assert row["tags"] == [str(alice_tag.pk)]
    assert row["partner_id"] == str(alice_partner.pk)
    assert row["partner"] == "Sam"


def test_every_column_reads_back_what_was_saved(alice, alice_partner, alice_tag):
    # The rows bypass Django's converters (selectors.py), so each kind of value is
    # checked here on whichever database the suite runs on.
    PreferencesFactory(user=alice, time_zone="Pacific/Auckland")
    alice.refresh_from_db()
    moment = dt.datetime(2026, 5, 4, 21, 30, 15, 123456, tzinfo=dt.UTC)
    saved = EntryFactory(
        user=alice,
        occurred_at=moment,
        partner=alice_partner,
        orgasm="yes",
        satisfaction=None,
        connection_after=3,
        sadness=2,
        cried=True,
        episode_minutes=45,
        memories_surfaced=True,
        alcohol_or_drugs=False,
        coping=["talked", "time_alone"],
        coping_helped=None,
    )
    saved.tags.add(alice_tag)
    EntryFactory(user=alice, occurred_at=moment - dt.timedelta(days=1), coping=[])

    frame = entries_dataframe(alice).entries
    row = frame.iloc[1]

    assert row["id"] == str(saved.pk)
    assert row["occurred_at"] == moment
    assert str(row["occurred_at"].tz) == "Pacific/Auckland"
    assert row["local_date"] == dt.date(2026, 5, 5)
    assert row["partner_id"] == str(alice_partner.pk)
    assert row["orgasm"] == "yes"
    assert pd.isna(row["satisfaction"])
    assert row["connection_after"] == 3
    assert row["episode_minutes"] == 45
    assert row["cried"] and row["memories_surfaced"] and not row["alcohol_or_drugs"]
    assert row["coping"] == ["talked", "time_alone"]
    assert pd.isna(row["coping_helped"])
    assert row["tags"] == [str(alice_tag.pk)]
    assert frame.iloc[0]["coping"] == [] and frame.iloc[0]["tags"] == []
    assert pd.isna(frame.iloc[0]["partner_id"])
    assert frame["cried"].dtype == bool and frame["satisfaction"].dtype == "Int64"


def test_an_unanswered_orgasm_is_read_as_unknown(alice):
    EntryFactory(user=alice, orgasm="")

    assert pd.isna(entries_dataframe(alice).entries.iloc[0]["orgasm"])


def test_a_date_range_uses_calendar_days_in_the_users_time_zone(alice):
    PreferencesFactory(user=alice, time_zone="Pacific/Auckland")
    alice.refresh_from_db()
    day = dt.date(2026, 3, 10)
    EntryFactory(user=alice, occurred_at=_at(day, 0, "Pacific/Auckland") + dt.timedelta(minutes=5))
    EntryFactory(user=alice, occurred_at=_at(day, 23, "Pacific/Auckland"))
    EntryFactory(user=alice, occurred_at=_at(day + dt.timedelta(days=1), 1, "Pacific/Auckland"))

    journal = entries_dataframe(alice, DateRange(day, day))

    assert len(journal.entries) == 2
    assert set(journal.entries["local_date"]) == {day}


def test_an_empty_journal_still_has_every_column_the_analysis_needs(alice):
    journal = entries_dataframe(alice)

    report = analyse_journal(
        journal.entries, threshold=journal.threshold, tag_names={}, partner_names={}
    )

    assert report.entries == 0
    assert report.profile.episodes == 0


def test_the_in_memory_demo_frame_matches_what_the_database_gives(db):
    call_command("seed_demo", user="mirror", entries=60, seed=11, plant=["none"], password="x")
    user = get_user_model().objects.get(username="mirror")
    from_db = entries_dataframe(user)
    in_memory = demo_journal(
        generate_entries(60, seed=11, plants={}, end=timezone.now()), time_zone="Europe/London"
    )

    assert list(from_db.entries.columns) == list(in_memory.entries.columns)
    assert sorted(from_db.tag_names.values()) == sorted(in_memory.tag_names.values())
    reports = [
        analyse_journal(
            j.entries, threshold=2, tag_names=j.tag_names, partner_names=j.partner_names
        )
        for j in (from_db, in_memory)
    ]
    counts = [
        {
            f.label: (f.exposed.episodes, f.exposed.entries, f.unexposed.episodes)
            for f in r.ranked_factors()
        }
        for r in reports
    ]
    assert counts[0] == counts[1]

"""An entry that left a factor unanswered is left out of that factor's 2x2 table (never
counted as "without it"), in the statistics, the therapist summary and the report."""

import pytest
from django.urls import reverse

from insights import journal
from insights.selectors import entries_dataframe
from tests.analysis_frames import analyse, table_entries
from tests.factories import EntryFactory


def _factor(report, key):
    return next(f for f in report.ranked_factors() if f.key == key)


def _arms(factor) -> tuple[int, int, int, int]:
    return (
        factor.exposed.episodes,
        factor.exposed.entries,
        factor.unexposed.episodes,
        factor.unexposed.entries,
    )


# 6 entries with moderate pain (3 episodes), 6 without (1 episode), and 4 episodes whose
# pain was not recorded.
PAIN_TABLE = table_entries({"pain": 6}, 3, 6, 1, 6, unexposed={"pain": 0})
UNRECORDED_EPISODES = table_entries({"pain": None}, 4, 4, 0, 0)


def test_not_recorded_pain_is_left_out_of_the_pain_table():
    report = analyse(PAIN_TABLE + UNRECORDED_EPISODES)

    assert _arms(_factor(report, "pain")) == (3, 6, 1, 6)
    assert report.entries == 16


def test_the_same_entries_counted_as_no_pain_would_change_the_table():
    as_zero = table_entries({"pain": 0}, 4, 4, 0, 0)

    report = analyse(PAIN_TABLE + as_zero)

    assert _arms(_factor(report, "pain")) == (3, 6, 5, 10)


@pytest.mark.parametrize("key", ["memories_surfaced", "alcohol_or_drugs"])
def test_a_not_recorded_yes_no_factor_is_left_out(key):
    entries = table_entries({key: True}, 2, 5, 1, 5, unexposed={key: False})
    unrecorded = table_entries({key: None}, 3, 3, 0, 0)

    assert _arms(_factor(analyse(entries + unrecorded), key)) == (2, 5, 1, 5)


def test_the_other_factors_still_count_an_entry_with_one_left_unanswered():
    entries = table_entries({"stress": 3}, 2, 5, 0, 5, unexposed={"stress": 0})
    # Stress answered, pain not recorded: in the stress table, out of the pain table.
    for entry in entries:
        entry.fields["pain"] = None

    report = analyse(entries)

    assert _arms(_factor(report, "stress")) == (2, 5, 0, 5)
    assert _arms(_factor(report, "pain")) == (0, 0, 0, 0)


@pytest.mark.django_db
def test_the_database_frame_keeps_not_recorded_as_unknown(alice):
    EntryFactory(user=alice, pain=None, memories_surfaced=None, stress=None)
    EntryFactory(user=alice, pain=0, memories_surfaced=False, stress=0)

    frame = entries_dataframe(alice).entries

    assert frame["pain"].isna().tolist() == [False, True]
    assert frame["memories_surfaced"].isna().tolist() == [False, True]
    assert frame["stress"].isna().tolist() == [False, True]


def _journal_with_unrecorded_pain(user) -> None:
    for number in range(6):
        EntryFactory(user=user, pain=6, sadness=3 if number < 3 else 0)
        EntryFactory(user=user, pain=0, sadness=3 if number < 1 else 0)
    for _ in range(4):
        EntryFactory(user=user, pain=None, sadness=3)


@pytest.mark.django_db
def test_the_report_from_the_database_leaves_them_out(alice):
    _journal_with_unrecorded_pain(alice)

    report = journal.analyse(entries_dataframe(alice))

    assert _arms(_factor(report, "pain")) == (3, 6, 1, 6)


@pytest.mark.django_db
def test_the_json_report_counts_only_recorded_entries(alice, alice_client):
    _journal_with_unrecorded_pain(alice)

    data = alice_client.get(reverse("insights:report_json")).json()

    pain = next(f for c in data["categories"] for f in c["factors"] if f["key"] == "pain")
    assert data["entries"] == 16
    assert pain["exposed"] == {"entries": 6, "episodes": 3}
    assert pain["unexposed"] == {"entries": 6, "episodes": 1}


@pytest.mark.django_db
def test_the_summary_says_how_many_entries_left_a_factor_unrecorded(alice, alice_client):
    _journal_with_unrecorded_pain(alice)

    page = alice_client.get(reverse("insights:summary")).content.decode()

    assert "not recorded in 4 entries" in page
    assert "An entry in which a factor was not recorded is left out" in page

import datetime as dt

import pytest
from django.db.models import CharField
from django.db.models.functions import Cast

from entries.models import Entry
from entries.plain_rows import plain_rows, plain_values
from tests.factories import EntryFactory, PartnerFactory

pytestmark = pytest.mark.django_db

NAMES = (
    "id_text",
    "occurred_at",
    "created_at",
    "partner__nickname",
    "activity",
    "satisfaction",
    "sadness",
    "cried",
    "memories_surfaced",
    "coping",
    "notes",
)


@pytest.fixture
def entries(alice):
    sam = PartnerFactory(user=alice, nickname="Sam")
    return [
        EntryFactory(
            user=alice,
            occurred_at=dt.datetime(2026, 3, 1, 22, 15, 0, 0, tzinfo=dt.UTC),
            partner=sam,
            cried=True,
            coping=["talked", "breathing"],
            notes="A note, Ça va 😊\nsecond line",
            satisfaction=2,
        ),
        EntryFactory(
            user=alice,
            occurred_at=dt.datetime(2026, 3, 2, 1, 2, 3, 450000, tzinfo=dt.UTC),
            coping=[],
            notes="",
            satisfaction=None,
        ),
        EntryFactory(
            user=alice,
            occurred_at=dt.datetime(2026, 3, 3, 4, 5, 6, 7, tzinfo=dt.UTC),
            memories_surfaced=True,
        ),
    ]


def _queryset(user):
    return (
        Entry.objects.filter(user=user)
        .annotate(id_text=Cast("id", output_field=CharField()))
        .order_by("occurred_at")
    )


def test_it_gives_what_the_orm_gives(alice, entries):
    expected = list(_queryset(alice).values(*NAMES))

    assert plain_values(_queryset(alice), NAMES) == expected
    assert expected[0]["notes"].startswith("A note")  # decrypted, not ciphertext


def test_datetimes_keep_their_microseconds_and_are_utc(alice, entries):
    rows = plain_values(_queryset(alice), ("occurred_at",))

    assert [row["occurred_at"] for row in rows] == [entry.occurred_at for entry in entries]
    assert all(row["occurred_at"].utcoffset() == dt.timedelta(0) for row in rows)


def test_rows_hand_datetimes_over_as_utc_text(alice, entries):
    rows = plain_rows(_queryset(alice), ("occurred_at", "cried"))

    assert rows[2] == ("2026-03-03 04:05:06.000007", False)
    assert dt.datetime.fromisoformat(rows[0][0]) == dt.datetime(2026, 3, 1, 22, 15)


def test_it_reads_only_what_the_queryset_selects(alice, bob, entries):
    EntryFactory(user=bob, notes="bob's")

    rows = plain_values(_queryset(alice), ("notes",))

    assert "bob's" not in [row["notes"] for row in rows]
    assert len(rows) == 3


def test_a_uuid_column_must_be_selected_as_text(alice, entries):
    with pytest.raises(TypeError, match="as text"):
        plain_values(_queryset(alice), ("id",))

"""The therapist summary as a PDF, read back with pypdf the way a reader would see it."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from audit.models import EventKind, SecurityEvent
from checkins.services import checkin_create
from tests.factories import EntryFactory, PartnerFactory, PreferencesFactory

pytestmark = pytest.mark.django_db

URL = reverse("insights:summary_pdf")
MARCH = "start=2026-03-01&end=2026-03-31"
A4 = (595.28, 841.89)
LETTER = (612, 792)


def _at(day: int, hour: int = 22) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, tzinfo=dt.UTC)


def _painful_march(user, partner=None):
    """20 entries in March 2026: episodes followed 8 of the 10 with moderate pain and 1
    of the 10 without, so pain is the clear top category."""
    for day in range(1, 11):
        EntryFactory(user=user, occurred_at=_at(day), pain=6, sadness=3 if day <= 8 else 0)
    for day in range(11, 21):
        EntryFactory(
            user=user, occurred_at=_at(day), pain=0, sadness=3 if day == 11 else 0, partner=partner
        )


def _pdf(client, query: str = MARCH):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200, response.content[:300]
    return response


def _text(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    return " ".join(text.split())


def test_it_states_the_period_the_counts_and_the_top_category(alice, alice_client):
    _painful_march(alice)

    text = _text(_pdf(alice_client))

    assert "1 Mar 2026 – 31 Mar 2026" in text
    assert "20 entries" in text
    assert "9 episodes" in text
    assert "45% episode rate" in text
    factors = text[text.index("What went together with episodes") :]
    assert factors.index("Physical pain") < factors.index("Coping afterwards")
    assert "Moderate or worse pain 8 of 10 (80%) 1 of 10 (10%)" in text
    assert "Clear pattern" in text


def test_it_opens_with_the_gist_at_a_glance(alice, alice_client):
    _painful_march(alice)

    text = _text(_pdf(alice_client))

    glance = text[text.index("At a glance") : text.index("Entries and episodes")]
    assert "Episodes followed 9 of 20 logged experiences (45%)" in glance
    assert "Strongest pattern (clear pattern): moderate or worse pain." in glance
    assert "8 of 10 entries with it (80%) and 1 of 10 without (10%)" in glance
    assert "Most common in episodes: sadness" in glance


def test_it_says_it_is_self_reported_and_not_a_diagnosis(alice, alice_client):
    _painful_march(alice)

    text = _text(_pdf(alice_client))

    assert "Self-reported, not a diagnosis." in text
    assert "not evidence of what causes what" in text


def test_it_is_a_neutral_attachment_that_is_never_cached(alice_client):
    response = _pdf(alice_client)

    today = timezone.localdate().isoformat()
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="journal-summary-{today}.pdf"'
    assert "no-store" in response["Cache-Control"]
    assert PdfReader(io.BytesIO(response.content)).metadata.title == "Journal summary"


@pytest.mark.parametrize(
    ("paper", "size"),
    [pytest.param("a4", A4, id="a4"), pytest.param("letter", LETTER, id="letter")],
)
def test_it_prints_on_the_chosen_paper_with_page_numbers(alice, alice_client, paper, size):
    _painful_march(alice)

    response = _pdf(alice_client, f"{MARCH}&paper={paper}")

    reader = PdfReader(io.BytesIO(response.content))
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(size, abs=0.5)
    assert 1 <= len(reader.pages) <= 3
    assert f"Page 1 of {len(reader.pages)}" in reader.pages[0].extract_text()


def _raster_images(reader: PdfReader) -> list:
    found = []

    def walk(resources):
        xobjects = resources.get("/XObject") if resources else None
        for ref in (xobjects or {}).values():
            xobject = ref.get_object()
            if xobject.get("/Subtype") == "/Image":
                found.append(xobject)
            else:
                walk(xobject.get("/Resources"))

    for page in reader.pages:
        walk(page.get("/Resources"))
    return found


def test_charts_are_vector_graphics_with_real_text(alice, alice_client):
    _painful_march(alice)

    response = _pdf(alice_client)

    assert "episode rate" in _text(response)  # the trend chart's legend, as text
    assert _raster_images(PdfReader(io.BytesIO(response.content))) == []


def test_charts_can_be_left_out(alice, alice_client):
    _painful_march(alice)

    text = _text(_pdf(alice_client, f"{MARCH}&options=1&checkins=on"))

    assert "20 entries" in text
    assert "Included: check-in scores." in text
    assert "Left out by the person: charts" in text


def test_notes_are_left_out_unless_chosen(alice, alice_client):
    _painful_march(alice)
    EntryFactory(user=alice, occurred_at=_at(21), notes="we argued about the holiday")

    default = _text(_pdf(alice_client))
    chosen = _text(_pdf(alice_client, f"{MARCH}&notes=all"))

    assert "we argued about the holiday" not in default
    assert "Notes chosen to share" not in default
    assert "we argued about the holiday" in chosen
    assert "Sat 21 Mar 2026, 22:00" in chosen


def test_only_the_picked_notes_appear(alice, alice_client):
    picked = EntryFactory(user=alice, occurred_at=_at(2), notes="share this one")
    EntryFactory(user=alice, occurred_at=_at(3), notes="keep this one private")

    text = _text(_pdf(alice_client, f"{MARCH}&notes=chosen&note={picked.pk}"))

    assert "share this one" in text
    assert "keep this one private" not in text


def test_partner_nicknames_only_when_chosen(alice, alice_client):
    sam = PartnerFactory(user=alice, nickname="Samwise")
    _painful_march(alice, partner=sam)

    default = _text(_pdf(alice_client))
    chosen = _text(_pdf(alice_client, f"{MARCH}&options=1&partners=on"))

    assert "Samwise" not in default
    assert "Samwise" in chosen


def _checkin(user, day: int, answers: list[int]):
    checkin = checkin_create(user=user, instrument="phq9", answers=answers)
    checkin.taken_at = _at(day, hour=9)
    checkin.save()
    return checkin


def test_check_in_scores_and_a_question_9_answer_are_stated_plainly(alice, alice_client):
    _painful_march(alice)
    _checkin(alice, 5, [1, 1, 1, 1, 1, 1, 1, 1, 0])
    _checkin(alice, 19, [2, 2, 2, 2, 2, 1, 1, 1, 1])

    text = _text(_pdf(alice_client))

    assert "PHQ-9 question 9 answered above “Not at all”" in text
    assert "Several days on 19 Mar 2026" in text
    assert "8, mild (5 Mar 2026)" in text  # the first score
    assert "14, moderate (19 Mar 2026)" in text  # the latest, and the highest


def test_without_check_ins_nothing_about_them_is_shown(alice, alice_client):
    _painful_march(alice)
    _checkin(alice, 19, [2, 2, 2, 2, 2, 1, 1, 1, 1])

    text = _text(_pdf(alice_client, f"{MARCH}&options=1&charts=on"))

    assert "PHQ-9" not in text
    assert "Wellbeing check-ins" not in text


def test_it_names_the_account_unless_discreet(alice, alice_client):
    named = _text(_pdf(alice_client))
    PreferencesFactory(user=alice, discreet_mode=True)

    discreet = _text(_pdf(alice_client))

    assert "Account: alice" in named
    assert "alice" not in discreet


def test_an_empty_journal_still_gives_a_summary_that_says_so(alice_client):
    text = _text(_pdf(alice_client))

    assert "0 entries" in text
    assert "No entries were logged in this period" in text
    assert "No episodes in this period." in text


def test_another_users_entries_never_appear(alice, bob, alice_client):
    _painful_march(alice)
    _painful_march(bob)
    EntryFactory(user=bob, occurred_at=_at(4), notes="bob's canary note")

    text = _text(_pdf(alice_client, f"{MARCH}&notes=all"))

    assert "20 entries" in text
    assert "bob's canary note" not in text


def test_the_download_is_in_the_security_log_with_the_entry_count(alice, alice_client):
    _painful_march(alice)

    _pdf(alice_client)

    event = SecurityEvent.objects.get(user=alice, kind=EventKind.EXPORT_DOWNLOADED)
    assert event.meta == {"format": "pdf", "count": 20}


@pytest.mark.parametrize(
    ("query", "message"),
    [
        pytest.param("range=7d", "not a period this page knows", id="unknown-preset"),
        pytest.param("start=2026-04-01&end=2026-03-01", "start date is after", id="reversed"),
        pytest.param("start=yesterday", "is not a date", id="not-a-date"),
        pytest.param("paper=a5", "valid choice", id="paper"),
        pytest.param("notes=some", "valid choice", id="notes"),
        pytest.param("notes=chosen&note=12", "not a note in your journal", id="note-id"),
    ],
)
def test_bad_options_answer_400_with_the_reason(alice_client, query, message):
    response = alice_client.get(f"{URL}?{query}")

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not SecurityEvent.objects.filter(kind=EventKind.EXPORT_DOWNLOADED).exists()


def test_another_users_note_cannot_be_picked(bob, alice_client):
    bobs = EntryFactory(user=bob, occurred_at=_at(2), notes="bob's canary note")

    response = alice_client.get(f"{URL}?{MARCH}&notes=chosen&note={bobs.pk}")

    assert response.status_code == 400
    assert "bob's canary note" not in response.content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))

"""The export page (summary options with a live preview) and the print-friendly page."""

import datetime as dt

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checkins.services import checkin_create
from entries.services import entry_create
from tests.factories import EntryFactory, PartnerFactory

pytestmark = pytest.mark.django_db

URL = reverse("insights:export")
PRINT_URL = reverse("insights:summary")
MARCH = "start=2026-03-01&end=2026-03-31"


def _at(day: int) -> dt.datetime:
    return dt.datetime(2026, 3, day, 21, tzinfo=dt.UTC)


def _march(user, partner=None):
    for day in range(1, 13):
        EntryFactory(
            user=user, occurred_at=_at(day), pain=6 if day <= 6 else 0, sadness=3 if day <= 5 else 0
        )


def test_it_shows_the_options_and_a_preview_of_the_summary(alice, alice_client):
    _march(alice)

    response = alice_client.get(f"{URL}?{MARCH}")

    body = response.content.decode()
    assert response.status_code == 200
    assert "What to include" in body
    assert "Preview" in body
    assert "1 Mar 2026 – 31 Mar 2026" in body
    assert "What went together with episodes" in body
    assert 'formaction="/export/summary.pdf"' in body
    assert 'formaction="/export/summary/"' in body
    assert f'formaction="{reverse("sharing:create")}"' in body


def test_by_default_it_covers_the_last_90_days_with_check_ins_and_charts(alice_client):
    response = alice_client.get(URL)

    chosen = response.context["chosen"]
    assert response.context["options"].period.key == "90d"
    assert chosen["checkins"] and chosen["charts"]
    assert not chosen["partners"]
    assert chosen["notes"] == "none"
    assert chosen["paper"] == "a4"


def test_an_unticked_box_in_the_sent_form_leaves_that_part_out(alice_client):
    response = alice_client.get(f"{URL}?options=1&range=30d&charts=on")

    options = response.context["options"]
    assert options.charts
    assert not options.checkins
    assert "check-in scores" in response.context["summary"].left_out


def test_it_links_the_period_and_options_to_the_other_outputs(alice_client):
    response = alice_client.get(f"{URL}?range=365d&notes=all&paper=letter")

    query = response.context["options_query"]
    assert "range=365d" in query
    assert "notes=all" in query
    assert "paper=letter" in query
    # The range picker keeps the other options when the period changes.
    thirty_days = next(c for c in response.context["range_picker"].choices if c.key == "30d")
    assert "notes=all" in thirty_days.query
    assert "paper=letter" in thirty_days.query


def test_the_period_notes_can_be_picked_one_by_one(alice, alice_client):
    picked = EntryFactory(user=alice, occurred_at=_at(2), notes="the first note")
    EntryFactory(user=alice, occurred_at=_at(3), notes="the second note")
    EntryFactory(user=alice, occurred_at=dt.datetime(2026, 5, 1, tzinfo=dt.UTC), notes="in May")

    response = alice_client.get(f"{URL}?{MARCH}&notes=chosen&note={picked.pk}")

    body = response.content.decode()
    assert "Pick notes (2 in this period)" in body
    assert f'value="{picked.pk}" id="note-{picked.pk}" checked' in body
    assert "in May" not in body
    preview = body[body.index('id="h-preview"') :]
    assert "the first note" in preview
    assert "the second note" not in preview


def test_the_picker_shows_each_notes_day_episode_and_beginning(alice, alice_client):
    long = "<b>bold?</b> " + "word " * 40
    EntryFactory(user=alice, occurred_at=_at(2), notes=long, cried=True)
    EntryFactory(user=alice, occurred_at=_at(3), notes="short & calm", sadness=0)

    english = alice_client.get(f"{URL}?{MARCH}").content.decode()
    german = alice_client.get(f"{URL}?{MARCH}", headers={"accept-language": "de"})

    assert "Mon 2 Mar 2026, 21:00 · episode</span>" in english
    assert f"{long[:140].replace('<', '&lt;').replace('>', '&gt;')}…" in english
    assert "<b>bold?</b>" not in english
    assert "Tue 3 Mar 2026, 21:00</span>\n                  short &amp; calm\n" in english
    assert "Mo, 2. Mär 2026, 21:00 · Episode</span>" in german.content.decode()


def test_the_preview_hides_partner_nicknames_unless_chosen(alice, alice_client):
    sam = PartnerFactory(user=alice, nickname="Samwise")
    for day in range(1, 13):
        EntryFactory(user=alice, occurred_at=_at(day), partner=sam if day % 2 else None)

    hidden = alice_client.get(f"{URL}?{MARCH}").content.decode()
    shown = alice_client.get(f"{URL}?{MARCH}&options=1&partners=on").content.decode()

    preview = hidden[hidden.index('id="h-preview"') :]
    assert "Samwise" not in preview
    assert "Samwise" in shown[shown.index('id="h-preview"') :]


def test_an_empty_period_says_what_to_do(alice_client):
    response = alice_client.get(f"{URL}?{MARCH}")

    assert "There are no entries in this period yet" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        pytest.param("start=2026-04-01&end=2026-03-01", "The start date is after", id="reversed"),
        pytest.param("range=7d", "is not a period this page knows", id="preset"),
        pytest.param("options=1&paper=a5&partners=on", "Select a valid choice", id="paper"),
        pytest.param("options=1&notes=chosen&note=nope&partners=on", "not a note", id="note"),
    ],
)
def test_bad_options_are_shown_as_errors_and_the_choices_kept(alice_client, query, message):
    response = alice_client.get(f"{URL}?{query}")

    body = response.content.decode()
    assert response.status_code == 400
    assert message in body
    assert "Preview" not in body
    if "partners=on" in query:
        assert 'id="opt-partners" aria-describedby="opt-partners-help" checked' in body


def test_it_offers_the_data_downloads_and_the_share_links(alice_client):
    body = alice_client.get(URL).content.decode()

    assert reverse("entries:export_csv") in body
    assert reverse("entries:backup_json") in body
    assert reverse("entries:import") in body
    assert reverse("sharing:list") in body


def test_the_print_page_shows_the_same_summary_without_navigation(alice, alice_client):
    _march(alice)

    response = alice_client.get(f"{PRINT_URL}?{MARCH}&paper=letter")

    body = response.content.decode()
    assert response.status_code == 200
    assert '<body class="summary-page paper-letter">' in body
    assert '<span class="summary-figure">12</span>' in body
    assert "What went together with episodes" in body
    assert "tabbar" not in body
    assert "data-print hidden" in body
    assert f"{reverse('insights:summary_pdf')}?options=1" in body
    assert "no-store" in response["Cache-Control"]


def test_charts_are_embedded_so_the_page_needs_no_second_request(alice, alice_client):
    _march(alice)

    body = alice_client.get(f"{PRINT_URL}?{MARCH}").content.decode()

    assert 'class="summary-chart-img summary-chart-screen" src="data:image/svg+xml;base64,' in body
    assert 'class="summary-chart-img summary-chart-print" src="data:image/svg+xml;base64,' in body
    assert reverse("insights:chart", args=["trend"]) not in body


def test_the_print_page_answers_400_for_bad_options(alice_client):
    response = alice_client.get(f"{PRINT_URL}?range=forever")

    assert response.status_code == 400
    assert "“forever” is not a period" in response.content.decode()


@pytest.mark.parametrize("name", ["insights:export", "insights:summary"])
def test_anonymous_visitors_are_sent_to_log_in(client, name):
    response = client.get(reverse(name))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_export_and_share_links_are_in_the_navigation(alice_client):
    body = alice_client.get(reverse("insights:dashboard")).content.decode()

    assert f'href="{URL}"' in body
    assert f'href="{reverse("sharing:list")}"' in body


# Values a hand-edited or hostile query might hold, next to valid ones.
ODD_VALUES = st.one_of(
    st.sampled_from(["", "on", "all", "chosen", "a4", "letter", "30d", "2026-03-01", "0"]),
    st.text(max_size=40),
)
OPTION_NAMES = ("range", "start", "end", "notes", "note", "partners", "checkins", "paper")


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(query=st.dictionaries(st.sampled_from(OPTION_NAMES), ODD_VALUES, max_size=5))
def test_any_query_gets_the_page_or_a_400_never_a_server_error(alice_client, query):
    for name in ("insights:export", "insights:summary"):
        response = alice_client.get(reverse(name), query)

        assert response.status_code in (200, 400), (name, query)


def _phq9_on(user, day: int, item9: int):
    checkin = checkin_create(user=user, instrument="phq9", answers=[1] * 8 + [item9])
    checkin.taken_at = _at(day)
    checkin.save()


def _checkins_help(body: str) -> str:
    return body.split('id="opt-checkins-help">')[1].split("</div>")[0]


def test_next_to_the_check_ins_option_it_says_what_leaving_them_out_also_leaves_out(
    alice_client,
):
    body = alice_client.get(f"{URL}?{MARCH}").content.decode()

    assert 'id="opt-checkins" aria-describedby="opt-checkins-help" checked' in body
    help_text = _checkins_help(body)
    assert "Leaving check-ins out also leaves out those answers" in help_text
    assert "PHQ-9 question about thoughts of self-harm (question 9)" in help_text


def test_with_check_ins_left_out_it_says_how_many_question_9_answers_the_summary_omits(
    alice, alice_client
):
    _march(alice)
    _phq9_on(alice, 3, item9=1)
    _phq9_on(alice, 10, item9=2)
    _phq9_on(alice, 11, item9=0)

    left_out = alice_client.get(f"{URL}?{MARCH}&options=1&charts=on").content.decode()
    kept = alice_client.get(f"{URL}?{MARCH}").content.decode()

    assert (
        "In this period you answered that question above “Not at all” on 2 check-ins. "
        "With check-ins left out, the summary does not mention them."
    ) in _checkins_help(left_out)
    assert "PHQ-9 question 9 answered above" not in left_out.split('id="h-preview"')[1]
    assert "In this period you answered" not in kept
    assert "PHQ-9 question 9 answered above" in kept.split('id="h-preview"')[1]


def test_with_check_ins_left_out_and_no_such_answer_it_adds_nothing(alice, alice_client):
    _march(alice)
    _phq9_on(alice, 3, item9=0)

    body = alice_client.get(f"{URL}?{MARCH}&options=1").content.decode()

    assert "In this period you answered" not in body


def test_the_preview_follows_the_language_and_a_new_entry(alice, alice_client):
    _march(alice)
    english = alice_client.get(f"{URL}?{MARCH}").content.decode()
    german = alice_client.get(f"{URL}?{MARCH}", headers={"accept-language": "de"})

    entry_create(user=alice, occurred_at=_at(20))
    after = alice_client.get(f"{URL}?{MARCH}").content.decode()

    assert "Entries and episodes" in english[english.index('id="h-preview"') :]
    preview = german.content.decode()
    assert "Einträge und Episoden" in preview[preview.index('id="h-preview"') :]
    figure = '<span class="summary-figure">{}</span> <span class="summary-figure-label">entries'
    assert figure.format(12) in english
    assert figure.format(13) in after

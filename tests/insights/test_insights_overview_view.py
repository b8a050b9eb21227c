import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from checkins.services import checkin_create
from entries.services import entry_create
from tests.factories import EntryFactory

pytestmark = pytest.mark.django_db

URL = reverse("insights:overview")


def _log(user, count: int, *, episodes: int = 0, days_ago: int = 1, **fields) -> None:
    for number in range(count):
        feeling = {"sadness": 3} if number < episodes else {}
        EntryFactory(
            user=user,
            occurred_at=timezone.now() - dt.timedelta(days=days_ago, minutes=number),
            **fields,
            **feeling,
        )


def _text(response) -> str:
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _reads_cleanly(text: str) -> None:
    for junk in ("nan", "NaN", "inf", "None", "Infinity"):
        assert not re.search(rf"\b{junk}\b", text), junk


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_with_no_entries_it_explains_what_to_do(alice_client):
    response = alice_client.get(URL)
    text = _text(response)

    assert response.status_code == 200
    assert "No entries in this period yet" in text
    assert reverse("entries:create") in response.content.decode()
    assert "What went together with episodes" not in text
    _reads_cleanly(text)


def test_with_three_entries_it_says_how_many_more_are_needed(alice, alice_client):
    _log(alice, 2, episodes=1, pain=6)
    _log(alice, 1)

    text = _text(alice_client.get(URL))

    assert "1 of your 3 entries was followed by an episode (33%)" in text
    assert "3 more entries with moderate or worse pain" in text
    assert "4 more entries with mild or no pain are needed before this can be judged" in text
    assert "Not enough data yet" in text
    assert "Risk ratio" not in text
    _reads_cleanly(text)


def test_with_thirty_entries_a_card_gives_its_numbers_in_plain_words(alice, alice_client):
    _log(alice, 9, episodes=7, pain=6)
    _log(alice, 15, episodes=2)
    _log(alice, 6, stress=3)

    response = alice_client.get(URL)
    text = _text(response)

    assert (
        "Episodes followed 7 of 9 entries with moderate or worse pain (78%), "
        "and 2 of 21 without (10%)."
    ) in text
    assert response.context["cards"][0].key == "pain"
    assert response.context["cards"][0].evidence == "clear"
    assert "Clear pattern" in text
    assert "Risk ratio 8.17 (95% CI 2.09 to 32)" in text
    _reads_cleanly(text)


def test_each_card_explains_its_category_and_gentle_next_steps(alice, alice_client):
    _log(alice, 6, episodes=3, pain=6)
    _log(alice, 6, episodes=1)

    text = _text(alice_client.get(URL))

    assert "dyspareunia" in text
    assert "a clinician" in text
    assert "cognitive behavioural therapy" in text.lower()
    assert "talking with your partner" in text.lower()
    assert "hypothesis that has not been proven" in text


def test_it_says_it_is_not_a_diagnosis_and_cites_published_context(alice, alice_client):
    _log(alice, 3)

    text = _text(alice_client.get(URL))

    assert "not a diagnosis" in text
    assert "46%" in text and "Schweitzer" in text
    assert "41%" in text and "1,635" in text and "Maczkowiack" in text


def test_it_explains_the_zero_cell_correction(alice, alice_client):
    _log(alice, 5, episodes=5, pain=6)
    _log(alice, 20)

    text = _text(alice_client.get(URL))

    assert "Haldane–Anscombe" in text
    assert "0.5 was added to each count because one of them was zero" in text
    _reads_cleanly(text)


def test_it_describes_the_episodes_and_what_helped(alice, alice_client):
    _log(alice, 2, episodes=2, cried=True, episode_minutes=20, coping=["talked"], coping_helped=3)
    _log(alice, 2)

    text = _text(alice_client.get(URL))

    assert "You cried in 2 of the 2 episodes (100%)" in text
    assert "Episodes lasted about 20 minutes" in text
    assert "Talked with my partner: tried after 2 episodes" in text
    assert "2 of the 2 times you rated it (100%)" in text


def test_a_period_leaves_out_entries_outside_it(alice, alice_client):
    _log(alice, 4, episodes=1, days_ago=2)
    _log(alice, 10, episodes=5, days_ago=200)

    response = alice_client.get(URL, {"range": "30d"})

    assert response.context["report"].entries == 4
    assert "Last 30 days" in _text(response)


def test_by_default_it_covers_all_time(alice, alice_client):
    _log(alice, 2, days_ago=2)
    _log(alice, 3, days_ago=900)

    assert alice_client.get(URL).context["report"].entries == 5


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"start": "2026-02-31"}, "is not a date"),
        ({"start": "2026-03-01", "end": "2026-02-01"}, "start date is after the end date"),
        ({"range": "forever"}, "is not a period this page knows"),
        ({"end": "9999-12-31"}, "The end date is too far in the future"),
        ({"start": "2026-01-01", "end": "9000-01-01"}, "The end date is too far in the future"),
    ],
    ids=["impossible-date", "reversed", "unknown-preset", "last-day-there-is", "year-9000"],
)
def test_a_bad_period_is_a_friendly_400(alice_client, query, message):
    response = alice_client.get(URL, query)

    assert response.status_code == 400
    assert message in _text(response)
    assert "Show insights for all your entries" in _text(response)


def test_it_shows_only_the_users_own_entries(alice, charlie_client):
    _log(alice, 9, episodes=7, pain=6)

    response = charlie_client.get(URL)

    assert response.context["report"].entries == 0
    assert "Episodes followed 7 of 9" not in _text(response)


def test_partner_and_tag_factors_use_their_names(alice, alice_client, alice_partner, alice_tag):
    _log(alice, 3, partner=alice_partner)
    entry = EntryFactory(user=alice)
    entry.tags.add(alice_tag)

    text = _text(alice_client.get(URL))

    assert "entries with Sam" in text
    assert "entries tagged “after an argument”" in text


def test_before_any_check_in_the_cards_say_where_to_take_one(alice, alice_client):
    _log(alice, 12, episodes=4, low_mood=3)
    _log(alice, 12, episodes=1)

    response = alice_client.get(URL)
    text = _text(response)

    assert "take a PHQ-9 check-in (More → Check-ins)" in text
    assert "take a GAD-7 check-in (More → Check-ins)" in text
    assert f'href="{reverse("checkins:create")}?instrument=phq9"' in response.content.decode()
    distress = next(card for card in response.context["cards"] if card.key == "distress")
    assert distress.lead.key == "low_mood"  # the factor with data leads the card
    assert "phq9_recent_high" in {line.key for line in distress.others}


def test_a_partner_card_waiting_for_other_partnered_entries_says_so(
    alice, alice_client, alice_partner
):
    _log(alice, 8, episodes=3, partner=alice_partner)
    _log(alice, 2, episodes=1)  # partnered, nobody named

    text = _text(alice_client.get(URL))

    assert "Episodes followed 3 of 8 entries with Sam (38%), and 1 of 2" in text
    assert "There are too few other partnered entries to compare with yet." in text


def test_a_factor_that_went_with_fewer_episodes_says_so_on_its_card(alice, alice_client):
    _log(alice, 14, orgasm="yes")
    _log(alice, 15, episodes=8, orgasm="no")

    response = alice_client.get(URL)
    text = _text(response)

    hormonal = next(card for card in response.context["cards"] if card.key == "hormonal")
    assert hormonal.evidence_label == "No pattern"
    assert "Episodes followed 0 of 14 entries with an orgasm (0%), and 8 of 15 without" in text
    assert "In your entries, episodes were less common with an orgasm" in text
    assert "Risk ratio 0.063 (95% CI 0.0040 to 0.995)" in text


def test_the_method_note_says_what_a_partner_is_compared_with_and_where_q_comes_from(
    alice, alice_client
):
    _log(alice, 3)

    text = _text(alice_client.get(URL))

    assert (
        "Each partner is compared with the rest of your partnered entries (with someone else "
        "or with nobody named), not with solo ones"
    ) in text
    assert "across every factor that can be judged, that is with at least 5 entries" in text
    assert "Factors with fewer are left out of the adjustment" in text
    assert "The PHQ-9 and GAD-7 factors are listed from the start." in text


def _chart_description(response, name: str) -> str:
    html = response.content.decode()
    match = re.search(rf'id="chart-{name}-desc">([^<]*)<', html)
    assert match, f"no {name} chart on the page"
    return match.group(1)


def test_a_new_entry_shows_in_the_chart_sections_at_once(alice, alice_client):
    # The sections are kept rendered between visits (insights.chart_sections).
    _log(alice, 12, episodes=3, days_ago=10)
    before = _chart_description(alice_client.get(URL), "calendar")

    entry_create(user=alice, occurred_at=timezone.now(), sadness=4)
    after = _chart_description(alice_client.get(URL), "calendar")

    def days_with_entries(description: str) -> int:
        return int(re.search(r"entries on (\d+) of \d+ days", description).group(1))

    assert days_with_entries(after) == days_with_entries(before) + 1


def test_a_new_check_in_shows_in_its_table_at_once(alice, alice_client):
    _log(alice, 12, episodes=3)
    checkin_create(user=alice, instrument="phq9", answers=[1] * 9)
    before = alice_client.get(URL).content.decode()

    checkin_create(user=alice, instrument="gad7", answers=[3] * 7)
    after = alice_client.get(URL).content.decode()

    assert "GAD-7" not in _between(before, 'id="chart-checkins-title"', "</section>")
    assert "GAD-7" in _between(after, 'id="chart-checkins-title"', "</section>")


def _between(html: str, start: str, end: str) -> str:
    begin = html.index(start)
    return html[begin : html.index(end, begin)]

import json
import re

import pytest
from django.urls import NoReverseMatch, reverse

from accounts.services import preferences_for
from checkins.models import CheckIn
from checkins.services import checkin_create
from tests.factories import PreferencesFactory

pytestmark = pytest.mark.django_db

PHQ9_URL = f"{reverse('checkins:create')}?instrument=phq9"
GAD7_URL = f"{reverse('checkins:create')}?instrument=gad7"


def _post_data(answers: list[int]) -> dict:
    return {f"item{number}": str(answer) for number, answer in enumerate(answers, start=1)}


def _phq9(user, answers=None):
    return checkin_create(user=user, instrument="phq9", answers=answers or [1] * 9)


def test_it_saves_a_phq9_with_the_total_and_band_worked_out_on_the_server(alice, alice_client):
    data = _post_data([3, 3, 3, 1, 0, 0, 0, 0, 0])
    data.update(total="0", band="minimal", user=str(alice.pk))  # never read

    response = alice_client.post(PHQ9_URL, data)

    checkin = CheckIn.objects.get(user=alice)
    assert response.status_code == 302
    assert response["Location"] == reverse("checkins:detail", args=[checkin.pk])
    assert checkin.instrument == "phq9"
    assert checkin.answers == [3, 3, 3, 1, 0, 0, 0, 0, 0]
    assert (checkin.total, checkin.band) == (10, "moderate")
    page = alice_client.get(response["Location"]).content.decode()
    assert "10 of 27" in page
    assert "Moderate (10–14)" in page


def test_it_saves_a_gad7(alice, alice_client):
    response = alice_client.post(GAD7_URL, _post_data([3, 3, 3, 3, 3, 0, 0]))

    checkin = CheckIn.objects.get(user=alice)
    assert response.status_code == 302
    assert (checkin.instrument, checkin.total, checkin.band) == ("gad7", 15, "severe")
    assert checkin.item8 is None
    assert checkin.item9 is None


def test_the_form_asks_every_question_with_four_labelled_answers_and_names_its_source(
    alice_client,
):
    response = alice_client.get(PHQ9_URL)

    page = response.content.decode()
    assert "Over the last 2 weeks, how often have you been bothered" in page
    assert page.count("<legend") == 9
    assert len(re.findall(r'<input type="radio" name="item9"', page)) == 4
    for answer in ("Not at all", "Several days", "More than half the days", "Nearly every day"):
        assert f'">{answer}</label>' in page
    assert "Spitzer" in page
    assert "Pfizer" in page


@pytest.mark.parametrize(
    ("missing", "kept"),
    [
        pytest.param(["item1"], "item2", id="first"),
        pytest.param(["item9"], "item1", id="item-9"),
        pytest.param(["item3", "item7"], "item4", id="two"),
    ],
)
def test_unanswered_questions_are_named_and_the_given_answers_kept(alice_client, missing, kept):
    data = _post_data([2] * 9)
    for name in missing:
        del data[name]

    response = alice_client.post(PHQ9_URL, data)

    page = response.content.decode()
    assert response.status_code == 200
    assert set(response.context["form"].errors) == set(missing)
    assert "Please choose an answer for this question." in page
    for name in missing:
        assert f'href="#q{name.removeprefix("item")}"' in page
    assert re.search(rf'<input[^>]*id="id_{kept}_2"[^>]*checked', page)
    assert not CheckIn.objects.exists()


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("4", id="above-3"),
        pytest.param("-1", id="negative"),
        pytest.param("x", id="text"),
    ],
)
def test_an_answer_out_of_range_is_an_error_and_nothing_is_saved(alice_client, value):
    data = _post_data([1] * 7)
    data["item3"] = value

    response = alice_client.post(GAD7_URL, data)

    assert response.status_code == 200
    assert "Please choose one of the four answers." in response.content.decode()
    assert not CheckIn.objects.exists()


def _lives_in(user, country: str) -> None:
    PreferencesFactory(user=user, country=country)


def _host_file(tmp_path, settings, content: dict) -> None:
    path = tmp_path / "support.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    settings.SUPPORT_RESOURCES_FILE = str(path)


def test_item_9_above_zero_shows_the_support_screen_before_anything_else(alice, alice_client):
    _lives_in(alice, "US")
    response = alice_client.post(PHQ9_URL, _post_data([0] * 8 + [1]), follow=True)

    checkin = CheckIn.objects.get(user=alice)
    page = response.content.decode()
    assert response.redirect_chain == [(f"{reverse('checkins:support')}?checkin={checkin.pk}", 302)]
    assert "Help is available, right now" in page
    assert "local emergency number" in page
    assert "988 Suicide &amp; Crisis Lifeline" in page
    assert 'href="tel:988"' in page
    assert 'href="tel:911"' in page
    assert page.index("988 Suicide") < page.index("findahelpline.com")
    assert reverse("checkins:detail", args=[checkin.pk]) in page
    assert "Thank you. Your check-in is saved." not in page


def test_item_9_at_zero_goes_straight_to_the_result(alice, alice_client):
    response = alice_client.post(PHQ9_URL, _post_data([3] * 8 + [0]))

    checkin = CheckIn.objects.get(user=alice)
    assert response["Location"] == reverse("checkins:detail", args=[checkin.pk])
    assert not checkin.needs_support


def test_an_item_9_answer_is_flagged_in_the_list_and_on_the_detail_page(alice, alice_client):
    flagged = _phq9(alice, [0] * 8 + [2])
    _phq9(alice, [1] * 8 + [0])

    listing = alice_client.get(reverse("checkins:list")).content.decode()
    detail = alice_client.get(reverse("checkins:detail", args=[flagged.pk])).content.decode()

    assert listing.count("Self-harm thoughts noted") == 1
    assert "Thoughts of self-harm noted." in detail
    assert "you answered “More than half the days”" in detail
    assert f"{reverse('checkins:support')}?checkin={flagged.pk}" in detail


def test_a_gad7_is_never_flagged(alice, alice_client):
    checkin_create(user=alice, instrument="gad7", answers=[3] * 7)

    listing = alice_client.get(reverse("checkins:list")).content.decode()

    assert "Self-harm thoughts noted" not in listing


def test_the_detail_page_describes_the_score_only_by_its_band(alice, alice_client):
    checkin = _phq9(alice, [3] * 7 + [1, 0])  # 22

    page = alice_client.get(reverse("checkins:detail", args=[checkin.pk])).content.decode()

    assert "Severe (20–27)" in page
    assert "It is not a diagnosis." in page


def test_without_a_questionnaire_the_create_page_offers_both(alice_client):
    for url in (reverse("checkins:create"), f"{reverse('checkins:create')}?instrument=bdi"):
        page = alice_client.get(url).content.decode()

        assert "Start the PHQ-9" in page
        assert "Start the GAD-7" in page


def test_a_post_without_a_questionnaire_saves_nothing(alice_client):
    response = alice_client.post(reverse("checkins:create"), _post_data([0] * 9))

    assert response.status_code == 200
    assert not CheckIn.objects.exists()


def test_the_empty_list_says_what_to_do(alice_client):
    page = alice_client.get(reverse("checkins:list")).content.decode()

    assert "No check-ins yet" in page
    assert f'href="{PHQ9_URL}"' in page
    assert f'href="{GAD7_URL}"' in page


def test_with_check_ins_off_the_list_still_works_and_says_how_to_turn_them_on(alice, alice_client):
    _phq9(alice)

    page = alice_client.get(reverse("checkins:list")).content.decode()

    assert "Check-in reminders are off." in page
    assert reverse("accounts:settings") in page
    assert "9 of 27" in page


def test_with_check_ins_on_the_list_does_not_nag(alice, alice_client):
    PreferencesFactory(user=alice, checkins_enabled=True)

    page = alice_client.get(reverse("checkins:list")).content.decode()

    assert "reminders are off" not in page


def test_check_ins_are_in_the_more_menu(alice_client):
    page = alice_client.get(reverse("checkins:list")).content.decode()

    assert re.search(r'class="dropdown-item active" href="/checkins/">Check-ins</a>', page)


def test_delete_asks_first_then_removes_the_check_in(alice, alice_client):
    checkin = _phq9(alice)
    url = reverse("checkins:delete", args=[checkin.pk])

    confirm = alice_client.get(url)
    assert "Delete this check-in?" in confirm.content.decode()
    assert CheckIn.objects.filter(pk=checkin.pk).exists()

    response = alice_client.post(url)

    assert response["Location"] == reverse("checkins:list")
    assert not CheckIn.objects.filter(pk=checkin.pk).exists()


def test_a_check_in_cannot_be_edited(alice, alice_client):
    checkin = _phq9(alice, [0] * 9)

    alice_client.post(reverse("checkins:detail", args=[checkin.pk]), _post_data([3] * 9))

    checkin.refresh_from_db()
    assert checkin.total == 0
    with pytest.raises(NoReverseMatch):
        reverse("checkins:update", args=[checkin.pk])


def test_saving_and_deleting_make_cached_charts_stale(alice, alice_client):
    before = preferences_for(alice).data_version

    alice_client.post(GAD7_URL, _post_data([1] * 7))
    after_save = preferences_for(alice).data_version
    alice_client.post(reverse("checkins:delete", args=[CheckIn.objects.get().pk]))
    after_delete = preferences_for(alice).data_version

    assert before < after_save < after_delete


@pytest.mark.parametrize("name", ["checkins:detail", "checkins:delete"])
def test_it_checks_ownership(alice, charlie_client, name):
    checkin = _phq9(alice, [0] * 8 + [3])
    url = reverse(name, args=[checkin.pk])

    assert charlie_client.get(url).status_code == 404
    assert charlie_client.post(url).status_code == 404
    assert CheckIn.objects.filter(pk=checkin.pk).exists()


def test_the_support_page_never_links_to_someone_elses_check_in(alice, charlie_client):
    checkin = _phq9(alice, [0] * 8 + [3])

    response = charlie_client.get(f"{reverse('checkins:support')}?checkin={checkin.pk}")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Help is available, right now" in page
    assert str(checkin.pk) not in page
    assert "You said that you have had thoughts" not in page


def test_the_support_page_shows_the_hosts_lines_whatever_the_country(
    alice, alice_client, settings, tmp_path
):
    _lives_in(alice, "US")
    line = {
        "name": "Telefonseelsorge",
        "region": "Germany",
        "contact": "0800 111 0 111",
        "tel": "08001110111",
    }
    _host_file(tmp_path, settings, {"resources": [line]})

    page = alice_client.get(reverse("checkins:support")).content.decode()

    assert "Telefonseelsorge" in page
    assert 'href="tel:08001110111"' in page
    assert "988" not in page.split("Talk to someone now")[1]


def _partial_phq9(answers: dict[int, int]) -> dict:
    return {f"item{number}": str(answer) for number, answer in answers.items()}


def test_a_question_9_answer_with_another_question_skipped_shows_help_first(alice, alice_client):
    _lives_in(alice, "GB")
    answers = dict.fromkeys([1, 2, 4, 5, 6, 7, 8], 1) | {9: 3}  # question 3 left out

    response = alice_client.post(PHQ9_URL, _partial_phq9(answers))

    page = response.content.decode()
    assert response.status_code == 200
    assert not CheckIn.objects.exists()  # still nothing saved until every answer is in
    help_at, errors_at = page.index('id="checkin-support"'), page.index('id="checkin-errors"')
    assert help_at < errors_at < page.index('id="checkin-form"')
    support = page[help_at:errors_at]
    assert "Help is available, right now" in support
    assert "local emergency number" in support
    assert 'href="tel:999"' in support
    assert 'href="tel:116123"' in support
    assert "Samaritans" in support
    assert "Your check-in is not saved yet" in support
    assert 'href="#q3"' in page[errors_at:]
    assert re.search(r'<input[^>]*id="id_item9_3"[^>]*checked', page)
    assert re.search(r'<input[^>]*id="id_item8_1"[^>]*checked', page)


def test_once_completed_the_same_answers_are_saved_and_lead_to_the_support_screen(
    alice, alice_client
):
    answers = dict.fromkeys([1, 2, 4, 5, 6, 7, 8], 1) | {9: 3}
    alice_client.post(PHQ9_URL, _partial_phq9(answers))

    response = alice_client.post(PHQ9_URL, _partial_phq9(answers | {3: 0}))

    checkin = CheckIn.objects.get(user=alice)
    assert (checkin.item3, checkin.item9, checkin.total) == (0, 3, 10)
    assert response["Location"] == f"{reverse('checkins:support')}?checkin={checkin.pk}"


@pytest.mark.parametrize(
    "item9",
    [
        pytest.param("0", id="not-at-all"),
        pytest.param(None, id="unanswered"),
        pytest.param("7", id="out-of-range"),
    ],
)
def test_without_a_question_9_answer_above_0_an_incomplete_form_shows_no_help_block(
    alice_client, item9
):
    data = _partial_phq9(dict.fromkeys(range(1, 9), 1))
    del data["item3"]
    if item9 is not None:
        data["item9"] = item9

    page = alice_client.post(PHQ9_URL, data).content.decode()

    assert 'id="checkin-errors"' in page
    assert 'id="checkin-support"' not in page
    assert 'href="tel:' not in page


def test_an_incomplete_gad7_never_shows_the_help_block(alice_client):
    data = _post_data([3] * 7)
    del data["item2"]
    data["item9"] = "3"  # the GAD-7 has no question 9; this is ignored

    page = alice_client.post(GAD7_URL, data).content.decode()

    assert 'id="checkin-errors"' in page
    assert 'id="checkin-support"' not in page


def test_the_support_page_shows_the_hosts_emergency_numbers(
    alice, alice_client, settings, tmp_path
):
    _lives_in(alice, "AU")
    _host_file(tmp_path, settings, {"emergency": [{"region": "Germany", "number": "112"}]})

    page = alice_client.get(reverse("checkins:support")).content.decode()

    emergency = page.split("local emergency number")[1].split("Talk to someone now")[0]
    assert 'href="tel:112"' in emergency
    assert "Germany" in emergency
    assert "911" not in page
    assert "000" not in emergency

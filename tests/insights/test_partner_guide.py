"""The guide a person can give a partner (insights:partner_guide and its PDF): what it
shows, what it never shows without a tick, and discreet mode."""

import io

import pytest
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from insights.guide.forms import PartnerGuideForm
from insights.models import PartnerGuide
from tests.factories import EntryFactory, PreferencesFactory

pytestmark = pytest.mark.django_db

GUIDE = reverse("insights:partner_guide")
GUIDE_PDF = reverse("insights:partner_guide_pdf")


def _choices(**changes) -> dict:
    data = {
        "wishes": ["space", "reassurance"],
        "wish_other": "a glass of water",
        "avoid": "asking what is wrong straight away",
        "include_wishes": "on",
        "include_avoid": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def alice_coping(alice):
    """Time alone helped a lot four times out of five; breathing was tried once, unrated."""
    for helped in (4, 3, 4, 3, 1):
        EntryFactory(user=alice, coping=["time_alone"], coping_helped=helped)
    EntryFactory(user=alice, coping=["breathing"], coping_helped=None)


def _pdf_text(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(page.extract_text() for page in reader.pages)


def test_it_requires_login(client):
    for url in (GUIDE, GUIDE_PDF):
        response = client.get(url)

        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


def test_it_explains_the_experience_with_its_sources_and_that_it_is_nobodys_fault(alice_client):
    text = alice_client.get(GUIDE).content.decode()

    assert "post-coital dysphoria" in text
    assert "46%" in text and "Schweitzer et al. 2015" in text
    assert "41%" in text and "Maczkowiack &amp; Schweitzer 2019" in text
    assert "nobody’s fault" in text


def test_nothing_from_the_journal_shows_until_it_is_ticked(alice_client, alice_coping):
    page = alice_client.get(GUIDE).content.decode()
    pdf = _pdf_text(alice_client.get(GUIDE_PDF))

    for text in (page.split('id="h-guide-choices"')[0], pdf):
        assert "Time alone" not in text
        assert "What has helped me" not in text


def test_ticked_it_shows_how_each_way_of_coping_went_in_words(alice, alice_client, alice_coping):
    alice_client.post(GUIDE, _choices(include_coping="on"))

    page = alice_client.get(GUIDE).content.decode()
    pdf = _pdf_text(alice_client.get(GUIDE_PDF))

    assert "Time alone: helped a lot, 4 times out of 5." in page
    assert "Breathing or mindfulness: tried once, without a note of how much it helped" in page
    assert "Time alone: helped a lot, 4 times out of 5" in pdf


def test_it_shows_only_the_persons_own_coping(alice, bob, alice_client, alice_coping):
    EntryFactory(user=bob, coping=["journaling"], coping_helped=4)
    EntryFactory(user=bob, coping=["time_alone"], coping_helped=0)
    alice_client.post(GUIDE, _choices(include_coping="on"))

    page = alice_client.get(GUIDE).content.decode()

    assert "Journaling" not in page.split('id="h-guide-choices"')[0]
    assert "Time alone: helped a lot, 4 times out of 5." in page


def test_it_shows_the_wishes_and_what_to_avoid_that_were_chosen(alice_client):
    response = alice_client.post(GUIDE, _choices())

    assert response.status_code == 302
    page = alice_client.get(GUIDE).content.decode()
    assert "Some space: a little time on my own" in page
    assert "Reassurance: hearing that we are okay" in page
    assert "a glass of water" in page
    assert "asking what is wrong straight away" in page
    assert "Closeness:" not in page


def test_an_unticked_section_is_left_out_of_the_page_and_the_pdf(alice_client):
    alice_client.post(GUIDE, _choices(include_avoid=None))

    page = alice_client.get(GUIDE).content.decode()
    pdf = _pdf_text(alice_client.get(GUIDE_PDF))

    assert "What I would rather you avoided" not in page
    assert "straight away</p>" not in page  # still in the form's text box, not the guide
    assert "straight away" not in pdf
    assert "Some space" in pdf


def test_bad_input_re_renders_with_the_values_and_errors(alice, alice_client):
    response = alice_client.post(
        GUIDE, _choices(wishes=["space", "a-hug-from-a-stranger"], avoid="x" * 501)
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"wishes", "avoid"}
    text = response.content.decode()
    assert "Ensure this value has at most 500 characters" in text
    assert "x" * 501 in text
    assert "a glass of water" in text
    assert not PartnerGuide.objects.filter(user=alice).exists()


def test_charlie_never_sees_alices_choices(alice_client, charlie_client):
    alice_client.post(GUIDE, _choices(avoid="canary-avoid-91c"))

    assert "canary-avoid-91c" not in charlie_client.get(GUIDE).content.decode()
    assert "canary-avoid-91c" not in _pdf_text(charlie_client.get(GUIDE_PDF))


def test_the_free_text_is_encrypted_at_rest(alice, alice_client):
    from django.db import connection

    alice_client.post(GUIDE, _choices(avoid="canary-avoid-91c"))

    with connection.cursor() as cursor:
        cursor.execute("SELECT avoid, wish_other FROM insights_partnerguide")
        stored = cursor.fetchone()
    assert "canary-avoid-91c" not in stored[0]
    assert "a glass of water" not in stored[1]


def test_the_pdf_is_a_real_pdf_with_the_guides_text(alice_client):
    alice_client.post(GUIDE, _choices())

    response = alice_client.get(GUIDE_PDF)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "no-store" in response["Cache-Control"]
    assert 'filename="partner-guide-' in response["Content-Disposition"]
    text = _pdf_text(response)
    assert "nobody’s fault" in text
    assert "a glass of water" in text
    assert PdfReader(io.BytesIO(response.content)).metadata.title == "A guide for my partner"


def test_discreet_mode_keeps_the_titles_and_the_pdf_name_neutral(alice, alice_client):
    PreferencesFactory(user=alice, discreet_mode=True)

    page = alice_client.get(GUIDE).content.decode()
    response = alice_client.get(GUIDE_PDF)

    assert "<title>Journal</title>" in page
    assert "A guide for your partner" not in page
    assert 'filename="journal-notes-' in response["Content-Disposition"]
    assert "partner" not in response["Content-Disposition"]
    assert PdfReader(io.BytesIO(response.content)).metadata.title == "Journal notes"


def test_the_more_menu_links_to_the_guide(alice_client):
    page = alice_client.get(reverse("insights:dashboard")).content.decode()

    assert f'href="{GUIDE}"' in page


def test_the_form_saves_exactly_when_it_is_valid_and_never_fails(alice, alice_client):
    text = st.text(st.characters(exclude_categories=("Cs",)), max_size=520)
    submissions = st.fixed_dictionaries(
        {},
        optional={
            "wishes": st.lists(st.sampled_from(["closeness", "space", "talking", "hug", ""])),
            "wish_other": text,
            "avoid": text,
            "include_coping": st.sampled_from(["on", "", "yes"]),
        },
    )

    @settings(max_examples=60, deadline=None, database=None)
    @given(data=submissions)
    def check(data):
        PartnerGuide.objects.filter(user=alice).delete()
        valid = PartnerGuideForm(data).is_valid()

        response = alice_client.post(GUIDE, data)

        assert response.status_code == (302 if valid else 200)
        assert PartnerGuide.objects.filter(user=alice).exists() is valid

    check()

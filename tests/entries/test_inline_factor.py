"""A factor of one's own can be added from inside the log form: it is created and ticked
on save, and a bad name is sent back with the form as it was and a reason."""

import pytest
from django.urls import reverse

from entries.models import Entry, Tag
from tests.factories import EntryFactory, TagFactory

pytestmark = pytest.mark.django_db


def test_a_new_factor_is_created_and_ticked(alice_client, alice, entry_post_data):
    response = alice_client.post(
        reverse("entries:create"), {**entry_post_data, "new_tag": "  new medication "}
    )

    assert response.status_code == 302
    entry = Entry.objects.get(user=alice)
    assert [tag.name for tag in entry.tags.all()] == ["new medication"]
    assert Tag.objects.get(user=alice).name == "new medication"


def test_it_is_ticked_along_with_factors_already_ticked(
    alice_client, alice, alice_tag, entry_post_data
):
    data = {**entry_post_data, "tags": [str(alice_tag.pk)], "new_tag": "very tired"}

    response = alice_client.post(reverse("entries:create"), data)

    assert response.status_code == 302
    names = sorted(tag.name for tag in Entry.objects.get(user=alice).tags.all())
    assert names == sorted([alice_tag.name, "very tired"])


def test_editing_an_entry_can_add_one_too(alice_client, alice, entry_post_data):
    entry = EntryFactory(user=alice)

    response = alice_client.post(
        reverse("entries:update", args=[entry.pk]), {**entry_post_data, "new_tag": "travel"}
    )

    assert response.status_code == 302
    assert [tag.name for tag in entry.tags.all()] == ["travel"]


@pytest.mark.parametrize(
    ("name", "error"),
    [
        pytest.param("after AN argument", "You already have a factor with that name", id="dup"),
        pytest.param("x" * 41, "at most 40 characters", id="too-long"),
    ],
)
def test_a_bad_name_re_renders_the_form_with_the_value_and_an_error(
    alice_client, alice, entry_post_data, name, error
):
    TagFactory(user=alice, name="After an argument")
    data = {**entry_post_data, "sadness": "3", "new_tag": name}

    response = alice_client.post(reverse("entries:create"), data)

    assert response.status_code == 200
    form = response.context["form"]
    assert error in " ".join(form.errors["new_tag"])
    assert f'value="{name}"' in response.content.decode()
    assert form["sadness"].value() == "3"
    assert not Entry.objects.exists()
    assert Tag.objects.filter(user=alice).count() == 1
    # The section holding the error is opened, so the message is seen.
    context = next(g for g in form.sections() if g["section"].key == "context")
    assert context["open"]


def test_only_spaces_adds_nothing(alice_client, alice, entry_post_data):
    response = alice_client.post(reverse("entries:create"), {**entry_post_data, "new_tag": "   "})

    assert response.status_code == 302
    assert not Tag.objects.filter(user=alice).exists()


def test_another_users_factor_of_the_same_name_is_unaffected(
    alice_client, alice, bob, entry_post_data
):
    bobs = TagFactory(user=bob, name="new medication")

    response = alice_client.post(
        reverse("entries:create"), {**entry_post_data, "new_tag": "new medication"}
    )

    assert response.status_code == 302
    alices = Tag.objects.get(user=alice)
    assert alices.pk != bobs.pk
    assert list(Entry.objects.get(user=alice).tags.all()) == [alices]
    bobs.refresh_from_db()
    assert bobs.name == "new medication"
    assert not bobs.entries.exists()

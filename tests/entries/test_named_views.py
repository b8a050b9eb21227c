"""The pages for partners and for your own factors: one set of views serves both, so
every test runs for each kind."""

from dataclasses import dataclass

import pytest
from django.urls import reverse

from entries.forms import PartnerForm, TagForm
from entries.models import Entry, Partner, Tag
from tests.factories import EntryFactory, PartnerFactory, TagFactory

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Kind:
    model: type[Partner | Tag]
    form: type[PartnerForm | TagForm]
    field: str
    factory: type
    max_length: int
    url_prefix: str  # entries:partner_update, entries:tag_delete, ...
    list_url: str
    fixture: str  # alice's own one, named as in `existing`
    existing: str
    taken: str
    rename_heading: str  # the edit page's heading for `existing`

    def data(self, name: str) -> dict:
        # A partner's form has an "active" checkbox; an unticked box is left out of a POST.
        extra = {"active": "on"} if self.model is Partner else {}
        return {self.field: name, **extra}

    def name_of(self, thing) -> str:
        return getattr(thing, self.field)


PARTNER = Kind(
    model=Partner,
    form=PartnerForm,
    field="nickname",
    factory=PartnerFactory,
    max_length=60,
    url_prefix="entries:partner",
    list_url="entries:partners",
    fixture="alice_partner",
    existing="Sam",
    taken="You already have a partner called that.",
    rename_heading="Edit Sam",
)
TAG = Kind(
    model=Tag,
    form=TagForm,
    field="name",
    factory=TagFactory,
    max_length=40,
    url_prefix="entries:tag",
    list_url="entries:tags",
    fixture="alice_tag",
    existing="after an argument",
    taken="You already have a factor with that name.",
    rename_heading="Rename “after an argument”",
)


@pytest.fixture(params=[pytest.param(PARTNER, id="partner"), pytest.param(TAG, id="tag")])
def kind(request) -> Kind:
    return request.param


@pytest.fixture
def mine(kind, request):
    """Alice's own partner or factor."""
    return request.getfixturevalue(kind.fixture)


def test_it_adds_one(kind, alice, alice_client):
    response = alice_client.post(reverse(kind.list_url), kind.data(" very tired "))

    assert response.status_code == 302
    assert kind.name_of(kind.model.objects.get(user=alice)) == "very tired"


def test_it_says_what_it_added(kind, alice_client):
    response = alice_client.post(reverse(kind.list_url), kind.data("<Robin>"), follow=True)

    added = "Added &lt;Robin&gt;." if kind is PARTNER else "Added “&lt;Robin&gt;”."
    assert added in response.content.decode()


def test_a_duplicate_name_in_another_case_is_a_field_error(kind, alice_client, mine):
    response = alice_client.post(reverse(kind.list_url), kind.data(kind.existing.upper()))

    assert response.status_code == 200
    assert response.context["form"].errors[kind.field] == [kind.taken]
    assert response.context["form"][kind.field].value() == kind.existing.upper()
    assert kind.model.objects.count() == 1


@pytest.fixture
def a_second_tap(kind, monkeypatch):
    """The same name saved by another request after this one's check passed."""
    clean = f"clean_{kind.field}"
    check = getattr(kind.form, clean)

    def check_then_the_other_request_saves(form):
        name = check(form)
        kind.model.objects.create(user=form.user, **{kind.field: name.upper()})
        return name

    monkeypatch.setattr(kind.form, clean, check_then_the_other_request_saves)


def test_a_double_tapped_add_is_the_same_field_error(
    kind, alice, alice_client, a_second_tap, caplog
):
    response = alice_client.post(reverse(kind.list_url), kind.data("new medication"))

    assert response.status_code == 200
    assert response.context["form"].errors[kind.field] == [kind.taken]
    names = [kind.name_of(thing) for thing in kind.model.objects.filter(user=alice)]
    assert names == ["NEW MEDICATION"]
    assert "medication" not in caplog.text.lower()


def test_a_rename_that_loses_a_race_is_a_field_error(kind, alice_client, mine, a_second_tap):
    url = reverse(f"{kind.url_prefix}_update", args=[mine.pk])

    response = alice_client.post(url, kind.data("Robin"))

    assert response.status_code == 200
    assert response.context["form"].errors[kind.field] == [kind.taken]
    assert kind.rename_heading in response.content.decode()
    mine.refresh_from_db()
    assert kind.name_of(mine) == kind.existing


def test_the_same_name_is_fine_for_another_user(kind, alice, bob, alice_client):
    kind.factory(user=bob, **{kind.field: "Sam"})

    alice_client.post(reverse(kind.list_url), kind.data("Sam"))

    assert [kind.name_of(thing) for thing in kind.model.objects.filter(user=alice)] == ["Sam"]


def test_an_overlong_name_is_a_field_error(kind, alice_client):
    too_long = "x" * (kind.max_length + 1)

    response = alice_client.post(reverse(kind.list_url), kind.data(too_long))

    assert response.status_code == 200
    message = f"at most {kind.max_length} characters"
    assert message in str(response.context["form"].errors[kind.field])
    assert response.context["form"][kind.field].value() == too_long
    assert not kind.model.objects.exists()


def test_an_empty_name_is_a_field_error(kind, alice_client):
    response = alice_client.post(reverse(kind.list_url), kind.data("   "))

    assert response.status_code == 200
    assert response.context["form"].errors[kind.field] == ["This field is required."]
    assert not kind.model.objects.exists()


def test_the_list_shows_only_mine_with_counts(kind, alice, alice_client, mine, bob):
    entries = EntryFactory.create_batch(2, user=alice)
    mine.entries.add(*entries)
    kind.factory(user=bob, **{kind.field: "Bobs-friend"})

    response = alice_client.get(reverse(kind.list_url))

    content = response.content.decode()
    assert response.status_code == 200
    assert kind.existing in content and "2 entries" in content
    assert "Bobs-friend" not in content


def test_it_renames_one(kind, alice_client, mine):
    url = reverse(f"{kind.url_prefix}_update", args=[mine.pk])

    response = alice_client.post(url, kind.data("argument"))

    assert response.status_code == 302
    mine.refresh_from_db()
    assert kind.name_of(mine) == "argument"


def test_it_deactivates_a_partner(alice_client, alice_partner):
    url = reverse("entries:partner_update", args=[alice_partner.pk])

    alice_client.post(url, {"nickname": "Sam"})

    alice_partner.refresh_from_db()
    assert not alice_partner.active


def test_an_inactive_partner_is_marked_in_the_list(alice, alice_client):
    PartnerFactory(user=alice, nickname="Robin", active=False)

    content = alice_client.get(reverse("entries:partners")).content.decode()

    assert '<span class="badge badge-calm">inactive</span>' in content


def test_the_remove_page_says_what_happens_to_the_entries(kind, alice, alice_client, mine):
    mine.entries.add(EntryFactory(user=alice))
    url = reverse(f"{kind.url_prefix}_delete", args=[mine.pk])

    content = alice_client.get(url).content.decode()

    said = (
        "Your 1 entry with Sam will be kept"
        if kind is PARTNER
        else "It will be taken off 1 entry; the entries themselves stay."
    )
    assert said in content


def test_removing_one_keeps_the_entries(kind, alice, alice_client, mine):
    entry = EntryFactory(user=alice)
    mine.entries.add(entry)

    response = alice_client.post(reverse(f"{kind.url_prefix}_delete", args=[mine.pk]))

    assert response.status_code == 302
    assert not kind.model.objects.exists()
    entry = Entry.objects.get(pk=entry.pk)
    assert entry.partner is None and list(entry.tags.all()) == []


@pytest.mark.parametrize("action", ["update", "delete"])
def test_it_checks_ownership(kind, charlie_client, mine, action):
    url = reverse(f"{kind.url_prefix}_{action}", args=[mine.pk])

    assert charlie_client.get(url).status_code == 404
    assert charlie_client.post(url, kind.data("Stolen")).status_code == 404
    assert kind.model.objects.filter(pk=mine.pk).exists()
    mine.refresh_from_db()
    assert kind.name_of(mine) == kind.existing

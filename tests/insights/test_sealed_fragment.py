"""{% sealed_fragment %}: a part of a page about the person's journal, drawn once for
the values it names and kept in their encrypted cache; drawn afresh when the values,
the data version or the language change, and never served to someone else."""

import pytest
from django.template import Context, Engine
from django.test import RequestFactory
from django.utils import translation

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ENGINE = Engine(
    libraries={"sealed_fragment": "insights.templatetags.sealed_fragment"},
    builtins=["django.templatetags.i18n"],
)
TEMPLATE = ENGINE.from_string(
    "{% load sealed_fragment %}{% sealed_fragment words %}"
    "{% for word in words %}{{ word }} {% endfor %}{{ drawn.append }}{% translate 'Calm' %}"
    "{% endsealed_fragment %}"
)


class _Counter:
    """Counts how often the fragment is drawn (the template reads `drawn.append`)."""

    def __init__(self) -> None:
        self.times = 0

    def append(self) -> str:
        self.times += 1
        return ""


def _render(user, words: list[str], drawn: _Counter) -> str:
    request = RequestFactory().get("/")
    request.user = user
    return TEMPLATE.render(Context({"request": request, "words": words, "drawn": drawn}))


@pytest.fixture
def alice():
    return UserFactory(username="alice")


def test_it_draws_once_for_the_same_values(alice):
    drawn = _Counter()

    first = _render(alice, ["<calm>", "day"], drawn)
    second = _render(alice, ["<calm>", "day"], drawn)

    assert first == second == "&lt;calm&gt; day Calm"
    assert drawn.times == 1


def test_other_values_a_new_data_version_or_language_draw_it_again(alice):
    drawn = _Counter()
    _render(alice, ["day"], drawn)

    assert _render(alice, ["night"], drawn) == "night Calm"
    alice.preferences.data_version += 1
    _render(alice, ["day"], drawn)
    with translation.override("de"):
        assert _render(alice, ["day"], drawn) == "day Ruhig"

    assert drawn.times == 4


def test_nobody_is_served_another_persons_fragment(alice):
    drawn = _Counter()
    _render(alice, ["day"], drawn)

    _render(UserFactory(username="bob"), ["day"], drawn)

    assert drawn.times == 2

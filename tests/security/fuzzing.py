"""Hypothesis strategies and settings shared by the form fuzzing tests."""

from django.http import QueryDict
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

FUZZ = settings(
    max_examples=200,
    deadline=None,
    database=None,  # no example database written into the checkout
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

HOSTILE = st.sampled_from(
    [
        "",
        " ",
        "-1",
        "5",
        "11",
        "1e9",
        "99999999999999999999999",
        "NaN",
        "null",
        "true",
        "\x00",
        "٣",  # an Arabic-Indic digit
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "../../etc/passwd",
        "2026-13-45T25:61",
        "9999-12-31T23:59",
        "0001-01-01T00:00",
        "00000000-0000-0000-0000-000000000000",
        "x" * 6000,
    ]
)
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=80)


@st.composite
def submissions(draw, valid: dict[str, st.SearchStrategy], extra_hostile=()) -> dict:
    """A valid submission with up to three fields broken: replaced by hostile or random
    text, a list of junk, or left out. About a quarter of the examples stay valid."""
    data = {name: draw(strategy) for name, strategy in valid.items()}
    broken = draw(st.lists(st.sampled_from(sorted(valid)), max_size=3, unique=True))
    for name in broken:
        data[name] = draw(
            st.one_of(
                HOSTILE,
                ANY_TEXT,
                st.none(),
                st.lists(HOSTILE, min_size=2, max_size=3),
                *extra_hostile,
            )
        )
    return {name: value for name, value in data.items() if value is not None}


def as_submitted(data: dict) -> QueryDict:
    """The data as the view receives it: lists become repeated fields."""
    submitted = QueryDict(mutable=True)
    for name, value in data.items():
        submitted.setlist(name, value if isinstance(value, list) else [value])
    return submitted

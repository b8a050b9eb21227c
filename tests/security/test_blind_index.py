"""The keyed blind index that keeps encrypted names unique and findable."""

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

from pct_journal.blind_index import blind_index_under

KEY = Fernet.generate_key().decode()


@pytest.mark.parametrize(
    "other",
    [
        pytest.param(" sAM ", id="case-and-spaces"),
        pytest.param("SAM", id="capitals"),
    ],
)
def test_names_that_differ_only_in_case_or_spaces_share_an_index(other):
    assert blind_index_under(KEY, user_id=1, name="Sam") == blind_index_under(
        KEY, user_id=1, name=other
    )


def test_casefolding_makes_sharp_s_and_ss_one_name():
    assert blind_index_under(KEY, user_id=1, name="Straße") == blind_index_under(
        KEY, user_id=1, name="STRASSE"
    )


def test_the_same_name_of_two_people_has_different_indexes():
    assert blind_index_under(KEY, user_id=1, name="Sam") != blind_index_under(
        KEY, user_id=2, name="Sam"
    )


def test_another_key_gives_another_index():
    other_key = Fernet.generate_key().decode()

    assert blind_index_under(KEY, user_id=1, name="Sam") != blind_index_under(
        other_key, user_id=1, name="Sam"
    )


def test_the_index_is_64_hex_digits():
    index = blind_index_under(KEY, user_id=1, name="Sam")

    assert len(index) == 64
    assert set(index) <= set("0123456789abcdef")


def test_a_malformed_key_fails_loudly():
    with pytest.raises(ImproperlyConfigured):
        blind_index_under("not-a-fernet-key", user_id=1, name="Sam")

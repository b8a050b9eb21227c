"""The CSV's formula guard: whatever the text, the import gets back exactly what the
export was given."""

from hypothesis import given
from hypothesis import strategies as st

from entries.portability.csv_columns import (
    COLUMNS,
    FORMULA_TRIGGERS,
    is_journal_csv,
    spreadsheet_safe,
    spreadsheet_text,
)

TRICKY = st.text(alphabet=st.sampled_from(["'", "a", " ", *FORMULA_TRIGGERS]), max_size=6)


@given(text=st.one_of(TRICKY, st.text(max_size=20)))
def test_any_text_comes_back_exactly(text):
    assert spreadsheet_text(spreadsheet_safe(text)) == text


@given(text=st.one_of(TRICKY, st.text(max_size=20)))
def test_no_guarded_cell_starts_like_a_formula(text):
    assert not spreadsheet_safe(text).startswith(FORMULA_TRIGGERS)


def test_the_export_header_is_recognised_with_words_or_codes_alone():
    assert is_journal_csv(list(COLUMNS))
    assert is_journal_csv(["occurred_at", "activity_code", "sadness_code"])
    assert is_journal_csv(["occurred_at", "activity", "sadness"])
    assert not is_journal_csv(["occurred_at", "activity", "mood"])

"""The translation catalogues: nothing left marked fuzzy (gettext would skip it), and
each committed .mo holds exactly what its .po says (`make messages` rebuilds them)."""

import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.i18n.po_files import read_po

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w+\}")
CATALOGUES = sorted(Path(settings.LOCALE_PATHS[0]).glob("*/LC_MESSAGES/*.po"))


def _id(path: Path) -> str:
    return f"{path.parts[-3]}-{path.stem}"


def test_there_is_a_catalogue_for_every_language_offered_but_english():
    languages = {path.parts[-3] for path in CATALOGUES if path.stem == "django"}

    assert languages == {code for code, _name in settings.LANGUAGES} - {"en"}


@pytest.mark.parametrize("po_path", CATALOGUES, ids=_id)
def test_no_entry_is_fuzzy(po_path):
    fuzzy = [entry.msgid for entry in read_po(po_path) if "fuzzy" in entry.flags and entry.msgid]

    assert fuzzy == []


@pytest.mark.parametrize("po_path", CATALOGUES, ids=_id)
def test_the_compiled_catalogue_matches_its_po_file(po_path):
    expected: dict = {}
    for entry in read_po(po_path):
        if entry.msgid and entry.translated and "fuzzy" not in entry.flags:
            expected |= entry.compiled()

    with po_path.with_suffix(".mo").open("rb") as mo_file:
        compiled = dict(gettext.GNUTranslations(mo_file)._catalog)
    compiled.pop("", None)  # the header

    assert compiled == expected


def _placeholders_wrong(entry) -> bool:
    if entry.msgid_plural:
        # A plural's singular may say "one" instead of "%(count)s".
        allowed = set(PLACEHOLDER.findall(entry.msgid_plural))
        return any(not set(PLACEHOLDER.findall(text)) <= allowed for text in entry.msgstr.values())
    return sorted(PLACEHOLDER.findall(entry.msgstr[0])) != sorted(PLACEHOLDER.findall(entry.msgid))


@pytest.mark.parametrize("po_path", CATALOGUES, ids=_id)
def test_every_translation_keeps_the_placeholders_of_its_original(po_path):
    wrong = [
        entry.msgid
        for entry in read_po(po_path)
        if entry.msgid and entry.translated and _placeholders_wrong(entry)
    ]

    assert wrong == []

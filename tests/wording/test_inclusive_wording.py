"""The words the person reads speak to anyone: any gender, any body, partnered or solo sex.

Post-coital dysphoria is reported by women and men alike (46% and 41% in the studies the
app cites), alone or with a partner of any gender. So no template and no module that
words something for the person (insights, the summary, check-ins, the log form) may
assume whose body it is or who the partner is. The terms below fail the test wherever
they appear, with one exception: a sentence quoting a literature figure (it holds a
percentage, e.g. "around 7.5% of women aged 16–74 reported painful sex"), and the titles
of the studies cited, keep the words of the study they report.

Python modules are read through their string constants (comments are for developers and
may name a study's population); templates and scripts are read whole, comments included.
"""

import ast
import re
from pathlib import Path

import pytest

from insights.categories import SOURCES

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# Each term, and why it is an assumption when the app addresses the person.
GENDERED_TERMS = {
    # Pronouns: the app says "you" to the person and "a partner" of anyone else.
    "she": "assumes a gender",
    "her": "assumes a gender (\u201cher partner\u201d)",
    "hers": "assumes a gender",
    "herself": "assumes a gender",
    "he": "assumes a gender",
    "him": "assumes a gender",
    "his": "assumes a gender (\u201chis partner\u201d)",
    "himself": "assumes a gender",
    # People by gender, outside a quoted figure.
    "woman": "assumes the reader is a woman",
    "women": "assumes the reader is a woman (\u201cwomen's pain\u201d)",
    "man": "assumes the reader is a man",
    "men": "assumes the reader is a man",
    "female": "assumes a gender",
    "male": "assumes a gender",
    "ladies": "assumes a gender",
    "guys": "assumes a gender",
    # Partners by gender or marriage: "a partner" covers them all.
    "girlfriend": "assumes the partner's gender",
    "boyfriend": "assumes the partner's gender",
    "husband": "assumes the partner's gender and a marriage",
    "wife": "assumes the partner's gender and a marriage",
    "wives": "assumes the partner's gender and a marriage",
    # Bodies and kinds of sex: pain, arousal and sex are worded for any body.
    "vagina": "assumes a body",
    "vaginal": "assumes a body",
    "vulva": "assumes a body",
    "penis": "assumes a body",
    "penile": "assumes a body",
    "erection": "assumes a body",
    "cervix": "assumes a body",
    "womb": "assumes a body",
    "penetration": "assumes a body and a kind of sex",
    "penetrative": "assumes a body and a kind of sex",
    "intercourse": "assumes partnered, penetrative sex",
    # Naming one body's specialist tells everyone else the advice is not for them.
    "gynaecologist": "names one body's specialist; say a GP or sexual health clinic",
    "gynecologist": "names one body's specialist; say a GP or sexual health clinic",
    "urologist": "names one body's specialist; say a GP or sexual health clinic",
}
TERM = re.compile(r"\b(" + "|".join(GENDERED_TERMS) + r")\b", re.IGNORECASE)
FIGURE = re.compile(r"\d%")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")

TEMPLATE_FILES = sorted((BASE_DIR / "templates").rglob("*.html"))
SCRIPT_FILES = sorted((BASE_DIR / "static" / "js").glob("*.js"))
# Every module of the apps whose words the person reads (the check-ins' questionnaires,
# the log form's labels and choices, insights and the therapist summary).
WORDING_MODULES = sorted(
    path
    for app in ("insights", "checkins", "entries", "sharing")
    for path in (BASE_DIR / app).rglob("*.py")
    if "migrations" not in path.parts
)


def _strings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]


def _assumptions(text: str) -> list[str]:
    """Each term found, with its sentence, outside quoted figures and cited titles."""
    for source in SOURCES:
        text = text.replace(source.citation, "")
    found = []
    for sentence in SENTENCE_END.split(text):
        if FIGURE.search(sentence):
            continue
        found += [
            f"{match.group(0)!r} in {sentence.strip()[:120]!r}" for match in TERM.finditer(sentence)
        ]
    return found


def _relative(path: Path) -> str:
    return str(path.relative_to(BASE_DIR))


def test_it_reads_every_template_and_wording_module():
    names = {_relative(path) for path in TEMPLATE_FILES + WORDING_MODULES}

    assert len(TEMPLATE_FILES) > 50
    assert "insights/categories.py" in names
    assert "insights/wording.py" in names
    assert "checkins/instruments.py" in names
    assert "templates/checkins/support.html" in names


@pytest.mark.parametrize("path", TEMPLATE_FILES + SCRIPT_FILES, ids=_relative)
def test_no_template_or_script_assumes_a_gender_or_a_body(path):
    assert _assumptions(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", WORDING_MODULES, ids=_relative)
def test_no_wording_module_assumes_a_gender_or_a_body(path):
    assert [found for text in _strings(path) for found in _assumptions(text)] == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        pytest.param("Talk with her partner about it.", 1, id="pronoun"),
        pytest.param("Pain with penetration is common.", 1, id="body"),
        pytest.param("Ask your husband or girlfriend.", 2, id="partner-roles"),
        pytest.param("Women's pain is real.", 1, id="women's-pain"),
        pytest.param("Around 7.5% of women reported painful sex.", 0, id="a-quoted-figure"),
        pytest.param("Other thoughts, then the chemistry.", 0, id="inside-words"),
    ],
)
def test_the_check_tells_an_assumption_from_a_quoted_figure(text, found):
    assert len(_assumptions(text)) == found

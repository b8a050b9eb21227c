"""How many pages the summary will take on paper, estimated without laying it out.

Laying the document out with WeasyPrint takes one to two seconds, too slow for a
preview that updates with every change of options, so the export page estimates
instead: the document is cut into the pieces that cannot be split across pages
(a table row, a chart, a note, a line of text), each given the height it takes in
static/css/summary.css's print styles, and the pieces are poured onto pages the way
the PDF breaks them. Headings stay with what follows them, and the closing statement
with what comes before it. tests/test_summary_length.py holds the estimate against
real PDFs, to within a page.

All heights are CSS pixels (1/96 inch) at the print font size of 9.5 pt.
"""

import math
from dataclasses import dataclass

from django.utils.translation import gettext, ngettext

from insights.summary.content import Summary
from insights.summary.options import PAPER_SIZES

PROMISED_PAGES = 3

# The page's content box (static/css/summary.css: @page margins 13 mm 15 mm 16 mm).
_MM = 96 / 25.4
CONTENT = {  # paper: (width, height)
    "a4": ((210 - 30) * _MM, (297 - 29) * _MM),
    "letter": (8.5 * 96 - 30 * _MM, 11 * 96 - 29 * _MM),
}

LINE = 18.4  # a line of body text (9.5 pt, line height 1.45)
SMALL_LINE = 16.9  # 0.92 em text: notes under tables, the header's details
CHAR = 6.4  # the average width of a character of body text (DejaVu Sans; see summary.css)
WRAP_LOSS = 4  # characters a wrapped line loses on average, where a word did not fit
HEADING = 47.7  # a section's top margin and its heading
TABLE_HEAD = 19.0
ROW = 22.0
TWO_LINE_ROW = 35.4  # a factor row that names its category above the factor
TREND_CHART = 210.1
CHECKIN_PANEL = 100.0  # one questionnaire's panel of the check-ins chart
CHECKIN_CHART_BASE = 50.0
NUMBERS = 59.0  # the four figures side by side
NOTE_FRAME = 25.7  # a note's date line, padding and the space after it
HEADER_TOP = 40.0  # kicker and title
HEADER_LINES = 3
SAFETY_FRAME = 50.0  # the question 9 box's margins, padding and title
FOOTER = 116.0  # the statement, the method and what was included
LIST_INDENT = 16
LIST_GAP = 1.9  # between the "at a glance" lines
FACTORS_NOTE_LINES = 2
CHECKINS_NOTE_LINES = 2


@dataclass(frozen=True)
class LengthEstimate:
    pages: int
    notes_pages: float  # how much of that the chosen notes take
    paper: str
    has_charts: bool

    @property
    def over_promise(self) -> bool:
        return self.pages > PROMISED_PAGES

    @property
    def notice(self) -> str | None:
        """What the export page says when the choices make it longer than promised."""
        if not self.over_promise:
            return None
        text = gettext(
            "With these choices the summary runs to about %(pages)s pages on %(paper)s, "
            "longer than the usual one to three."
        ) % {"pages": self.pages, "paper": PAPER_SIZES[self.paper]}
        notes = round(self.notes_pages)
        if notes >= 1:
            shorter = ngettext(
                "The notes you chose take about %(count)s page of it: picking fewer notes "
                "shortens it.",
                "The notes you chose take about %(count)s pages of it: picking fewer notes "
                "shortens it.",
                notes,
            ) % {"count": notes}
            return f"{text} {shorter}"
        if self.has_charts:
            return f"{text} " + gettext("Leaving out the charts shortens it.")
        return text


@dataclass(frozen=True)
class _Piece:
    height: float
    keep_with_previous: bool = False  # the closing statement (a heading is merged instead)


def _lines(text: str, width: float) -> int:
    per_line = max(1, int(width / CHAR) - WRAP_LOSS)
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


def _text(texts: list[str], width: float, line: float = LINE) -> list[_Piece]:
    """A piece per line: text may break between any two lines."""
    return [_Piece(line) for text in texts for _ in range(_lines(text, width))]


def _section(first: list[_Piece], *rest: list[_Piece]) -> list[_Piece]:
    """A heading glued to the first piece after it."""
    pieces = [piece for group in (first, *rest) for piece in group]
    if not pieces:
        return [_Piece(HEADING)]
    head = _Piece(HEADING + pieces[0].height, pieces[0].keep_with_previous)
    return [head, *pieces[1:]]


def _table(rows: list[float]) -> list[_Piece]:
    if not rows:
        return []
    return [_Piece(TABLE_HEAD + rows[0]), *(_Piece(height) for height in rows[1:])]


def _header(summary: Summary, width: float) -> list[_Piece]:
    # Period, generated and the episode definition, and the account when it is named.
    lines = HEADER_LINES + (1 if summary.who else 0)
    return [_Piece(HEADER_TOP + SMALL_LINE * lines)]


def _safety(summary: Summary, width: float) -> list[_Piece]:
    # The box's padding and rule take 30 px of the width.
    checkins = summary.checkins
    if not checkins or not checkins.safety_answers:
        return []
    text = f"Question 9 (“{checkins.safety_item}”) was answered: " + "; ".join(
        f"{answer.answer} on {answer.day}" for answer in checkins.safety_answers
    )
    return [_Piece(SAFETY_FRAME + LINE * _lines(text, width - 30))]


def _glance(summary: Summary, width: float) -> list[_Piece]:
    if not summary.glance:
        return []
    lines = _text(summary.glance, width - LIST_INDENT)
    return _section(lines, [_Piece(LIST_GAP)] * (len(summary.glance) - 1))


def _numbers(summary: Summary, width: float) -> list[_Piece]:
    chart = [_Piece(TREND_CHART)] if summary.trend else []
    if not summary.trend and summary.numbers.entries:
        chart = _text([summary.trend_text], width, SMALL_LINE)
    return _section([_Piece(NUMBERS)], [_Piece(SMALL_LINE)], chart)


def _profile(summary: Summary, width: float) -> list[_Piece]:
    lines = [text for text in (summary.peaks, summary.cried_text, summary.duration) if text]
    return _section(
        _table([ROW] * len(summary.feelings)), _text(lines, width - LIST_INDENT) or [_Piece(LINE)]
    )


def _factors(summary: Summary, width: float) -> list[_Piece]:
    rows = [TWO_LINE_ROW if row.first_in_category else ROW for row in summary.factors]
    notes = [_Piece(SMALL_LINE)] * FACTORS_NOTE_LINES if rows else [_Piece(SMALL_LINE)]
    if summary.waiting and rows:
        notes += _text(["; ".join(summary.waiting)], width, SMALL_LINE)
    return _section(_table(rows), notes)


def _coping(summary: Summary, width: float) -> list[_Piece]:
    return _section(_table([ROW] * len(summary.coping)) or [_Piece(LINE)])


def _checkins(summary: Summary, width: float) -> list[_Piece]:
    if summary.checkins is None:
        return []
    instruments = summary.checkins.instruments
    if not instruments:
        return _section([_Piece(SMALL_LINE)])
    notes = [_Piece(SMALL_LINE)] * CHECKINS_NOTE_LINES if summary.checkins.phq9_count else []
    chart = []
    if summary.checkins.chart:
        chart = [_Piece(CHECKIN_CHART_BASE + CHECKIN_PANEL * len(instruments))]
    return _section(_table([ROW] * len(instruments)), notes, chart)


def _notes(summary: Summary, width: float) -> list[_Piece]:
    if summary.notes is None:
        return []
    note_width = width - 12  # the rule and padding on the left
    notes = [_Piece(NOTE_FRAME + LINE * _lines(note.text, note_width)) for note in summary.notes]
    return _section(notes or [_Piece(LINE)])


def _footer(summary: Summary, width: float) -> list[_Piece]:
    return [_Piece(FOOTER, keep_with_previous=True)]


def _pages(pieces: list[_Piece], height: float) -> int:
    pages, used, previous = 1, 0.0, 0.0
    for piece in pieces:
        if used + piece.height > height and used > 0:
            pages += 1
            # What must stay with this piece moves to the new page with it.
            used = previous if piece.keep_with_previous and previous < used else 0.0
        used += piece.height
        previous = piece.height
    return pages


BLOCKS = (_header, _safety, _glance, _numbers, _profile, _factors, _coping, _checkins)


def summary_length(summary: Summary) -> LengthEstimate:
    width, height = CONTENT.get(summary.paper, CONTENT["a4"])
    pieces = [piece for block in BLOCKS for piece in block(summary, width)]
    notes = _notes(summary, width)
    pages = _pages(pieces + notes + _footer(summary, width), height)
    has_charts = summary.trend is not None or bool(summary.checkins and summary.checkins.chart)
    return LengthEstimate(
        pages=pages,
        notes_pages=sum(piece.height for piece in notes) / height,
        paper=summary.paper if summary.paper in CONTENT else "a4",
        has_charts=has_charts,
    )

"""What a page shows around a chart image: its text alternative and its data as a table.

Built from the same numbers the chart draws, so the picture, the description read out
by a screen reader and the "show as table" view always agree.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ChartTable:
    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class ChartSummary:
    name: str
    title: str
    description: str  # the key numbers in a sentence or two; the image's text alternative
    table: ChartTable
    empty_message: str | None = None  # set when there is nothing to draw: what to log

    @property
    def is_empty(self) -> bool:
        return self.empty_message is not None


def empty_summary(name: str, title: str, message: str) -> ChartSummary:
    return ChartSummary(name, title, message, ChartTable("", (), ()), message)


def percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "–"


def one_decimal(value: float | None) -> str:
    return "–" if value is None or value != value else f"{value:.1f}"  # NaN != NaN


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    word = singular if count == 1 else (plural_form or f"{singular}s")
    return f"{count} {word}"

"""The month calendar's grid of days written in Python: six weeks of seven cells, each
with a branch or two, cost a template loop more than the rest of the page. The markup is
the one the template wrote, character for character."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from insights.month_calendar import Day

PAD = '\n              <td class="cal-pad"></td>\n            '


def _day_cell(day: Day, list_url: str) -> str:
    today = ' aria-current="date"' if day.is_today else ""
    name = escape(day.name)
    if not day.entries:
        return (
            f'\n              <td><span class="cal-day"{today}>'
            f'<span class="visually-hidden">{name}</span>'
            f'<span class="cal-num" aria-hidden="true">{day.date.day}</span></span></td>'
            "\n            "
        )
    episode_class = " cal-has-episode" if day.episodes else ""
    episode_mark = '<span class="cal-episode">◆</span>' if day.episodes else ""
    return (
        f"\n              <td>\n"
        f'                <a class="cal-day cal-has-entries{episode_class}"{today} '
        f'href="{list_url}?date={day.date.isoformat()}" aria-label="{name}">\n'
        f'                  <span class="cal-num">{day.date.day}</span>\n'
        f'                  <span class="cal-marks" aria-hidden="true">'
        f'<span class="cal-count">{day.entries}</span>{episode_mark}</span>\n'
        f"                </a>\n"
        f"              </td>\n            "
    )


def calendar_rows(weeks: list[list[Day | None]], *, list_url: str) -> SafeString:
    """The grid's rows (what goes inside its <tbody>), each day linking to `list_url`."""
    url = escape(list_url)
    rows = []
    for week in weeks:
        cells = "".join(
            f"\n            {PAD if day is None else _day_cell(day, url)}\n          "
            for day in week
        )
        rows.append(f"\n        <tr>\n          {cells}\n        </tr>\n      ")
    # The names are escaped above; the rest is numbers, dates and the list's address.
    return mark_safe(f"\n      {''.join(rows)}\n    ")  # noqa: S308  # nosec B308 B703

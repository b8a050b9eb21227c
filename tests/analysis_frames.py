"""Hand-made entry frames for the analysis tests, without a database."""

import datetime as dt

from entries.demo import DemoEntry
from insights.analysis import Report, analyse_journal
from insights.demo_frame import demo_journal
from insights.selectors import JournalFrame

START = dt.datetime(2026, 1, 1, 21, tzinfo=dt.UTC)
CALM = {"sadness": 0}
EPISODE = {"sadness": 3}


def blank_fields(**overrides) -> dict:
    fields = {
        "activity": "partnered",
        "orgasm": "",
        "satisfaction": None,
        "connection_after": None,
        "sadness": 0,
        "irritation": 0,
        "agitation": 0,
        "anxiety_after": 0,
        "cried": False,
        "episode_minutes": None,
        "stress": 0,
        "low_mood": 0,
        "performance_anxiety": 0,
        "felt_vulnerable": 0,
        "relationship_tension": 0,
        "pain": 0,
        "memories_surfaced": False,
        "alcohol_or_drugs": False,
        "coping": [],
        "coping_helped": None,
        "notes": "",
    }
    fields.update(overrides)
    return fields


def demo_entry(index: int = 0, *, partner=None, tags=(), **fields) -> DemoEntry:
    return DemoEntry(START + dt.timedelta(days=index), blank_fields(**fields), partner, list(tags))


def table_entries(
    exposed: dict,
    exposed_episodes: int,
    exposed_entries: int,
    unexposed_episodes: int,
    unexposed_entries: int,
    unexposed: dict | None = None,
) -> list[DemoEntry]:
    """Entries forming one 2x2 table: `exposed` fields on the first arm, episodes first."""
    unexposed = unexposed or {}
    arms = [
        (exposed, exposed_episodes, exposed_entries),
        (unexposed, unexposed_episodes, unexposed_entries),
    ]
    entries = []
    for fields, episodes, total in arms:
        for number in range(total):
            feeling = EPISODE if number < episodes else CALM
            entries.append(demo_entry(len(entries), **{**fields, **feeling}))
    return entries


def journal(entries: list[DemoEntry], threshold: int = 2) -> JournalFrame:
    return demo_journal(entries, threshold=threshold)


def analyse(entries: list[DemoEntry], threshold: int = 2, **extra_columns) -> Report:
    frame = journal(entries, threshold)
    data = frame.entries
    for column, values in extra_columns.items():
        data = data.assign(**{column: values})
    return analyse_journal(
        data,
        threshold=threshold,
        tag_names=frame.tag_names,
        partner_names=frame.partner_names,
    )


def factor(report: Report, key: str):
    return next(f for f in report.ranked_factors() if f.key == key)

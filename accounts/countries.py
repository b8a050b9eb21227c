"""Countries, and the country a time zone belongs to, from the IANA tables that ship with
the tzdata package (iso3166.tab, zone.tab and the links in tzdata.zi). Nothing here is
fetched: the tables are files of an installed, pinned package.

The support screen uses the country to show crisis lines where the person lives; a
person who never chose one gets the country of their time zone.
"""

from functools import cache
from importlib.resources import files

# No country: show the international lines only.
NO_COUNTRY = ""
# Names the IANA table shortens or words for its own purposes.
_NAMES = {"GB": "United Kingdom", "KR": "South Korea", "KP": "North Korea"}


def _table(name: str) -> list[list[str]]:
    text = (files("tzdata") / "zoneinfo" / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@cache
def country_names() -> dict[str, str]:
    """ISO 3166 alpha-2 code → English name, for every country the tz database knows."""
    return {row[0]: _NAMES.get(row[0], row[1]) for row in _table("iso3166.tab")}


@cache
def country_choices() -> list[tuple[str, str]]:
    names = country_names()
    return sorted(names.items(), key=lambda item: item[1])


@cache
def _zone_countries() -> dict[str, str]:
    countries = {row[2]: row[0] for row in _table("zone.tab")}
    # Old names and aliases (US/Pacific, Asia/Calcutta) are links to a zone in zone.tab.
    links = (files("tzdata") / "zoneinfo" / "tzdata.zi").read_text(encoding="utf-8")
    for line in links.splitlines():
        if line.startswith("L "):
            _mark, target, alias = line.split()
            if target in countries and alias not in countries:
                countries[alias] = countries[target]
    return countries


def country_for_time_zone(time_zone: str) -> str:
    """The country of a time zone ("Europe/Berlin" → "DE"), or NO_COUNTRY for zones
    that belong to none (UTC, Etc/…) or that the table does not know."""
    return _zone_countries().get(time_zone, NO_COUNTRY)

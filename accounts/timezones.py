import zoneinfo
from functools import cache


@cache
def time_zone_choices() -> list[tuple[str, str]]:
    names = sorted(
        name
        for name in zoneinfo.available_timezones()
        # Legacy aliases such as "EST5EDT" or "Etc/GMT+3" confuse more than they help.
        if ("/" in name and not name.startswith(("Etc/", "SystemV/"))) or name == "UTC"
    )
    return [(name, name.replace("_", " ")) for name in names]


# What browsers may report for UTC itself; every other name must be one of the choices.
UTC_ALIASES = frozenset({"UTC", "Etc/UTC", "Etc/GMT", "GMT", "Etc/Universal", "Etc/Zulu"})


@cache
def _known_names() -> frozenset[str]:
    return frozenset(name for name, _label in time_zone_choices())


def known_time_zone(name: object) -> str | None:
    """The zone a browser reported (Intl's IANA name) if it is one a person can choose,
    else None: a value from a request is never trusted to be a real zone."""
    if not isinstance(name, str) or len(name) > 64:
        return None
    if name in UTC_ALIASES:
        return "UTC"
    return name if name in _known_names() else None

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

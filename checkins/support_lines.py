"""The help shown on the support screen and beside PHQ-9 question 9: the person's country
first, then the international fallback; or the host's own lists (checkins.support_file)."""

from accounts.countries import country_names
from checkins.support_directory import (
    DIRECTORY,
    INTERNATIONAL,
    INTERNATIONAL_EMERGENCY,
    SupportLine,
)
from checkins.support_file import host_support_lists


def _line(line: SupportLine, region: str) -> dict:
    return {
        "name": line.name,
        "region": region,
        "contact": f"{line.number}: {line.purpose}",
        "tel": line.tel,
        "url": line.source,
    }


def support_help(country: str) -> dict:
    """What templates/checkins/_support_help.html shows to someone in `country` (an ISO
    code, or "" when unknown): `emergency` and `resources`, with `emergency_country` and
    `country_name` naming the country when its numbers and lines come from the directory."""
    host_resources, host_emergency = host_support_lists()
    local = DIRECTORY.get(country)
    name = country_names().get(country, country) if local else ""
    if host_resources is not None:
        resources = host_resources
    elif local:
        resources = [_line(line, name) for line in local.lines] + list(INTERNATIONAL)
    else:
        resources = list(INTERNATIONAL)
    if host_emergency is not None:
        emergency = host_emergency
    elif local:
        emergency = [{"region": name, "number": number} for number in local.emergency]
    else:
        emergency = list(INTERNATIONAL_EMERGENCY)
    return {
        "emergency": emergency,
        "resources": resources,
        "emergency_country": name if host_emergency is None else "",
        "country_name": name if host_resources is None else "",
    }

"""A system check that SUPPORT_RESOURCES can be shown: the support screen must never
fail, so a mistake in the setting stops `manage.py check` and server start instead."""

from django.conf import settings
from django.core.checks import Error, register

REQUIRED_KEYS = ("name", "contact")
KNOWN_KEYS = {"name", "region", "contact", "tel", "url"}


@register()
def support_resources_check(app_configs=None, **kwargs) -> list[Error]:
    resources = getattr(settings, "SUPPORT_RESOURCES", None)
    if not isinstance(resources, list | tuple) or not resources:
        return [
            Error(
                "SUPPORT_RESOURCES must be a non-empty list of crisis lines.",
                id="checkins.E001",
            )
        ]
    errors = []
    for number, resource in enumerate(resources, start=1):
        if not isinstance(resource, dict):
            errors.append(
                Error(f"SUPPORT_RESOURCES item {number} is not a dict.", id="checkins.E002")
            )
            continue
        missing = [key for key in REQUIRED_KEYS if not str(resource.get(key, "")).strip()]
        unknown = sorted(set(resource) - KNOWN_KEYS)
        if missing:
            errors.append(
                Error(
                    f"SUPPORT_RESOURCES item {number} needs {', '.join(missing)}.",
                    id="checkins.E003",
                )
            )
        url, tel = str(resource.get("url", "")), str(resource.get("tel", ""))
        if url and not url.startswith(("https://", "http://")):
            errors.append(
                Error(
                    f"SUPPORT_RESOURCES item {number}: url must start with https://.",
                    id="checkins.E005",
                )
            )
        if tel and not tel.lstrip("+").isdigit():
            errors.append(
                Error(
                    f"SUPPORT_RESOURCES item {number}: tel must be digits only, e.g. 116123.",
                    id="checkins.E006",
                )
            )
        if unknown:
            errors.append(
                Error(
                    f"SUPPORT_RESOURCES item {number} has unknown keys: {', '.join(unknown)}.",
                    hint=f"Use {', '.join(sorted(KNOWN_KEYS))}.",
                    id="checkins.E004",
                )
            )
    return errors

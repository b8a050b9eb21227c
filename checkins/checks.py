"""A system check that the support screen's lists can be shown: the host's crisis lines
("resources") and emergency numbers ("emergency") in the file DJANGO_SUPPORT_RESOURCES_FILE
names (checkins.support_file). The support screen must never fail, so a mistake there
stops `manage.py check`, `migrate` and server start instead. The bundled directory is
checked by its tests."""

from django.core.checks import Error, register

from checkins.support_file import host_support_lists

REQUIRED_KEYS = ("name", "contact")
KNOWN_KEYS = {"name", "region", "contact", "tel", "url"}
EMERGENCY_KEYS = {"region", "number"}
WHERE = "Fix the list in the file named by DJANGO_SUPPORT_RESOURCES_FILE, or leave it out."


def _is_dialable(number: str) -> bool:
    return number.lstrip("+").isdigit()


def _resource_errors(number: int, resource: dict) -> list[Error]:
    errors = []
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
    if tel and not _is_dialable(tel):
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


def _emergency_errors(number: int, item: dict) -> list[Error]:
    errors = []
    missing = [key for key in sorted(EMERGENCY_KEYS) if not str(item.get(key, "")).strip()]
    if missing:
        errors.append(
            Error(
                f"SUPPORT_EMERGENCY item {number} needs {', '.join(missing)}.",
                id="checkins.E009",
            )
        )
    dialled = str(item.get("number", ""))
    if dialled and not dialled.isdigit():
        errors.append(
            Error(
                f"SUPPORT_EMERGENCY item {number}: number must be digits only, e.g. 112 "
                "(one number per item; give a region two items for two numbers).",
                id="checkins.E010",
            )
        )
    unknown = sorted(set(item) - EMERGENCY_KEYS)
    if unknown:
        errors.append(
            Error(
                f"SUPPORT_EMERGENCY item {number} has unknown keys: {', '.join(unknown)}.",
                hint="Use number and region.",
                id="checkins.E011",
            )
        )
    return errors


def _list_errors(name: str, value, item_errors, ids: tuple[str, str]) -> list[Error]:
    if not isinstance(value, list | tuple) or not value:
        return [Error(f"{name} must be a non-empty list.", hint=WHERE, id=ids[0])]
    errors = []
    for number, item in enumerate(value, start=1):
        if isinstance(item, dict):
            errors += item_errors(number, item)
        else:
            errors.append(Error(f"{name} item {number} is not a dict.", id=ids[1]))
    return errors


@register()
def support_resources_check(app_configs=None, **kwargs) -> list[Error]:
    resources, emergency = host_support_lists()
    errors = []
    if resources is not None:
        errors += _list_errors(
            "SUPPORT_RESOURCES", resources, _resource_errors, ("checkins.E001", "checkins.E002")
        )
    if emergency is not None:
        errors += _list_errors(
            "SUPPORT_EMERGENCY", emergency, _emergency_errors, ("checkins.E007", "checkins.E008")
        )
    return errors

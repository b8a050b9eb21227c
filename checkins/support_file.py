"""A host's own crisis lines and emergency numbers, from a JSON file, so an install for one
country or one clinic can replace the bundled directory (checkins.support_directory)
without editing code:

    DJANGO_SUPPORT_RESOURCES_FILE=/etc/pct-journal/support.json

    {"resources": [{"name": "Telefonseelsorge", "region": "Germany",
                    "contact": "Call 0800 111 0 111, free, day or night.",
                    "tel": "08001110111"}],
     "emergency": [{"region": "Germany", "number": "112"}]}

Either list may be left out to keep the directory's lists for it. A list in the file is
shown to everyone, whatever their country, in place of the directory's. The file is read
once, when the app starts (checkins.apps): a file that is missing or not JSON stops the
start at once, and the lists themselves are checked by `manage.py check`
(checkins.checks).
"""

import json
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

ENV_NAME = "DJANGO_SUPPORT_RESOURCES_FILE"
FILE_KEYS = ("resources", "emergency")


@cache
def read_support_file(path: str) -> tuple[list | None, list | None]:
    """(resources, emergency) from the file; None for a list it leaves out."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise ImproperlyConfigured(f"{ENV_NAME}: cannot read {path} ({error.strerror}).") from None
    except ValueError as error:  # not JSON, or not UTF-8
        raise ImproperlyConfigured(f"{ENV_NAME}: {path} is not valid JSON ({error}).") from None
    if not isinstance(data, dict) or not data or set(data) - set(FILE_KEYS):
        raise ImproperlyConfigured(
            f"{ENV_NAME}: {path} must hold a JSON object with a “resources” list, an "
            "“emergency” list, or both, and nothing else."
        )
    return data.get("resources"), data.get("emergency")


def host_support_lists() -> tuple[list | None, list | None]:
    """The host's (resources, emergency) lists, None for each one the host left alone."""
    path = settings.SUPPORT_RESOURCES_FILE
    return (None, None) if path is None else read_support_file(str(path))

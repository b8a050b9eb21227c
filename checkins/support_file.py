"""Crisis lines and emergency numbers from a JSON file, so an install for one country can
replace the defaults of pct_journal/settings.py without editing code:

    DJANGO_SUPPORT_RESOURCES_FILE=/etc/pct-journal/support.json

    {"resources": [{"name": "Telefonseelsorge", "region": "Germany",
                    "contact": "Call 0800 111 0 111, free, day or night.",
                    "tel": "08001110111"}],
     "emergency": [{"region": "Germany", "number": "112"}]}

Either list may be left out to keep the default one. The file is read once, when the
settings load: a file that is missing or not JSON stops the start at once, and the
lists themselves are checked by `manage.py check` (checkins.checks), like the defaults.
"""

import json
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

ENV_NAME = "DJANGO_SUPPORT_RESOURCES_FILE"
FILE_KEYS = ("resources", "emergency")


def support_lists(path: str | None, *, resources: list, emergency: list) -> tuple[list, list]:
    """(resources, emergency): the file's lists where it has them, else the defaults."""
    if path is None:
        return resources, emergency
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
    return data.get("resources", resources), data.get("emergency", emergency)

"""What the service worker keeps on the phone, so the log form opens with no signal.

The rule: nothing in the phone's cache ever holds journal data. It keeps the static
files every page uses (styles, scripts, icons, vendored Bootstrap) and one page, the
*offline log form*: the log form drawn for nobody, with no partner nicknames, no
factors of the person's own and no entry. Journal pages, charts and exports are never
put in the cache (they are sent with Cache-Control: no-store as well), so a stolen or
shared phone's cache shows nothing of anybody's journal. Offline, a partner is typed
as a nickname; it is matched to an existing partner when the entry is sent.
"""

import hashlib
from pathlib import Path
from typing import cast

from django.conf import settings
from django.contrib.staticfiles import finders
from django.forms import ModelChoiceField
from django.templatetags.static import static
from django.urls import reverse

from entries.forms import EntryForm
from entries.models import Partner, Tag

# Static files, by their name under static/; {% static %} gives their served (hashed)
# URL, so a deploy with a changed file changes the service worker and renews the cache.
SHELL_STATIC_FILES = (
    "vendor/bootstrap/bootstrap.min.css",
    "vendor/bootstrap/bootstrap.bundle.min.js",
    "css/app.css",
    "js/theme.js",
    "js/ui_text.js",
    "js/entry_form.js",
    "js/offline_store.js",
    "js/offline_queue.js",
    "js/entry_draft.js",
    "js/device_time_zone.js",
    "icons/icon.svg",
    "icons/icon-192.png",
    "icons/apple-touch-icon.png",
    "manifest.webmanifest",
)


def precache_urls() -> list[str]:
    """Every URL the service worker stores: the shell's static files and the offline form."""
    return [*(static(name) for name in SHELL_STATIC_FILES), reverse("entries:offline_form")]


def cache_version(urls: list[str]) -> str:
    """Changes whenever a kept file does. In production the hashed URLs already say so;
    in development (plain URLs) the files' contents are hashed too, so an edited script
    is not served stale from the phone's cache."""
    digest = hashlib.sha256("\n".join(urls).encode())
    if settings.DEBUG:
        for name in SHELL_STATIC_FILES:
            path = finders.find(name)
            if path:
                digest.update(Path(path).read_bytes())
    return digest.hexdigest()[:12]


class OfflineEntryForm(EntryForm):
    """The log form with nobody's partners or factors in it (see the module docstring)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, user=None, **kwargs)
        cast(ModelChoiceField, self.fields["partner"]).queryset = Partner.objects.none()
        cast(ModelChoiceField, self.fields["tags"]).queryset = Tag.objects.none()

"""The log form's sections for a new entry, rendered once per data version.

Building the form (the person's partners and factors read and decrypted, the last
entry read for the first answers) and drawing its hundred-odd buttons was most of the
time of the log form, the page people open most. A new entry's sections show nothing
that can change without `Preferences.data_version` changing too: partners, factors and
entries all bump it, and the language is part of the key. So the HTML is kept in the
derived-data cache with the charts, sealed with the person's own secret
(pct_journal.chart_cache). The one part that changes by the minute, the time "When"
starts at, is drawn as a placeholder and filled in for each request.
"""

import functools
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import cast

from django.conf import settings
from django.template import engines
from django.template.backends.django import DjangoTemplates
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from accounts.http import AuthenticatedHttpRequest
from entries import button_rows, field_groups, forms, models, names
from pct_journal import bootstrap_fields, chart_cache, scales
from pct_journal.date_range import DateRange

TEMPLATE = "entries/_form_sections.html"
# Letters and dashes only, so escaping leaves it as it is.
NOW_PLACEHOLDER = "log-form-now"
_DRAWN_BY = (forms, field_groups, button_rows, names, models, bootstrap_fields, scales)


@functools.cache
def _drawing_digest() -> str:
    """Changes with the code, template and translations the sections are drawn from,
    so that after a deploy no form drawn by the code before it is shown."""
    paths = [Path(str(module.__file__)) for module in _DRAWN_BY]
    backend = cast(DjangoTemplates, engines["django"])
    paths.append(Path(backend.engine.get_template(TEMPLATE).origin.name))
    for locale in settings.LOCALE_PATHS:
        paths.extend(sorted(Path(locale).glob("*/LC_MESSAGES/django.mo")))
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def new_entry_sections(
    request: AuthenticatedHttpRequest, build_form: Callable[[str], forms.EntryForm]
) -> SafeString:
    """entries/_form_sections.html for a new entry. `build_form(now)` makes the form,
    with `now` as the value "When" shows; it is called only when nothing is kept."""
    key = chart_cache.chart_cache_key(
        "log-form",
        user=request.user,
        data_version=request.preferences.data_version,
        name=f"new-entry:{_drawing_digest()}",
        dates=DateRange(),
        today=timezone.localdate(),
    )
    sections = chart_cache.cached(
        key, lambda: render_to_string(TEMPLATE, {"form": build_form(NOW_PLACEHOLDER)})
    )
    now = timezone.localtime().strftime(forms.DATETIME_LOCAL_FORMAT)
    # Only the first: "When" comes before anything named by the person (a partner
    # called like the placeholder is left as it is).
    # The template escaped everything when it rendered, and what comes back from the
    # cache is that same text: AES-GCM refuses anything that was not sealed by us.
    return mark_safe(sections.replace(NOW_PLACEHOLDER, now, 1))  # noqa: S308  # nosec B308 B703

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
from pathlib import Path
from typing import cast

from django.conf import settings
from django.contrib.auth.models import User
from django.template import engines
from django.template.backends.django import DjangoTemplates
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from entries import button_rows, field_groups, forms, models, names
from pct_journal import bootstrap_fields, chart_cache, scales

TEMPLATE = "entries/_form_sections.html"
# Letters and dashes only, so escaping leaves it as it is.
NOW_PLACEHOLDER = "log-form-now"
# A month rather than the derived cache's usual day: the person often opens the form
# next days after their last write, and what is kept is tied to that data version.
KEEP_SECONDS = 30 * 24 * 60 * 60
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


def mark_for_device(form: forms.EntryForm, *, fresh: bool) -> forms.EntryForm:
    """Tells the phone's scripts this is a new entry (kept as a draft, saved offline)
    and, on a fresh form, that "When" may be set from the phone's clock."""
    attrs = form.fields["occurred_at"].widget.attrs
    attrs["data-new-entry"] = ""
    if fresh:
        attrs["data-device-now"] = ""
    return form


def _new_entry_form(user: User, *, now: str) -> forms.EntryForm:
    # The last entry's activity and partner (while still active) come first.
    initial = {"occurred_at": now}
    last = (
        models.Entry.objects.filter(user=user)
        .select_related("partner")
        .only("activity", "partner__active")
        .first()
    )
    if last:
        initial["activity"] = last.activity
        if last.partner and last.partner.active:
            initial["partner"] = last.partner_id
    return mark_for_device(forms.EntryForm(user=user, initial=initial), fresh=True)


def _key(user: User) -> chart_cache.CacheKey:
    # Nothing in the sections depends on the day, so the key names none, and they are
    # kept for as long as the person's data stays as it is (KEEP_SECONDS).
    return chart_cache.versioned_key(
        "log-form",
        user=user,
        data_version=user.preferences.data_version,
        name=f"new-entry:{_drawing_digest()}",
    )


def new_entry_sections_prepare(user: User) -> None:
    """Draws the sections for `user`'s current data ahead of their next visit, in the
    active language, unless they are kept already (the task worker, after each write)."""
    chart_cache.cached(_key(user), lambda: _draw(user), timeout=KEEP_SECONDS)


def _draw(user: User) -> str:
    return render_to_string(TEMPLATE, {"form": _new_entry_form(user, now=NOW_PLACEHOLDER)})


def new_entry_sections(user: User) -> SafeString:
    """entries/_form_sections.html for a new entry, with "When" at the current time."""
    sections = chart_cache.cached(_key(user), lambda: _draw(user), timeout=KEEP_SECONDS)
    now = timezone.localtime().strftime(forms.DATETIME_LOCAL_FORMAT)
    # Only the first: "When" comes before anything named by the person (a partner
    # called like the placeholder is left as it is).
    # The template escaped everything when it rendered, and what comes back from the
    # cache is that same text: AES-GCM refuses anything that was not sealed by us.
    return mark_safe(sections.replace(NOW_PLACEHOLDER, now, 1))  # noqa: S308  # nosec B308 B703

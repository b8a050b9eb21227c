"""The therapist summary: the options page with a preview, the print page and the PDF."""

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from accounts.http import AuthenticatedHttpRequest
from audit.models import EventKind
from audit.services import audit_record
from checkins.selectors import checkins_dataframe
from insights.ranges import range_picker
from insights.summary.content import Summary, build_summary, screen_summary
from insights.summary.length import summary_length
from insights.summary.note_picker import PickableNote, note_picker_items, pickable_notes
from insights.summary.notes import notes_in_period
from insights.summary.options import (
    NOTES_CHOICES,
    PAPER_SIZES,
    SummaryOptions,
    SummaryOptionsForm,
    summary_options,
)
from insights.summary.pdf import render_pdf
from insights.summary.preview import export_preview, summary_preview
from pct_journal import chart_cache

# The options form carries the period chosen with the range picker as hidden fields.
PERIOD_PARAMS = ("range", "start", "end")
# The options the form shows, with what they are when nothing was sent.
CHOSEN_FIELDS = {
    "checkins": True,
    "charts": True,
    "partners": False,
    "notes": "none",
    "paper": "a4",
}


def bad_options_page(request: HttpRequest, form: SummaryOptionsForm) -> HttpResponse:
    """The 400 answer of the summary, its PDF and the share-link form for options they
    cannot use (a hand-edited or outdated link): what was wrong, and a way back."""
    ctx = {
        "problems": form.error_messages(),
        # Back to the export page with the same query, where the options can be fixed.
        "retry_query": request.GET.urlencode() if request.method == "GET" else "",
    }
    return render(request, "insights/export_bad_options.html", ctx, status=400)


def _options_asked(
    request: AuthenticatedHttpRequest, today: dt.date
) -> tuple[SummaryOptionsForm, SummaryOptions | None]:
    """The summary options in the query, with the person's usual period when it names none."""
    return summary_options(
        request.GET,
        user=request.user,
        today=today,
        default_range=request.preferences.default_period,
    )


def _pickable_notes(
    request: AuthenticatedHttpRequest, options: SummaryOptions
) -> list[PickableNote]:
    preferences = request.preferences
    # Decrypted and labelled once per data version, period and language (the picker is
    # redrawn with every change of options), and kept like the charts: encrypted with the
    # person's own secret.
    key = chart_cache.chart_cache_key(
        "notes",
        user=request.user,
        data_version=preferences.data_version,
        name="pickable-notes",
        dates=options.dates,
        today=timezone.localdate(),
    )
    return chart_cache.cached(
        key,
        lambda: pickable_notes(
            notes_in_period(
                request.user,
                options.dates,
                time_zone=preferences.time_zone,
                threshold=preferences.episode_threshold,
            )
        ),
    )


def _chosen(form, options: SummaryOptions | None) -> dict:
    """What the form shows as chosen: the options, or what was sent when it was invalid
    (so a mistake is corrected without setting everything again)."""
    if options is not None:
        values = {name: getattr(options, name) for name in CHOSEN_FIELDS}
        return values | {"note_ids": set(options.note_ids)}
    data = form.cleaned_data
    values = {name: data.get(name, default) for name, default in CHOSEN_FIELDS.items()}
    return values | {"note_ids": set(data.get("note") or ())}


def _left_out_safety_answers(request: AuthenticatedHttpRequest, options: SummaryOptions) -> int:
    """How many PHQ-9 question 9 answers above "Not at all" the period has that the
    summary will not mention, because check-ins are left out (the person's choice)."""
    if options.checkins:
        return 0
    frame = checkins_dataframe(request.user, options.dates, time_zone=request.preferences.time_zone)
    return int((frame["item9"].fillna(0) > 0).sum())


@login_required
@require_GET
def export(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    form, options = _options_asked(request, today)
    ctx: dict[str, object] = {
        "form": form,
        "options": options,
        "range_picker": range_picker(request.GET, form.period, today=today),
        "notes_choices": NOTES_CHOICES,
        "paper_sizes": PAPER_SIZES,
        "chosen": _chosen(form, options),
        "period_pairs": [
            (name, value) for name in PERIOD_PARAMS for value in request.GET.getlist(name)
        ],
    }
    if options is None:
        return render(request, "insights/export.html", ctx, status=400)
    document, up_to_date = export_preview(request.user, options, now=timezone.now())
    notes = _pickable_notes(request, options)
    ctx |= {
        "summary": document,
        "up_to_date": up_to_date,
        "preview": summary_preview(request.user, document),
        "length": summary_length(document),
        "note_choices": notes,
        "note_items": note_picker_items(notes, set(options.note_ids)),
        "left_out_safety_answers": _left_out_safety_answers(request, options),
        "options_query": options.query(),
        "period_pairs": [pair for pair in options.query_pairs() if pair[0] in PERIOD_PARAMS],
    }
    return render(request, "insights/export.html", ctx)


def _page(summary: Summary, options: SummaryOptions, *, for_pdf: bool) -> dict:
    return {"summary": summary, "options_query": options.query(), "for_pdf": for_pdf}


@login_required
@require_GET
def summary(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The print-friendly page: the summary alone, ready for the browser's Print."""
    form, options = _options_asked(request, timezone.localdate())
    if options is None:
        return bad_options_page(request, form)
    document = screen_summary(request.user, options, now=timezone.now())
    return render(request, "insights/summary/page.html", _page(document, options, for_pdf=False))


@login_required
@require_GET
@never_cache
def summary_pdf(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    form, options = _options_asked(request, today)
    if options is None:
        return bad_options_page(request, form)
    document = build_summary(request.user, options, now=timezone.now(), for_pdf=True)
    pdf = render_pdf(
        render_to_string("insights/summary/page.html", _page(document, options, for_pdf=True))
    )
    audit_record(
        user=request.user,
        kind=EventKind.EXPORT_DOWNLOADED,
        request=request,
        format="pdf",
        count=document.numbers.entries,
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    # Neutral on purpose: the name shows up in download lists and file pickers.
    response["Content-Disposition"] = f'attachment; filename="journal-summary-{today}.pdf"'
    return response

"""The guide a person can give a partner: the page (with the form of their choices)
and its PDF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from accounts.http import AuthenticatedHttpRequest
from insights.guide.content import build_guide, partner_guide_of
from insights.guide.forms import PartnerGuideForm
from insights.services import partner_guide_save
from insights.summary.pdf import render_pdf

PDF_STYLESHEET = "css/guide-pdf.css"


def _document_title(request: AuthenticatedHttpRequest) -> str:
    # Discreet mode: the PDF's title and file name say nothing about what it is about.
    if request.preferences.discreet_mode:
        return gettext("Journal notes")
    return gettext("A guide for my partner")


@login_required
@require_http_methods(["GET", "POST"])
def partner_guide(request: AuthenticatedHttpRequest) -> HttpResponse:
    choices = partner_guide_of(request.user)
    if request.method == "POST":
        form = PartnerGuideForm(request.POST, instance=partner_guide_of(request.user))
        if form.is_valid():
            partner_guide_save(user=request.user, **form.cleaned_data)
            messages.success(
                request, gettext("Your choices are saved. The guide below shows them.")
            )
            return redirect("insights:partner_guide")
    else:
        form = PartnerGuideForm(instance=choices)
    ctx = {"form": form, "guide": build_guide(request.user, choices)}
    return render(request, "insights/guide/page.html", ctx)


@login_required
@require_GET
@never_cache
def partner_guide_pdf(request: AuthenticatedHttpRequest) -> HttpResponse:
    guide = build_guide(request.user, partner_guide_of(request.user))
    html = render_to_string(
        "insights/guide/pdf.html", {"guide": guide, "title": _document_title(request)}
    )
    pdf = render_pdf(html, stylesheet=PDF_STYLESHEET)
    name = "journal-notes" if request.preferences.discreet_mode else "partner-guide"
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="{name}-{timezone.localdate().isoformat()}.pdf"'
    )
    return response

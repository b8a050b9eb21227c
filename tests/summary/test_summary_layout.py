"""Where things land on paper, read from WeasyPrint's layout of the PDF: charts are never
split across pages, the closing statement never stands alone on the last page, and the
export page's page estimate (insights.summary.length) agrees with the real PDF."""

import dataclasses
import datetime as dt
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher

from checkins.services import checkin_create
from entries.models import Entry
from insights.summary.content import Summary, build_summary
from insights.summary.length import LengthEstimate, summary_length
from insights.summary.notes import SharedNote
from insights.summary.options import summary_options
from insights.summary.pdf import layout_pdf

pytestmark = pytest.mark.django_db

PAPERS = [pytest.param("a4", id="A4"), pytest.param("letter", id="Letter")]
NOTE = (
    "Felt far away for a while afterwards, and could not say why. We talked about it in "
    "the morning, which helped more than I expected; I want to ask my therapist whether "
    "this is the same feeling I had after the hard year, or something new. "
)
# The closing statement's rule taken away, to find where it would stand alone.
WITHOUT_KEEPING_THE_STATEMENT = """
.summary-footer { break-before: auto !important; page-break-before: auto !important; }
"""
LINE_STEP = 20.3  # what one more "at a glance" line moves everything after it, in px


@pytest.fixture
def demo():
    """The demo journal (200 entries over six months, seed_demo's fixed seed), with
    both questionnaires taken every ten days and a note on every third entry."""
    call_command("seed_demo", "--entries", "200", "--password", "pw-pw-pw-pw", stdout=io.StringIO())
    user = get_user_model().objects.get(username="demo")
    for number in range(8):
        taken = timezone.now() - dt.timedelta(days=10 * number)
        checkin_create(user=user, instrument="phq9", answers=[1] * 8 + [number % 2], taken_at=taken)
        checkin_create(user=user, instrument="gad7", answers=[2] * 7, taken_at=taken)
    for index, entry in enumerate(Entry.objects.filter(user=user).order_by("occurred_at")):
        entry.notes = NOTE if index % 3 == 0 else ""
        entry.save()
    return user


def _summary(user, **query) -> Summary:
    form, options = summary_options(query, user=user, today=timezone.localdate())
    assert options is not None, form.errors
    return build_summary(user, options, now=timezone.now(), for_pdf=True)


def _html(summary: Summary) -> str:
    context = {"summary": summary, "options_query": "", "for_pdf": True}
    return render_to_string("insights/summary/page.html", context)


def _layout_without_keeping_the_statement(summary: Summary):
    stylesheets = [
        CSS(filename=finders.find("css/summary.css")),
        CSS(string=WITHOUT_KEEPING_THE_STATEMENT),
    ]
    fetcher = URLFetcher(allowed_protocols=("data",))
    return HTML(string=_html(summary), url_fetcher=fetcher).render(stylesheets=stylesheets)


@dataclasses.dataclass
class Placed:
    page: int
    top: float
    bottom: float
    page_bottom: float  # where the page's content box ends


def _placed(document, class_name: str) -> dict[object, list[Placed]]:
    """Every element with this class, with the part of it on each page it reaches."""
    found: dict[object, list[Placed]] = {}

    def walk(box, number, page_bottom):
        element = getattr(box, "element", None)
        classes = (element.get("class") or "").split() if element is not None else []
        if class_name in classes and box.element_tag != "img":
            top = box.position_y
            found.setdefault(element, []).append(
                Placed(number, top, top + box.margin_height(), page_bottom)
            )
            return  # the element's own inner boxes are part of the same fragment
        for child in getattr(box, "children", None) or []:
            walk(child, number, page_bottom)

    for number, page in enumerate(document.pages):
        page_box = page._page_box
        walk(page_box, number, page_box.content_box_y() + page_box.height)
    return found


def _first_on_its_page(document, class_name: str) -> bool:
    """Whether the element starts at the top of its page, with nothing above it."""
    (_element, parts), *_ = _placed(document, class_name).items()
    page_box = document.pages[parts[0].page]._page_box
    return parts[0].top <= page_box.content_box_y() + 1


def _split_charts(document) -> list[list[Placed]]:
    return [parts for parts in _placed(document, "summary-chart").values() if len(parts) > 1]


def _with_glance_lines(summary: Summary, count: int) -> Summary:
    extra = [f"A line of text to move what follows down the page ({n})." for n in range(count)]
    return dataclasses.replace(summary, glance=summary.glance + extra)


@pytest.mark.parametrize("paper", PAPERS)
def test_no_chart_is_split_across_pages_in_a_long_summary(demo, paper):
    document = layout_pdf(_html(_summary(demo, range="365d", notes="all", paper=paper)))

    charts = _placed(document, "summary-chart")
    assert len(document.pages) > 3
    assert len(charts) == 2  # the trend and the check-ins
    for parts in charts.values():
        assert len(parts) == 1
        assert parts[0].bottom <= parts[0].page_bottom + 0.5


def _checkins_chart(document) -> list[Placed]:
    return next(
        parts
        for element, parts in _placed(document, "summary-chart").items()
        if "summary-chart-checkins" in element.get("class")
    )


def _starts_a_page(document, part: Placed) -> bool:
    return part.top == pytest.approx(document.pages[part.page]._page_box.content_box_y())


@pytest.mark.parametrize("paper", PAPERS)
def test_a_chart_that_meets_a_page_break_moves_whole_to_the_next_page(demo, paper):
    summary = _summary(demo, range="365d", paper=paper)
    lines = 0
    document = layout_pdf(_html(summary))
    (natural,) = _checkins_chart(document)
    while _starts_a_page(document, natural):
        # Already pushed to the top of a page: first bring it back to mid-page.
        assert lines < 50, "the check-ins chart stays at the top of a page"
        lines += 10
        document = layout_pdf(_html(_with_glance_lines(summary, lines)))
        (natural,) = _checkins_chart(document)
    # Enough lines above it to bring the chart's middle to the end of its page.
    middle = (natural.top + natural.bottom) / 2
    lines += round((natural.page_bottom - middle) / LINE_STEP)

    document = layout_pdf(_html(_with_glance_lines(summary, lines)))

    (moved,) = _checkins_chart(document)
    assert moved.page == natural.page + 1
    assert _starts_a_page(document, moved)
    assert moved.bottom <= moved.page_bottom + 0.5
    assert not _split_charts(document)


def _notes(count: int) -> list[SharedNote]:
    when = dt.datetime(2026, 5, 1, 21, 0, tzinfo=dt.UTC)
    return [
        SharedNote(f"note-{n}", when + dt.timedelta(days=n), False, f"Note {n}. {NOTE}")
        for n in range(count)
    ]


def _footer_alone(summary: Summary) -> Summary:
    """Notes added until, without its rule, the closing statement would start a page of
    its own."""
    count = 10
    for _attempt in range(8):
        notes = dataclasses.replace(summary, notes=_notes(count))
        document = _layout_without_keeping_the_statement(notes)
        if _first_on_its_page(document, "summary-footer"):
            return notes
        (footer,) = _placed(document, "summary-footer").values()
        note_parts = [parts[0] for parts in _placed(document, "summary-note-item").values()]
        note_height = note_parts[-1].bottom - note_parts[-1].top
        room = footer[0].page_bottom - footer[0].bottom
        count += max(1, int(room // note_height) + 1)
    raise AssertionError("could not push the closing statement onto a page of its own")


@pytest.mark.parametrize("paper", PAPERS)
def test_the_closing_statement_never_stands_alone_on_the_last_page(demo, paper):
    charts_off = {"options": "1", "checkins": "on", "notes": "all"}
    summary = _footer_alone(_summary(demo, range="90d", paper=paper, **charts_off))

    document = layout_pdf(_html(summary))

    assert not _first_on_its_page(document, "summary-footer")
    last_page = len(document.pages) - 1
    notes_on_last_page = [
        parts
        for parts in _placed(document, "summary-note-item").values()
        if parts[-1].page == last_page
    ]
    assert notes_on_last_page  # the last note went along with it
    (footer,) = _placed(document, "summary-footer").values()
    assert [part.page for part in footer] == [last_page]


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize(
    "query",
    [
        pytest.param({"range": "365d"}, id="no-notes"),
        pytest.param({"range": "90d", "notes": "all"}, id="a-few-weeks-of-notes"),
        pytest.param({"range": "365d", "notes": "all"}, id="every-note"),
    ],
)
def test_the_page_estimate_is_within_a_page_of_the_pdf(demo, paper, query):
    summary = _summary(demo, **query, paper=paper)

    estimate = summary_length(summary)
    pages = len(layout_pdf(_html(summary)).pages)

    assert abs(estimate.pages - pages) <= 1
    assert estimate.over_promise == (pages > 3)


def test_the_export_page_says_when_the_choices_run_past_three_pages(demo):
    client = Client()
    client.force_login(demo)

    long = client.get(f"{reverse('insights:export')}?range=365d&notes=all&paper=letter")
    usual = client.get(f"{reverse('insights:export')}?range=365d&paper=letter")

    notice = long.content.decode().split('id="length-notice">')[1].split("</p>")[0]
    assert "With these choices the summary runs to about" in notice
    assert "pages on US Letter, longer than the usual one to three." in notice
    assert "The notes you chose take about" in notice
    assert "picking fewer notes shortens it" in notice
    assert 'id="length-notice"' not in usual.content.decode()


@pytest.mark.parametrize(
    ("estimate", "notice"),
    [
        pytest.param(LengthEstimate(3, 1.4, "a4", True), None, id="three-pages"),
        pytest.param(
            LengthEstimate(5, 2.6, "letter", True),
            "With these choices the summary runs to about 5 pages on US Letter, longer than "
            "the usual one to three. The notes you chose take about 3 pages of it: picking "
            "fewer notes shortens it.",
            id="notes",
        ),
        pytest.param(
            LengthEstimate(4, 0.2, "a4", True),
            "With these choices the summary runs to about 4 pages on A4, longer than the "
            "usual one to three. Leaving out the charts shortens it.",
            id="charts",
        ),
    ],
)
def test_the_notice_says_what_would_shorten_it(estimate, notice):
    assert estimate.notice == notice

"""The summary as a PDF: the print page's HTML through WeasyPrint.

WeasyPrint may only read `data:` URIs (the embedded charts): the document never loads
anything from the network or the file system, so no text in it can make the server
fetch a URL. The stylesheet is handed over directly rather than linked.

WeasyPrint is imported by a process's first PDF, not with the views: it adds about 24 MB
to every gunicorn worker that loads it, and most workers never make a PDF (the therapist
summary is printed now and then, not on every visit). The first PDF of a worker takes
about 0.4 s longer.
"""

from functools import cache
from typing import TYPE_CHECKING

from django.contrib.staticfiles import finders

if TYPE_CHECKING:
    from weasyprint import CSS
    from weasyprint.document import Document

STYLESHEET = "css/summary.css"


@cache
def _stylesheet(name: str = STYLESHEET) -> "CSS":
    from weasyprint import CSS

    # Parsed once per process; a CSS object is only read while rendering.
    path = finders.find(name)
    if not path:
        raise FileNotFoundError(f"static file {name} is missing")
    return CSS(filename=path)


def layout_pdf(html: str, *, stylesheet: str = STYLESHEET) -> "Document":
    """The pages of a complete HTML document (templates/insights/summary/page.html), laid
    out as the PDF prints them; the tests read where each chart and paragraph landed.
    The partner guide (insights.guide) passes its own stylesheet."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    # A fetcher per document: URLFetcher keeps per-request state, and threads share nothing.
    fetcher = URLFetcher(allowed_protocols=("data",), allow_redirects=False)
    return HTML(string=html, url_fetcher=fetcher).render(stylesheets=[_stylesheet(stylesheet)])


def render_pdf(html: str, *, stylesheet: str = STYLESHEET) -> bytes:
    """The PDF of a complete HTML document (templates/insights/summary/page.html)."""
    return layout_pdf(html, stylesheet=stylesheet).write_pdf()

"""The summary as a PDF: the print page's HTML through WeasyPrint.

WeasyPrint may only read `data:` URIs (the embedded charts): the document never loads
anything from the network or the file system, so no text in it can make the server
fetch a URL. The stylesheet is handed over directly rather than linked.
"""

from functools import cache

from django.contrib.staticfiles import finders
from weasyprint import CSS, HTML
from weasyprint.document import Document
from weasyprint.urls import URLFetcher

STYLESHEET = "css/summary.css"


@cache
def _stylesheet() -> CSS:
    # Parsed once per process; a CSS object is only read while rendering.
    path = finders.find(STYLESHEET)
    if not path:
        raise FileNotFoundError(f"static file {STYLESHEET} is missing")
    return CSS(filename=path)


def layout_pdf(html: str) -> Document:
    """The pages of a complete HTML document (templates/insights/summary/page.html), laid
    out as the PDF prints them; the tests read where each chart and paragraph landed."""
    # A fetcher per document: URLFetcher keeps per-request state, and threads share nothing.
    fetcher = URLFetcher(allowed_protocols=("data",), allow_redirects=False)
    return HTML(string=html, url_fetcher=fetcher).render(stylesheets=[_stylesheet()])


def render_pdf(html: str) -> bytes:
    """The PDF of a complete HTML document (templates/insights/summary/page.html)."""
    return layout_pdf(html).write_pdf()

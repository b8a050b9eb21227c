"""The summary's charts as SVG embedded in the document itself (`data:` URIs).

Embedded rather than linked: a share-link reader has no login for `insights:chart`,
and WeasyPrint then needs no network access at all. SVG stays vector in the PDF.

Each chart comes twice. On screen the usual SVG follows the system's light or dark mode
by itself (`insights.charts.palette`). On paper it must always be dark ink on white,
whatever mode the printing browser is in, and WeasyPrint does not evaluate the CSS
variables of that SVG, so the print version has the light colours written in.
"""

import base64
import re
from dataclasses import dataclass

from insights.charts import ChartSummary

_COLOUR_VARIABLE = re.compile(r"var\(--c-[a-z0-9]+, (#[0-9a-fA-F]{3,8})\)")
_STYLE_BLOCK = re.compile(r"<style>.*?</style>", re.DOTALL)


@dataclass(frozen=True)
class ChartImage:
    name: str
    title: str
    description: str  # the key numbers: the image's text alternative
    screen_src: str  # follows light/dark mode
    print_src: str  # light colours only


def light_only(svg: bytes) -> bytes:
    """The SVG with each palette variable replaced by its light colour."""
    text = _COLOUR_VARIABLE.sub(r"\1", svg.decode())
    return _STYLE_BLOCK.sub("", text, count=1).encode()


def data_uri(svg: bytes) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


def chart_image(svg: bytes, summary: ChartSummary, *, for_pdf: bool) -> ChartImage | None:
    """None when the chart has nothing to draw (the summary says so in words instead)."""
    if summary.is_empty:
        return None
    printed = data_uri(light_only(svg))
    # The PDF only ever uses the print version; do not embed the other one twice.
    screen = printed if for_pdf else data_uri(svg)
    return ChartImage(summary.name, summary.title, summary.description, screen, printed)

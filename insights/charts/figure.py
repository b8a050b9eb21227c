"""Drawing a chart: a matplotlib `Figure` on the Agg canvas, saved as SVG text.

No pyplot: it keeps global "current figure" state that threads (gunicorn --threads)
would trample. Matplotlib does not promise thread safety even for separate figures
(font and text-layout caches are shared, and `rc_context` swaps global settings), so
drawing holds a process-wide lock. Rendering is CPU-bound under the GIL anyway, so the
lock costs nothing measurable, and cached charts never take it.
"""

import io
import re
import textwrap
import threading
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any, Literal, NamedTuple
from xml.sax.saxutils import escape

import matplotlib
import numpy as np
from django.utils.functional import Promise
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_svg import RendererSVG
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import FancyBboxPatch
from matplotlib.textpath import TextToPath
from matplotlib.transforms import ScaledTranslation
from matplotlib.typing import RcKeyType

from insights.charts import palette
from insights.charts.palette import colour

# Phone-first: 3.8 in = 365 CSS px wide, about what a chart card has on a phone, so
# 10-11 pt labels come out at 12-13 px there; wide screens set two charts side by side
# (css/charts.css) rather than blowing one up.
WIDTH = 3.8
FONT_STACK = (
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', "
    "Arial, sans-serif"
)
_RC: dict[RcKeyType, Any] = {
    # Text stays text (smaller files, crisp at any zoom, selectable), set in the page's
    # system font; matplotlib measures with DejaVu Sans, which is wider than the usual
    # system fonts, so labels never grow past the space laid out for them.
    "svg.fonttype": "none",
    "svg.hashsalt": "pct-journal",  # stable element ids: the same data gives the same bytes
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": 11,
    "axes.unicode_minus": False,
    "axes.edgecolor": colour("grid"),
    "axes.labelcolor": colour("ink"),
    "text.color": colour("ink"),
    "xtick.color": colour("muted"),
    "ytick.color": colour("muted"),
    "xtick.labelcolor": colour("ink"),
    "ytick.labelcolor": colour("ink"),
    "legend.frameon": False,
    "legend.fontsize": 10,
    "xtick.labelsize": 10,
    "ytick.labelsize": 10,
    "lines.solid_capstyle": "round",
}
_RENDER_LOCK = threading.Lock()
_FONT_FAMILY = re.compile(r"font-family: [^;\"]*")


class _RememberedMeasures(TextToPath):
    """Text measured once per process rather than once per chart.

    Laying out a text (to centre it on its row, to fit a legend around it) measures it
    with FreeType, most of what a text costs to draw; matplotlib remembers a measure
    only for the one drawing. A measure depends on nothing but the text, its font
    properties and whether it is mathtext, and charts repeat their texts (names,
    dates, legends) from one drawing to the next, so they are remembered here."""

    def get_text_width_height_descent(self, s, prop, ismath):
        # A copy as the key: FontProperties hashes its current, mutable state.
        return _measure(s, prop.copy(), ismath)


_MEASURES = _RememberedMeasures()


@lru_cache(maxsize=8192)
def _measure(
    text: str, prop: FontProperties, ismath: bool | Literal["TeX"]
) -> tuple[float, float, float]:
    return TextToPath.get_text_width_height_descent(_MEASURES, text, prop, ismath)


class _ChartFigure(Figure):
    """A Figure whose SVG drawing measures text through _MEASURES."""

    def draw(self, renderer: Any) -> None:
        svg = getattr(renderer, "_renderer", renderer)  # savefig wraps it in a mixed one
        if isinstance(svg, RendererSVG):
            svg._text2path = _MEASURES
        super().draw(renderer)


def render_svg(
    draw: Callable[[Figure], None], *, height: float, title: str, description: str
) -> bytes:
    """Run `draw` on a fresh figure and return the finished, colour-scheme-aware SVG."""
    with _RENDER_LOCK, matplotlib.rc_context(_RC):
        figure = _ChartFigure(figsize=(WIDTH, height))
        FigureCanvasAgg(figure)
        draw(figure)
        buffer = io.BytesIO()
        figure.savefig(
            buffer, format="svg", transparent=True, metadata={"Date": None, "Creator": None}
        )
    return _finish(buffer.getvalue().decode(), title=title, description=description)


def _finish(svg: str, *, title: str, description: str) -> bytes:
    title = str(title)
    svg = palette.apply_to_svg(svg)
    svg = _FONT_FAMILY.sub(f"font-family: {FONT_STACK}", svg)
    head, _, rest = svg.partition('version="1.1">')
    accessible = (
        f' role="img" aria-labelledby="chart-title chart-desc">'
        f'\n <title id="chart-title">{escape(title)}</title>'
        f'\n <desc id="chart-desc">{escape(description)}</desc>'
        f"\n <style>{palette.stylesheet()}</style>"
    )
    return f'{head}version="1.1"{accessible}{rest}'.encode()


def style_axes(axes: Axes, *, grid_axis: Literal["x", "y", "both"] | None = "y") -> None:
    """The calm house style: no box, a faint grid, muted ticks."""
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)
    axes.spines["bottom"].set_color(colour("grid"))
    axes.tick_params(length=0, pad=4)
    axes.set_facecolor("none")
    if grid_axis:
        axes.grid(axis=grid_axis, color=colour("grid"), linewidth=0.8)
        axes.set_axisbelow(True)


# Where an axis label sits from its axis, in points, as matplotlib's ticks had it.
LABEL_PAD = 4
POINTS_PER_INCH = 72


class _LabelPlace(NamedTuple):
    axis: Literal["x", "y"]  # which axis the positions are on
    across: float  # where across the axes the labels stand
    ha: Literal["left", "center", "right"]
    va: Literal["top", "bottom", "center_baseline"]
    dx: int  # the direction of the pad, in x and y
    dy: int


_LABEL_PLACES = {
    "bottom": _LabelPlace("x", 0, "center", "top", 0, -1),
    "top": _LabelPlace("x", 1, "center", "bottom", 0, 1),
    "left": _LabelPlace("y", 0, "right", "center_baseline", -1, 0),
    "right": _LabelPlace("y", 1, "left", "center_baseline", 1, 0),
}


def axis_labels(
    axes: Axes,
    positions: Sequence[float] | np.ndarray,
    labels: Sequence[str],
    *,
    side: Literal["bottom", "top", "left", "right"] = "bottom",
    fontsize: float = 10,
    colours: Sequence[str] | None = None,
    pad: float = LABEL_PAD,
    grid: bool = False,
) -> None:
    """Label an axis with plain text at `positions` (data units), and no tick objects.

    Matplotlib builds each tick from two lines and two texts, with a locator and a
    formatter, and lays them all out on every draw: about a fifth of a chart's time for
    labels that never move. Here each label is one text, and a grid (when asked for)
    one collection of lines; matplotlib's own axis is hidden (without ticks it drew
    nothing, yet was still laid out on every draw)."""
    place = _LABEL_PLACES[side]
    if place.axis == "x":
        axes.xaxis.set_visible(False)
        base = axes.get_xaxis_transform()
    else:
        axes.yaxis.set_visible(False)
        base = axes.get_yaxis_transform()
    # The pad in points, as matplotlib.transforms.offset_copy(units="points") works it out.
    offset = ScaledTranslation(
        place.dx * pad / POINTS_PER_INCH,
        place.dy * pad / POINTS_PER_INCH,
        axes.figure.dpi_scale_trans,
    )
    transform = base + offset
    for index, (position, label) in enumerate(zip(positions, labels, strict=True)):
        x, y = (position, place.across) if place.axis == "x" else (place.across, position)
        axes.text(
            x,
            y,
            label,
            transform=transform,
            fontsize=fontsize,
            color=colours[index] if colours else colour("ink"),
            ha=place.ha,
            va=place.va,
        )
    if grid:
        draw = axes.vlines if place.axis == "x" else axes.hlines
        draw(positions, 0, 1, transform=base, color=colour("grid"), linewidth=0.8, zorder=0.5)


def draw_empty_state(figure: Figure, message: str) -> None:
    """A dashed box with the message saying what to log for the chart to appear."""
    figure.patches.append(
        FancyBboxPatch(
            (0.02, 0.06),
            0.96,
            0.88,
            boxstyle="round,pad=0,rounding_size=0.04",
            transform=figure.transFigure,
            facecolor="none",
            edgecolor=colour("muted"),
            linestyle=(0, (4, 3)),
            linewidth=1,
            figure=figure,
        )
    )
    figure.text(
        0.5,
        0.5,
        textwrap.fill(message, width=38),
        ha="center",
        va="center",
        color=colour("ink"),
        fontsize=11,
        linespacing=1.5,
        gid="empty-state",
    )


def render_empty_svg(*, title: str | Promise, message: str | Promise) -> bytes:
    title, message = str(title), str(message)  # in the active language, from here on
    return render_svg(
        lambda figure: draw_empty_state(figure, message),
        height=1.9,
        title=title,
        description=message,
    )

"""A chart's legend, laid out by matplotlib once and then drawn as a few plain artists.

matplotlib's Legend packs its handles and labels in nested boxes, and works the boxes
out again on every draw: a fifth to a quarter of drawing a chart, for a legend whose
words and marks never change from one drawing to the next. Here matplotlib lays the
legend out once per process (for each set of handles, options and figure width), on
a scratch figure saved as SVG just as a chart is; where each mark and each word then
stood is kept, measured from the figure's top (the legend hangs from the top centre,
so the figure's height does not move it). Each chart then draws those same marks and
words at those places: the same SVG shapes and texts, without the boxes.
"""

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

import numpy as np
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.text import Text

POINTS_PER_INCH = 72
LEGEND_ZORDER = 5  # matplotlib's own for a legend: above the axes and what they hold


@dataclass(frozen=True)
class _Mark:
    artist: Artist  # the legend's own handle artist: its style is copied
    points: np.ndarray  # where it stood: (x, y down from the top), in points


@dataclass(frozen=True)
class _Word:
    text: Text  # the legend's own text: its font and colour are copied
    x: float  # its anchor (left, baseline), in points from the left and from the top
    y: float


@dataclass(frozen=True)
class _Layout:
    marks: list[_Mark]
    words: list[_Word]


def _style(handle: Artist) -> tuple:
    """What of a handle the legend's drawing depends on, as a key."""
    if isinstance(handle, Line2D):
        return (
            "line",
            handle.get_label(),
            str(handle.get_color()),
            str(handle.get_linestyle()),
            handle.get_linewidth(),
            str(handle.get_marker()),
            handle.get_markersize(),
            str(handle.get_markerfacecolor()),
            str(handle.get_markeredgecolor()),
            handle.get_markeredgewidth(),
        )
    if isinstance(handle, Patch):
        return (
            "patch",
            handle.get_label(),
            tuple(handle.get_facecolor()),
            tuple(handle.get_edgecolor()),
            handle.get_linewidth(),
        )
    raise TypeError(f"No legend layout for {type(handle).__name__} handles.")


class _RecordingFigure(Figure):
    """A scratch figure that keeps where its legend's parts were drawn, in points."""

    layout: _Layout | None = None

    def draw(self, renderer: Any) -> None:
        super().draw(renderer)
        # Still within the SVG save, where a display unit is a point.
        (legend,) = self.legends
        top = self.bbox.height
        marks = []
        for handle in legend.legend_handles:
            if isinstance(handle, Line2D):
                points = handle.get_transform().transform(handle.get_xydata())
            elif isinstance(handle, Rectangle):
                points = handle.get_transform().transform(
                    [(0, 0), (1, 1)]  # a Rectangle's patch transform maps the unit square
                )
            else:  # pragma: no cover (_style refuses other handles first)
                raise TypeError(type(handle).__name__)
            marks.append(_Mark(handle, np.column_stack([points[:, 0], top - points[:, 1]])))
        texts = [legend.get_title(), *legend.texts]
        words = []
        for text in texts:
            if text.get_visible() and text.get_text():
                x, y = text.get_transform().transform(text.get_unitless_position())
                words.append(_Word(text, float(x), float(top - y)))
        self.layout = _Layout(marks, words)


# Layouts by figure width, handles' styles and options: a few per chart and language.
_LAYOUTS: dict[tuple, _Layout] = {}
MAX_LAYOUTS = 256


def _layout(width: float, handles: Sequence[Artist], options: dict[str, Any]) -> _Layout:
    key = (width, tuple(_style(handle) for handle in handles), tuple(sorted(options.items())))
    if key not in _LAYOUTS:
        scratch = _RecordingFigure(figsize=(width, 3))
        FigureCanvasAgg(scratch)
        scratch.legend(handles=list(handles), loc="upper center", frameon=False, **options)
        scratch.savefig(io.StringIO(), format="svg", transparent=True)
        if len(_LAYOUTS) >= MAX_LAYOUTS:
            _LAYOUTS.clear()
        _LAYOUTS[key] = cast(_Layout, scratch.layout)  # set by its draw, just above
    return _LAYOUTS[key]


def figure_legend(figure: Figure, handles: Sequence[Artist], **options: Any) -> None:
    """What figure.legend(handles=handles, loc="upper center", frameon=False, **options)
    draws (the charts' legends have no frame), from a layout matplotlib worked out once
    (see the module's docstring)."""
    layout = _layout(figure.get_figwidth(), handles, options)
    height = figure.get_figheight() * POINTS_PER_INCH
    to_display = figure.dpi_scale_trans

    def inches(points: np.ndarray) -> np.ndarray:
        return np.column_stack([points[:, 0], height - points[:, 1]]) / POINTS_PER_INCH

    for mark in layout.marks:
        corners = inches(mark.points)
        artist: Artist
        if isinstance(mark.artist, Line2D):
            artist = Line2D(corners[:, 0], corners[:, 1])
            artist.update_from(mark.artist)
            artist.set_markevery(mark.artist.get_markevery())
        else:
            (x0, y0), (x1, y1) = corners
            artist = Rectangle((x0, y0), x1 - x0, y1 - y0)
            artist.update_from(mark.artist)
        artist.set_transform(to_display)
        artist.set_zorder(LEGEND_ZORDER)
        artist.set_clip_on(False)
        figure.add_artist(artist)
    for word in layout.words:
        figure.text(
            word.x / POINTS_PER_INCH,
            (height - word.y) / POINTS_PER_INCH,
            word.text.get_text(),
            transform=to_display,
            fontproperties=word.text.get_fontproperties(),
            color=word.text.get_color(),
            ha="left",
            va="baseline",
            zorder=LEGEND_ZORDER,
        )

"""A chart's legend, laid out once, draws what matplotlib's own legend draws."""

import io
import re
import xml.etree.ElementTree as ET

import matplotlib
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from insights.charts.legend import figure_legend

SVG = "{http://www.w3.org/2000/svg}"
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def _handles() -> list:
    return [
        Patch(color="#5fa39a", label="entries"),
        Line2D([], [], color="#a35f16", marker="o", markersize=4.5, label="episode rate"),
        Line2D([], [], color="#7b3f8c", marker="D", linestyle=(0, (1, 1.6)), label="agitation"),
        Line2D([], [], color="#c03a2b", marker="v", linestyle="none", label="cried"),
    ]


def _svg(height: float, draw) -> ET.Element:
    # Text as text, as the charts have it, so that words and places can be compared.
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        figure = Figure(figsize=(3.8, height))
        FigureCanvasAgg(figure)
        draw(figure)
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", transparent=True)
    return ET.fromstring(buffer.getvalue())  # noqa: S314 (matplotlib's own output)


def _drawn(root: ET.Element) -> tuple[list, list]:
    """Every text with its place, and every shape's numbers, in the order drawn."""
    texts = sorted(
        (text.text, round(float(text.get("x")), 3), round(float(text.get("y")), 3))
        for text in root.iter(f"{SVG}text")
    )
    shapes = sorted(
        tuple(round(float(number), 3) for number in NUMBER.findall(element.get("d") or ""))
        + tuple(round(float(element.get(name)), 3) for name in ("x", "y") if element.get(name))
        for element in root.iter()
        if element.tag in (f"{SVG}path", f"{SVG}use") and (element.get("d") or element.get("x"))
    )
    return texts, shapes


@pytest.mark.parametrize(
    "options",
    [
        pytest.param({"ncol": 3, "handlelength": 1.4}, id="one-row"),
        pytest.param({"ncol": 3, "handlelength": 2.2, "columnspacing": 1.2}, id="two-rows"),
        pytest.param({"ncol": 2, "title": "episode rate, 95% CI"}, id="with-a-title"),
        pytest.param(
            {
                "ncol": 4,
                "handlelength": 1,
                "handletextpad": 0.4,
                "title": "that day",
                "title_fontsize": 9,
            },
            id="small-title",
        ),
    ],
)
@pytest.mark.parametrize("height", [2.0, 6.5])
def test_it_draws_matplotlibs_legend_at_any_height(options, height):
    own = _svg(
        height,
        lambda figure: figure.legend(
            handles=_handles(), loc="upper center", frameon=False, **options
        ),
    )
    laid_out_once = _svg(height, lambda figure: figure_legend(figure, _handles(), **options))

    assert _drawn(laid_out_once) == _drawn(own)
    assert len(_drawn(own)[0]) == 4 + ("title" in options)

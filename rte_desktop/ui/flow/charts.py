"""The Flow panel's chart canvases: matplotlib figures on Qt (imported only from the panel).

The drawing itself is ``services/flow/flow_charts.py`` (shared with the PDF report); here the
figures get a Qt Agg canvas, hover hit-testing and PNG/SVG export. Imported the first time the
Flow panel is on screen, so start-up and the idle warm-up never load matplotlib.
"""

from __future__ import annotations

from dataclasses import dataclass

import matplotlib

matplotlib.use("QtAgg")

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from rte_desktop.services.flow.flow import FinishedItem, FlowFigures  # noqa: E402
from rte_desktop.services.flow.flow_charts import CHARTS, Draw, scatter_groups  # noqa: E402

__all__ = ["CHARTS", "Chart", "new_chart", "point_at"]


@dataclass
class Chart:
    """A figure on a canvas and the figures it shows."""

    canvas: FigureCanvasQTAgg
    figure: Figure
    figures: FlowFigures | None = None

    def draw(self, draw: Draw, figures: FlowFigures, dark: bool) -> None:
        """Redraw with ``draw`` (one of CHARTS) and ask Qt to repaint."""
        self.figures = figures
        draw(self.figure, figures, dark)
        self.canvas.draw_idle()  # type: ignore[no-untyped-call]

    def save(self, path: str) -> None:
        """Write the chart as PNG or SVG (by the file name's suffix)."""
        self.figure.savefig(path, dpi=150, bbox_inches="tight")


def new_chart(parent: QWidget | None = None) -> Chart:
    figure = Figure(figsize=(8, 4), layout="constrained")
    canvas = FigureCanvasQTAgg(figure)  # type: ignore[no-untyped-call]
    canvas.setParent(parent)
    return Chart(canvas, figure)


def point_at(chart: Chart, event: object) -> FinishedItem | None:
    """The finished item under the mouse (a matplotlib mouse event) on the scatter, if any."""
    axes = chart.figure.axes
    if chart.figures is None or not axes or getattr(event, "inaxes", None) is not axes[0]:
        return None
    groups = scatter_groups(chart.figures)
    for collection in axes[0].collections:
        hit, info = collection.contains(event)
        indexes = info.get("ind") if hit else None
        if indexes is not None and len(indexes):
            points = groups.get(str(collection.get_label()), [])
            index = int(indexes[0])
            if index < len(points):
                return points[index]
    return None

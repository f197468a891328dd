"""The Flow panel's charts, drawn with matplotlib on Qt canvases (imported only from here).

matplotlib (with numpy under it) is the charting library: scatter plots with reference lines,
histograms, stacked areas (the CFD) and hover picking are what it is made for, and the same
figures export to PNG and SVG without extra code. This module is imported only when the Flow
panel is first shown, so start-up does not load it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import matplotlib

matplotlib.use("QtAgg")

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from rte_desktop.services.flow.flow import FinishedItem, FlowFigures  # noqa: E402

# Colour-blind safe (Okabe-Ito), as the rest of the app; bands also differ by marker/label.
TYPE_COLOURS = {
    "feature": "#0072B2",
    "enabler": "#009E73",
    "defect": "#D55E00",
    "debt": "#CC79A7",
    "risk": "#E69F00",
    "unmapped": "#999999",
}
TYPE_MARKERS = {"feature": "o", "enabler": "s", "defect": "^", "debt": "D", "risk": "v"}
BAND_COLOURS = {
    "below p50": "#009E73",
    "p50-p85": "#E69F00",
    "p85-p95": "#D55E00",
    "above p95": "#7F0000",
    "no history": "#999999",
}
PERCENTILE_STYLES = (("p50", "--"), ("p85", "-."), ("p95", ":"))


@dataclass
class Chart:
    """A figure on a canvas, and what its points stand for (for hover and click)."""

    canvas: FigureCanvasQTAgg
    figure: Figure
    points: list[FinishedItem] = field(default_factory=list)
    on_pick: Callable[[FinishedItem], None] | None = None

    def save(self, path: str) -> None:
        """Write the chart as PNG or SVG (by the file name's suffix)."""
        self.figure.savefig(path, dpi=150, bbox_inches="tight")


def new_chart(parent: QWidget | None = None, dark: bool = False) -> Chart:
    figure = Figure(figsize=(8, 4), layout="constrained")
    if dark:
        figure.set_facecolor("#202124")
    canvas = FigureCanvasQTAgg(figure)  # type: ignore[no-untyped-call]
    canvas.setParent(parent)
    return Chart(canvas, figure)


def _redraw(chart: Chart) -> None:
    chart.canvas.draw_idle()  # type: ignore[no-untyped-call]


def _style(ax: object, dark: bool) -> None:
    if not dark:
        return
    ax.set_facecolor("#202124")  # type: ignore[attr-defined]
    for spine in ax.spines.values():  # type: ignore[attr-defined]
        spine.set_color("#cccccc")
    ax.tick_params(colors="#dddddd")  # type: ignore[attr-defined]
    ax.xaxis.label.set_color("#dddddd")  # type: ignore[attr-defined]
    ax.yaxis.label.set_color("#dddddd")  # type: ignore[attr-defined]
    ax.title.set_color("#ffffff")  # type: ignore[attr-defined]


def draw_scatter(chart: Chart, figures: FlowFigures, dark: bool = False) -> None:
    """Every finished item (done day, days) with the 50/85/95th percentile lines."""
    chart.figure.clear()
    ax = chart.figure.add_subplot()
    _style(ax, dark)
    chart.points = list(figures.finished)
    label = "Flow time" if figures.basis == "flow time" else "Lead time"
    if not chart.points:
        ax.text(0.5, 0.5, "No item finished in this window", ha="center", transform=ax.transAxes)
    by_type: dict[str, list[FinishedItem]] = {}
    for point in chart.points:
        by_type.setdefault(point.work_type, []).append(point)
    for work_type, points in sorted(by_type.items()):
        ax.scatter(
            [p.done for p in points],  # type: ignore[arg-type]  # dates: matplotlib converts
            [p.days for p in points],
            s=22,
            alpha=0.75,
            c=TYPE_COLOURS.get(work_type, "#999999"),
            marker=TYPE_MARKERS.get(work_type, "o"),
            label=work_type,
            picker=True,
            pickradius=5,
        )
    stats = figures.flow_time
    for name, style in PERCENTILE_STYLES:
        value = getattr(stats, name)
        if value is not None:
            ax.axhline(value, linestyle=style, color="#555555" if not dark else "#bbbbbb")
            ax.annotate(
                f"{name} {value:g} d",
                (1.0, value),
                xycoords=("axes fraction", "data"),
                xytext=(-4, 3),
                textcoords="offset points",
                ha="right",
                fontsize=11,
                fontweight="bold",
            )
    ax.set_ylabel(f"{label} (days)")
    ax.set_title(f"{label} of finished items ({len(chart.points)})")
    if by_type:
        ax.legend(loc="upper left", fontsize=9)
    chart.figure.autofmt_xdate()
    _redraw(chart)


def point_at(chart: Chart, event: object) -> FinishedItem | None:
    """The finished item under the mouse (matplotlib event), if any."""
    axes = chart.figure.axes
    if not axes or getattr(event, "inaxes", None) is not axes[0]:
        return None
    for collection in axes[0].collections:
        hit, info = collection.contains(event)
        if hit and info.get("ind") is not None and len(info["ind"]):
            label = collection.get_label()
            points = [p for p in chart.points if p.work_type == label]
            index = int(info["ind"][0])
            if index < len(points):
                return points[index]
    return None


def draw_histogram(chart: Chart, figures: FlowFigures, dark: bool = False) -> None:
    """How many finished items took each number of days."""
    chart.figure.clear()
    ax = chart.figure.add_subplot()
    _style(ax, dark)
    days = [p.days for p in figures.finished]
    if days:
        top = max(days)
        ax.hist(days, bins=range(0, top + 2), color="#0072B2", edgecolor="white")
    stats = figures.flow_time
    for name, style in PERCENTILE_STYLES:
        value = getattr(stats, name)
        if value is not None:
            ax.axvline(value, linestyle=style, color="#D55E00", label=f"{name} {value:g} d")
    label = "Flow time" if figures.basis == "flow time" else "Lead time"
    ax.set_xlabel(f"{label} (days)")
    ax.set_ylabel("Items")
    ax.set_title(f"{label} distribution")
    if days:
        ax.legend(fontsize=9)
    _redraw(chart)


def draw_cfd(chart: Chart, figures: FlowFigures, dark: bool = False) -> None:
    """Cumulative flow: one band per workflow stage, done at the bottom."""
    chart.figure.clear()
    ax = chart.figure.add_subplot()
    _style(ax, dark)
    if not figures.cfd:
        ax.text(
            0.5,
            0.5,
            "No status history: import a changelog or cycle data for the CFD",
            ha="center",
            transform=ax.transAxes,
        )
        _redraw(chart)
        return
    import datetime as dt

    # up to today: the future has no arrivals yet, a flat tail would only mislead
    shown = len(figures.elapsed()) or len(figures.load)
    days = [figures.first + dt.timedelta(days=n) for n in range(shown)]
    names = list(figures.cfd)
    lines = [figures.cfd[name][:shown] for name in names]
    # stacked bands: each band is the difference between a stage's line and the next one's
    bands = [
        [upper - lower for upper, lower in zip(lines[i], lines[i + 1], strict=True)]
        for i in range(len(lines) - 1)
    ] + [lines[-1]]
    ax.stackplot(
        days,  # type: ignore[arg-type]  # dates: matplotlib converts them
        *reversed(bands),
        labels=list(reversed(names)),
        alpha=0.85,
    )
    ax.set_ylabel("Items (cumulative)")
    ax.set_title("Cumulative flow")
    ax.legend(loc="upper left", fontsize=8)
    chart.figure.autofmt_xdate()
    _redraw(chart)


def draw_aging(chart: Chart, figures: FlowFigures, dark: bool = False) -> None:
    """Each unfinished item's age against the flow-time percentiles, coloured by band."""
    chart.figure.clear()
    ax = chart.figure.add_subplot()
    _style(ax, dark)
    rows = figures.aging[:60]
    if not rows:
        ax.text(0.5, 0.5, "No work in progress", ha="center", transform=ax.transAxes)
    ax.barh(
        [r.key for r in rows],
        [r.age_days for r in rows],
        color=[BAND_COLOURS[r.band] for r in rows],
    )
    stats = figures.flow_time
    for name, style in PERCENTILE_STYLES:
        value = getattr(stats, name)
        if value is not None:
            ax.axvline(value, linestyle=style, color="#555555", label=f"{name} {value:g} d")
    ax.invert_yaxis()
    ax.tick_params(axis="y", labelsize=7)
    ax.set_xlabel("Age (days since start)")
    more = len(figures.aging) - len(rows)
    ax.set_title(
        f"Aging work in progress ({len(figures.aging)} items"
        + (f", oldest {len(rows)} shown)" if more > 0 else ")")
    )
    if stats.p50 is not None:
        ax.legend(fontsize=9, loc="lower right")
    _redraw(chart)

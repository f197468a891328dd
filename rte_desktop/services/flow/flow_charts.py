"""The flow charts drawn on a matplotlib ``Figure`` (no Qt): the Flow panel and the Flow report.

matplotlib (with numpy under it) is the charting library: scatter plots with reference lines,
histograms, stacked areas (the CFD) and hit-testing for hover are what it is made for, and the
same figure goes to a Qt canvas, PNG, SVG and the PDF report without extra code. Import this
module only where a chart is drawn: start-up never loads matplotlib.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

from matplotlib.figure import Figure

from rte_desktop.services.flow.flow import FinishedItem, FlowFigures

# Colour-blind safe (Okabe-Ito), as the rest of the app; types also differ by marker and the
# aging bands by the percentile lines they are measured against.
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
Draw = Callable[[Figure, FlowFigures, bool], None]


def _axes(figure: Figure, dark: bool) -> Any:
    figure.clear()
    ax = figure.add_subplot()
    if dark:
        figure.set_facecolor("#202124")
        ax.set_facecolor("#202124")
        for spine in ax.spines.values():
            spine.set_color("#cccccc")
        ax.tick_params(colors="#dddddd")
        ax.xaxis.label.set_color("#dddddd")
        ax.yaxis.label.set_color("#dddddd")
        ax.title.set_color("#ffffff")
    return ax


def _line_colour(dark: bool) -> str:
    """The percentile lines: grey that stands out from the background of either theme."""
    return "#bbbbbb" if dark else "#555555"


def _label(figures: FlowFigures) -> str:
    return "Flow time" if figures.basis == "flow time" else "Lead time"


def _empty(ax: Any, text: str) -> None:
    ax.text(0.5, 0.5, text, ha="center", transform=ax.transAxes)


def scatter_groups(figures: FlowFigures) -> dict[str, list[FinishedItem]]:
    """Finished items by work type, in the order the scatter plot draws them."""
    groups: dict[str, list[FinishedItem]] = {}
    for point in figures.finished:
        groups.setdefault(point.work_type, []).append(point)
    return dict(sorted(groups.items()))


def draw_scatter(figure: Figure, figures: FlowFigures, dark: bool = False) -> None:
    """Every finished item (done day, days) with the 50/85/95th percentile lines."""
    ax = _axes(figure, dark)
    label = _label(figures)
    groups = scatter_groups(figures)
    if not groups:
        _empty(ax, "No item finished in this window")
    for work_type, points in groups.items():
        ax.scatter(
            [p.done for p in points],
            [p.days for p in points],
            s=22,
            alpha=0.75,
            c=TYPE_COLOURS.get(work_type, "#999999"),
            marker=TYPE_MARKERS.get(work_type, "o"),
            label=work_type,
        )
    line = _line_colour(dark)
    for step, (name, style) in enumerate(PERCENTILE_STYLES):
        value = getattr(figures.flow_time, name)
        if value is not None:
            ax.axhline(value, linestyle=style, color=line)
            # staggered to the left, so close percentiles (p85 and p95 often are) never overlap
            ax.annotate(
                f"{name} {value:g} d",
                (1.0 - 0.14 * step, value),
                xycoords=("axes fraction", "data"),
                xytext=(-4, 3),
                textcoords="offset points",
                ha="right",
                fontsize=11,
                fontweight="bold",
                color="#ffffff" if dark else "#000000",
            )
    ax.set_ylabel(f"{label} (days)")
    ax.set_title(f"{label} of finished items ({len(figures.finished)})")
    if groups:
        ax.legend(loc="upper left", fontsize=9)
    figure.autofmt_xdate()


def draw_histogram(figure: Figure, figures: FlowFigures, dark: bool = False) -> None:
    """How many finished items took each number of days, with the percentile lines."""
    ax = _axes(figure, dark)
    days = [p.days for p in figures.finished]
    if days:
        ax.hist(days, bins=range(0, max(days) + 2), color="#0072B2", edgecolor="white")
    else:
        _empty(ax, "No item finished in this window")
    for name, style in PERCENTILE_STYLES:
        value = getattr(figures.flow_time, name)
        if value is not None:
            ax.axvline(value, linestyle=style, color="#D55E00", label=f"{name} {value:g} d")
    label = _label(figures)
    ax.set_xlabel(f"{label} (days)")
    ax.set_ylabel("Items")
    ax.set_title(f"{label} distribution")
    if days:
        ax.legend(fontsize=9)


def draw_cfd(figure: Figure, figures: FlowFigures, dark: bool = False) -> None:
    """Cumulative flow up to today: one band per workflow stage, done at the bottom."""
    ax = _axes(figure, dark)
    if not figures.cfd:
        _empty(ax, "No status history: import a changelog or cycle data for the CFD")
        return
    # up to today: the future has no arrivals yet, and a flat tail would only mislead
    shown = len(figures.elapsed()) or len(figures.load)
    days = [figures.first + dt.timedelta(days=n) for n in range(shown)]
    names = list(figures.cfd)
    # counted from the window's first day: what was done before it is a flat floor that would
    # dwarf the work in progress (tens of thousands on a ten-year history); bands are unchanged
    floor = figures.cfd[names[-1]][0] if shown else 0
    lines = [[count - floor for count in figures.cfd[name][:shown]] for name in names]
    # each band is the difference between a stage's line and the next (later) stage's line
    bands = [
        [upper - lower for upper, lower in zip(lines[i], lines[i + 1], strict=True)]
        for i in range(len(lines) - 1)
    ] + [lines[-1]]
    ax.stackplot(days, *reversed(bands), labels=list(reversed(names)), alpha=0.85)
    ax.set_ylabel(f"Items since {figures.first:%d %b %Y} (cumulative)")
    ax.set_title("Cumulative flow")
    ax.legend(loc="upper left", fontsize=8)
    figure.autofmt_xdate()


def draw_aging(figure: Figure, figures: FlowFigures, dark: bool = False) -> None:
    """Each unfinished item's age against the flow-time percentiles, coloured by band."""
    ax = _axes(figure, dark)
    rows = figures.aging[:60]
    if not rows:
        _empty(ax, "No work in progress")
    ax.barh(
        [r.key for r in rows],
        [r.age_days for r in rows],
        color=[BAND_COLOURS[r.band] for r in rows],
    )
    for name, style in PERCENTILE_STYLES:
        value = getattr(figures.flow_time, name)
        if value is not None:
            ax.axvline(
                value, linestyle=style, color=_line_colour(dark), label=f"{name} {value:g} d"
            )
    ax.invert_yaxis()
    ax.tick_params(axis="y", labelsize=7)
    ax.set_xlabel("Age (days since start)")
    more = len(figures.aging) - len(rows)
    ax.set_title(
        f"Aging work in progress ({len(figures.aging)} items"
        + (f", oldest {len(rows)} shown)" if more > 0 else ")")
    )
    if figures.flow_time.p50 is not None:
        ax.legend(fontsize=9, loc="lower right")


CHARTS: tuple[tuple[str, str, Draw], ...] = (
    ("scatter", "Flow time", draw_scatter),
    ("histogram", "Histogram", draw_histogram),
    ("cfd", "CFD", draw_cfd),
    ("aging", "Aging WIP", draw_aging),
)


def chart_png(draw: Draw, figures: FlowFigures, width_in: float = 9, height_in: float = 4) -> bytes:
    """One chart as PNG bytes (150 dpi), for the PDF report."""
    figure = Figure(figsize=(width_in, height_in), layout="constrained")
    draw(figure, figures, False)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=150)
    return buffer.getvalue()

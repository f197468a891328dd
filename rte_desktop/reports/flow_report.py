"""The Flow report: the six flow metrics of the ART and each team for the I&A quantitative review.

Takes plain data (``FlowReportData``, built by ``services/flow/flow_report.py``), charts as PNG
bytes already drawn. Every figure is printed as text (a chart only repeats it), "n/a" where the
data cannot say (efficiency without history), never a guess.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.platypus import Image, KeepTogether, PageBreak, Spacer, Table, TableStyle

from rte_desktop.reports._doc import GREY, LIGHT, SANS, SANS_BOLD, build_pdf, para, style


@dataclass(frozen=True)
class MetricLine:
    """One row of the metrics table: the scope (ART or a team) and its figures as text."""

    scope: str
    velocity: str
    distribution: str
    flow_time: str
    load: str
    efficiency: str


@dataclass(frozen=True)
class FlowReportData:
    title: str
    window: str
    basis: str  # "flow time" or "lead time (created → resolved)"
    predictability: str
    little_law: str
    lines: list[MetricLine]
    forecasts: list[str]
    aging: list[tuple[str, int, str]]  # key, age in days, band
    charts: list[tuple[str, bytes]] = field(default_factory=list)  # caption, PNG


def _table(rows: list[list[object]], widths: list[float]) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), SANS, 9),
                ("FONT", (0, 0), (-1, 0), SANS_BOLD, 9),
                ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
                ("GRID", (0, 0), (-1, -1), 0.3, GREY),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def render_flow_report(data: FlowReportData, paper: str = "a4") -> bytes:
    """The report as PDF bytes (landscape: the table is wide)."""
    small = style(9)
    story: list[object] = [
        para(data.title, style(18, bold=True)),
        para(f"{data.window} · basis: {data.basis}", style(11, color=GREY)),
        Spacer(1, 4 * mm),
        para(f"Flow Predictability (ART): {data.predictability}", style(11)),
        para(data.little_law, small),
        Spacer(1, 4 * mm),
    ]
    header: list[object] = ["Scope", "Velocity", "Distribution", "Flow time (days)", "Load"]
    header.append("Efficiency")
    rows: list[list[object]] = [header]
    for line in data.lines:
        rows.append(
            [
                para(line.scope, small),
                para(line.velocity, small),
                para(line.distribution, small),
                para(line.flow_time, small),
                para(line.load, small),
                para(line.efficiency, small),
            ]
        )
    story.append(_table(rows, [45 * mm, 30 * mm, 55 * mm, 55 * mm, 35 * mm, 35 * mm]))
    if data.forecasts:
        story += [Spacer(1, 4 * mm), para("Forecasts (Monte Carlo)", style(12, bold=True))]
        story += [para(line, small) for line in data.forecasts]
    for caption, png in data.charts:
        image = Image(io.BytesIO(png), width=250 * mm, height=105 * mm, kind="proportional")
        story += [PageBreak(), KeepTogether([para(caption, style(12, bold=True)), image])]
    if data.aging:
        story += [PageBreak(), para("Aging work in progress (oldest first)", style(12, bold=True))]
        aging_rows: list[list[object]] = [["Item", "Age (days)", "Against flow time"]]
        aging_rows += [[key, str(age), band] for key, age, band in data.aging]
        story.append(_table(aging_rows, [40 * mm, 30 * mm, 50 * mm]))
    return build_pdf(
        story,
        title=data.title,
        subject="Flow metrics for the I&A quantitative review",
        paper=paper,
        landscape_mode=True,
        footer=data.title,
    )

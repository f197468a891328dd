"""The System Demo report: what was shown, by whom, accepted or not, and the feedback.

One section per demo (one iteration's, or the whole PI's history for the PI System Demo), then
the share of planned features demoed per iteration.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from rte_desktop.reports._doc import (
    BLUE,
    GREY,
    LIGHT,
    MARGIN,
    SANS,
    SANS_BOLD,
    build_pdf,
    page_size,
    para,
    style,
)


@dataclass(frozen=True)
class DemoLine:
    order: int
    title: str  # "F-3 Saved cards"
    presenter: str
    minutes: int
    demoed: bool
    accepted: str  # "accepted", "not accepted", "undecided"
    feedback: list[str] = field(default_factory=list)  # "text (→ backlog FB-2)"


@dataclass(frozen=True)
class DemoSection:
    title: str  # "System Demo · PI 2026.4 I2 · Thu 3 Dec 2026"
    lines: list[DemoLine] = field(default_factory=list)


@dataclass(frozen=True)
class DemoReport:
    art_name: str
    pi_name: str
    printed_on: str
    sections: list[DemoSection] = field(default_factory=list)
    shares: list[tuple[str, str]] = field(default_factory=list)  # (iteration, "3 of 4 (75%)")


H1 = style(17, bold=True, name="sd-h1")
H2 = style(12.5, bold=True, name="sd-h2", color=BLUE)
BODY = style(10, name="sd-body")
SMALL = style(9, name="sd-small")
SMALL_BOLD = style(9, bold=True, name="sd-small-bold")
NOTE = style(9, name="sd-note", color=GREY)


def _mark(done: bool) -> str:
    return "✓ demoed" if done else "✗ not demoed"


def _section(section: DemoSection, width: float) -> list[Flowable]:
    head = para(section.title, H2)
    if not section.lines:
        return [KeepTogether([head, para("No demo plan.", NOTE)]), Spacer(1, 4 * mm)]
    widths = [10 * mm, 0.0, 35 * mm, 14 * mm, 27 * mm, 27 * mm]
    widths[1] = width - sum(widths)
    rows: list[list[Any]] = [
        [para(h, SMALL_BOLD) for h in ("#", "Feature / enabler", "By", "Min", "Demo", "Accepted")]
    ]
    feedback: list[Flowable] = []
    for line in section.lines:
        rows.append(
            [
                para(str(line.order), SMALL),
                para(line.title, SMALL),
                para(line.presenter or "–", SMALL),
                para(str(line.minutes), SMALL),
                para(_mark(line.demoed), SMALL_BOLD if line.demoed else SMALL),
                para(line.accepted, SMALL_BOLD if line.accepted == "accepted" else SMALL),
            ]
        )
        for text in line.feedback:
            feedback.append(para(f"• {line.title}: {text}", SMALL))
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), SANS, 9),
                ("FONT", (0, 0), (-1, 0), SANS_BOLD),
                ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#bbbbbb")),
            ]
        )
    )
    story: list[Flowable] = [head, table, Spacer(1, 2 * mm)]
    story.append(para("Feedback", SMALL_BOLD))
    story += feedback or [para("No feedback recorded.", NOTE)]
    story.append(Spacer(1, 5 * mm))
    return story


def render_demo(report: DemoReport, paper: str = "a4") -> bytes:
    """The System Demo report as PDF bytes (deterministic for the same data)."""
    width = page_size(paper)[0] - 2 * MARGIN
    story: list[Flowable] = [
        para(f"System Demo · {report.pi_name}", H1),
        para(f"{report.art_name} · {report.printed_on}", NOTE),
        Spacer(1, 4 * mm),
    ]
    if not report.sections:
        story.append(para("No System Demo in this selection.", BODY))
    for section in report.sections:
        story += _section(section, width)
    if report.shares:
        lines: list[Paragraph] = [para(f"{name}: {share}", SMALL) for name, share in report.shares]
        story += [para("Share of planned features demoed", H2), *lines]
    return build_pdf(
        story,
        title=f"System Demo {report.pi_name}",
        subject="System Demo: demoed, accepted, feedback",
        paper=paper,
        footer=f"{report.art_name} · System Demo · {report.pi_name}",
    )

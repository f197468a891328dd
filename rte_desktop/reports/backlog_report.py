"""The ART backlog for the PI Planning pre-read: ordered by WSJF with its parts, A4 landscape.

The table lists every backlog feature in WSJF order (ties share a rank, printed "=3"), with the
three cost-of-delay parts, job size, WSJF, state and Definition of Ready progress; a rule marks
the ART's expected PI capacity. The top features' acceptance criteria follow.
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
class BacklogLine:
    """One printed feature (plain texts: the service formats the numbers)."""

    rank: str  # "1", "=3" for a tie, "" when unestimated
    key: str
    title: str
    kind: str
    epic: str
    state: str
    ready: bool
    dor: str  # "4/6"
    parts: tuple[str, str, str]  # UBV, TC, RR/OE ("" when missing)
    cost_of_delay: str
    job_size: str
    wsjf: str
    teams: str
    acceptance_criteria: str


@dataclass(frozen=True)
class BacklogReport:
    art_name: str
    pi_name: str
    printed_on: str
    readiness: str  # "8 of the top 10 features ready"
    capacity: int
    session: str  # "WSJF session finished 2 Dec 2026" or "no WSJF session yet"
    lines: list[BacklogLine] = field(default_factory=list)
    definition: list[str] = field(default_factory=list)


H1 = style(17, bold=True, name="bl-h1")
H2 = style(12.5, bold=True, name="bl-h2", color=BLUE)
BODY = style(10, name="bl-body")
SMALL = style(8.5, name="bl-small")
SMALL_BOLD = style(8.5, bold=True, name="bl-small-bold")
NUMBER = style(8.5, name="bl-number", align=2)
NUMBER_BOLD = style(8.5, bold=True, name="bl-number-bold", align=2)
NOTE = style(9, name="bl-note", color=GREY)

HEADERS = (
    "Rank",
    "Key",
    "Feature",
    "Epic",
    "State",
    "DoR",
    "UBV",
    "TC",
    "RR/OE",
    "CoD",
    "Size",
    "WSJF",
)


def _row(line: BacklogLine) -> list[Paragraph]:
    state = f"{line.state} ✓" if line.ready else line.state
    title = f"{line.title} ({line.kind})" if line.kind != "feature" else line.title
    return [
        para(line.rank, NUMBER_BOLD),
        para(line.key, SMALL),
        para(title, SMALL),
        para(line.epic, SMALL),
        para(state, SMALL_BOLD if line.ready else SMALL),
        para(line.dor, NUMBER),
        *(para(p, NUMBER) for p in line.parts),
        para(line.cost_of_delay, NUMBER),
        para(line.job_size, NUMBER),
        para(line.wsjf, NUMBER_BOLD),
    ]


def _table(report: BacklogReport, width: float) -> Table:
    fixed = [13, 18, 0, 38, 22, 12, 12, 11, 16, 11, 13, 14]
    widths = [w * mm for w in fixed]
    widths[2] = width - sum(widths)
    rows: list[list[Any]] = [[para(h, SMALL_BOLD) for h in HEADERS]]
    rows += [_row(line) for line in report.lines]
    table = Table(rows, colWidths=widths, repeatRows=1)
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), SANS, 8.5),
        ("FONT", (0, 0), (-1, 0), SANS_BOLD),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#bbbbbb")),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    cut = min(report.capacity, len(report.lines))
    if 0 < cut < len(report.lines):  # a thick line under the features the PI can take
        commands.append(("LINEBELOW", (0, cut), (-1, cut), 2.0, BLUE))
    table.setStyle(TableStyle(commands))
    return table


def _details(report: BacklogReport) -> list[Flowable]:
    top = report.lines[: report.capacity]
    story: list[Flowable] = [para("Acceptance criteria of the top features", H2)]
    for line in top:
        heading = f"{line.rank or '–'}. {line.key} {line.title}".strip()
        body = line.acceptance_criteria or "No acceptance criteria yet."
        teams = f"Likely teams: {line.teams}" if line.teams else "Likely teams: not named yet"
        story.append(
            KeepTogether(
                [
                    para(heading, SMALL_BOLD),
                    para(body, SMALL if line.acceptance_criteria else NOTE),
                    para(teams, NOTE),
                    Spacer(1, 2 * mm),
                ]
            )
        )
    return story


def render_backlog(report: BacklogReport, paper: str = "a4") -> bytes:
    """The backlog pre-read as PDF bytes (deterministic for the same data)."""
    width = page_size(paper, landscape_mode=True)[0] - 2 * MARGIN
    story: list[Flowable] = [
        para(f"ART backlog · {report.pi_name}", H1),
        para(f"{report.art_name} · PI Planning pre-read · {report.printed_on}", NOTE),
        Spacer(1, 3 * mm),
        para(f"{report.readiness}. Expected PI capacity: {report.capacity} features.", BODY),
        para(
            f"{report.session}. WSJF = cost of delay (UBV + TC + RR/OE) / job size; every "
            "column is relative, on 1, 2, 3, 5, 8, 13, 20, its smallest item 1. "
            "Ties share a rank (=) and keep the backlog's order.",
            NOTE,
        ),
        Spacer(1, 3 * mm),
    ]
    if not report.lines:
        story.append(para("The backlog is empty.", BODY))
    else:
        story.append(_table(report, width))
        if report.capacity < len(report.lines):
            story.append(
                para(f"The blue line marks the expected PI capacity ({report.capacity}).", NOTE)
            )
        story += [Spacer(1, 5 * mm), *_details(report)]
    if report.definition:
        story += [
            Spacer(1, 3 * mm),
            para("Definition of Ready", H2),
            *(para(f"• {item}", SMALL) for item in report.definition),
        ]
    return build_pdf(
        story,
        title=f"ART backlog {report.pi_name}",
        subject="ART backlog ordered by WSJF",
        paper=paper,
        landscape_mode=True,
        footer=f"{report.art_name} · ART backlog · {report.pi_name}",
    )

"""The PI objectives PDF: an ART summary page, then one wall-ready page per team.

Each team page carries the team name in large type, the PI and its dates, committed objectives
then uncommitted ones, a planned BV column and an actual BV column (empty boxes for handwriting
until actual values exist), and a line for the Business Owners' initials. Body text is 16 pt;
long objectives wrap. A team with many objectives continues on the next page, where the table's
first two rows (team header and column headings) repeat.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from rte_desktop.domain.model import Objective, PlanningInterval
from rte_desktop.domain.objectives import band_words
from rte_desktop.domain.predictability import BAND_HIGH, BAND_LOW, Performance
from rte_desktop.reports._doc import (
    GREY,
    LIGHT,
    build_pdf,
    page_size,
    para,
    style,
)

BODY = 15  # objective text; the floor for wall sheets is 14 pt
SMALL = 14
PAGE_MARGIN = 12 * mm  # wall sheets use the paper; printers still keep 5 mm clear


@dataclass(frozen=True)
class TeamSheet:
    name: str
    objectives: Sequence[Objective]
    performance: Performance


@dataclass(frozen=True)
class ObjectivesReport:
    """Plain data for the PDF (built by services/objectives/objectives_io.py)."""

    art_name: str
    pi: PlanningInterval
    teams: Sequence[TeamSheet]
    art: Performance
    assessed: bool  # actual business value exists: print actuals and predictability


class HandwritingBox(Flowable):  # type: ignore[misc]  # reportlab has no stubs
    """An empty square, centred in its cell, for a Business Owner's handwritten score."""

    def __init__(self, side: float = 9 * mm) -> None:
        super().__init__()
        self.side = side

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.side

    def draw(self) -> None:
        self.canv.setLineWidth(1.2)
        self.canv.rect((self.width - self.side) / 2, 0, self.side, self.side)


def _dates(pi: PlanningInterval) -> str:
    return f"{pi.start:%d %b %Y} – {pi.end:%d %b %Y}"


def _summary(report: ObjectivesReport, width: float) -> list[Flowable]:
    head = style(SMALL, bold=True)
    cell = style(SMALL)
    right = style(SMALL, align=2)
    right_bold = style(SMALL, bold=True, align=2)
    story: list[Flowable] = [
        para("PI objectives", style(28, bold=True)),
        Spacer(1, 2 * mm),
        para(f"{report.art_name}  ·  {report.pi.name}  ·  {_dates(report.pi)}", style(16)),
        Spacer(1, 8 * mm),
    ]
    headings = ["Team", "Objectives", "Planned BV"]
    if report.assessed:
        headings += ["Actual BV", "Performance"]
    head_right = style(SMALL, bold=True, align=2)
    rows: list[list[Any]] = [
        [para(h, head if i == 0 else head_right) for i, h in enumerate(headings)]
    ]
    counts = [0, 0]

    def numbers(perf: Performance, bold: bool = False) -> list[Any]:
        st = right_bold if bold else right
        cells = [para(str(perf.planned), st)]
        if report.assessed:
            cells += [para(str(perf.actual), st), para(band_words(perf, "\n"), st)]
        return cells

    for team in report.teams:
        committed = sum(1 for o in team.objectives if o.committed)
        uncommitted = len(team.objectives) - committed
        counts[0] += committed
        counts[1] += uncommitted
        rows.append(
            [para(team.name, cell), para(f"{committed} + {uncommitted}", right)]
            + numbers(team.performance)
        )
    label = "ART (ratio of sums)" if report.assessed else "ART total"
    rows.append(
        [para(label, head), para(f"{counts[0]} + {counts[1]}", right_bold)]
        + numbers(report.art, bold=True)
    )
    shares = [0.23, 0.2, 0.17, 0.17, 0.23] if report.assessed else [0.4, 0.3, 0.3]
    table = Table(rows, colWidths=[width * share for share in shares], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEBELOW", (0, 0), (-1, 0), 1.2, colors.black),
                ("LINEBELOW", (0, 1), (-1, -2), 0.4, GREY),
                ("LINEABOVE", (0, -1), (-1, -1), 1.2, colors.black),
                ("BACKGROUND", (0, -1), (-1, -1), LIGHT),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    story.append(table)
    story.append(Spacer(1, 8 * mm))
    note = (
        "Objectives: committed + uncommitted. Planned BV: the planned business value of "
        "committed objectives. Team PI performance = actual business value of all objectives "
        "÷ planned business value of committed objectives. It can exceed 100% when "
        "uncommitted objectives are delivered; "
        "n/a when a team has no committed planned value. The ART predictability measure is the "
        f"ratio of the sums over all teams. Target band: {BAND_LOW:.0f}–{BAND_HIGH:.0f}%."
    )
    if not report.assessed:
        note = (
            "Actual business value has not been scored yet: Business Owners score it at the end "
            "of the PI. " + note
        )
    story.append(para(note, style(12, color=GREY)))
    return story


def _team_table(report: ObjectivesReport, team: TeamSheet, width: float) -> Table:
    number_w, bv_w = 10 * mm, 28 * mm
    text_w = width - number_w - 2 * bv_w
    head = style(SMALL, bold=True)
    head_c = style(SMALL, bold=True, align=1)
    body = style(BODY, leading=BODY * 1.2)
    value = style(20, bold=True, align=1)
    section = style(16, bold=True)
    title = [
        para(team.name, style(30, bold=True, leading=35)),
        Spacer(1, 1.5 * mm),
        para(f"{report.pi.name}  ·  {_dates(report.pi)}  ·  {report.art_name}", style(SMALL)),
    ]
    rows: list[list[Any]] = [
        [title, "", "", ""],
        [
            para("#", head),
            para("Objective", head),
            para("Planned BV", head_c),
            para("Actual BV", head_c),
        ],
    ]
    commands: list[Any] = [("SPAN", (0, 0), (-1, 0))]
    number = 0
    for committed, heading in ((True, "Committed objectives"), (False, "Uncommitted objectives")):
        items = [o for o in team.objectives if o.committed is committed]
        rows.append([para(heading, section), "", "", ""])
        r = len(rows) - 1
        commands += [
            ("SPAN", (0, r), (-1, r)),
            ("BACKGROUND", (0, r), (-1, r), LIGHT),
            ("NOSPLIT", (0, r), (-1, r + 1)),  # a heading stays with its first objective
        ]
        if not items:
            rows.append(["", para("None", style(BODY, color=GREY)), "", ""])
            continue
        for objective in items:
            number += 1
            planned = "" if objective.planned_bv is None else str(objective.planned_bv)
            actual: Any = (
                HandwritingBox()
                if objective.actual_bv is None
                else para(str(objective.actual_bv), value)
            )
            rows.append(
                [
                    para(f"{number}.", style(BODY, color=GREY)),
                    para(objective.text, body),
                    para(planned, value) if planned else HandwritingBox(),
                    actual,
                ]
            )
    perf = team.performance
    total = f"Planned BV of committed objectives: {perf.planned}"
    if report.assessed:
        total += f"   ·   Actual BV: {perf.actual}   ·   Performance: {band_words(perf)}"
    rows.append(["", para(total, style(SMALL, bold=True)), "", ""])
    rows.append(["", para("Business Owners' initials:", style(SMALL)), "", ""])
    last = len(rows) - 1
    commands += [
        ("SPAN", (1, last - 1), (-1, last - 1)),
        ("SPAN", (1, last), (-1, last)),
        ("LINEBELOW", (1, last), (-1, last), 1.2, colors.black),
        ("TOPPADDING", (0, last), (-1, last), 12),
        ("BOTTOMPADDING", (0, last), (-1, last), 12),
        # Never leave the totals and the initials line alone on a page.
        ("NOSPLIT", (0, last - 2), (-1, last)),
    ]
    table = Table(rows, colWidths=[number_w, text_w, bv_w, bv_w], repeatRows=2, splitByRow=1)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("VALIGN", (0, 2), (1, -1), "TOP"),
                # The number column is narrow: small paddings so "10." never wraps.
                ("LEFTPADDING", (0, 1), (0, -1), 2),
                ("RIGHTPADDING", (0, 1), (0, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 8),
                ("LINEBELOW", (0, 1), (-1, 1), 1.5, colors.black),
                ("LINEBELOW", (0, 2), (-1, -3), 0.4, GREY),
                ("LINEAFTER", (1, 1), (2, -3), 0.4, GREY),
                ("TOPPADDING", (0, 1), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 1), (-1, -1), 5),
                *commands,
            ]
        )
    )
    return table


def render_objectives(report: ObjectivesReport, paper: str = "a4") -> bytes:
    """The whole PDF: summary page, then one page (or more) per team."""
    width = page_size(paper)[0] - 2 * PAGE_MARGIN
    story = _summary(report, width)
    for team in report.teams:
        story += [PageBreak(), _team_table(report, team, width)]
    return build_pdf(
        story,
        title=f"PI objectives – {report.pi.name} – {report.art_name}",
        subject=f"Team PI objectives and business value, {report.pi.name}",
        paper=paper,
        footer=f"{report.art_name} · {report.pi.name} · PI objectives",
        margin=PAGE_MARGIN,
    )

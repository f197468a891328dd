"""The I&A problem-solving workshop report: one section per workshop, A4 landscape.

Each section prints the problem statement, the fishbone and the Pareto chart (vector drawings),
the vote table, the restated problem, the solutions and the improvement items.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from rte_desktop.domain.fishbone import BoneNode
from rte_desktop.domain.model import ImprovementItem, Solution, Workshop
from rte_desktop.domain.pareto import DotBudget, Pareto
from rte_desktop.reports._doc import (
    BLUE,
    GREY,
    LIGHT,
    MARGIN,
    RED,
    SANS,
    SANS_BOLD,
    build_pdf,
    page_size,
    para,
    style,
)
from rte_desktop.reports.workshop_drawings import fishbone_drawing, pareto_drawing


@dataclass(frozen=True)
class WorkshopSection:
    """Everything one workshop prints (plain values, no database)."""

    workshop: Workshop
    pi_name: str
    tree: tuple[BoneNode, ...]
    pareto: Pareto
    budget: DotBudget
    solutions: list[Solution] = field(default_factory=list)
    items: list[tuple[ImprovementItem, str]] = field(default_factory=list)  # (item, target PI)
    parent_title: str = ""
    art_name: str = ""


H1 = style(17, bold=True, name="ws-h1")
H2 = style(12.5, bold=True, name="ws-h2", color=BLUE)
BODY = style(10, name="ws-body")
SMALL = style(8.5, name="ws-small")
SMALL_BOLD = style(8.5, bold=True, name="ws-small-bold")
NOTE = style(9, name="ws-note", color=GREY)
WARNING = style(10, bold=True, name="ws-warning", color=RED)


def _table(rows: list[list[Any]], widths: list[float], header: bool = True) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0)
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), SANS, 8.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#bbbbbb")),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands += [("BACKGROUND", (0, 0), (-1, 0), LIGHT), ("FONT", (0, 0), (-1, 0), SANS_BOLD)]
    table.setStyle(TableStyle(commands))
    return table


def _cells(*texts: str, bold: bool = False) -> list[Paragraph]:
    return [para(text, SMALL_BOLD if bold else SMALL) for text in texts]


def _problem(shop: Workshop, width: float) -> Table:
    rows = [
        _cells(label, value or "–")
        for label, value in (
            ("What", shop.what),
            ("Where", shop.where),
            ("When", shop.when),
            ("Impact", shop.impact),
        )
    ]
    table = _table(rows, [28 * mm, width - 28 * mm], header=False)
    table.setStyle(TableStyle([("BACKGROUND", (0, 0), (0, -1), LIGHT)]))
    return table


def _vote_section(section: WorkshopSection, width: float) -> list[Flowable]:
    shop, budget, chart = section.workshop, section.budget, section.pareto
    story: list[Flowable] = [para("Dot voting and Pareto analysis", H2)]
    room = (
        f"{shop.participants} participants × {shop.dots_per_participant} dots = "
        f"{budget.available} dots available; {budget.used} placed."
        if shop.participants
        else f"{shop.dots_per_participant} dots per participant; {budget.used} placed "
        "(participants not counted)."
    )
    story.append(para(room, BODY))
    if budget.over:
        story.append(para(f"Warning: {budget.over} dots more than the room had to give.", WARNING))
    if shop.votes_hidden:
        story.append(
            para("The dots are still hidden; reveal them in the app to print the results.", NOTE)
        )
        return story
    story = [
        KeepTogether([*story, Spacer(1, 2 * mm), pareto_drawing(chart, width)]),
        Spacer(1, 3 * mm),
    ]
    bones = {node.cause.id: bone.bone.name for bone in section.tree for node in bone.walk()}
    rows: list[list[Any]] = [
        _cells("#", "Cause", "Bone", "Dots", "Share", "Cumulative", "Vital few", bold=True)
    ]
    for row in chart.rows:
        rows.append(
            _cells(
                str(row.rank),
                row.name,
                bones.get(row.key, "") if isinstance(row.key, int) else "",
                str(row.count),
                f"{row.share:.1f}%",
                f"{row.cumulative:.1f}%",
                "yes" if row.vital else "",
            )
        )
    fixed = [10 * mm, 35 * mm, 14 * mm, 18 * mm, 24 * mm, 18 * mm]
    story.append(_table(rows, [fixed[0], width - sum(fixed), *fixed[1:]]))
    return story


def _solutions(section: WorkshopSection, width: float) -> list[Flowable]:
    story: list[Flowable] = [para("Solutions", H2)]
    if not section.solutions:
        return [*story, para("No solutions recorded.", NOTE)]
    ranked = sorted(section.solutions, key=lambda s: (-s.votes, s.position))
    rows: list[list[Any]] = [_cells("Solution", "Votes", bold=True)]
    rows += [_cells(s.text, str(s.votes)) for s in ranked]
    return [KeepTogether([*story, _table(rows, [width - 20 * mm, 20 * mm])])]


def _items(section: WorkshopSection, width: float) -> list[Flowable]:
    story: list[Flowable] = [para("Improvement backlog items", H2)]
    if not section.items:
        return [*story, para("No improvement items yet.", NOTE)]
    rows: list[list[Any]] = [
        _cells("Title", "Type", "Owner", "Target PI", "Description", bold=True)
    ]
    for item, target in section.items:
        rows.append(
            _cells(
                item.title,
                item.kind.value.capitalize(),
                item.owner or "–",
                target or "–",
                item.description,
            )
        )
    fixed = [62 * mm, 20 * mm, 38 * mm, 26 * mm]
    return [*story, _table(rows, [*fixed, width - sum(fixed)])]


def _section(section: WorkshopSection, width: float, height: float) -> list[Flowable]:
    shop = section.workshop
    facts = " · ".join(
        part
        for part in (
            section.art_name,
            section.pi_name,
            f"follow-up of “{section.parent_title}”" if section.parent_title else "",
        )
        if part
    )
    story: list[Flowable] = [
        para(f"Problem-solving workshop: {shop.title}", H1),
        para(facts, NOTE),
        Spacer(1, 3 * mm),
        para("Problem statement", H2),
        _problem(shop, width),
        Spacer(1, 4 * mm),
        KeepTogether(
            [
                para("Root causes (fishbone)", H2),
                fishbone_drawing(section.tree, shop.title, width, height * 0.62),
            ]
        ),
        Spacer(1, 4 * mm),
        *_vote_section(section, width),
        Spacer(1, 4 * mm),
        para("Restated problem", H2),
        para(shop.restated_problem or "Not restated yet.", BODY if shop.restated_problem else NOTE),
        Spacer(1, 4 * mm),
        *_solutions(section, width),
        Spacer(1, 4 * mm),
        *_items(section, width),
    ]
    return story


def render_workshop_report(sections: list[WorkshopSection], paper: str = "a4") -> bytes:
    """The PDF bytes: one section per workshop, each starting on a new page."""
    size = page_size(paper, landscape_mode=True)
    width, height = size[0] - 2 * MARGIN, size[1] - 2 * MARGIN - 8 * mm
    story: list[Flowable] = []
    for index, section in enumerate(sections):
        if index:
            story.append(PageBreak())
        story += _section(section, width, height)
    first = sections[0] if sections else None
    title = f"I&A workshop report — {first.pi_name}" if first else "I&A workshop report"
    footer = f"{first.art_name} · {first.pi_name} · I&A workshop" if first else "I&A workshop"
    return build_pdf(
        story,
        title=title,
        subject="Inspect & Adapt problem-solving workshop",
        paper=paper,
        landscape_mode=True,
        footer=footer,
    )

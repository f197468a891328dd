"""The ROAM board as a wall poster: five columns of risk cards, landscape, every script printed.

Severity is printed as a word (LOW / MEDIUM / HIGH) beside its colour bar, so the poster reads
the same in black and white and for colour-blind readers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from rte_desktop.reports._doc import (
    GREEN,
    GREY,
    LIGHT,
    MARGIN,
    ORANGE,
    RED,
    build_pdf,
    page_size,
    para,
    style,
)

SEVERITY_COLOUR = {"low": GREEN, "medium": ORANGE, "high": RED}
MEANING = {
    "Unroamed": "not yet discussed",
    "Resolved": "no longer a concern",
    "Owned": "a named person follows it up",
    "Accepted": "understood, nothing more to do",
    "Mitigated": "a plan reduces it",
}
MAX_MITIGATION = 220


@dataclass(frozen=True)
class RiskCard:
    title: str
    team: str
    owner: str
    likelihood: int
    impact: int
    severity: str  # "low", "medium" or "high"
    due: dt.date | None
    due_state: str  # "", "due", "due soon", "overdue"
    source: str
    mitigation: str

    @property
    def score(self) -> int:
        return self.likelihood * self.impact


@dataclass(frozen=True)
class RiskPoster:
    art_name: str
    pi_name: str
    printed: dt.date
    columns: Sequence[tuple[str, Sequence[RiskCard]]]  # (column title, cards) left to right


def _card(card: RiskCard, width: float, small: bool) -> Table:
    base = 8.5 if small else 12
    body = style(base - 1)
    lines: list[Flowable] = [para(card.title, style(base + 1, bold=True))]
    lines.append(para(card.team or "No team", body))
    if card.owner:
        lines.append(para(f"Owner: {card.owner}", body))
    colour = SEVERITY_COLOUR.get(card.severity, GREY)
    score = (
        f'<font color="{colour.hexval()}"><b>{card.severity.upper()}</b></font>  '
        f"{card.score} = L{card.likelihood} × I{card.impact}"
    )
    lines.append(Paragraph(score, body))
    if card.due is not None:
        state = f" — {card.due_state.upper()}" if card.due_state in ("overdue", "due soon") else ""
        lines.append(para(f"Due {card.due:%d %b %Y}{state}", body))
    if card.mitigation:
        text = card.mitigation
        if len(text) > MAX_MITIGATION:
            text = text[: MAX_MITIGATION - 1].rstrip() + "…"
        lines.append(para(f"Mitigation: {text}", style(base - 1.5, color=GREY)))
    lines.append(para(f"Source: {card.source}", style(base - 2, color=GREY)))
    table = Table([[lines]], colWidths=[width])
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), colors.white),
                ("BOX", (0, 0), (-1, -1), 0.5, GREY),
                ("LINEBEFORE", (0, 0), (0, -1), 5, colour),
                ("LEFTPADDING", (0, 0), (-1, -1), 7),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def render_risk_poster(data: RiskPoster, paper: str = "a3") -> bytes:
    """The poster's PDF bytes; long columns continue on further pages under repeated headers."""
    width = page_size(paper, landscape_mode=True)[0] - 2 * MARGIN
    small = paper != "a3"
    count = len(data.columns) or 1
    column_w = width / count
    card_w = column_w - 8
    total = sum(len(cards) for _title, cards in data.columns)
    story: list[Flowable] = [
        para(f"ART PI Risks (ROAM) — {data.pi_name}", style(22 if not small else 18, bold=True)),
        para(
            f"{data.art_name} · {total} risk{'s' if total != 1 else ''} · "
            f"printed {data.printed:%d %b %Y} · score = likelihood (L) × impact (I), each 1–5: "
            "LOW 1–4, MEDIUM 5–12, HIGH 15–25",
            style(10, color=GREY),
        ),
        Spacer(1, 4 * mm),
    ]
    header = [
        [
            para(f"{title} ({len(cards)})", style(14 if not small else 12, bold=True)),
            para(MEANING.get(title, ""), style(8.5, color=GREY)),
        ]
        for title, cards in data.columns
    ]
    depth = max((len(cards) for _t, cards in data.columns), default=0)
    rows: list[list[Any]] = [header]
    for index in range(max(depth, 1)):
        row: list[Any] = []
        for _title, cards in data.columns:
            if index < len(cards):
                row.append(_card(cards[index], card_w, small))
            elif index == 0:
                row.append(para("(none)", style(9, color=GREY)))
            else:
                row.append("")
        rows.append(row)
    table = Table(rows, colWidths=[column_w] * count, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
                ("LINEBELOW", (0, 0), (-1, 0), 1, GREY),
                ("LINEAFTER", (0, 0), (-2, -1), 0.5, LIGHT),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 1), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 1), (-1, -1), 3),
            ]
        )
    )
    story.append(table)
    return build_pdf(
        story,
        title=f"ART PI Risks — {data.pi_name}",
        subject=f"ROAM board of {data.art_name}",
        paper=paper,
        landscape_mode=True,
        footer=f"{data.art_name} · {data.pi_name} · ROAM",
    )

"""Drawing pieces shared by the calendar PDF's pages: literal text, marker shapes, hatching.

Marker shapes differ per kind of event (diamond I&A, triangle System Demo, circle syncs, square
refinement and others), so the pages read in black and white too.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from rte_desktop.domain.model import EventKind
from rte_desktop.reports._doc import (
    BLUE,
    GREEN,
    GREY,
    ORANGE,
    RED,
    SANS,
    SANS_BOLD,
    para as _para,
    style as _style,
)

MARKER_COLOURS: dict[EventKind, Any] = {
    EventKind.PI_PLANNING: ORANGE,
    EventKind.INSPECT_ADAPT: RED,
    EventKind.SYSTEM_DEMO: BLUE,
    EventKind.ART_SYNC: GREEN,
    EventKind.COACH_SYNC: GREEN,
    EventKind.PO_SYNC: GREEN,
    EventKind.BACKLOG_REFINEMENT: GREY,
    EventKind.OTHER: colors.black,
    EventKind.HOLIDAY: colors.black,
}


def fit(text: str, size: float, width: float, bold: bool = False) -> str:
    """``text`` cut with an ellipsis so it fits ``width`` points on one line."""
    font = SANS_BOLD if bold else SANS
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…" if text else ""


def label(
    canv: Any,
    text: str,
    x: float,
    y: float,
    size: float,
    width: float,
    bold: bool = False,
    color: Any = colors.black,
    align: int = 0,
) -> None:
    """One line of literal text (any script) with its baseline area starting at ``y``."""
    if width <= 4:
        return
    paragraph = _para(fit(text, size, width, bold), _style(size, bold, size * 1.2, color, align))
    paragraph.wrap(width, size * 3)
    paragraph.drawOn(canv, x, y)


def marker(canv: Any, kind: EventKind, x: float, y: float, r: float) -> None:
    """A shape per kind: diamond I&A, triangle demo, circle sync, square refinement/other."""
    canv.setFillColor(MARKER_COLOURS[kind])
    canv.setStrokeColor(colors.black)
    canv.setLineWidth(0.4)
    if kind is EventKind.INSPECT_ADAPT:
        path = canv.beginPath()
        path.moveTo(x, y + r)
        path.lineTo(x + r, y)
        path.lineTo(x, y - r)
        path.lineTo(x - r, y)
        path.close()
        canv.drawPath(path, fill=1, stroke=1)
    elif kind is EventKind.SYSTEM_DEMO:
        path = canv.beginPath()
        path.moveTo(x - r, y - r * 0.85)
        path.lineTo(x + r, y - r * 0.85)
        path.lineTo(x, y + r)
        path.close()
        canv.drawPath(path, fill=1, stroke=1)
    elif kind in (EventKind.ART_SYNC, EventKind.COACH_SYNC, EventKind.PO_SYNC):
        canv.circle(x, y, r * 0.8, fill=1, stroke=1)
    else:
        canv.rect(x - r * 0.75, y - r * 0.75, r * 1.5, r * 1.5, fill=1, stroke=1)


def hatch(canv: Any, x: float, y: float, w: float, h: float, step: float = 4) -> None:
    """Diagonal lines inside a rectangle (the IP iteration reads without colour)."""
    canv.saveState()
    path = canv.beginPath()
    path.rect(x, y, w, h)
    canv.clipPath(path, stroke=0, fill=0)
    canv.setStrokeColor(colors.HexColor("#c98a2b"))
    canv.setLineWidth(0.5)
    offset = -h
    while offset < w:
        canv.line(x + offset, y, x + offset + h, y + h)
        offset += step
    canv.restoreState()

"""Colours and marker shapes shared by the timeline and the month view.

Every kind of event has a shape as well as a colour (diamond I&A, triangle System Demo, circle
syncs, square refinement/other, bar PI Planning), so the views read without colour too.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette, QPen, QPolygonF

from rte_desktop.domain.model import EventKind
from rte_desktop.ui.theme import BAD, INFO, OK, WARN, is_dark

SYNCS = (EventKind.ART_SYNC, EventKind.COACH_SYNC, EventKind.PO_SYNC)


def kind_colour(kind: EventKind, palette: QPalette) -> QColor:
    return {
        EventKind.PI_PLANNING: WARN,
        EventKind.INSPECT_ADAPT: BAD,
        EventKind.SYSTEM_DEMO: INFO,
        EventKind.ART_SYNC: OK,
        EventKind.COACH_SYNC: OK,
        EventKind.PO_SYNC: OK,
        EventKind.BACKLOG_REFINEMENT: QColor("#8a8a8a"),
    }.get(kind, palette.color(QPalette.ColorRole.Text))


def band_colours(palette: QPalette) -> tuple[QColor, QColor, QColor]:
    """Two alternating development-iteration tints and the IP iteration's tint."""
    if is_dark(palette):
        return QColor("#24405c"), QColor("#1d3349"), QColor("#5a4322")
    return QColor("#cfe2f3"), QColor("#e3eef8"), QColor("#fbe0b8")


def off_colours(palette: QPalette) -> tuple[QColor, QColor]:
    """Fills for a non-working weekday and for a holiday."""
    if is_dark(palette):
        return QColor("#2a2b2e"), QColor("#4a4b4f")
    return QColor("#f0f0f0"), QColor("#c8c8c8")


def ip_brush(palette: QPalette) -> QBrush:
    colour = QColor("#c98a2b") if not is_dark(palette) else QColor("#b07a2a")
    return QBrush(colour, Qt.BrushStyle.BDiagPattern)


def draw_marker(
    painter: QPainter, kind: EventKind, centre: QPointF, r: float, colour: QColor
) -> None:
    """The kind's shape, filled with ``colour`` and outlined for contrast."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(colour)
    painter.setPen(QPen(QColor("#202020"), 1))
    x, y = centre.x(), centre.y()
    if kind is EventKind.INSPECT_ADAPT:
        painter.drawPolygon(
            QPolygonF([QPointF(x, y - r), QPointF(x + r, y), QPointF(x, y + r), QPointF(x - r, y)])
        )
    elif kind is EventKind.SYSTEM_DEMO:
        painter.drawPolygon(
            QPolygonF(
                [QPointF(x - r, y + r * 0.85), QPointF(x + r, y + r * 0.85), QPointF(x, y - r)]
            )
        )
    elif kind in SYNCS:
        painter.drawEllipse(centre, r * 0.8, r * 0.8)
    elif kind is EventKind.PI_PLANNING:
        painter.drawRoundedRect(QRectF(x - r * 1.2, y - r * 0.6, r * 2.4, r * 1.2), 2, 2)
    else:
        painter.drawRect(QRectF(x - r * 0.75, y - r * 0.75, r * 1.5, r * 1.5))
    painter.restore()

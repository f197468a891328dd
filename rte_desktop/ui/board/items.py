"""The board's graphics items: draggable feature and milestone cards, and dependency lines.

A line carries its health as colour, pen style and width (``HEALTH_COLOUR``, ``HEALTH_PEN``), so
it reads without colour too. Cards report hover, drops and double-clicks to their scene, a
``CardHost``.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsPathItem,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from rte_desktop.domain import board_layout as bl
from rte_desktop.domain.dependency_health import DependencyHealth, Health
from rte_desktop.ui.theme import BAD, OK, WARN


@runtime_checkable
class CardHost(Protocol):
    """What a card tells the scene it lives in (the board's ``BoardScene``)."""

    def highlight(self, card: CardItem | None) -> None: ...

    def selected_card(self) -> CardItem | None: ...

    def dropped(self, card: CardItem) -> None: ...

    def card_activated(self, kind: str, item_id: int) -> None: ...


HEALTH_COLOUR = {Health.GREEN: OK, Health.ORANGE: WARN, Health.RED: BAD}
HEALTH_PEN = {  # style, width: colour-blind safe even without the colour
    Health.GREEN: (Qt.PenStyle.SolidLine, 2.0),
    Health.ORANGE: (Qt.PenStyle.DashLine, 2.5),
    Health.RED: (Qt.PenStyle.DotLine, 3.5),
}
Z_GRID, Z_EDGE, Z_CARD, Z_LABEL, Z_DRAG = 0, 1, 2, 3, 10


class CardItem(QGraphicsObject):
    """A feature (or milestone) card; draggable, selectable, hover-aware."""

    def __init__(
        self,
        kind: str,
        item_id: int,
        rect: bl.Rect,
        head: str,
        title: str,
        fill: QColor,
        border: QColor,
        text: QColor,
    ) -> None:
        super().__init__()
        self.kind = kind  # "feature" or "milestone"
        self.item_id = item_id
        self.home = QPointF(rect.x, rect.y)
        self.size = QRectF(0, 0, rect.w, rect.h)
        self.head, self.title = head, title
        self.fill, self.border, self.text = fill, border, text
        self.highlighted = False
        self.tag = ""  # a kind shown in words at the top right (ENABLER)
        self.setPos(self.home)
        self.setZValue(Z_CARD)
        self.setAcceptHoverEvents(True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, True)
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.size.adjusted(-3, -3, 3, 3)

    def _fonts(self) -> tuple[QFont, QFont]:
        head = QFont()
        head.setPointSizeF(9)
        head.setBold(True)
        body = QFont()
        body.setPointSizeF(10)
        body.setBold(self.kind == "milestone")
        return head, body

    def _text_x(self) -> float:
        return 28.0 if self.kind == "milestone" else 8.0

    def _title_box(self) -> QRectF:
        x = self._text_x()
        return QRectF(x, 20, self.size.width() - x - 6, self.size.height() - 22)

    def _title_text(self, metrics: QFontMetricsF) -> str:
        box = self._title_box()
        flags = int(Qt.TextFlag.TextWordWrap)
        text = self.title
        if metrics.boundingRect(box, flags, text).height() > box.height():
            while text and metrics.boundingRect(box, flags, text + "…").height() > box.height():
                text = text[:-1]
            text = text.rstrip() + "…"
        return text

    def text_rect(self) -> bl.Rect:
        """Where the card's words are, in scene coordinates (labels avoid covering them)."""
        head_font, body_font = self._fonts()
        head_w = QFontMetricsF(head_font).horizontalAdvance(self.head)
        metrics = QFontMetricsF(body_font)
        title = metrics.boundingRect(
            self._title_box(), int(Qt.TextFlag.TextWordWrap), self._title_text(metrics)
        )
        x = self._text_x()
        width = max(head_w, title.width())
        origin = self.home
        return bl.Rect(origin.x() + x, origin.y() + 3, width, title.bottom() - 3)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = 3.0 if self.isSelected() else (2.0 if self.highlighted else 1.0)
        painter.setPen(QPen(self.border, width))
        painter.setBrush(self.fill)
        painter.drawRoundedRect(self.size, 5, 5)
        x = 8.0
        if self.kind == "milestone":
            diamond = QPolygonF(
                [
                    QPointF(14, self.size.height() / 2 - 8),
                    QPointF(22, self.size.height() / 2),
                    QPointF(14, self.size.height() / 2 + 8),
                    QPointF(6, self.size.height() / 2),
                ]
            )
            painter.setBrush(self.border)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawPolygon(diamond)
            x = 28.0
        head_font, body_font = self._fonts()
        painter.setFont(head_font)
        painter.setPen(self.text)
        painter.drawText(
            QRectF(x, 3, self.size.width() - x - 6, 17),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self.head,
        )
        if self.tag:
            tag_font = QFont(head_font)
            tag_font.setPointSizeF(7)
            painter.setFont(tag_font)
            painter.drawText(
                QRectF(x, 3, self.size.width() - x - 6, 17),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                self.tag,
            )
        painter.setFont(body_font)
        metrics = QFontMetricsF(body_font)
        painter.drawText(
            self._title_box(), int(Qt.TextFlag.TextWordWrap), self._title_text(metrics)
        )

    def _board_scene(self) -> CardHost | None:
        scene = self.scene()
        return scene if isinstance(scene, CardHost) else None

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        scene = self._board_scene()
        if scene is not None:
            scene.highlight(self)
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        scene = self._board_scene()
        if scene is not None:
            scene.highlight(scene.selected_card())
        super().hoverLeaveEvent(event)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        self.setZValue(Z_DRAG)
        self.setCursor(Qt.CursorShape.ClosedHandCursor)
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        self.setZValue(Z_CARD)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        scene = self._board_scene()
        if (self.pos() - self.home).manhattanLength() > 4 and scene is not None:
            scene.dropped(self)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        scene = self._board_scene()
        if scene is not None:
            scene.card_activated(self.kind, self.item_id)


class EdgeItem(QGraphicsPathItem):
    def __init__(self, health: DependencyHealth, path: QPainterPath) -> None:
        super().__init__(path)
        self.health = health
        colour = HEALTH_COLOUR[health.health]
        style, width = HEALTH_PEN[health.health]
        self.base_width = width
        pen = QPen(colour, width, style, Qt.PenCapStyle.RoundCap)
        self.setPen(pen)
        self.setZValue(Z_EDGE)
        self.setToolTip(f"{health.label}: {health.explanation}")

    def set_emphasis(self, level: int) -> None:
        """0 normal, 1 highlighted (thicker, on top), -1 faded."""
        pen = self.pen()
        pen.setWidthF(self.base_width + (2.0 if level > 0 else 0.0))
        self.setPen(pen)
        self.setOpacity(0.18 if level < 0 else 1.0)
        self.setZValue(Z_LABEL - 0.5 if level > 0 else Z_EDGE)

"""The fishbone's graphics items, placed from the domain layout (``domain.fishbone.layout``).

Colours come from a ``Ink`` chosen at build time: the widget palette on screen (light or dark),
or print colours (dark on white) when exporting PNG/SVG.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

from rte_desktop.domain.fishbone import FishboneLayout, LayoutStyle, Segment
from rte_desktop.domain.geometry import Box
from rte_desktop.ui.theme import INFO, WARN, is_dark
from rte_desktop.ui.workshop.fishbone_nav import HEAD, NodeKey


@dataclass(frozen=True)
class Ink:
    text: QColor
    line: QColor
    faint: QColor
    bone_fill: QColor
    head_fill: QColor
    select: QColor
    background: QColor

    @classmethod
    def from_palette(cls, palette: QPalette) -> Ink:
        dark = is_dark(palette)
        bone = QColor(INFO)
        bone.setAlpha(110 if dark else 55)
        head = QColor(WARN)
        head.setAlpha(120 if dark else 90)
        faint = QColor(palette.color(QPalette.ColorRole.WindowText))
        faint.setAlpha(150)
        return cls(
            text=palette.color(QPalette.ColorRole.Text),
            line=palette.color(QPalette.ColorRole.WindowText),
            faint=faint,
            bone_fill=bone,
            head_fill=head,
            select=palette.color(QPalette.ColorRole.Highlight),
            background=palette.color(QPalette.ColorRole.Base),
        )

    @classmethod
    def for_print(cls) -> Ink:
        return cls(
            text=QColor("#111111"),
            line=QColor("#222222"),
            faint=QColor("#777777"),
            bone_fill=QColor("#dbe9f6"),
            head_fill=QColor("#fde9c8"),
            select=QColor("#0072B2"),
            background=QColor("#ffffff"),
        )


class NodeItem(QGraphicsItem):
    """A label of the diagram: the head, a bone's name or a cause."""

    def __init__(
        self,
        key: NodeKey,
        box: Box,
        lines: tuple[str, ...],
        font: QFont,
        style: LayoutStyle,
        ink: Ink,
    ) -> None:
        super().__init__()
        self.key = key
        self.lines = lines
        self._font = font
        self._style = style
        self._ink = ink
        self._size = (box.w, box.h)
        self.home = QPointF(box.x, box.y)
        self.setPos(self.home)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("\n".join(lines) if len(" ".join(lines)) > 40 else "")
        self.drop_target = False

    @property
    def kind(self) -> str:
        return self.key[0]

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        return QRectF(-2, -2, self._size[0] + 4, self._size[1] + 4)

    def box_rect(self) -> QRectF:
        return QRectF(0, 0, *self._size)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        rect = self.box_rect()
        ink = self._ink
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.kind in ("bone", "head"):
            painter.setPen(QPen(ink.line, 1.2))
            painter.setBrush(QBrush(ink.bone_fill if self.kind == "bone" else ink.head_fill))
            painter.drawRoundedRect(rect, 4, 4)
        if self.isSelected() or self.drop_target:
            fill = QColor(ink.select)
            fill.setAlpha(45)
            painter.setBrush(QBrush(fill))
            pen = QPen(ink.select, 2.2)
            if self.drop_target:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRoundedRect(rect.adjusted(-1, -1, 1, 1), 4, 4)
        painter.setFont(self._font)
        painter.setPen(ink.text)
        metrics = QFontMetricsF(self._font)
        pad, line_height = self._style.pad, self._style.line_height
        for index, line in enumerate(self.lines):
            top = pad + index * line_height + (line_height - metrics.height()) / 2
            painter.drawText(QPointF(pad, top + metrics.ascent()), line)


def _line(scene: QGraphicsScene, segment: Segment, pen: QPen) -> None:
    scene.addLine(segment.x1, segment.y1, segment.x2, segment.y2, pen)


def populate(
    scene: QGraphicsScene,
    result: FishboneLayout,
    style: LayoutStyle,
    font: QFont,
    bold: QFont,
    ink: Ink,
) -> dict[NodeKey, NodeItem]:
    """Fill ``scene`` with the layout's lines and labels; returns the labels by key."""
    scene.clear()
    scene.setBackgroundBrush(QBrush(ink.background))
    round_cap = Qt.PenCapStyle.RoundCap
    _line(scene, result.spine, QPen(ink.line, 3.2, Qt.PenStyle.SolidLine, round_cap))
    nodes: dict[NodeKey, NodeItem] = {}
    for bone in result.bones:
        _line(scene, bone.rib, QPen(ink.line, 2.0, Qt.PenStyle.SolidLine, round_cap))
    for cause in result.causes:
        pen = QPen(ink.line if cause.depth == 0 else ink.faint, 1.2)
        for segment in cause.connectors:
            _line(scene, segment, pen)
    for bone in result.bones:
        key: NodeKey = ("bone", bone.bone_id)
        nodes[key] = NodeItem(key, bone.label.box, bone.label.lines, bold, style, ink)
    for cause in result.causes:
        key = ("cause", cause.cause_id)
        nodes[key] = NodeItem(key, cause.label.box, cause.label.lines, font, style, ink)
    nodes[HEAD] = NodeItem(HEAD, result.head.box, result.head.lines, bold, style, ink)
    for item in nodes.values():
        item.setZValue(1)
        scene.addItem(item)
    scene.setSceneRect(QRectF(0, 0, result.width, result.height))
    return nodes

"""The board's QGraphicsView: zoom, and keyboard selection and placement of cards.

Keys: arrows select the nearest card in that direction; Ctrl+Left/Right move the selected feature
to the previous/next column (Unplanned, then the iterations), Ctrl+Up/Down to the previous/next
team; U unplans it; Enter edits; Delete deletes; + / - zoom, 0 fits the width.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QWidget

from rte_desktop.domain import board_layout as bl
from rte_desktop.ui.board.items import CardItem
from rte_desktop.ui.board.scene import BoardScene

DIRECTIONS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}


class BoardView(QGraphicsView):
    place_requested = Signal(int, object, object)  # feature id, team id|None, iteration id|None
    milestone_place_requested = Signal(int, object)  # milestone id, iteration id|None
    edit_requested = Signal(str, int)
    delete_requested = Signal(str, int)
    zoom_changed = Signal(float)

    def __init__(self, scene: BoardScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.board_scene = scene
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("ART planning board"))
        self.zoom = 1.0

    # -- zoom -----------------------------------------------------------------------------------

    def set_zoom(self, zoom: float) -> None:
        self.zoom = max(0.4, min(2.5, zoom))
        self.resetTransform()
        self.scale(self.zoom, self.zoom)
        self.zoom_changed.emit(self.zoom)

    def fit_width(self, low: float = 0.7, high: float = 1.25) -> None:
        """Fit the board's width, but never below ``low`` (text must stay readable)."""
        rect = self.board_scene.sceneRect()
        if rect.width() <= 0:
            return
        available = self.viewport().width() - 4
        self.set_zoom(max(low, min(high, available / rect.width())))

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt override)
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.set_zoom(self.zoom * (1.1 if event.angleDelta().y() > 0 else 1 / 1.1))
            return
        super().wheelEvent(event)

    # -- keyboard -------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        key = Qt.Key(event.key())
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        card = self.board_scene.selected_card()
        if key in DIRECTIONS:
            if ctrl and card is not None:
                self.move_card(card, *DIRECTIONS[key])
            else:
                self.select_towards(*DIRECTIONS[key])
            return
        if key == Qt.Key.Key_U and card is not None and card.kind == "feature":
            feature = self._feature(card.item_id)
            if feature is not None:
                self.place_requested.emit(card.item_id, feature.team_id, None)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2) and card is not None:
            self.edit_requested.emit(card.kind, card.item_id)
            return
        if key == Qt.Key.Key_Delete and card is not None:
            self.delete_requested.emit(card.kind, card.item_id)
            return
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.set_zoom(self.zoom * 1.15)
            return
        if key == Qt.Key.Key_Minus:
            self.set_zoom(self.zoom / 1.15)
            return
        if key == Qt.Key.Key_0:
            self.fit_width(low=0.4)
            return
        super().keyPressEvent(event)

    def _feature(self, feature_id: int):  # type: ignore[no-untyped-def]
        board = self.board_scene.board
        return board.feature(feature_id) if board else None

    def select_towards(self, dx: int, dy: int) -> CardItem | None:
        """Select the nearest card in a direction (the first card when none is selected)."""
        cards = list(self.board_scene.cards.values())
        if not cards:
            return None
        current = self.board_scene.selected_card()
        if current is None:
            target = min(cards, key=lambda c: (c.pos().y(), c.pos().x()))
        else:
            here = current.sceneBoundingRect().center()

            def score(card: CardItem) -> float:
                there = card.sceneBoundingRect().center()
                along = (there.x() - here.x()) * dx + (there.y() - here.y()) * dy
                across = abs((there.x() - here.x()) * dy) + abs((there.y() - here.y()) * dx)
                return along + 3 * across if along > 1 else float("inf")

            candidates = [c for c in cards if c is not current and score(c) < float("inf")]
            if not candidates:
                return current
            target = min(candidates, key=score)
        self.board_scene.clearSelection()
        target.setSelected(True)
        self.ensureVisible(target, 40, 40)
        return target

    def move_card(self, card: CardItem, dx: int, dy: int) -> None:
        """Ctrl+arrows: the next column (dx) or team row (dy) of the selected card."""
        layout = self.board_scene.board_layout
        if layout is None:
            return
        centre = card.sceneBoundingRect().center()
        column = layout.column_at(centre.x())
        row = layout.row_at(centre.y())
        if column is None or row is None:
            return
        columns = [c.key for c in layout.columns]
        new_column = columns[max(0, min(len(columns) - 1, columns.index(column.key) + dx))]
        iteration = None if new_column == bl.UNPLANNED else new_column
        if card.kind == "milestone":
            if dx:
                self.milestone_place_requested.emit(card.item_id, iteration)
            return
        rows = [r.key for r in layout.rows if r.key != bl.MILESTONE_ROW]
        new_row = rows[max(0, min(len(rows) - 1, rows.index(row.key) + dy))]
        team = None if new_row == bl.NO_TEAM else new_row
        current_team = None if row.key == bl.NO_TEAM else row.key
        current_iteration = None if column.key == bl.UNPLANNED else column.key
        if (team, iteration) != (current_team, current_iteration):
            self.place_requested.emit(card.item_id, team, iteration)

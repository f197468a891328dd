"""The fishbone editor: a QGraphicsView over the domain layout, driven by the keyboard.

Keys (on the selected label): Enter adds a sibling, Tab a child ("why?"), F2 renames, Delete
removes, Alt+Up/Down moves a cause to the previous/next bone, Alt+Left/Right outdents/indents it,
+/- add or remove a dot, arrows move the selection, Ctrl+0 fits the diagram. A cause can also be
dragged onto another cause (it becomes a sub-cause) or onto a bone.

The view only shows data and emits requests; the tab turns them into undoable service calls.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QKeyEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView, QWidget

from rte_desktop.domain.fishbone import FishboneLayout, LayoutStyle, layout
from rte_desktop.domain.model import Cause
from rte_desktop.services.workshop.workshop import Fishbone
from rte_desktop.ui.workshop.fishbone_editor import LabelEditor
from rte_desktop.ui.workshop.fishbone_items import Ink, NodeItem, populate
from rte_desktop.ui.workshop.fishbone_nav import (
    HEAD,
    Move,
    NodeKey,
    drop_place,
    find_cause,
    indent,
    outdent,
    reading_order,
    step_bone,
    subtree_keys,
    to_other_bone,
)

MAX_FIT_SCALE = 1.3


class FishboneView(QGraphicsView):
    edit_committed = Signal(object, str)  # EditRequest, text
    delete_requested = Signal(object)  # NodeKey
    move_requested = Signal(int, int, object)  # cause id, bone id, parent cause id or None
    vote_requested = Signal(int, int)  # cause id, +1 or -1
    selection_changed = Signal(object)  # NodeKey or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.data: Fishbone | None = None
        self.show_votes = True
        self.result: FishboneLayout | None = None
        self.nodes: dict[NodeKey, NodeItem] = {}
        self.selected: NodeKey | None = None
        self.fit_mode = True
        self._press: tuple[QPointF, NodeItem] | None = None
        self._dragging = False
        self._drop: NodeItem | None = None
        self.editor = LabelEditor(self)
        self.editor.committed.connect(self.edit_committed)

    # -- data -----------------------------------------------------------------------------------

    def label_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.1)
        return font

    def style_for(self, font: QFont) -> LayoutStyle:
        metrics = QFontMetricsF(font)
        unit = metrics.height()
        return LayoutStyle(
            line_height=unit * 1.15,
            pad=unit * 0.3,
            row_gap=unit * 0.35,
            indent=unit * 1.6,
            rib_gap=unit * 0.6,
            bone_gap=unit * 2.2,
            spine_gap=unit * 1.3,
            max_label_width=unit * 18,
            head_width=unit * 13,
            head_gap=unit * 1.4,
            margin=unit,
        )

    def show_fishbone(self, data: Fishbone | None, show_votes: bool = True) -> None:
        """Rebuild the scene for ``data`` (None: empty), keeping the selection if it exists."""
        self.data, self.show_votes = data, show_votes
        self._build(Ink.from_palette(self.palette()))
        if self.selected not in self.nodes:
            self.selected = HEAD if data else None
        self._apply_selection()
        if self.fit_mode:
            self.zoom_to_fit()

    def _build(self, ink: Ink) -> None:
        scene = self.scene()
        if self.data is None:
            scene.clear()
            self.nodes, self.result = {}, None
            return
        font = self.label_font()
        bold = QFont(font)
        bold.setBold(True)
        style = self.style_for(font)
        causes = self.data.causes
        if self.show_votes:  # the room's dots and the phones'
            dots = self.data.dots
            causes = [
                dataclasses.replace(c, text=f"{c.text} ●{dots(c)}") if dots(c) else c
                for c in causes
            ]
        tree = Fishbone(self.data.workshop, self.data.bones, causes).tree
        plain, heavy = QFontMetricsF(font), QFontMetricsF(bold)
        self.result = layout(
            tree, self.data.workshop.title, plain.horizontalAdvance, style, heavy.horizontalAdvance
        )
        self.nodes = populate(scene, self.result, style, font, bold, ink)

    def cause(self, cause_id: int | None) -> Cause | None:
        return find_cause(self.data, cause_id)

    def order(self) -> list[NodeKey]:
        """Keys in reading order: head, then each bone followed by its causes."""
        return reading_order(self.data)

    # -- selection ------------------------------------------------------------------------------

    def select(self, key: NodeKey | None) -> None:
        if key is not None and key not in self.nodes:
            return
        self.selected = key
        self._apply_selection()
        if key is not None:
            self.ensureVisible(self.nodes[key], 40, 40)
        self.selection_changed.emit(key)

    def _apply_selection(self) -> None:
        for key, item in self.nodes.items():
            item.setSelected(key == self.selected)

    def _step(self, delta: int) -> None:
        keys = self.order()
        if not keys:
            return
        index = keys.index(self.selected) if self.selected in keys else 0
        self.select(keys[max(0, min(len(keys) - 1, index + delta))])

    def _bone_step(self, delta: int) -> None:
        key = step_bone(self.data, self.selected, delta)
        if key is not None:
            self.select(key)

    # -- keyboard -------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        # Tab means "add a child" here, not "next widget".
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        ):
            self.keyPressEvent(event)
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        key, mods = event.key(), event.modifiers()
        alt = bool(mods & Qt.KeyboardModifier.AltModifier)
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        selected = self.selected
        kind = selected[0] if selected else None
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and kind in ("cause", "bone"):
            self.begin_edit("sibling")
        elif key == Qt.Key.Key_Tab and kind is not None:
            self.begin_edit("child")
        elif key == Qt.Key.Key_F2 and kind is not None:
            self.begin_edit("rename")
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and kind in ("cause", "bone"):
            self.delete_requested.emit(selected)
        elif alt and key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and selected and kind == "cause":
            delta = -1 if key == Qt.Key.Key_Up else 1
            self._request_move(to_other_bone(self.data, selected[1], delta))
        elif alt and key == Qt.Key.Key_Left and selected and kind == "cause":
            self._request_move(outdent(self.data, selected[1]))
        elif alt and key == Qt.Key.Key_Right and selected and kind == "cause":
            self._request_move(indent(self.data, selected[1]))
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal, Qt.Key.Key_Minus) and not ctrl:
            if kind == "cause" and selected and selected[1] is not None:
                self.vote_requested.emit(selected[1], -1 if key == Qt.Key.Key_Minus else 1)
        elif ctrl and key == Qt.Key.Key_0:
            self.fit_mode = True
            self.zoom_to_fit()
        elif ctrl and key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal, Qt.Key.Key_Minus):
            self.zoom(1.25 if key != Qt.Key.Key_Minus else 0.8)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._step(-1 if key == Qt.Key.Key_Up else 1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self._bone_step(-1 if key == Qt.Key.Key_Left else 1)
        elif key == Qt.Key.Key_Home:
            self.select(HEAD)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _request_move(self, move: Move | None) -> None:
        if move is not None:
            self.move_requested.emit(*move)

    # -- inline editor (ui/workshop/fishbone_editor.py) ------------------------------------------

    def begin_edit(self, action: str) -> None:
        """Open the inline editor to add a sibling/child of, or rename, the selected label."""
        key = self.selected
        if key is None or key not in self.nodes or (action == "sibling" and key == HEAD):
            return
        item = self.nodes[key]
        self.editor.begin(action, key, item.mapRectToScene(item.box_rect()), self._label_text(key))

    def _label_text(self, key: NodeKey) -> str:
        if self.data is None:
            return ""
        if key[0] == "head":
            return self.data.workshop.title
        if key[0] == "bone":
            return next((b.name for b in self.data.bones if b.id == key[1]), "")
        cause = self.cause(key[1])
        return cause.text if cause else ""

    # -- mouse: select, rename, drag onto another cause or bone ---------------------------------

    def _node_at(self, pos: QPointF, exclude: set[NodeKey] | None = None) -> NodeItem | None:
        for item in self.items(pos.toPoint()):
            if isinstance(item, NodeItem) and (not exclude or item.key not in exclude):
                return item
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        self.setFocus()
        node = self._node_at(event.position())
        if node is not None and event.button() == Qt.MouseButton.LeftButton:
            self.select(node.key)
            self._press = (event.position(), node)
            self._dragging = False
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if self._node_at(event.position()) is not None:
            self.begin_edit("rename")
            return
        super().mouseDoubleClickEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if self._press is None or self._press[1].kind != "cause":
            super().mouseMoveEvent(event)
            return
        start, node = self._press
        delta = event.position() - start
        if not self._dragging and delta.manhattanLength() < QApplication.startDragDistance():
            return
        self._dragging = True
        node.setZValue(10)
        node.setOpacity(0.75)
        scale = self.transform().m11() or 1.0
        node.setPos(node.home + delta / scale)
        target = self._node_at(event.position(), subtree_keys(self.data, node.key))
        if target is not self._drop:
            if self._drop is not None:
                self._drop.drop_target = False
                self._drop.update()
            self._drop = target if target is not None and target.kind != "head" else None
            if self._drop is not None:
                self._drop.drop_target = True
                self._drop.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        press, dragging, self._press, self._dragging = self._press, self._dragging, None, False
        if press is None or not dragging:
            super().mouseReleaseEvent(event)
            return
        node = press[1]
        node.setPos(node.home)
        node.setOpacity(1.0)
        node.setZValue(1)
        if self._drop is not None:
            self._drop.drop_target = False
            self._drop.update()
        self._drop = None
        cause = self.cause(node.key[1])
        target = self._node_at(event.position(), subtree_keys(self.data, node.key))
        scene_pos = self.mapToScene(event.position().toPoint())
        bone_id, parent_id = drop_place(
            self.data, self.result, target.key if target else None, scene_pos.x(), scene_pos.y()
        )
        if (
            cause is not None
            and cause.id is not None
            and bone_id is not None
            and (bone_id, parent_id) != (cause.bone_id, cause.parent_id)
        ):
            self.move_requested.emit(cause.id, bone_id, parent_id)

    # -- zoom and export --------------------------------------------------------------------------

    def zoom_to_fit(self) -> None:
        rect = self.scene().sceneRect()
        if rect.isEmpty():
            return
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.transform().m11() > MAX_FIT_SCALE:
            self.resetTransform()
            self.scale(MAX_FIT_SCALE, MAX_FIT_SCALE)

    def zoom(self, factor: float) -> None:
        self.fit_mode = False
        self.scale(factor, factor)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt override)
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(1.15 if event.angleDelta().y() > 0 else 1 / 1.15)
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self.fit_mode:
            self.zoom_to_fit()

    def render_for_export(self, painter: QPainter, target: QRectF) -> None:
        """Draw the diagram in print colours (dark on white), without the selection."""
        selected = self.selected
        self._build(Ink.for_print())
        self.scene().clearSelection()
        self.scene().render(painter, target, self.scene().sceneRect())
        self._build(Ink.from_palette(self.palette()))
        self.selected = selected
        self._apply_selection()

"""The fishbone's inline label editor: a line edit laid over the selected label.

It adds a sibling or a child ("why?") of the label, or renames it. Enter commits, Escape
cancels, and clicking elsewhere keeps what was typed; a commit is emitted as the view's
``edit_committed(EditRequest, text)`` for the tab to turn into an undoable service call.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

from rte_desktop.ui.workshop.fishbone_nav import HEAD, NodeKey

if TYPE_CHECKING:
    from rte_desktop.ui.workshop.fishbone_view import FishboneView


@dataclass(frozen=True)
class EditRequest:
    """What the inline editor was opened for: "sibling", "child" or "rename", on ``key``."""

    action: str
    key: NodeKey


class LabelEditor(QLineEdit):
    """The line edit over a fishbone label; hidden until ``begin`` opens it."""

    def __init__(self, view: FishboneView) -> None:
        super().__init__(view.viewport())
        self.view = view
        self.request: EditRequest | None = None
        self.hide()
        self.installEventFilter(self)

    def begin(self, action: str) -> None:
        """Open over the view's selected label, to add a sibling/child of it or rename it.

        Args:
            action: "sibling", "child" or "rename".
        """
        view = self.view
        if view.selected is None or view.selected not in view.nodes:
            return
        if action == "sibling" and view.selected == HEAD:
            return
        item = view.nodes[view.selected]
        self.request = EditRequest(action, view.selected)
        rect = item.mapRectToScene(item.box_rect())
        if action == "rename":
            text = self._current_text(view.selected)
            place = rect
        else:
            text = ""
            offset = rect.height() * (0.6 if action == "child" else 0.2)
            place = QRectF(
                rect.left() + (offset if action == "child" else 0),
                rect.bottom() + 4,
                rect.width(),
                rect.height(),
            )
        top_left = view.mapFromScene(place.topLeft())
        self.setText(text)
        self.setPlaceholderText(self._hint(view.selected[0], action))
        width = max(260, int(place.width() * view.transform().m11()) + 40)
        self.setGeometry(top_left.x(), top_left.y(), width, self.sizeHint().height())
        self.show()
        self.selectAll()
        self.setFocus()

    def _hint(self, kind: str, action: str) -> str:
        if action == "rename":
            return ""
        if kind == "cause":
            return (
                self.view.tr("New cause (Enter adds)")
                if action == "sibling"
                else self.view.tr("Why? A sub-cause (Enter adds)")
            )
        if kind == "bone" and action == "child":
            return self.view.tr("New cause on this bone (Enter adds)")
        return self.view.tr("New bone name (Enter adds)")

    def _current_text(self, key: NodeKey) -> str:
        if self.view.data is None:
            return ""
        if key[0] == "head":
            return self.view.data.workshop.title
        if key[0] == "bone":
            return next((b.name for b in self.view.data.bones if b.id == key[1]), "")
        cause = self.view.cause(key[1])
        return cause.text if cause else ""

    def _commit_edit(self) -> None:
        request, text = self.request, self.text().strip()
        self._close_editor()
        if request is not None and text:
            self.view.edit_committed.emit(request, text)

    def _close_editor(self) -> None:
        self.request = None
        self.hide()
        self.view.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape:
                self._close_editor()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                # Handled here: QLineEdit would pass Return on to the view ("add sibling").
                self._commit_edit()
                return True
        if watched is self and event.type() == QEvent.Type.FocusOut and self.request:
            self._commit_edit()  # clicking elsewhere keeps what was typed
        return super().eventFilter(watched, event)

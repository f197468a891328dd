"""The fishbone's inline label editor: a line edit laid over the selected label.

It adds a sibling or a child ("why?") of the label, or renames it. Enter commits, Escape
cancels, and clicking elsewhere keeps what was typed; a commit is emitted as
``committed(EditRequest, text)``, which the view passes on for the tab to turn into an undoable
service call. The view says where the label is and what it reads; the editor knows nothing of
the diagram.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGraphicsView, QLineEdit

from rte_desktop.ui.workshop.fishbone_nav import NodeKey


@dataclass(frozen=True)
class EditRequest:
    """What the inline editor was opened for: "sibling", "child" or "rename", on ``key``."""

    action: str
    key: NodeKey


class LabelEditor(QLineEdit):
    """The line edit over a fishbone label; hidden until ``begin`` opens it."""

    committed = Signal(object, str)  # EditRequest, text

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(view.viewport())
        self.view = view
        self.request: EditRequest | None = None
        self.hide()
        self.installEventFilter(self)

    def begin(self, action: str, key: NodeKey, label: QRectF, current_text: str) -> None:
        """Open over a label, to add a sibling/child of it or rename it.

        Args:
            action: "sibling", "child" or "rename".
            key: the label's node.
            label: the label's box in scene coordinates.
            current_text: what the label reads (the starting text of a rename).
        """
        view = self.view
        self.request = EditRequest(action, key)
        if action == "rename":
            text = current_text
            place = label
        else:
            text = ""
            offset = label.height() * (0.6 if action == "child" else 0.2)
            place = QRectF(
                label.left() + (offset if action == "child" else 0),
                label.bottom() + 4,
                label.width(),
                label.height(),
            )
        top_left = view.mapFromScene(place.topLeft())
        self.setText(text)
        self.setPlaceholderText(self._hint(key[0], action))
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

    def _commit_edit(self) -> None:
        request, text = self.request, self.text().strip()
        self._close_editor()
        if request is not None and text:
            self.committed.emit(request, text)

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

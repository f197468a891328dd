"""Small widgets of the ART Sync view: a text box that saves on focus-out, a key-aware table."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QPlainTextEdit, QTableView


class CommitTextEdit(QPlainTextEdit):
    """A text box that reports its text when it loses focus (every edit is saved at once)."""

    committed = Signal(str)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt override)
        self.committed.emit(self.toPlainText())
        super().focusOutEvent(event)


class KeyTableView(QTableView):
    """A table that turns Space, Enter and Delete into signals (item views eat Space)."""

    space_pressed = Signal()
    enter_pressed = Signal()
    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        signals = {
            Qt.Key.Key_Space: self.space_pressed,
            Qt.Key.Key_Return: self.enter_pressed,
            Qt.Key.Key_Enter: self.enter_pressed,
            Qt.Key.Key_Delete: self.delete_pressed,
        }
        signal = signals.get(Qt.Key(event.key()))
        if signal is not None and self.currentIndex().isValid():
            signal.emit()
            return
        super().keyPressEvent(event)


def key_table(model: object) -> KeyTableView:
    """A read-only, single-row-selection table over ``model`` (column 1 stretches).

    Args:
        model: The item model to show.

    Returns:
        The configured table.
    """
    table = KeyTableView()
    table.setModel(model)  # type: ignore[arg-type]
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    return table

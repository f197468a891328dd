"""The objectives table, built for fast keyboard entry.

Enter commits and moves down (and starts editing a text cell); a digit in a BV column sets the
value at once ("1" then "0" makes 10); Space toggles committed; Delete clears a BV or the notes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QWidget,
)

from rte_desktop.ui.objectives.models import (
    ACTUAL,
    BV_COLUMNS,
    COMMITTED,
    NOTES,
    NUMBER,
    PLANNED,
    TEXT,
)

# (row, column, value or None) -> None; the controller validates and stores it.
ValueSetter = Callable[[int, int, object], None]


class ObjectivesTableView(QTableView):
    def __init__(self, set_value: ValueSetter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._set_value = set_value
        self._last_digit: tuple[int, int, str] | None = None
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.setTabKeyNavigation(True)

    def setup_columns(self) -> None:
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (NUMBER, 40),
            (COMMITTED, 120),
            (PLANNED, 90),
            (ACTUAL, 90),
            (NOTES, 160),
        ):
            header.resizeSection(column, width)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().setMinimumSectionSize(30)

    def currentChanged(  # noqa: N802 (Qt override)
        self,
        current: QModelIndex | QPersistentModelIndex,
        previous: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if (current.row(), current.column()) != (previous.row(), previous.column()):
            self._last_digit = None
        super().currentChanged(current, previous)

    def move_down(self) -> None:
        index = self.currentIndex()
        if index.isValid() and index.row() + 1 < self.model().rowCount():
            self.setCurrentIndex(index.siblingAtRow(index.row() + 1))

    def closeEditor(  # noqa: N802 (Qt override)
        self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint
    ) -> None:
        # Enter in an editor commits (SubmitModelCache): then move on to the next row.
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            self.move_down()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        index = self.currentIndex()
        if not index.isValid() or self.state() == QAbstractItemView.State.EditingState:
            super().keyPressEvent(event)
            return
        key, text, column = event.key(), event.text(), index.column()
        plain = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
        if column in BV_COLUMNS and plain and text.isdigit() and len(text) == 1:
            value = int(text)
            last = self._last_digit
            if last == (index.row(), column, "1") and text == "0":
                value = 10  # "1" then "0" on the same cell
            self._last_digit = (index.row(), column, text)
            self._set_value(index.row(), column, value)
            return
        self._last_digit = None
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            if column in (TEXT, NOTES):
                self.edit(index)
            else:
                self.move_down()
            return
        if key == Qt.Key.Key_Space and column == COMMITTED and plain:
            self._set_value(index.row(), COMMITTED, None)
            return
        if (
            key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and plain
            and column in (ACTUAL, PLANNED, NOTES)
        ):
            self._set_value(index.row(), column, None)
            return
        if column in (COMMITTED, *BV_COLUMNS, NUMBER) and plain and text.strip():
            return  # letters in number columns would open a useless editor
        super().keyPressEvent(event)

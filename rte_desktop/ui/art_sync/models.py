"""Table models of ART Sync: a meeting's actions, and the open actions of every meeting."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QWidget

from rte_desktop.domain.model import ArtSyncAction
from rte_desktop.services.art_sync.art_sync import OpenAction
from rte_desktop.ui.theme import BAD
from rte_desktop.ui.widgets.rows_model import RowsTableModel

AnyIndex = QModelIndex | QPersistentModelIndex


def _due(due: dt.date | None) -> str:
    return f"{due:%d %b %Y}" if due else ""


class ActionsTableModel(RowsTableModel):
    """A meeting's actions; the Done column is a check box (Space toggles it)."""

    done_toggled = Signal(int, bool)  # action id, done
    HEADERS = ("Done", "Action", "Owner", "Due", "Risk")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actions: list[ArtSyncAction] = []
        self.risk_titles: dict[int, str] = {}

    def set_actions(self, actions: list[ArtSyncAction], risk_titles: dict[int, str]) -> None:
        self.beginResetModel()
        self.actions, self.risk_titles = actions, risk_titles
        self.endResetModel()

    def shown_rows(self) -> list[ArtSyncAction]:
        return self.actions

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        action = self.actions[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            return Qt.CheckState.Checked if action.done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                "done" if action.done else "open",
                action.text,
                action.owner,
                _due(action.due),
                self.risk_titles.get(action.risk_id or -1, ""),
            )
            return values[column]
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            action = self.actions[index.row()]
            done = Qt.CheckState(value) == Qt.CheckState.Checked
            self.done_toggled.emit(action.id or 0, done)
            return True
        return False


class OpenActionsTableModel(RowsTableModel):
    """Open actions across meetings; overdue ones say so in words and in colour."""

    HEADERS = ("Due", "Action", "Owner", "Raised at", "Risk")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[OpenAction] = []

    def set_rows(self, rows: list[OpenAction]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def shown_rows(self) -> list[OpenAction]:
        return self.rows

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0 and row.overdue:
            return BAD
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        due = _due(row.action.due) or "no date"
        if row.overdue:
            due += "  OVERDUE"
        values = (
            due,
            row.action.text,
            row.action.owner,
            f"ART Sync {row.meeting.held_at:%d %b %Y} ({row.pi_name})",
            row.risk_title,
        )
        return values[index.column()]

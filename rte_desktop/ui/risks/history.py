"""The history of ROAM moves: when, which risk, from which column to which."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from rte_desktop.domain import roam
from rte_desktop.services.risks.risks import HistoryEntry
from rte_desktop.ui.widgets.rows_model import RowsTableModel

AnyIndex = QModelIndex | QPersistentModelIndex


class HistoryTableModel(RowsTableModel):
    HEADERS = ("When", "Risk", "Team", "From", "To", "Note")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[HistoryEntry] = []
        self.team_names: dict[int, str] = {}
        self.zone = ZoneInfo("UTC")

    def set_entries(
        self, entries: list[HistoryEntry], team_names: dict[int, str], zone: ZoneInfo
    ) -> None:
        self.beginResetModel()
        self.entries, self.team_names, self.zone = entries, team_names, zone
        self.endResetModel()

    def shown_rows(self) -> list[HistoryEntry]:
        return self.entries

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        entry = self.entries[index.row()]
        change = entry.change
        local = change.at.replace(tzinfo=dt.UTC).astimezone(self.zone)
        values = (
            f"{local:%d %b %Y %H:%M}",
            entry.risk_title,
            self.team_names.get(entry.team_id or -1, ""),
            roam.STATUS_TITLE[change.from_status] if change.from_status else "(new)",
            roam.STATUS_TITLE[change.to_status],
            change.note,
        )
        return values[index.column()]


class HistoryView(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history_model = HistoryTableModel(self)
        self.setModel(self.history_model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)

"""The list of events under the calendar views (the keyboard way to reach every event)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from rte_desktop.domain.cadence import describe_day
from rte_desktop.domain.calendar_rules import KIND_LABELS
from rte_desktop.domain.model import Event

Index = QModelIndex | QPersistentModelIndex


class EventTableModel(QAbstractTableModel):
    COLUMNS = ("Date", "Time", "Type", "Title", "Note")

    def __init__(self) -> None:
        super().__init__()
        self.events: list[Event] = []

    def set_events(self, events: list[Event]) -> None:
        self.beginResetModel()
        self.events = list(events)
        self.endResetModel()

    def row_of(self, event_id: int | None) -> int:
        return next((i for i, e in enumerate(self.events) if e.id == event_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt override)
        return 0 if parent.isValid() else len(self.events)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(  # noqa: N802 (Qt override)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.events):
            return None
        event = self.events[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return describe_day(event.start.date())
            if column == 1:
                return f"{event.start:%H:%M}–{event.end:%H:%M}"
            if column == 2:
                return KIND_LABELS[event.kind]
            if column == 3:
                return event.title
            origin = self.tr("edited by hand") if event.manual else ""
            return " · ".join(part for part in (event.note, origin) if part)
        if role == Qt.ItemDataRole.ToolTipRole and event.note:
            return event.note
        if role == Qt.ItemDataRole.FontRole and column == 4 and event.note:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return event.id
        return None

"""The day's items as a table: planned, projected (or actual), a second time zone, editable cells.

Edits and drops do not change the model: they go to the panel as requests (``edit_requested``,
``move_requested``), the panel calls the service, and the model is refilled from the data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from rte_desktop.domain.agenda_schedule import RowStatus, ScheduleRow
from rte_desktop.domain.model import AgendaItem
from rte_desktop.ui.theme import BAD, OK

MIME = "application/x-rte-agenda-item"
Index = QModelIndex | QPersistentModelIndex

MARK, START, MINUTES, TITLE, PROJECTED, SECOND, PRESENTER, KIND, NOTES = range(9)
EDITABLE = {START: "start", MINUTES: "duration_min", TITLE: "title", PRESENTER: "presenter"}
EDITABLE |= {KIND: "kind", NOTES: "notes"}
KINDS = ("All-hands", "Breakout", "Break")


def _tr(text: str) -> str:
    return QCoreApplication.translate("AgendaTableModel", text)


def kind_of(item: AgendaItem) -> str:
    if item.is_break:
        return KINDS[2]
    return KINDS[0] if item.all_hands else KINDS[1]


def hhmm(moment: dt.datetime | None) -> str:
    return moment.strftime("%H:%M") if moment else ""


class AgendaTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.items: list[AgendaItem] = []
        self.rows: dict[int, ScheduleRow] = {}
        self.second_zone: dt.tzinfo | None = None
        self.second_label = ""
        self.edit_requested: Callable[[int, str, str], bool] = lambda *_: False
        self.move_requested: Callable[[int, int], None] = lambda *_: None
        self._shown: dict[int, tuple[str, str]] = {}

    # -- filling -----------------------------------------------------------------------------------

    def set_day(
        self,
        items: list[AgendaItem],
        rows: dict[int, ScheduleRow],
        second_zone: dt.tzinfo | None,
        second_label: str,
    ) -> None:
        self.beginResetModel()
        self.items, self.rows = items, rows
        self.second_zone, self.second_label = second_zone, second_label
        self._shown = {i.id or 0: self._live_text(i) for i in items}
        self.endResetModel()

    def update_rows(self, rows: dict[int, ScheduleRow]) -> int:
        """New projections; only cells whose text changed are repainted. Returns that count."""
        self.rows = rows
        changed = 0
        for k, item in enumerate(self.items):
            text = self._live_text(item)
            if self._shown.get(item.id or 0) != text:
                self._shown[item.id or 0] = text
                self.dataChanged.emit(self.index(k, MARK), self.index(k, NOTES))
                changed += 1
        return changed

    def _live_text(self, item: AgendaItem) -> tuple[str, str]:
        row = self.rows.get(item.id or 0)
        return (row.status.value if row else "", self._projected(row))

    @staticmethod
    def _projected(row: ScheduleRow | None) -> str:
        if row is None or row.status is RowStatus.SKIPPED:
            return _tr("skipped") if row else ""
        if row.item.duration_min is None and row.status is not RowStatus.DONE:
            return f"{hhmm(row.start)} – ?"
        return f"{hhmm(row.start)} – {hhmm(row.end)}"

    def item_at(self, row: int) -> AgendaItem | None:
        return self.items[row] if 0 <= row < len(self.items) else None

    def row_of(self, item_id: int | None) -> int:
        return next((k for k, i in enumerate(self.items) if i.id == item_id), -1)

    # -- Qt model API ------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 9

    def headerData(  # noqa: N802 (Qt override)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = [
            "",
            _tr("Start"),
            _tr("Min"),
            _tr("Item"),
            _tr("Projected / actual"),
            self.second_label,
            _tr("Presenter"),
            _tr("Type"),
            _tr("Notes"),
        ]
        return titles[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base | Qt.ItemFlag.ItemIsDropEnabled
        base |= Qt.ItemFlag.ItemIsDragEnabled
        if index.column() in EDITABLE:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        row = self.rows.get(item.id or 0)
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(item, row, column, role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.ToolTipRole and column == MARK and row:
            return _tr(row.status.value)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(bool(row and row.status is RowStatus.CURRENT))
            font.setItalic(item.is_break)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, column)
        if role == Qt.ItemDataRole.BackgroundRole and row and row.status is RowStatus.CURRENT:
            colour = QApplication.palette().color(QPalette.ColorRole.Highlight)
            colour.setAlpha(60)
            return colour
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (MARK, START, MINUTES):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _text(self, item: AgendaItem, row: ScheduleRow | None, column: int, edit: bool) -> str:
        if column == MARK:
            marks = {RowStatus.CURRENT: "▶", RowStatus.DONE: "✓", RowStatus.SKIPPED: "–"}
            return marks.get(row.status, "") if row else ""
        if column == START:
            return item.start.strftime("%H:%M")
        if column == MINUTES:
            if item.duration_min is None:
                return "" if edit else _tr("open")
            return str(item.duration_min)
        if column == TITLE:
            return item.title
        if column == PROJECTED:
            return self._projected(row)
        if column == SECOND:
            if row is None or self.second_zone is None:
                return ""
            there = row.planned_start.astimezone(self.second_zone)
            shift = (there.date() - row.planned_start.date()).days
            return there.strftime("%H:%M") + (f" {shift:+d}d" if shift else "")
        if column == PRESENTER:
            return item.presenter
        if column == KIND:
            return kind_of(item)
        return item.notes

    @staticmethod
    def _foreground(row: ScheduleRow | None, column: int) -> QColor | None:
        palette = QApplication.palette()
        if row is None:
            return None
        if row.status in (RowStatus.DONE, RowStatus.SKIPPED) and column != PROJECTED:
            return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if column == PROJECTED and row.start is not None and row.status is not RowStatus.SKIPPED:
            late = (row.start - row.planned_start).total_seconds()
            if late >= 60:
                return BAD
            if late <= -60:
                return OK
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or index.column() not in EDITABLE:
            return False
        item = self.items[index.row()]
        if item.id is None:
            return False
        return self.edit_requested(item.id, EDITABLE[index.column()], str(value))

    # -- drag and drop: move rows within the day ---------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 (Qt override)
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802 (Qt override)
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802 (Qt override)
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows:
            data.setData(MIME, str(self.items[rows[0]].id).encode("ascii"))
        return data

    def dropMimeData(  # noqa: N802 (Qt override)
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME):
            return False
        item_id = int(bytes(data.data(MIME).data()).decode("ascii"))
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self.items))
        source = self.row_of(item_id)
        if source < 0:
            return False
        if source < target:
            target -= 1  # the item leaves its old row first
        if target != source:
            self.move_requested(item_id, target)
        return False  # the panel refills the model; Qt must not remove the source row itself

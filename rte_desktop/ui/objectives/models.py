"""The objectives of one team as a Qt table model; edits go to a callback (the controller)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from rte_desktop.domain.model import Objective

Index = QModelIndex | QPersistentModelIndex
Editor = Callable[[Objective, str, Any], bool]

COLUMNS = ("#", "Objective", "Committed", "Planned BV", "Actual BV", "Notes")
NUMBER, TEXT, COMMITTED, PLANNED, ACTUAL, NOTES = range(len(COLUMNS))
FIELDS = {
    TEXT: "text",
    COMMITTED: "committed",
    PLANNED: "planned_bv",
    ACTUAL: "actual_bv",
    NOTES: "notes",
}
BV_COLUMNS = (PLANNED, ACTUAL)


class ObjectivesTableModel(QAbstractTableModel):
    def __init__(self, editor: Editor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Objective] = []
        self._editor = editor

    def set_rows(self, rows: list[Objective]) -> None:
        """Show ``rows``.

        The same objectives in the same order update in place (no reset), so the current cell
        survives the refresh that follows every edit.
        """
        if [r.id for r in rows] == [r.id for r in self._rows] and rows:
            self._rows = list(rows)
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(COLUMNS) - 1))
            return
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def objective(self, row: int) -> Objective | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def ids(self) -> list[int]:
        """The ids of the objectives shown, in the order shown (one team's order)."""
        return [r.id or 0 for r in self._rows]

    def row_of(self, objective_id: int | None) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == objective_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section])
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            if section == PLANNED:
                return self.tr("Planned business value 1-10: type a digit (1 then 0 for 10)")
            if section == ACTUAL:
                return self.tr("Actual business value 0-10: type a digit; Delete clears it")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == COMMITTED:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() in FIELDS:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.objective(index.row())
        if item is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == NUMBER:
                return index.row() + 1
            if column == TEXT:
                return item.text
            if column == COMMITTED:
                return self.tr("committed") if item.committed else self.tr("uncommitted")
            if column == PLANNED:
                return "" if item.planned_bv is None else item.planned_bv
            if column == ACTUAL:
                return "" if item.actual_bv is None else item.actual_bv
            if column == NOTES:
                return item.notes
        if role == Qt.ItemDataRole.CheckStateRole and column == COMMITTED:
            return Qt.CheckState.Checked if item.committed else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (NUMBER, *BV_COLUMNS):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == TEXT:
            return item.text
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        item = self.objective(index.row())
        field = FIELDS.get(index.column())
        if item is None or field is None:
            return False
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == COMMITTED:
            return self._editor(item, "committed", Qt.CheckState(value) == Qt.CheckState.Checked)
        if role != Qt.ItemDataRole.EditRole:
            return False
        if field in ("planned_bv", "actual_bv"):
            text = str(value).strip()
            value = None if not text else int(text) if text.lstrip("-").isdigit() else text
        return self._editor(item, field, value)

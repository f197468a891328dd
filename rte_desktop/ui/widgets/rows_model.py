"""A table model over a list of rows with fixed column titles: what the plain tables share."""

from __future__ import annotations

from collections.abc import Sized
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

AnyIndex = QModelIndex | QPersistentModelIndex


class RowsTableModel(QAbstractTableModel):
    """A table over a list: rows from ``shown_rows()``, column titles from ``HEADERS``.

    Subclasses add ``data`` (and ``flags``/``setData`` when a cell is editable).
    """

    HEADERS: ClassVar[tuple[str, ...]] = ()

    def shown_rows(self) -> Sized:
        """The rows the table shows, in order."""
        raise NotImplementedError

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.shown_rows())

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None

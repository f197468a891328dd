"""The three checklists as a tree: one heading per checklist, its items below.

Columns: done (a check box), item, owner, due (T-offset and date), status in words. Overdue items
stand out three ways: the word "OVERDUE", bold text and a tinted row.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel

from rte_desktop.domain.cadence import describe_day
from rte_desktop.domain.model import Checklist, ReadinessItem
from rte_desktop.domain.readiness import CHECKLIST_LABELS, ItemStatus, offset_label
from rte_desktop.services.readiness.readiness import ReadinessView
from rte_desktop.ui.theme import BAD, OK, WARN

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
CHECKLIST_ROLE = Qt.ItemDataRole.UserRole + 2
COLUMNS = ("Done", "Item", "Owner", "Due", "Status")
STATUS_TEXT = {
    ItemStatus.DONE: "✓ done",
    ItemStatus.OVERDUE: "⚠ OVERDUE",
    ItemStatus.DUE_SOON: "due this week",
    ItemStatus.OPEN: "open",
}


def build_model(model: QStandardItemModel, view: ReadinessView) -> None:
    """Fill ``model`` (cleared first) from a readiness view."""
    model.clear()
    model.setHorizontalHeaderLabels(list(COLUMNS))
    for checklist in Checklist:
        progress = view.progress(checklist)
        heading = QStandardItem(
            f"{CHECKLIST_LABELS[checklist]}  —  {progress.done}/{progress.total} done"
            + (f", {progress.overdue} overdue" if progress.overdue else "")
        )
        font = QFont()
        font.setBold(True)
        heading.setFont(font)
        heading.setData(checklist, CHECKLIST_ROLE)
        heading.setEditable(False)
        spacer = [QStandardItem() for _ in COLUMNS[1:]]
        for cell in spacer:
            cell.setEditable(False)
            cell.setData(checklist, CHECKLIST_ROLE)
        for item in view.checklist(checklist):
            heading.appendRow(_row(item, view))
        model.appendRow([heading, *spacer])


def _row(item: ReadinessItem, view: ReadinessView) -> list[QStandardItem]:
    status = view.status(item)
    done = QStandardItem()
    done.setCheckable(True)
    done.setCheckState(Qt.CheckState.Checked if item.done else Qt.CheckState.Unchecked)
    done.setToolTip("Space ticks or unticks")
    due = view.due(item)
    cells = [
        done,
        QStandardItem(item.title),
        QStandardItem(item.owner or "—"),
        QStandardItem(f"{offset_label(item.due_offset_days)}  ·  {describe_day(due)}"),
        QStandardItem(STATUS_TEXT[status]),
    ]
    cells[1].setToolTip(item.title + (f"\n\n{item.notes}" if item.notes else ""))
    for cell in cells:
        cell.setEditable(False)
        cell.setData(item, ITEM_ROLE)
    if status is ItemStatus.OVERDUE:
        tint = QColor(BAD)
        tint.setAlpha(45)
        bold = QFont()
        bold.setBold(True)
        for cell in cells:
            cell.setBackground(QBrush(tint))
            cell.setFont(bold)
        cells[4].setForeground(QBrush(BAD))
    elif status is ItemStatus.DUE_SOON:
        cells[4].setForeground(QBrush(WARN))
    elif status is ItemStatus.DONE:
        cells[4].setForeground(QBrush(OK))
    return cells

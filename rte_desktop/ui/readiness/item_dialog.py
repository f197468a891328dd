"""Add or edit one readiness item: checklist, title, owner, due offset, notes, done."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from rte_desktop.domain.cadence import describe_day
from rte_desktop.domain.errors import DomainError
from rte_desktop.domain.model import Checklist, ReadinessItem
from rte_desktop.domain.readiness import (
    CHECKLIST_LABELS,
    check_item,
    due_date,
    offset_label,
    parse_offset,
)
from rte_desktop.ui.theme import BAD

PRESETS = (-35, -28, -21, -14, -10, -7, -5, -3, -2, -1)


class ItemDialog(QDialog):
    def __init__(
        self,
        title: str,
        item: ReadinessItem | None,
        checklist: Checklist,
        day_one: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self._day_one = day_one
        self._item = item
        self.checklist = QComboBox()
        for value in Checklist:
            self.checklist.addItem(CHECKLIST_LABELS[value], value)
        self.checklist.setCurrentIndex(list(Checklist).index(checklist))
        self.title = QLineEdit(item.title if item else "")
        self.owner = QLineEdit(item.owner if item else "")
        self.due = QComboBox()
        self.due.setEditable(True)
        self.due.addItems([offset_label(n) for n in PRESETS])
        self.due.setCurrentText(offset_label(item.due_offset_days if item else -7))
        self.due.setToolTip(self.tr("T-5w, T-10d or a number of days before PI Planning day 1"))
        self.due_date = QLabel()
        self.notes = QLineEdit(item.notes if item else "")
        self.done_box = QCheckBox(self.tr("&Done"))
        self.done_box.setChecked(bool(item and item.done))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {BAD.name()}; font-weight: bold")
        form = QFormLayout(self)
        form.addRow(self.tr("&Checklist:"), self.checklist)
        form.addRow(self.tr("&Item:"), self.title)
        form.addRow(self.tr("&Owner:"), self.owner)
        form.addRow(self.tr("D&ue:"), self.due)
        form.addRow("", self.due_date)
        form.addRow(self.tr("&Notes:"), self.notes)
        form.addRow("", self.done_box)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.due.currentTextChanged.connect(self._show_due)
        self._show_due()
        self._value: ReadinessItem | None = None

    def _show_due(self) -> None:
        try:
            offset = parse_offset(self.due.currentText())
        except DomainError as exc:
            self.due_date.setText(str(exc))
            return
        self.due_date.setText(
            self.tr("due %1").replace("%1", describe_day(due_date(self._day_one, offset)))
        )

    def _on_accept(self) -> None:
        try:
            base = self._item or ReadinessItem(pi_id=0, checklist=Checklist.CONTENT, title="")
            value = dataclasses.replace(
                base,
                checklist=Checklist(self.checklist.currentData()),  # Qt returns a str
                title=" ".join(self.title.text().split()),
                owner=self.owner.text().strip(),
                due_offset_days=parse_offset(self.due.currentText()),
                notes=self.notes.text().strip(),
                done=self.done_box.isChecked(),
            )
            check_item(value)
        except DomainError as exc:
            self.error.setText(str(exc))
            return
        self._value = value
        self.accept()

    def value(self, pi_id: int) -> ReadinessItem | None:
        """The accepted item for ``pi_id`` (None if cancelled)."""
        return dataclasses.replace(self._value, pi_id=pi_id) if self._value else None

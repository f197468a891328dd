"""Add or edit an ART Sync action: what, who, by when, and which risk it serves."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from rte_desktop.domain.errors import DomainError
from rte_desktop.domain.model import ArtSyncAction, Risk


class ActionDialog(QDialog):
    def __init__(
        self,
        action: ArtSyncAction,
        risks: list[Risk],
        save: Callable[[ArtSyncAction], object],
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit action") if action.id else self.tr("New action"))
        self.resize(520, 260)
        self._action = action
        self._save = save
        self.text = QLineEdit(action.text)
        self.owner = QLineEdit(action.owner)
        self.has_due = QCheckBox(self.tr("Due by"))
        self.due = QDateEdit()
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("dd MMM yyyy")
        start = action.due or today + dt.timedelta(days=7)
        self.due.setDate(QDate(start.year, start.month, start.day))
        self.has_due.setChecked(action.due is not None)
        self.due.setEnabled(action.due is not None)
        self.has_due.toggled.connect(self.due.setEnabled)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due, 1)
        self.risk = QComboBox()
        self.risk.addItem(self.tr("(no risk)"), None)
        for risk in risks:
            self.risk.addItem(risk.title, risk.id)
        self.risk.setCurrentIndex(max(0, self.risk.findData(action.risk_id)))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #D55E00; font-weight: bold;")
        form = QFormLayout(self)
        form.addRow(self.tr("&Action"), self.text)
        form.addRow(self.tr("&Owner"), self.owner)
        form.addRow(self.tr("Due"), due_row)
        form.addRow(self.tr("&Risk"), self.risk)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def value(self) -> ArtSyncAction:
        due = None
        if self.has_due.isChecked():
            qdate = self.due.date()
            due = dt.date(qdate.year(), qdate.month(), qdate.day())
        return dataclasses.replace(
            self._action,
            text=self.text.text(),
            owner=self.owner.text(),
            due=due,
            risk_id=self.risk.currentData(),
        )

    def accept(self) -> None:
        try:
            self._save(self.value())
        except DomainError as exc:
            self.error.setText(str(exc))
            return
        super().accept()

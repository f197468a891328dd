"""Add or edit an ART Sync action: what, who, by when, and which risk it serves."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QWidget,
)

from rte_desktop.domain.model import ArtSyncAction, Risk
from rte_desktop.ui.dialogs.save_form import OptionalDate, SaveFormDialog


class ActionDialog(SaveFormDialog):
    def __init__(
        self,
        action: ArtSyncAction,
        risks: list[Risk],
        save: Callable[[ArtSyncAction], object],
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("", save, parent)
        self.setWindowTitle(self.tr("Edit action") if action.id else self.tr("New action"))
        self.resize(520, 260)
        self._action = action
        self.text = QLineEdit(action.text)
        self.owner = QLineEdit(action.owner)
        self.due_by = OptionalDate(self, action.due, today + dt.timedelta(days=7))
        self.has_due, self.due = self.due_by.check, self.due_by.edit
        self.risk = QComboBox()
        self.risk.addItem(self.tr("(no risk)"), None)
        for risk in risks:
            self.risk.addItem(risk.title, risk.id)
        self.risk.setCurrentIndex(max(0, self.risk.findData(action.risk_id)))
        self.form.addRow(self.tr("&Action"), self.text)
        self.form.addRow(self.tr("&Owner"), self.owner)
        self.form.addRow(self.tr("Due"), self.due_by.row)
        self.form.addRow(self.tr("&Risk"), self.risk)
        self.finish()

    def value(self) -> ArtSyncAction:
        return dataclasses.replace(
            self._action,
            text=self.text.text(),
            owner=self.owner.text(),
            due=self.due_by.value(),
            risk_id=self.risk.currentData(),
        )

"""The edit dialogs' shared shape: a form whose OK saves through a service or says why not."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from rte_desktop.domain.errors import DomainError
from rte_desktop.ui.theme import BAD


class SaveFormDialog(QDialog):
    """A form whose OK runs ``save(self.value())``; a refusal is shown and the dialog stays open.

    Subclasses add rows to ``self.form``, call ``finish()`` and implement ``value()``.
    """

    def __init__(self, title: str, save: Callable[[Any], object], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(520, 220)
        self._save = save
        self.form = QFormLayout(self)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {BAD.name()}; font-weight: bold;")

    def finish(self) -> None:
        """Add the error line and the OK/Cancel buttons below the rows."""
        self.form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.form.addRow(buttons)

    def value(self) -> Any:
        raise NotImplementedError

    def accept(self) -> None:
        """Save through the service; a refusal is shown here and the dialog stays open."""
        try:
            self._save(self.value())
        except DomainError as exc:
            self.error.setText(str(exc))
            return
        super().accept()


class OptionalDate:
    """A "Due by" check box with a date field; ``value()`` is None while it is unticked."""

    def __init__(self, owner: QWidget, current: dt.date | None, default: dt.date) -> None:
        self.check = QCheckBox(owner.tr("Due by"))
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("dd MMM yyyy")
        start = current or default
        self.edit.setDate(QDate(start.year, start.month, start.day))
        self.check.setChecked(current is not None)
        self.edit.setEnabled(current is not None)
        self.check.toggled.connect(self.edit.setEnabled)
        self.row = QHBoxLayout()
        self.row.addWidget(self.check)
        self.row.addWidget(self.edit, 1)

    def value(self) -> dt.date | None:
        if not self.check.isChecked():
            return None
        qdate = self.edit.date()
        return dt.date(qdate.year(), qdate.month(), qdate.day())

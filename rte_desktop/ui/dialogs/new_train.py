"""The "Create a train" dialog: ART name, teams and the first PI's cadence."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from rte_desktop.domain.errors import DomainError
from rte_desktop.domain.train import clean_name, parse_team_names
from rte_desktop.services.train.train import NewTrain


class NewTrainDialog(QDialog):
    """Asks for what a new train needs; ``spec()`` returns it once accepted."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Create a train"))
        self.setMinimumWidth(460)
        self.name = QLineEdit(self.tr("My ART"))
        self.teams = QPlainTextEdit()
        self.teams.setPlaceholderText(self.tr("One team per line"))
        self.teams.setPlainText("Team A\nTeam B\nTeam C")
        self.teams.setTabChangesFocus(True)
        self.start = QDateEdit(QDate(today.year, today.month, today.day))
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.weeks = QSpinBox()
        self.weeks.setRange(1, 4)
        self.weeks.setValue(2)
        self.weeks.setSuffix(self.tr(" weeks"))
        self.iterations = QSpinBox()
        self.iterations.setRange(1, 12)
        self.iterations.setValue(4)
        self.ip = QCheckBox(self.tr("Add an Innovation && Planning (IP) iteration"))
        self.ip.setChecked(True)
        self.error = QLabel()
        self.error.setStyleSheet("color: #D55E00; font-weight: bold")
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("&ART name:"), self.name)
        form.addRow(self.tr("&Teams:"), self.teams)
        form.addRow(self.tr("First PI &starts:"), self.start)
        form.addRow(self.tr("&Iteration length:"), self.weeks)
        form.addRow(self.tr("&Development iterations per PI:"), self.iterations)
        form.addRow("", self.ip)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._spec: NewTrain | None = None

    def _on_accept(self) -> None:
        try:
            date = self.start.date()
            self._spec = NewTrain(
                name=clean_name(self.name.text(), self.tr("ART name")),
                teams=parse_team_names(self.teams.toPlainText()),
                first_pi_start=dt.date(date.year(), date.month(), date.day()),
                iteration_weeks=self.weeks.value(),
                dev_iterations=self.iterations.value(),
                ip_iteration=self.ip.isChecked(),
            )
            if not self._spec.teams:
                raise DomainError(self.tr("Name at least one team."))
        except DomainError as exc:
            self.error.setText(str(exc))
            return
        self.accept()

    def spec(self) -> NewTrain | None:
        return self._spec

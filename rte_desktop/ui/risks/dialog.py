"""Add or edit a risk: every field of the ROAM card, checked before the dialog closes."""

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
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from rte_desktop.domain import roam
from rte_desktop.domain.errors import DomainError
from rte_desktop.domain.model import Risk, RiskSource, RoamStatus, Team


class RiskDialog(QDialog):
    """Edits a copy of ``risk``; ``save`` (a service call) runs on OK and may refuse."""

    def __init__(
        self,
        risk: Risk,
        teams: list[Team],
        save: Callable[[Risk], object],
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit risk") if risk.id else self.tr("New risk"))
        self.resize(560, 560)
        self._risk = risk
        self._save = save
        self.title = QLineEdit(risk.title)
        self.description = QPlainTextEdit(risk.description)
        self.description.setTabChangesFocus(True)
        self.team = QComboBox()
        self.team.addItem(self.tr("(no team)"), None)
        for team in teams:
            self.team.addItem(team.name, team.id)
        self.team.setCurrentIndex(max(0, self.team.findData(risk.team_id)))
        self.status = QComboBox()
        for status in roam.COLUMNS:
            self.status.addItem(roam.STATUS_TITLE[status], status.value)
        self.status.setCurrentIndex(self.status.findData(risk.status.value))
        self.owner = QLineEdit(risk.owner)
        self.owner.setPlaceholderText(self.tr("required for Owned and Mitigated"))
        self.likelihood = QSpinBox()
        self.impact = QSpinBox()
        for box, value in ((self.likelihood, risk.likelihood), (self.impact, risk.impact)):
            box.setRange(1, 5)
            box.setValue(value)
            box.valueChanged.connect(self._show_score)
        self.score = QLabel()
        scale = QHBoxLayout()
        scale.addWidget(QLabel(self.tr("Likelihood")))
        scale.addWidget(self.likelihood)
        scale.addWidget(QLabel(self.tr("Impact")))
        scale.addWidget(self.impact)
        scale.addWidget(self.score, 1)
        self.mitigation = QPlainTextEdit(risk.mitigation)
        self.mitigation.setTabChangesFocus(True)
        self.has_due = QCheckBox(self.tr("Due by"))
        self.due = QDateEdit()
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("dd MMM yyyy")
        start = risk.due or today + dt.timedelta(days=14)
        self.due.setDate(QDate(start.year, start.month, start.day))
        self.has_due.setChecked(risk.due is not None)
        self.due.setEnabled(risk.due is not None)
        self.has_due.toggled.connect(self.due.setEnabled)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due, 1)
        self.source = QComboBox()
        for source in RiskSource:
            self.source.addItem(roam.SOURCE_TITLE[source], source.value)
        self.source.setCurrentIndex(self.source.findData(risk.source.value))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #D55E00; font-weight: bold;")

        form = QFormLayout(self)
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("&Description"), self.description)
        form.addRow(self.tr("Tea&m"), self.team)
        form.addRow(self.tr("&ROAM"), self.status)
        form.addRow(self.tr("&Owner"), self.owner)
        form.addRow(self.tr("Score"), scale)
        form.addRow(self.tr("M&itigation"), self.mitigation)
        form.addRow(self.tr("Due"), due_row)
        form.addRow(self.tr("&Source"), self.source)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._show_score()
        self.title.setFocus()

    def _show_score(self) -> None:
        score = self.likelihood.value() * self.impact.value()
        level = roam.severity(score).value.upper()
        self.score.setText(self.tr("= %1  (%2)").replace("%1", str(score)).replace("%2", level))

    def value(self) -> Risk:
        """The risk as the form shows it now."""
        due = None
        if self.has_due.isChecked():
            qdate = self.due.date()
            due = dt.date(qdate.year(), qdate.month(), qdate.day())
        return dataclasses.replace(
            self._risk,
            title=self.title.text(),
            description=self.description.toPlainText(),
            team_id=self.team.currentData(),
            status=RoamStatus(self.status.currentData()),
            owner=self.owner.text(),
            likelihood=self.likelihood.value(),
            impact=self.impact.value(),
            mitigation=self.mitigation.toPlainText(),
            due=due,
            source=RiskSource(self.source.currentData()),
        )

    def accept(self) -> None:
        """Save through the service; a refusal is shown here and the dialog stays open."""
        try:
            self._save(self.value())
        except DomainError as exc:
            self.error.setText(str(exc))
            return
        super().accept()

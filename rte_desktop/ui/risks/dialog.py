"""Add or edit a risk: every field of the ROAM card, checked before the dialog closes."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from rte_desktop.domain import roam
from rte_desktop.domain.model import Risk, RiskSource, RoamStatus, Team
from rte_desktop.ui.dialogs.save_form import OptionalDate, SaveFormDialog


class RiskDialog(SaveFormDialog):
    """Edits a copy of ``risk``; ``save`` (a service call) runs on OK and may refuse."""

    def __init__(
        self,
        risk: Risk,
        teams: list[Team],
        save: Callable[[Risk], object],
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("", save, parent)
        self.setWindowTitle(self.tr("Edit risk") if risk.id else self.tr("New risk"))
        self.resize(560, 560)
        self._risk = risk
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
        self.due_by = OptionalDate(self, risk.due, today + dt.timedelta(days=14))
        self.has_due, self.due = self.due_by.check, self.due_by.edit
        self.source = QComboBox()
        for source in RiskSource:
            self.source.addItem(roam.SOURCE_TITLE[source], source.value)
        self.source.setCurrentIndex(self.source.findData(risk.source.value))

        self.form.addRow(self.tr("&Title"), self.title)
        self.form.addRow(self.tr("&Description"), self.description)
        self.form.addRow(self.tr("Tea&m"), self.team)
        self.form.addRow(self.tr("&ROAM"), self.status)
        self.form.addRow(self.tr("&Owner"), self.owner)
        self.form.addRow(self.tr("Score"), scale)
        self.form.addRow(self.tr("M&itigation"), self.mitigation)
        self.form.addRow(self.tr("Due"), self.due_by.row)
        self.form.addRow(self.tr("&Source"), self.source)
        self.finish()
        self._show_score()
        self.title.setFocus()

    def _show_score(self) -> None:
        score = self.likelihood.value() * self.impact.value()
        level = roam.severity(score).value.upper()
        self.score.setText(self.tr("= %1  (%2)").replace("%1", str(score)).replace("%2", level))

    def value(self) -> Risk:
        """The risk as the form shows it now."""
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
            due=self.due_by.value(),
            source=RiskSource(self.source.currentData()),
        )

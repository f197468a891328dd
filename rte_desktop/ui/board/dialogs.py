"""Dialogs of the planning board: a feature, a milestone, a dependency."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QWidget,
)

from rte_desktop.domain.model import Dependency, Feature, Milestone, WorkKind
from rte_desktop.services.board.board_data import BoardData
from rte_desktop.ui.dialogs.save_form import SaveFormDialog


def _iteration_combo(board: BoardData, current: int | None, none_text: str) -> QComboBox:
    combo = QComboBox()
    combo.addItem(none_text, None)
    for iteration in board.iterations:
        dates = f"{iteration.start:%d %b} – {iteration.end:%d %b}"
        combo.addItem(f"{board.iteration_name(iteration.id)}  ({dates})", iteration.id)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


class FeatureDialog(SaveFormDialog):
    def __init__(
        self,
        feature: Feature,
        board: BoardData,
        save: Callable[[Feature], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Edit feature") if feature.id else self.tr("New feature"), save, parent
        )
        self._feature = feature
        self.key = QLineEdit(feature.key)
        self.title = QLineEdit(feature.title)
        self.team = QComboBox()
        self.team.addItem(self.tr("(no team)"), None)
        for team in board.teams:
            self.team.addItem(team.name, team.id)
        self.team.setCurrentIndex(max(0, self.team.findData(feature.team_id)))
        self.iteration = _iteration_combo(board, feature.iteration_id, self.tr("Unplanned"))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Feature"), WorkKind.FEATURE.value)
        self.kind.addItem(self.tr("Enabler"), WorkKind.ENABLER.value)
        self.kind.setCurrentIndex(self.kind.findData(feature.kind.value))
        self.form.addRow(self.tr("&Key"), self.key)
        self.form.addRow(self.tr("&Title"), self.title)
        self.form.addRow(self.tr("Tea&m"), self.team)
        self.form.addRow(self.tr("&Iteration"), self.iteration)
        self.form.addRow(self.tr("Ki&nd"), self.kind)
        self.finish()
        self.title.setFocus()

    def value(self) -> Feature:
        return dataclasses.replace(
            self._feature,
            key=self.key.text(),
            title=self.title.text(),
            team_id=self.team.currentData(),
            iteration_id=self.iteration.currentData(),
            kind=WorkKind(self.kind.currentData()),
        )


class MilestoneDialog(SaveFormDialog):
    def __init__(
        self,
        milestone: Milestone,
        board: BoardData,
        save: Callable[[Milestone], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Edit milestone") if milestone.id else self.tr("New milestone"), save, parent
        )
        self._milestone = milestone
        self.title = QLineEdit(milestone.title)
        self.iteration = _iteration_combo(board, milestone.iteration_id, self.tr("(by date)"))
        self.has_day = QCheckBox(self.tr("On"))
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd MMM yyyy")
        start = milestone.day or board.pi.end
        self.day.setDate(QDate(start.year, start.month, start.day))
        self.has_day.setChecked(milestone.day is not None)
        self.day.setEnabled(milestone.day is not None)
        self.has_day.toggled.connect(self.day.setEnabled)
        row = QHBoxLayout()
        row.addWidget(self.has_day)
        row.addWidget(self.day, 1)
        self.form.addRow(self.tr("&Title"), self.title)
        self.form.addRow(self.tr("&Iteration"), self.iteration)
        self.form.addRow(self.tr("Date"), row)
        self.finish()

    def value(self) -> Milestone:
        day = None
        if self.has_day.isChecked():
            q = self.day.date()
            day = dt.date(q.year(), q.month(), q.day())
        return dataclasses.replace(
            self._milestone,
            title=self.title.text(),
            iteration_id=self.iteration.currentData(),
            day=day,
        )


class DependencyDialog(SaveFormDialog):
    """Provider feature -> consumer (feature or milestone), optional needed-by iteration."""

    def __init__(
        self,
        dependency: Dependency,
        board: BoardData,
        save: Callable[[Dependency], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Edit dependency") if dependency.id else self.tr("New dependency"),
            save,
            parent,
        )
        self._dependency = dependency
        self.provider = QComboBox()
        self.consumer = QComboBox()
        for feature in sorted(board.features, key=lambda f: (f.key, f.title)):
            label = board.feature_label(feature.id or 0)
            self.provider.addItem(label, feature.id)
            self.consumer.addItem(label, f"feature:{feature.id}")
        for milestone in board.milestones:
            self.consumer.addItem(
                self.tr("Milestone: %1").replace("%1", milestone.title), f"milestone:{milestone.id}"
            )
        self.provider.setCurrentIndex(max(0, self.provider.findData(dependency.provider_id)))
        if dependency.consumer_milestone_id is not None:
            wanted = f"milestone:{dependency.consumer_milestone_id}"
        else:
            wanted = f"feature:{dependency.consumer_feature_id}"
        self.consumer.setCurrentIndex(max(0, self.consumer.findData(wanted)))
        self.needed = _iteration_combo(
            board, dependency.needed_iteration_id, self.tr("(when the consumer is planned)")
        )
        self.description = QLineEdit(dependency.description)
        self.form.addRow(self.tr("&Provider (delivers)"), self.provider)
        self.form.addRow(self.tr("&Consumer (needs it)"), self.consumer)
        self.form.addRow(self.tr("&Needed by"), self.needed)
        self.form.addRow(self.tr("&What"), self.description)
        self.finish()

    def value(self) -> Dependency:
        kind, _, number = str(self.consumer.currentData() or "feature:").partition(":")
        consumer_id = int(number) if number.isdigit() else None
        return dataclasses.replace(
            self._dependency,
            provider_id=self.provider.currentData() or 0,
            consumer_feature_id=consumer_id if kind == "feature" else None,
            consumer_milestone_id=consumer_id if kind == "milestone" else None,
            needed_iteration_id=self.needed.currentData(),
            description=self.description.text(),
        )

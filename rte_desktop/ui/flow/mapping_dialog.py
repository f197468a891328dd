"""Workflow & mappings: each status's kind, each item type's flow type, each team value's team.

What the RTE changes here is stored in the train file (``FlowService.set_stage_kind``,
``map_type``, ``map_team``) and the figures follow at once. Keyboard: Tab between the tables,
arrows in a table, F2 or typing opens a row's choice, Enter saves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rte_desktop.domain.flow_metrics import StageKind, WorkType

if TYPE_CHECKING:
    from rte_desktop.domain.model import Team
    from rte_desktop.services.flow.flow import FlowService


def _table(rows: list[tuple[str, QComboBox]], heading: str) -> QTableWidget:
    table = QTableWidget(len(rows), 2)
    table.setHorizontalHeaderLabels([heading, "Counts as"])
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for row, (name, combo) in enumerate(rows):
        item = QTableWidgetItem(name)
        item.setFlags(item.flags() & ~item.flags().ItemIsEditable)
        table.setItem(row, 0, item)
        table.setCellWidget(row, 1, combo)
    return table


class MappingDialog(QDialog):
    """Edit the ART's workflow kinds, type mapping and team mapping; OK applies the changes."""

    def __init__(
        self, flow: FlowService, art_id: int, teams: list[Team], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Workflow & mappings"))
        self._flow = flow
        self._art_id = art_id
        self.status_combos: dict[str, QComboBox] = {}
        self.type_combos: dict[str, QComboBox] = {}
        self.team_combos: dict[str, QComboBox] = {}
        self._before: dict[tuple[str, str], object] = {}
        statuses = []
        for stage in flow.workflow(art_id):
            combo = QComboBox()
            for kind in StageKind:
                combo.addItem(kind.value, kind)
            combo.setCurrentIndex(combo.findData(stage.kind))
            self.status_combos[stage.name] = combo
            self._before[("status", stage.name)] = stage.kind
            statuses.append((stage.name, combo))
        types = []
        for raw, work_type in flow.type_mapping(art_id).items():
            combo = QComboBox()
            combo.addItem(self.tr("unmapped"), None)
            for choice in WorkType:
                combo.addItem(choice.value, choice)
            combo.setCurrentIndex(max(combo.findData(work_type), 0))
            self.type_combos[raw] = combo
            self._before[("type", raw)] = work_type
            types.append((raw or self.tr("(no type)"), combo))
        team_rows = []
        for value, team in flow.team_sources(art_id).items():
            combo = QComboBox()
            combo.addItem(self.tr("no team (ART only)"), None)
            for member in teams:
                combo.addItem(member.name, member.id)
            current = next((t.id for t in teams if t.name == team), None)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            self.team_combos[value] = combo
            self._before[("team", value)] = current
            team_rows.append((value, combo))
        tabs = QTabWidget()
        tabs.addTab(_table(statuses, self.tr("Status (in order)")), self.tr("&Workflow"))
        tabs.addTab(_table(types, self.tr("Item type")), self.tr("&Types"))
        tabs.addTab(_table(team_rows, self.tr("Team value in the export")), self.tr("T&eams"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "An item starts when it first enters a status after the backlog ones, and is "
                    "done in a done status. Waiting statuses count as flow time, not active time."
                )
            )
        )
        layout.addWidget(tabs, 1)
        layout.addWidget(buttons)
        self.resize(640, 480)

    def apply(self) -> int:
        """Store what changed; returns how many changes were made."""
        changed = 0
        for name, combo in self.status_combos.items():
            if combo.currentData() != self._before[("status", name)]:
                # Qt hands a StrEnum back as its plain string
                self._flow.set_stage_kind(self._art_id, name, StageKind(combo.currentData()))
                changed += 1
        for raw, combo in self.type_combos.items():
            chosen = combo.currentData()
            if chosen != self._before[("type", raw)] and chosen is not None:
                self._flow.map_type(self._art_id, raw, WorkType(chosen))
                changed += 1
        for value, combo in self.team_combos.items():
            chosen = combo.currentData()
            if chosen != self._before[("team", value)] and chosen is not None:
                self._flow.map_team(self._art_id, value, chosen)
                changed += 1
        return changed

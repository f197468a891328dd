"""PI objectives per team, the Business Owner scoring mode and the predictability chart.

Every edit is one undoable service call; refreshes come back through ``data_changed``. File
actions (import, template, PDF, preview, print) live in ``actions.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from rte_desktop.domain.errors import DomainError
from rte_desktop.domain.model import Objective, Team
from rte_desktop.services.common.changes import Area
from rte_desktop.ui import undo
from rte_desktop.ui.objectives import actions, commands
from rte_desktop.ui.objectives.models import COMMITTED, FIELDS, TEXT, ObjectivesTableModel
from rte_desktop.ui.objectives.predictability import PredictabilityView
from rte_desktop.ui.objectives.table import ObjectivesTableView
from rte_desktop.ui.panel_base import Panel, PanelContext
from rte_desktop.ui.theme import BAD
from rte_desktop.ui.widgets.improvement_inputs import ImprovementInputsWidget


class ObjectivesPanel(Panel):
    areas: ClassVar[tuple[Area, ...]] = (Area.OBJECTIVES,)

    def __init__(self, ctx: PanelContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.teams: list[Team] = []
        self.scoring: Any = None  # the presenter window while scoring
        self.team_list = QListWidget()
        self.team_list.setMinimumWidth(150)
        self.team_list.setMaximumWidth(240)
        self.team_list.setSpacing(2)
        self.model = ObjectivesTableModel(self._edit)
        self.table = ObjectivesTableView(self._set_cell)
        self.table.setModel(self.model)
        self.table.setup_columns()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {BAD.name()}; font-weight: bold;")
        self.paper = QComboBox()
        for key, label in (("a4", "A4"), ("letter", "Letter"), ("a3", "A3")):
            self.paper.addItem(label, key)
        self.paper.setCurrentIndex(
            max(0, self.paper.findData(ctx.settings.value("objectives/paper", "a4")))
        )
        self.paper.currentIndexChanged.connect(self._on_paper_changed)
        self.predictability = PredictabilityView()
        self._build_layout()
        self._build_actions()
        self.team_list.currentRowChanged.connect(self._on_team_row)

    # -- layout and actions ----------------------------------------------------------------------

    def _build_layout(self) -> None:
        self.edit_bar = QToolBar()
        self.file_bar = QToolBar()
        objectives = QWidget()
        box = QVBoxLayout(objectives)
        box.setContentsMargins(0, 0, 0, 0)
        bars = QHBoxLayout()
        bars.addWidget(self.edit_bar, 1)
        bars.addWidget(self.file_bar, 0)
        box.addLayout(bars)
        box.addWidget(self.summary)
        box.addWidget(self.table, 1)
        box.addWidget(self.message)
        self.tabs = QTabWidget()
        self.tabs.addTab(objectives, self.tr("&Objectives"))
        self.tabs.addTab(self.predictability, self.tr("P&redictability"))
        left = QWidget()
        lbox = QVBoxLayout(left)
        lbox.setContentsMargins(0, 0, 0, 0)
        lbox.addWidget(QLabel(self.tr("Teams")))
        lbox.addWidget(self.team_list, 1)
        self.inputs = ImprovementInputsWidget(
            self.ctx, self.ctx.ws.improvements
        )  # I&A items aimed at this PI
        self.inputs.compact()
        lbox.addWidget(self.inputs, 1)
        left.setMaximumWidth(260)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([180, 1000])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _act(
        self,
        bar: QToolBar | None,
        text: str,
        slot: Callable[[], object],
        keys: tuple[str, ...],
        tip: str,
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(f"{tip} ({', '.join(keys)})" if keys else tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        if bar is not None:
            bar.addAction(action)
        return action

    def _build_actions(self) -> None:
        e, f = self.edit_bar, self.file_bar
        self._act(e, self.tr("Add"), self.add_objective, ("Ins",), self.tr("Add an objective"))
        self._act(e, self.tr("Delete"), self.delete_objective, ("Ctrl+Del",), self.tr("Delete"))
        self._act(
            e, self.tr("Up"), lambda: self.move_objective(-1), ("Ctrl+Up",), self.tr("Move up")
        )
        self._act(
            e, self.tr("Down"), lambda: self.move_objective(1), ("Ctrl+Down",), self.tr("Move down")
        )
        self._act(
            e,
            self.tr("Move to team…"),
            self.move_to_team,
            ("Ctrl+M",),
            self.tr("Give the objective to another team"),
        )
        self._act(
            e,
            self.tr("Committed"),
            self.toggle_committed,
            ("Ctrl+K",),
            self.tr("Toggle committed / uncommitted"),
        )
        e.addSeparator()
        self._act(
            e,
            self.tr("BO scoring"),
            self.open_scoring,
            ("F6",),
            self.tr("Business Owner scoring mode, one objective at a time"),
        )
        self._act(None, "", lambda: self.step_team(-1), ("Ctrl+PgUp",), "")
        self._act(None, "", lambda: self.step_team(1), ("Ctrl+PgDown",), "")
        self._act(
            f,
            self.tr("Import…"),
            lambda: actions.import_dialog(self),
            ("Ctrl+Alt+I",),
            self.tr("Import objectives from CSV or XLSX"),
        )
        self._act(
            f,
            self.tr("Template…"),
            lambda: actions.template_dialog(self),
            (),
            self.tr("Save an import template (CSV or XLSX)"),
        )
        f.addSeparator()
        f.addWidget(self.paper)
        self._act(
            f,
            self.tr("PDF…"),
            lambda: actions.pdf_dialog(self),
            ("Ctrl+Shift+P",),
            self.tr("Save the PI objectives PDF"),
        )
        self._act(
            f,
            self.tr("Preview"),
            lambda: actions.preview(self),
            ("Ctrl+Alt+P",),
            self.tr("Open the PDF in the system viewer"),
        )
        self._act(
            f,
            self.tr("Print…"),
            lambda: actions.print_dialog(self),
            ("Ctrl+P",),
            self.tr("Print the PI objectives"),
        )

    # -- reading ---------------------------------------------------------------------------------

    def current_team(self) -> Team | None:
        row = self.team_list.currentRow()
        return self.teams[row] if 0 <= row < len(self.teams) else None

    def current_objective(self) -> Objective | None:
        return self.model.objective(self.table.currentIndex().row())

    def paper_key(self) -> str:
        return str(self.paper.currentData())

    def refresh(self) -> None:
        if self.art_id is None or self.pi_id is None:
            self.teams = []
            self.team_list.clear()
            self.model.set_rows([])
            return
        ws = self.ctx.ws
        self.inputs.set_pi(self.pi_id)
        chosen = self.current_team()
        self.teams = ws.train.teams(self.art_id)
        summary = ws.objectives.predictability(self.pi_id)
        lines = {line.team.id: line for line in summary.teams}
        self.team_list.blockSignals(True)
        self.team_list.clear()
        for team in self.teams:
            line = lines.get(team.id)
            count = line.objectives if line else 0
            item = QListWidgetItem(f"{team.name}  ({count})")
            item.setToolTip(
                self.tr("%1: %2 objectives").replace("%1", team.name).replace("%2", str(count))
            )
            self.team_list.addItem(item)
        ids = [t.id for t in self.teams]
        row = ids.index(chosen.id) if chosen and chosen.id in ids else 0
        self.team_list.setCurrentRow(row if self.teams else -1)
        self.team_list.blockSignals(False)
        self._show_team()
        self.predictability.show_data(summary, ws.objectives.history(self.art_id))
        if self.scoring is not None:
            self.scoring.content().set_items(self.scoring_items())

    def _show_team(self) -> None:
        team = self.current_team()
        if team is None or self.pi_id is None:
            self.model.set_rows([])
            self.summary.clear()
            return
        keep = self.table.currentIndex()
        rows = self.ctx.ws.objectives.objectives(self.pi_id, team.id)
        self.model.set_rows(rows)
        if not keep.isValid() and rows:
            self.table.setCurrentIndex(self.model.index(0, TEXT))
        from rte_desktop.domain.predictability import team_performance

        perf = team_performance(rows)
        committed = sum(1 for o in rows if o.committed)
        scored = any(o.actual_bv is not None for o in rows)
        state = (
            self.tr("performance %1").replace("%1", perf.label())
            if scored
            else self.tr("actual BV not scored yet")
        )
        self.summary.setText(
            self.tr("<b>%1</b> · %2 committed, %3 uncommitted · planned BV (committed) %4 · %5")
            .replace("%1", team.name.replace("&", "&amp;").replace("<", "&lt;"))
            .replace("%2", str(committed))
            .replace("%3", str(len(rows) - committed))
            .replace("%4", str(perf.planned))
            .replace("%5", state)
        )

    # -- editing ---------------------------------------------------------------------------------

    def guard(self, action: Callable[[], object]) -> bool:
        """Run an edit; a refused one shows its message under the table and changes nothing."""
        try:
            action()
        except DomainError as exc:
            self.message.setText(self.tr("Not saved: %1").replace("%1", str(exc)))
            return False
        self.message.clear()
        return True

    def _edit(self, item: Objective, field: str, value: Any) -> bool:
        if getattr(item, field) == value or item.id is None:
            return False
        return self.run(commands.edit(self.ctx.ws.objectives, item, field, value))

    def run(self, command: commands.Command) -> bool:
        """Run an undoable command; False (and a message) when the service refused it."""
        return self.guard(lambda: undo.push(self.ctx.undo, *command))

    def _set_cell(self, row: int, column: int, value: object) -> None:
        item = self.model.objective(row)
        if item is None:
            return
        if column == COMMITTED:
            self._edit(item, "committed", not item.committed)
        else:
            self._edit(item, FIELDS[column], value)

    def toggle_committed(self) -> None:
        self._set_cell(self.table.currentIndex().row(), COMMITTED, None)

    def add_objective(self) -> None:
        team = self.current_team()
        if team is None or team.id is None or self.pi_id is None:
            return
        state: dict[str, Objective] = {}
        text = self.tr("New objective")
        if self.run(commands.add(self.ctx.ws.objectives, self.pi_id, team.id, text, state)):
            index = self.model.index(self.model.row_of(state["added"].id), TEXT)
            self.table.setCurrentIndex(index)
            self.table.setFocus()
            self.table.edit(index)

    def delete_objective(self) -> None:
        item = self.current_objective()
        if item is not None and item.id is not None:
            self.run(commands.delete(self.ctx.ws.objectives, item))

    def move_objective(self, offset: int) -> None:
        item = self.current_objective()
        if item is None or item.id is None:
            return
        column = self.table.currentIndex().column()
        if self.run(commands.move(self.ctx.ws.objectives, item, offset)):
            self.table.setCurrentIndex(self.model.index(self.model.row_of(item.id), column))

    def move_to_team(self, team_id: int | None = None) -> None:
        """Give the current objective to another team (asks which when ``team_id`` is None)."""
        item = self.current_objective()
        if item is None or item.id is None:
            return
        if team_id is None:
            others = [t for t in self.teams if t.id != item.team_id]
            names = [t.name for t in others]
            name, ok = QInputDialog.getItem(
                self, self.tr("Move to team"), self.tr("Team:"), names, 0, False
            )
            if not ok or name not in names:
                return
            team_id = others[names.index(name)].id
        self.run(commands.to_team(self.ctx.ws.objectives, item, team_id or 0))

    # -- teams, scoring, paper -------------------------------------------------------------------

    def step_team(self, step: int) -> None:
        if self.teams:
            self.team_list.setCurrentRow((self.team_list.currentRow() + step) % len(self.teams))

    def _on_team_row(self, _row: int) -> None:
        self.table.setCurrentIndex(self.model.index(-1, -1))
        self._show_team()

    def _on_paper_changed(self, _index: int) -> None:
        self.ctx.settings.set_value("objectives/paper", self.paper_key())

    def scoring_items(self) -> list[tuple[str, Objective]]:
        if self.pi_id is None:
            return []
        names = {t.id: t.name for t in self.teams}
        return [
            (names.get(o.team_id, "?"), o) for o in self.ctx.ws.objectives.objectives(self.pi_id)
        ]

    def open_scoring(self) -> None:
        from rte_desktop.ui.objectives.scoring import ScoringView
        from rte_desktop.ui.presenter.window import PresenterWindow

        if self.scoring is None:
            window = PresenterWindow(self)
            view = ScoringView(self._score)
            window.show_content(view)
            window.setWindowTitle(self.tr("Business Owner scoring — RTE Desktop"))
            view.close_requested.connect(window.close)
            window.closed.connect(self._on_scoring_closed)
            self.scoring = window
        current = self.current_objective()
        self.scoring.content().set_items(self.scoring_items(), current.id if current else None)
        self.scoring.show()
        self.scoring.raise_()
        self.scoring.activateWindow()
        self.scoring.content().setFocus()

    def _score(self, item: Objective, field: str, value: int | None) -> bool:
        ok = self._edit(item, field, value)
        if not ok and self.message.text() and self.scoring is not None:
            self.scoring.content().hint.setText(self.message.text())
        return ok

    def _on_scoring_closed(self) -> None:
        self.scoring = None

    def closeEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        if self.scoring is not None:
            self.scoring.close()
        super().closeEvent(event)

"""PI objectives per team, the Business Owner scoring mode and the predictability chart.

Every edit is one undoable service call; refreshes come back through ``data_changed``. File
actions (import, template, PDF, preview, print) live in ``actions.py`` (``ObjectiveFiles``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtGui import QAction
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
from rte_desktop.services.objectives.objectives import ObjectiveService
from rte_desktop.services.train.train import TrainService
from rte_desktop.services.workshop.improvements import ImprovementService
from rte_desktop.ui.objectives.actions import ObjectiveFiles
from rte_desktop.ui.objectives.edits import ObjectiveEdits
from rte_desktop.ui.objectives.models import (
    COMMITTED,
    FIELDS,
    NUMBER,
    PLANNED,
    TEXT,
    ObjectivesTableModel,
)
from rte_desktop.ui.objectives.predictability import PredictabilityView
from rte_desktop.ui.objectives.table import ObjectivesTableView
from rte_desktop.ui.panel_base import Panel, PanelContext
from rte_desktop.ui.settings import OBJECTIVES_PAPER
from rte_desktop.ui.shortcuts import bind_action, bind_each, shortcut
from rte_desktop.ui.theme import BAD
from rte_desktop.ui.widgets.improvement_inputs import ImprovementInputsWidget

if TYPE_CHECKING:
    from rte_desktop.ui.objectives.scoring import ScoringView
    from rte_desktop.ui.presenter.window import PresenterWindow


def objectives_panel(ctx: PanelContext, parent: QWidget | None = None) -> ObjectivesPanel:
    """The PI Objectives panel with the services it uses."""
    ws = ctx.ws
    return ObjectivesPanel(ctx, ws.objectives, ws.train, ws.improvements, parent)


class ObjectivesPanel(Panel):
    """The PI objectives per team, Business Owner scoring and the ART's predictability.

    Args:
        ctx: the panel context (bus, undo stack, settings).
        objectives: the objective service.
        train: the train service (teams, PIs).
        improvements: the I&A improvement items aimed at this PI (shown beside the teams).
        parent: the parent widget.
    """

    areas: ClassVar[tuple[Area, ...]] = (Area.OBJECTIVES,)

    def __init__(
        self,
        ctx: PanelContext,
        objectives: ObjectiveService,
        train: TrainService,
        improvements: ImprovementService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.objectives, self.train, self.improvements = objectives, train, improvements
        self.edits = ObjectiveEdits(objectives, ctx.undo)  # the one write path (undoable)
        self.teams: list[Team] = []
        self.presenter_window: PresenterWindow | None = None  # handed in by the main window
        self.scoring_view: ScoringView | None = None
        self.scoring: PresenterWindow | None = None  # the presenter window while it scores
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
        self.paper.setCurrentIndex(max(0, self.paper.findData(ctx.settings.get(OBJECTIVES_PAPER))))
        self.paper.currentIndexChanged.connect(self._on_paper_changed)
        self.predictability = PredictabilityView()
        self.files = ObjectiveFiles(self, self, objectives, train)
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
        self.inputs = ImprovementInputsWidget(self.ctx, self.improvements)  # aimed at this PI
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
        action_id: str | None,
        tip: str,
    ) -> QAction:
        """A toolbar action; its keys come from the shortcut table (``ui/shortcuts.py``)."""
        if action_id is None:
            action = QAction(text, self)
            action.triggered.connect(lambda _checked=False: slot())
            self.addAction(action)
        else:
            action = bind_action(self, action_id, slot)
            action.setText(text)
        keys = ", ".join(k.toString() for k in action.shortcuts())
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
        if bar is not None:
            bar.addAction(action)
        return action

    def _build_actions(self) -> None:
        e, f = self.edit_bar, self.file_bar
        self._act(
            e, self.tr("Add"), self.add_objective, "objectives.add", self.tr("Add an objective")
        )
        self._act(
            e, self.tr("Delete"), self.delete_objective, "objectives.delete", self.tr("Delete")
        )
        up, down = shortcut("objectives.move").keys
        for step, keys, text, tip in (
            (-1, up, self.tr("Up"), self.tr("Move up")),
            (1, down, self.tr("Down"), self.tr("Move down")),
        ):
            action = bind_action(
                self, "objectives.move", partial(self.move_objective, step), [keys]
            )
            action.setText(text)
            action.setToolTip(f"{tip} ({keys})")
            e.addAction(action)
        self._act(
            e,
            self.tr("Move to team…"),
            self.move_to_team,
            "objectives.move_to_team",
            self.tr("Give the objective to another team"),
        )
        self._act(
            e,
            self.tr("Committed"),
            self.toggle_committed,
            "objectives.committed",
            self.tr("Toggle committed / uncommitted"),
        )
        e.addSeparator()
        self._act(
            e,
            self.tr("BO scoring"),
            self.open_scoring,
            "objectives.scoring",
            self.tr("Business Owner scoring mode, one objective at a time"),
        )
        bind_each(
            self, "objectives.step_team", [lambda: self.step_team(-1), lambda: self.step_team(1)]
        )
        self._act(
            f,
            self.tr("Import…"),
            self.files.import_dialog,
            "objectives.import",
            self.tr("Import objectives from CSV or XLSX"),
        )
        self._act(
            f,
            self.tr("Template…"),
            self.files.template_dialog,
            None,
            self.tr("Save an import template (CSV or XLSX)"),
        )
        f.addSeparator()
        f.addWidget(self.paper)
        self._act(
            f,
            self.tr("PDF…"),
            self.files.pdf_dialog,
            "objectives.save_pdf",
            self.tr("Save the PI objectives PDF"),
        )
        self._act(
            f,
            self.tr("Preview"),
            self.files.preview,
            "objectives.preview",
            self.tr("Open the PDF in the system viewer"),
        )
        self._act(
            f,
            self.tr("Print…"),
            self.files.print_dialog,
            "objectives.print",
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

    def main_widget(self) -> QWidget | None:
        """The objectives table (digits score, Space toggles committed)."""
        if self.tabs.currentIndex() != 0:
            return self.predictability
        index = self.table.currentIndex()
        if self.model.rowCount() and (not index.isValid() or index.column() in (NUMBER, TEXT)):
            # On a BV cell, digits score at once (Enter on the text would open an editor).
            self.table.setCurrentIndex(self.model.index(max(0, index.row()), PLANNED))
        return self.table

    def refresh(self) -> None:
        if self.art_id is None or self.pi_id is None:
            self.teams = []
            self.team_list.clear()
            self.model.set_rows([])
            return
        self.inputs.set_pi(self.pi_id)
        chosen = self.current_team()
        self.teams = self.train.teams(self.art_id)
        summary = self.objectives.predictability(self.pi_id)
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
        self.predictability.show_data(summary, self.objectives.history(self.art_id))
        if self.scoring is not None and self.scoring_view is not None:
            self.scoring_view.set_items(self.scoring_items())

    def _show_team(self) -> None:
        team = self.current_team()
        if team is None or self.pi_id is None:
            self.model.set_rows([])
            self.summary.clear()
            return
        keep = self.table.currentIndex()
        rows = self.objectives.objectives(self.pi_id, team.id)
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
        return self.guard(lambda: self.edits.edit(item, field, value))

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
        pi_id, team_id, text = self.pi_id, team.id, self.tr("New objective")
        added: list[Objective] = []
        if self.guard(lambda: added.append(self.edits.add(pi_id, team_id, text))):
            index = self.model.index(self.model.row_of(added[0].id), TEXT)
            self.table.setCurrentIndex(index)
            self.table.setFocus()
            self.table.edit(index)

    def delete_objective(self) -> None:
        item = self.current_objective()
        if item is not None and item.id is not None:
            self.guard(lambda: self.edits.delete(item))

    def move_objective(self, offset: int) -> None:
        item = self.current_objective()
        if item is None or item.id is None:
            return
        column = self.table.currentIndex().column()
        shown = self.model.ids()
        if self.guard(lambda: self.edits.move(item, offset, shown)):
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
        self.guard(lambda: self.edits.to_team(item, team_id or 0))

    # -- teams, scoring, paper -------------------------------------------------------------------

    def step_team(self, step: int) -> None:
        if self.teams:
            self.team_list.setCurrentRow((self.team_list.currentRow() + step) % len(self.teams))

    def _on_team_row(self, _row: int) -> None:
        self.table.setCurrentIndex(self.model.index(-1, -1))
        self._show_team()

    def _on_paper_changed(self, _index: int) -> None:
        self.ctx.settings.put(OBJECTIVES_PAPER, self.paper_key())

    def scoring_items(self) -> list[tuple[str, Objective]]:
        if self.pi_id is None:
            return []
        names = {t.id: t.name for t in self.teams}
        return [(names.get(o.team_id, "?"), o) for o in self.objectives.objectives(self.pi_id)]

    def set_presenter(self, window: PresenterWindow) -> None:
        """The main window's presenter window: Business Owner scoring shows there."""
        self.presenter_window = window

    def on_the_wall(self) -> bool:
        return self.scoring is not None and self.scoring.is_showing(self.scoring_view)

    def take_the_wall(self) -> None:
        self.open_scoring()

    def open_scoring(self) -> None:
        """F6: Business Owner scoring on the presenter window (it replaces what was shown)."""
        from rte_desktop.ui.objectives.scoring import ScoringView

        window = self.presenter_window
        if window is None:
            return
        view = self.scoring_view
        if view is None or not window.holds(view):
            view = self.scoring_view = ScoringView(self._score)
            view.close_requested.connect(window.close)
            window.closed.connect(self._on_scoring_closed)
            window.content_changed.connect(self._on_wall_changed)
        window.show_content(view)
        self.scoring = window
        current = self.current_objective()
        view.set_items(self.scoring_items(), current.id if current else None)
        window.show()
        window.raise_()
        window.activateWindow()
        view.setFocus()

    def _score(self, item: Objective, field: str, value: int | None) -> bool:
        ok = self._edit(item, field, value)
        if not ok and self.message.text() and self.scoring_view is not None:
            self.scoring_view.hint.setText(self.message.text())
        return ok

    def _on_scoring_closed(self) -> None:
        self.scoring = None

    def _on_wall_changed(self) -> None:
        """Another panel took the presenter window: scoring is over."""
        if self.scoring is not None and self.scoring.content() is not self.scoring_view:
            self.scoring = None

    def closeEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        if self.scoring is not None:
            self.scoring.close()
        super().closeEvent(event)

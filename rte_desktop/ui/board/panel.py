"""The ART Planning Board panel: the board, the legend and the problem dependencies beside it.

Every change goes through ``BoardService`` and the undo stack; the scene is rebuilt from the
database on ``data_changed`` and the selected card stays selected.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from rte_desktop.domain.errors import DomainError
from rte_desktop.services.board.board import BoardService
from rte_desktop.services.board.board_data import BoardData
from rte_desktop.services.common.changes import Area
from rte_desktop.services.train.train import TrainService
from rte_desktop.services.workshop.improvements import ImprovementService
from rte_desktop.ui.board.editing import BoardEditor
from rte_desktop.ui.board.scene import BoardScene
from rte_desktop.ui.board.side import SideColumn
from rte_desktop.ui.board.view import BoardView
from rte_desktop.ui.panel_base import Panel, PanelContext
from rte_desktop.ui.shortcuts import bind
from rte_desktop.ui.widgets.report_actions import Report, print_report, save_pdf


def board_panel(ctx: PanelContext, parent: QWidget | None = None) -> BoardPanel:
    """The ART Planning Board panel with the services it uses."""
    ws = ctx.ws
    return BoardPanel(ctx, ws.board, ws.train, ws.improvements, parent)


class BoardPanel(Panel):
    areas = (Area.BOARD,)

    def __init__(
        self,
        ctx: PanelContext,
        board: BoardService,
        train: TrainService,
        improvements: ImprovementService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self._board_service = board
        self._train = train
        self.board: BoardData | None = None
        self.scene = BoardScene(self.palette(), self)
        self.view = BoardView(self.scene)
        self.editor = BoardEditor(
            self, ctx, board, self.scene, self.view, lambda: self.board, lambda: self.pi_id
        )
        self.new_feature = QPushButton(self.tr("&New feature"))
        self.new_milestone = QPushButton(self.tr("&Milestone"))
        self.new_dependency = QPushButton(self.tr("&Dependency"))
        self.import_button = QPushButton(self.tr("&Import CSV..."))
        self.poster_button = QPushButton(self.tr("&Poster PDF..."))
        self.summary = QLabel()
        bar = QHBoxLayout()
        for button in (
            self.new_feature,
            self.new_milestone,
            self.new_dependency,
            self.import_button,
            self.poster_button,
        ):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.summary)

        side = SideColumn(ctx, improvements)
        self.legend, self.dependencies = side.legend, side.dependencies
        self.show_all, self.problems_title, self.inputs = (
            side.show_all,
            side.problems_title,
            side.inputs,
        )
        self.splitter = QSplitter()
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([780, 230])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

        self.new_feature.clicked.connect(self.add_feature)
        self.new_milestone.clicked.connect(self.add_milestone)
        self.new_dependency.clicked.connect(self.add_dependency)
        self.import_button.clicked.connect(self.import_csv)
        self.poster_button.clicked.connect(self.save_poster)
        self.view.place_requested.connect(self.place_feature)
        self.view.milestone_place_requested.connect(self.place_milestone)
        self.view.edit_requested.connect(self.edit_item)
        self.view.delete_requested.connect(self.delete_item)
        self.scene.place_requested.connect(self._on_dropped)
        self.scene.milestone_place_requested.connect(
            lambda m, it: QTimer.singleShot(0, lambda: self.place_milestone(m, it))
        )
        self.scene.activated.connect(self.edit_item)
        self.dependencies.chosen.connect(self._on_dependency_chosen)
        self.dependencies.edit_requested.connect(self.edit_dependency)
        self.dependencies.delete_requested.connect(self.delete_dependency)
        self.show_all.toggled.connect(lambda _on: self._show_list())
        bind(self, "board.print", self.print_poster)
        bind(self, "board.save_pdf", self.save_poster)
        bind(self, "board.new_dependency", self.add_dependency)
        bind(self, "board.new_feature", self.add_feature)
        self._fitted = False

    # -- loading --------------------------------------------------------------------------------

    def main_widget(self) -> QWidget | None:
        """The board (arrows select cards)."""
        return self.view

    def refresh(self) -> None:
        self.inputs.set_pi(self.pi_id)
        if self.pi_id is None:
            self.scene.clear()
            return
        selected = self.scene.selected_card()
        keep = (selected.kind, selected.item_id) if selected else None
        centre = self.view.mapToScene(self.view.viewport().rect().center())
        self.board = self._board_service.board(self.pi_id)
        board = self.board
        self.scene.build(board)
        if keep is not None:
            self.scene.select(*keep)
        if not self._fitted:
            self.view.fit_width()
            self._fitted = True
        else:
            self.view.centerOn(centre)
        problems = board.problems
        reds = sum(1 for p in problems if p.health.value == "red")
        self.problems_title.setText(
            self.tr("<b>Problem dependencies</b>: %1 red, %2 orange")
            .replace("%1", str(reds))
            .replace("%2", str(len(problems) - reds))
        )
        self.summary.setText(
            self.tr("%1 features · %2 unplanned · %3 dependencies")
            .replace("%1", str(len(board.features)))
            .replace("%2", str(sum(1 for f in board.features if f.iteration_id is None)))
            .replace("%3", str(len(board.dependencies)))
        )
        self._show_list()

    def _show_list(self) -> None:
        if self.board is not None:
            self.dependencies.show_board(self.board, self.show_all.isChecked())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        # The scene paints with a copy of the palette. Qt hands the new application palette to
        # widgets only after the theme signal has gone out, so follow the widget's own change.
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.scene.colours = self.palette()
            self.refresh_now()

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)  # type: ignore[arg-type]
        if not self._fitted and self.board is not None:
            self.view.fit_width()
            self._fitted = True

    # -- drops and the problem list -------------------------------------------------------------

    def _on_dropped(self, feature_id: int, team_id: int | None, iteration_id: int | None) -> None:
        # The drop arrives inside the card's mouse handler; rebuild the scene after it returns.
        QTimer.singleShot(0, lambda: self.place_feature(feature_id, team_id, iteration_id))

    def _on_dependency_chosen(self, dep_id: int) -> None:
        if self.board is None:
            return
        dep = next((d for d in self.board.dependencies if d.id == dep_id), None)
        if dep is None:
            return
        card = self.scene.select("feature", dep.provider_id)
        if card is not None:
            self.view.ensureVisible(card, 60, 60)

    # -- placing, adding and editing (``editing.BoardEditor``) -----------------------------------

    def place_feature(self, feature_id: int, team_id: int | None, iteration_id: int | None) -> None:
        """Put a feature in a cell (undoable); see ``BoardEditor.place_feature``."""
        self.editor.place_feature(feature_id, team_id, iteration_id)

    def place_milestone(self, milestone_id: int, iteration_id: int | None) -> None:
        """Move a milestone to an iteration (undoable); see ``BoardEditor.place_milestone``."""
        self.editor.place_milestone(milestone_id, iteration_id)

    def add_feature(self) -> None:
        """Ask for a new feature and add it (undoable)."""
        self.editor.add_feature()

    def add_milestone(self) -> None:
        """Ask for a new milestone and add it (undoable)."""
        self.editor.add_milestone()

    def add_dependency(self) -> None:
        """Ask for a new dependency and add it (undoable)."""
        self.editor.add_dependency()

    def edit_item(self, kind: str, item_id: int) -> None:
        """Edit a feature or milestone (undoable); see ``BoardEditor.edit_item``."""
        self.editor.edit_item(kind, item_id)

    def delete_item(self, kind: str, item_id: int) -> None:
        """Delete a feature or milestone (undoable); see ``BoardEditor.delete_item``."""
        self.editor.delete_item(kind, item_id)

    def edit_dependency(self, dep_id: int) -> None:
        """Edit a dependency (undoable); see ``BoardEditor.edit_dependency``."""
        self.editor.edit_dependency(dep_id)

    def delete_dependency(self, dep_id: int) -> None:
        """Delete a dependency (undoable); see ``BoardEditor.delete_dependency``."""
        self.editor.delete_dependency(dep_id)

    # -- files ----------------------------------------------------------------------------------

    def import_csv(self) -> None:
        if self.pi_id is None:
            return
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import features"), "", self.tr("CSV files (*.csv);;All files (*)")
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> bool:
        """Import a CSV (all or nothing); the result or the located errors are shown.

        An import is not on the undo stack (it may update many features at once).
        """
        if self.pi_id is None:
            return False
        pi_id = self.pi_id
        try:
            summary = self._board_service.import_features(path, pi_id).value
        except (DomainError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Import features"), str(exc))
            return False
        QMessageBox.information(self, self.tr("Import features"), summary.text())
        return True

    def poster_report(self) -> Report | None:
        """The board poster of the PI in scope (None without a PI)."""
        if self.pi_id is None:
            return None
        pi_id = self.pi_id
        name = self._train.pi(pi_id).name.replace(" ", "-")
        return Report(
            self.tr("Planning board poster"),
            f"board-{name}.pdf",
            lambda path: self._board_service.poster(pi_id, Path(path)),
        )

    def save_poster(self) -> None:
        """Ctrl+Shift+P: save the poster PDF (asks where)."""
        save_pdf(self, self.poster_report())

    def print_poster(self) -> None:
        """Ctrl+P: print the poster through the system print dialog."""
        print_report(self, self.poster_report())

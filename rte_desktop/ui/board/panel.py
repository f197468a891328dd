"""The ART Planning Board panel: the board, the legend and the problem dependencies beside it.

Every change goes through ``BoardService`` and the undo stack; the scene is rebuilt from the
database on ``data_changed`` and the selected card stays selected.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
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
from rte_desktop.domain.model import Dependency, Feature, Milestone
from rte_desktop.services.board import BoardData
from rte_desktop.services.changes import Area
from rte_desktop.ui.board.dialogs import DependencyDialog, FeatureDialog, MilestoneDialog
from rte_desktop.ui.board.scene import BoardScene
from rte_desktop.ui.board.side import SideColumn
from rte_desktop.ui.board.view import BoardView
from rte_desktop.ui.panel_base import Panel, PanelContext
from rte_desktop.ui.undo import push
from rte_desktop.ui.undo_recipes import push_created, push_deleted


class BoardPanel(Panel):
    areas = (Area.BOARD,)

    def __init__(self, ctx: PanelContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.board: BoardData | None = None
        self.scene = BoardScene(self.palette(), self)
        self.view = BoardView(self.scene)
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

        side = SideColumn(ctx)
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
        self.ctx.bus.theme_changed.connect(self._on_theme)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            ("Ctrl+Shift+P", self.save_poster),
            ("Ctrl+Shift+D", self.add_dependency),
            ("Insert", self.add_feature),
        ):
            QShortcut(QKeySequence(keys), self, slot, context=context)
        self._fitted = False

    # -- loading --------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.inputs.set_pi(self.pi_id)
        if self.pi_id is None:
            self.scene.clear()
            return
        selected = self.scene.selected_card()
        keep = (selected.kind, selected.item_id) if selected else None
        centre = self.view.mapToScene(self.view.viewport().rect().center())
        self.board = self.ctx.ws.board.board(self.pi_id)
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

    def _on_theme(self, _theme: str = "") -> None:
        self.scene.colours = self.palette()
        self.refresh_now()

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)  # type: ignore[arg-type]
        if not self._fitted and self.board is not None:
            self.view.fit_width()
            self._fitted = True

    def _guard(self, action: object) -> bool:
        try:
            action()  # type: ignore[operator]
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("ART Planning Board"), str(exc))
            return False
        return True

    # -- placing --------------------------------------------------------------------------------

    def _on_dropped(self, feature_id: int, team_id: int | None, iteration_id: int | None) -> None:
        # The drop arrives inside the card's mouse handler; rebuild the scene after it returns.
        QTimer.singleShot(0, lambda: self.place_feature(feature_id, team_id, iteration_id))

    def place_feature(self, feature_id: int, team_id: int | None, iteration_id: int | None) -> None:
        """Put a feature in a cell (undoable); the board redraws from the database."""
        service = self.ctx.ws.board
        old = (
            next((f for f in self.board.features if f.id == feature_id), None)
            if self.board
            else None
        )
        if old is None:
            return
        self._guard(
            lambda: push(
                self.ctx.undo,
                self.tr("Place feature %1").replace("%1", old.key or old.title),
                lambda: service.place_feature(feature_id, team_id, iteration_id),
                lambda: service.place_feature(feature_id, old.team_id, old.iteration_id),
            )
        )
        card = self.scene.select("feature", feature_id)
        if card is not None:
            self.view.ensureVisible(card, 40, 40)
        self.view.setFocus()

    def place_milestone(self, milestone_id: int, iteration_id: int | None) -> None:
        if self.board is None:
            return
        old = self.board.milestone(milestone_id)
        if old is None or old.iteration_id == iteration_id:
            return
        new = dataclasses.replace(old, iteration_id=iteration_id)
        iteration = next((it for it in self.board.iterations if it.id == iteration_id), None)
        if old.day is not None and (
            iteration is None or not iteration.start <= old.day <= iteration.end
        ):
            new = dataclasses.replace(new, day=None)  # the date no longer fits: drop it
        service = self.ctx.ws.board
        self._guard(
            lambda: push(
                self.ctx.undo,
                self.tr("Move milestone"),
                lambda: service.update_milestone(new),
                lambda: service.update_milestone(old),
            )
        )
        self.scene.select("milestone", milestone_id)
        self.view.setFocus()

    def _on_dependency_chosen(self, dep_id: int) -> None:
        if self.board is None:
            return
        dep = next((d for d in self.board.dependencies if d.id == dep_id), None)
        if dep is None:
            return
        card = self.scene.select("feature", dep.provider_id)
        if card is not None:
            self.view.ensureVisible(card, 60, 60)

    # -- adding and editing ---------------------------------------------------------------------

    def add_feature(self) -> None:
        if self.board is None or self.pi_id is None:
            return
        pi_id = self.pi_id
        service = self.ctx.ws.board
        draft = Feature(pi_id=pi_id, title="")

        def save(f: Feature) -> None:
            push_created(
                self.ctx.undo,
                self.tr("New feature"),
                lambda: (
                    service.add_feature(
                        pi_id,
                        f.title,
                        key=f.key,
                        team_id=f.team_id,
                        iteration_id=f.iteration_id,
                        kind=f.kind,
                    ).value
                ),
                lambda made: service.delete_feature(made.id or 0).value,
                service.restore_feature,
            )

        FeatureDialog(draft, self.board, save, self).exec()

    def add_milestone(self) -> None:
        if self.board is None or self.pi_id is None:
            return
        pi_id = self.pi_id
        service = self.ctx.ws.board

        def save(m: Milestone) -> None:
            push_created(
                self.ctx.undo,
                self.tr("New milestone"),
                lambda: (
                    service.add_milestone(
                        pi_id, m.title, iteration_id=m.iteration_id, day=m.day
                    ).value
                ),
                lambda made: service.delete_milestone(made.id or 0).value,
                service.restore_milestone,
            )

        MilestoneDialog(Milestone(pi_id=pi_id, title=""), self.board, save, self).exec()

    def add_dependency(self) -> None:
        if self.board is None or not self.board.features:
            return
        selected = self.scene.selected_card()
        provider = selected.item_id if selected and selected.kind == "feature" else 0
        service = self.ctx.ws.board

        def save(d: Dependency) -> None:
            push_created(
                self.ctx.undo,
                self.tr("New dependency"),
                lambda: (
                    service.add_dependency(
                        d.provider_id,
                        consumer_feature_id=d.consumer_feature_id,
                        consumer_milestone_id=d.consumer_milestone_id,
                        needed_iteration_id=d.needed_iteration_id,
                        description=d.description,
                    ).value
                ),
                lambda made: service.delete_dependency(made.id or 0).value,
                service.restore_dependency,
            )

        draft = Dependency(provider_id=provider or (self.board.features[0].id or 0))
        DependencyDialog(draft, self.board, save, self).exec()

    def edit_item(self, kind: str, item_id: int) -> None:
        if self.board is None:
            return
        service = self.ctx.ws.board
        if kind == "feature":
            old_feature = self.board.feature(item_id)
            if old_feature is None:
                return

            def save_feature(f: Feature) -> None:
                push(
                    self.ctx.undo,
                    self.tr("Edit feature"),
                    lambda: service.update_feature(f),
                    lambda: service.update_feature(old_feature),
                )

            FeatureDialog(old_feature, self.board, save_feature, self).exec()
        else:
            old_milestone = self.board.milestone(item_id)
            if old_milestone is None:
                return

            def save_milestone(m: Milestone) -> None:
                push(
                    self.ctx.undo,
                    self.tr("Edit milestone"),
                    lambda: service.update_milestone(m),
                    lambda: service.update_milestone(old_milestone),
                )

            MilestoneDialog(old_milestone, self.board, save_milestone, self).exec()

    def delete_item(self, kind: str, item_id: int) -> None:
        service = self.ctx.ws.board
        if kind == "feature":
            push_deleted(
                self.ctx.undo,
                self.tr("Delete feature"),
                lambda: service.delete_feature(item_id).value,
                service.restore_feature,
            )
        else:
            push_deleted(
                self.ctx.undo,
                self.tr("Delete milestone"),
                lambda: service.delete_milestone(item_id).value,
                service.restore_milestone,
            )

    def edit_dependency(self, dep_id: int) -> None:
        if self.board is None:
            return
        old = next((d for d in self.board.dependencies if d.id == dep_id), None)
        if old is None:
            return
        service = self.ctx.ws.board

        def save(d: Dependency) -> None:
            push(
                self.ctx.undo,
                self.tr("Edit dependency"),
                lambda: service.update_dependency(d),
                lambda: service.update_dependency(old),
            )

        DependencyDialog(old, self.board, save, self).exec()

    def delete_dependency(self, dep_id: int) -> None:
        service = self.ctx.ws.board
        push_deleted(
            self.ctx.undo,
            self.tr("Delete dependency"),
            lambda: service.delete_dependency(dep_id).value,
            service.restore_dependency,
        )

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
            summary = self.ctx.ws.board.import_features(path, pi_id).value
        except (DomainError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Import features"), str(exc))
            return False
        QMessageBox.information(self, self.tr("Import features"), summary.text())
        return True

    def save_poster(self) -> None:
        if self.pi_id is None:
            return
        from rte_desktop.ui.widgets.report_actions import save_report

        pi_id = self.pi_id
        name = self.ctx.ws.train.pi(pi_id).name.replace(" ", "-")
        save_report(
            self,
            self.tr("Planning board poster"),
            f"board-{name}.pdf",
            lambda path: self.ctx.ws.board.poster(pi_id, Path(path)),
        )

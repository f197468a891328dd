"""Placing, adding, editing and deleting on the planning board, for ``BoardPanel``.

Every change goes through ``BoardService`` on the undo stack; a refused change is shown as a
message. The panel keeps its own method names and delegates here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from rte_desktop.domain.model import Dependency, Feature, Milestone
from rte_desktop.ui.board.dialogs import DependencyDialog, FeatureDialog, MilestoneDialog
from rte_desktop.ui.refusals import run_or_warn
from rte_desktop.ui.undo_recipes import push_checked_update, push_created, push_deleted

if TYPE_CHECKING:
    from rte_desktop.services.board.board import BoardService
    from rte_desktop.services.board.board_data import BoardData
    from rte_desktop.ui.board.scene import BoardScene
    from rte_desktop.ui.board.view import BoardView
    from rte_desktop.ui.panel_base import PanelContext


class BoardEditor:
    """The board's changes, made on behalf of a panel (its board, selection and undo stack).

    Args:
        panel: the widget that owns the dialogs and messages.
        ctx: the panel's context (undo stack).
        service: the board service.
        scene: the board's scene (selection).
        view: the board's view.
        board: what the board shows now (None before the first load).
        pi_id: the PI on screen.
    """

    def __init__(
        self,
        panel: QWidget,
        ctx: PanelContext,
        service: BoardService,
        scene: BoardScene,
        view: BoardView,
        board: Callable[[], BoardData | None],
        pi_id: Callable[[], int | None],
    ) -> None:
        self.panel = panel
        self.ctx = ctx
        self._service = service
        self.scene = scene
        self.view = view
        self._board = board
        self._pi_id = pi_id

    def guard(self, action: Callable[[], object]) -> bool:
        """Run ``action``; show a refused change as a message.

        Args:
            action: A callable that changes the board.

        Returns:
            True if it ran, False if it was refused with a ``DomainError``.
        """
        return run_or_warn(self.panel, self.panel.tr("ART Planning Board"), action)

    def place_feature(self, feature_id: int, team_id: int | None, iteration_id: int | None) -> None:
        """Put a feature in a cell (undoable); the board redraws from the database.

        The move names where this board shows the feature: one another facilitator moved since
        is not moved again (a message says where it is now); undo and redo likewise.

        Args:
            feature_id: The feature to place.
            team_id: The row's team, or None for no team.
            iteration_id: The column's iteration, or None for unplanned.
        """
        service = self._service
        board = self._board()
        old = next((f for f in board.features if f.id == feature_id), None) if board else None
        if old is None:
            return
        self.guard(
            lambda: push_checked_update(
                self.ctx.undo,
                self.panel.tr("Place feature %1").replace("%1", old.key or old.title),
                lambda place, seen: service.place_feature(feature_id, *place, seen=seen).value,
                (old.team_id, old.iteration_id),
                (team_id, iteration_id),
                old,
            )
        )
        card = self.scene.select("feature", feature_id)
        if card is not None:
            self.view.ensureVisible(card, 40, 40)
        self.view.setFocus()

    def place_milestone(self, milestone_id: int, iteration_id: int | None) -> None:
        """Move a milestone to an iteration (undoable); a date outside it is dropped.

        Args:
            milestone_id: The milestone to move.
            iteration_id: The iteration to move it to, or None for unplanned.
        """
        board = self._board()
        if board is None:
            return
        old = board.milestone(milestone_id)
        if old is None or old.iteration_id == iteration_id:
            return
        new = dataclasses.replace(old, iteration_id=iteration_id)
        iteration = next((it for it in board.iterations if it.id == iteration_id), None)
        if old.day is not None and (
            iteration is None or not iteration.start <= old.day <= iteration.end
        ):
            new = dataclasses.replace(new, day=None)  # the date no longer fits: drop it
        service = self._service
        self.guard(
            lambda: push_checked_update(
                self.ctx.undo,
                self.panel.tr("Move milestone"),
                lambda value, seen: service.update_milestone(value, seen=seen).value,
                old,
                new,
                old,
            )
        )
        self.scene.select("milestone", milestone_id)
        self.view.setFocus()

    def add_feature(self) -> None:
        """Ask for a new feature in the current PI and add it (undoable)."""
        board = self._board()
        pi_id = self._pi_id()
        if board is None or pi_id is None:
            return
        service = self._service
        draft = Feature(pi_id=pi_id, title="")

        def save(f: Feature) -> None:
            push_created(
                self.ctx.undo,
                self.panel.tr("New feature"),
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
                lambda made: service.delete_feature(made.id or 0, seen=made).value,
                service.restore_feature,
            )

        FeatureDialog(draft, board, save, self.panel).exec()

    def add_milestone(self) -> None:
        """Ask for a new milestone in the current PI and add it (undoable)."""
        board = self._board()
        pi_id = self._pi_id()
        if board is None or pi_id is None:
            return
        service = self._service

        def save(m: Milestone) -> None:
            push_created(
                self.ctx.undo,
                self.panel.tr("New milestone"),
                lambda: (
                    service.add_milestone(
                        pi_id, m.title, iteration_id=m.iteration_id, day=m.day
                    ).value
                ),
                lambda made: service.delete_milestone(made.id or 0, seen=made).value,
                service.restore_milestone,
            )

        MilestoneDialog(Milestone(pi_id=pi_id, title=""), board, save, self.panel).exec()

    def add_dependency(self) -> None:
        """Ask for a new dependency, provided by the selected feature if any (undoable)."""
        board = self._board()
        if board is None or not board.features:
            return
        selected = self.scene.selected_card()
        provider = selected.item_id if selected and selected.kind == "feature" else 0
        service = self._service

        def save(d: Dependency) -> None:
            push_created(
                self.ctx.undo,
                self.panel.tr("New dependency"),
                lambda: (
                    service.add_dependency(
                        d.provider_id,
                        consumer_feature_id=d.consumer_feature_id,
                        consumer_milestone_id=d.consumer_milestone_id,
                        needed_iteration_id=d.needed_iteration_id,
                        description=d.description,
                    ).value
                ),
                lambda made: service.delete_dependency(made.id or 0, seen=made).value,
                service.restore_dependency,
            )

        draft = Dependency(provider_id=provider or (board.features[0].id or 0))
        DependencyDialog(draft, board, save, self.panel).exec()

    def edit_item(self, kind: str, item_id: int) -> None:
        """Edit a feature or milestone in its dialog (undoable).

        Args:
            kind: "feature" or "milestone".
            item_id: The item's id.
        """
        board = self._board()
        if board is None:
            return
        service = self._service
        if kind == "feature":
            old_feature = board.feature(item_id)
            if old_feature is None:
                return

            def save_feature(f: Feature) -> None:
                push_checked_update(
                    self.ctx.undo,
                    self.panel.tr("Edit feature"),
                    lambda value, seen: service.update_feature(value, seen=seen).value,
                    old_feature,
                    f,
                    old_feature,
                )

            FeatureDialog(old_feature, board, save_feature, self.panel).exec()
        else:
            old_milestone = board.milestone(item_id)
            if old_milestone is None:
                return

            def save_milestone(m: Milestone) -> None:
                push_checked_update(
                    self.ctx.undo,
                    self.panel.tr("Edit milestone"),
                    lambda value, seen: service.update_milestone(value, seen=seen).value,
                    old_milestone,
                    m,
                    old_milestone,
                )

            MilestoneDialog(old_milestone, board, save_milestone, self.panel).exec()

    def delete_item(self, kind: str, item_id: int) -> None:
        """Delete a feature or milestone with its dependencies (undoable).

        One another facilitator changed or deleted since this board showed it is not deleted
        (a message says why).

        Args:
            kind: "feature" or "milestone".
            item_id: The item's id.
        """
        service = self._service
        board = self._board()
        if kind == "feature":
            feature = board.feature(item_id) if board else None
            self.guard(
                lambda: push_deleted(
                    self.ctx.undo,
                    self.panel.tr("Delete feature"),
                    lambda: service.delete_feature(item_id, seen=feature).value,
                    service.restore_feature,
                )
            )
        else:
            milestone = board.milestone(item_id) if board else None
            self.guard(
                lambda: push_deleted(
                    self.ctx.undo,
                    self.panel.tr("Delete milestone"),
                    lambda: service.delete_milestone(item_id, seen=milestone).value,
                    service.restore_milestone,
                )
            )

    def edit_dependency(self, dep_id: int) -> None:
        """Edit a dependency in its dialog (undoable).

        Args:
            dep_id: The dependency's id.
        """
        board = self._board()
        if board is None:
            return
        old = next((d for d in board.dependencies if d.id == dep_id), None)
        if old is None:
            return
        service = self._service

        def save(d: Dependency) -> None:
            push_checked_update(
                self.ctx.undo,
                self.panel.tr("Edit dependency"),
                lambda value, seen: service.update_dependency(value, seen=seen).value,
                old,
                d,
                old,
            )

        DependencyDialog(old, board, save, self.panel).exec()

    def delete_dependency(self, dep_id: int) -> None:
        """Delete a dependency (undoable).

        One another facilitator changed or deleted since this board showed it is not deleted
        (a message says why).

        Args:
            dep_id: The dependency's id.
        """
        service = self._service
        board = self._board()
        seen = next((d for d in board.dependencies if d.id == dep_id), None) if board else None
        self.guard(
            lambda: push_deleted(
                self.ctx.undo,
                self.panel.tr("Delete dependency"),
                lambda: service.delete_dependency(dep_id, seen=seen).value,
                service.restore_dependency,
            )
        )

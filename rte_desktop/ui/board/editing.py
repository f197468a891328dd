"""Placing, adding, editing and deleting on the planning board, for ``BoardPanel``.

Every change goes through ``BoardService`` on the undo stack; a refused change is shown as a
message. The panel keeps its own method names and delegates here.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from rte_desktop.domain.errors import DomainError
from rte_desktop.domain.model import Dependency, Feature, Milestone
from rte_desktop.ui.board.dialogs import DependencyDialog, FeatureDialog, MilestoneDialog
from rte_desktop.ui.undo_recipes import push_created, push_deleted, push_updated

if TYPE_CHECKING:
    from rte_desktop.ui.board.panel import BoardPanel


class BoardEditor:
    """The board's changes, made on behalf of a panel (its board, selection and undo stack)."""

    def __init__(self, panel: BoardPanel) -> None:
        self.panel = panel

    def guard(self, action: object) -> bool:
        """Run ``action``; show a refused change as a message.

        Args:
            action: A callable that changes the board.

        Returns:
            True if it ran, False if it was refused with a ``DomainError``.
        """
        try:
            action()  # type: ignore[operator]
        except DomainError as exc:
            QMessageBox.warning(self.panel, self.panel.tr("ART Planning Board"), str(exc))
            return False
        return True

    def place_feature(self, feature_id: int, team_id: int | None, iteration_id: int | None) -> None:
        """Put a feature in a cell (undoable); the board redraws from the database.

        Args:
            feature_id: The feature to place.
            team_id: The row's team, or None for no team.
            iteration_id: The column's iteration, or None for unplanned.
        """
        service = self.panel.ctx.ws.board
        old = (
            next((f for f in self.panel.board.features if f.id == feature_id), None)
            if self.panel.board
            else None
        )
        if old is None:
            return
        self.guard(
            lambda: push_updated(
                self.panel.ctx.undo,
                self.panel.tr("Place feature %1").replace("%1", old.key or old.title),
                lambda place: service.place_feature(feature_id, *place),
                (old.team_id, old.iteration_id),
                (team_id, iteration_id),
            )
        )
        card = self.panel.scene.select("feature", feature_id)
        if card is not None:
            self.panel.view.ensureVisible(card, 40, 40)
        self.panel.view.setFocus()

    def place_milestone(self, milestone_id: int, iteration_id: int | None) -> None:
        """Move a milestone to an iteration (undoable); a date outside it is dropped.

        Args:
            milestone_id: The milestone to move.
            iteration_id: The iteration to move it to, or None for unplanned.
        """
        if self.panel.board is None:
            return
        old = self.panel.board.milestone(milestone_id)
        if old is None or old.iteration_id == iteration_id:
            return
        new = dataclasses.replace(old, iteration_id=iteration_id)
        iteration = next((it for it in self.panel.board.iterations if it.id == iteration_id), None)
        if old.day is not None and (
            iteration is None or not iteration.start <= old.day <= iteration.end
        ):
            new = dataclasses.replace(new, day=None)  # the date no longer fits: drop it
        service = self.panel.ctx.ws.board
        self.guard(
            lambda: push_updated(
                self.panel.ctx.undo,
                self.panel.tr("Move milestone"),
                service.update_milestone,
                old,
                new,
            )
        )
        self.panel.scene.select("milestone", milestone_id)
        self.panel.view.setFocus()

    def add_feature(self) -> None:
        """Ask for a new feature in the current PI and add it (undoable)."""
        if self.panel.board is None or self.panel.pi_id is None:
            return
        pi_id = self.panel.pi_id
        service = self.panel.ctx.ws.board
        draft = Feature(pi_id=pi_id, title="")

        def save(f: Feature) -> None:
            push_created(
                self.panel.ctx.undo,
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
                lambda made: service.delete_feature(made.id or 0).value,
                service.restore_feature,
            )

        FeatureDialog(draft, self.panel.board, save, self.panel).exec()

    def add_milestone(self) -> None:
        """Ask for a new milestone in the current PI and add it (undoable)."""
        if self.panel.board is None or self.panel.pi_id is None:
            return
        pi_id = self.panel.pi_id
        service = self.panel.ctx.ws.board

        def save(m: Milestone) -> None:
            push_created(
                self.panel.ctx.undo,
                self.panel.tr("New milestone"),
                lambda: (
                    service.add_milestone(
                        pi_id, m.title, iteration_id=m.iteration_id, day=m.day
                    ).value
                ),
                lambda made: service.delete_milestone(made.id or 0).value,
                service.restore_milestone,
            )

        MilestoneDialog(Milestone(pi_id=pi_id, title=""), self.panel.board, save, self.panel).exec()

    def add_dependency(self) -> None:
        """Ask for a new dependency, provided by the selected feature if any (undoable)."""
        if self.panel.board is None or not self.panel.board.features:
            return
        selected = self.panel.scene.selected_card()
        provider = selected.item_id if selected and selected.kind == "feature" else 0
        service = self.panel.ctx.ws.board

        def save(d: Dependency) -> None:
            push_created(
                self.panel.ctx.undo,
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
                lambda made: service.delete_dependency(made.id or 0).value,
                service.restore_dependency,
            )

        draft = Dependency(provider_id=provider or (self.panel.board.features[0].id or 0))
        DependencyDialog(draft, self.panel.board, save, self.panel).exec()

    def edit_item(self, kind: str, item_id: int) -> None:
        """Edit a feature or milestone in its dialog (undoable).

        Args:
            kind: "feature" or "milestone".
            item_id: The item's id.
        """
        if self.panel.board is None:
            return
        service = self.panel.ctx.ws.board
        if kind == "feature":
            old_feature = self.panel.board.feature(item_id)
            if old_feature is None:
                return

            def save_feature(f: Feature) -> None:
                push_updated(
                    self.panel.ctx.undo,
                    self.panel.tr("Edit feature"),
                    service.update_feature,
                    old_feature,
                    f,
                )

            FeatureDialog(old_feature, self.panel.board, save_feature, self.panel).exec()
        else:
            old_milestone = self.panel.board.milestone(item_id)
            if old_milestone is None:
                return

            def save_milestone(m: Milestone) -> None:
                push_updated(
                    self.panel.ctx.undo,
                    self.panel.tr("Edit milestone"),
                    service.update_milestone,
                    old_milestone,
                    m,
                )

            MilestoneDialog(old_milestone, self.panel.board, save_milestone, self.panel).exec()

    def delete_item(self, kind: str, item_id: int) -> None:
        """Delete a feature or milestone with its dependencies (undoable).

        Args:
            kind: "feature" or "milestone".
            item_id: The item's id.
        """
        service = self.panel.ctx.ws.board
        if kind == "feature":
            push_deleted(
                self.panel.ctx.undo,
                self.panel.tr("Delete feature"),
                lambda: service.delete_feature(item_id).value,
                service.restore_feature,
            )
        else:
            push_deleted(
                self.panel.ctx.undo,
                self.panel.tr("Delete milestone"),
                lambda: service.delete_milestone(item_id).value,
                service.restore_milestone,
            )

    def edit_dependency(self, dep_id: int) -> None:
        """Edit a dependency in its dialog (undoable).

        Args:
            dep_id: The dependency's id.
        """
        if self.panel.board is None:
            return
        old = next((d for d in self.panel.board.dependencies if d.id == dep_id), None)
        if old is None:
            return
        service = self.panel.ctx.ws.board

        def save(d: Dependency) -> None:
            push_updated(
                self.panel.ctx.undo,
                self.panel.tr("Edit dependency"),
                service.update_dependency,
                old,
                d,
            )

        DependencyDialog(old, self.panel.board, save, self.panel).exec()

    def delete_dependency(self, dep_id: int) -> None:
        """Delete a dependency (undoable).

        Args:
            dep_id: The dependency's id.
        """
        service = self.panel.ctx.ws.board
        push_deleted(
            self.panel.ctx.undo,
            self.panel.tr("Delete dependency"),
            lambda: service.delete_dependency(dep_id).value,
            service.restore_dependency,
        )

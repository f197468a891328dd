"""The actions of an ART Sync meeting: add, edit, delete, mark done, and raising a risk.

Every change goes through ``ArtSyncService``/``RiskService`` as an undoable step; the view redraws
from the ``data_changed`` the services publish.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from rte_desktop.domain.model import ArtSyncAction, Risk, RiskSource
from rte_desktop.ui.art_sync.dialogs import ActionDialog
from rte_desktop.ui.art_sync.models import ActionsTableModel, OpenActionsTableModel
from rte_desktop.ui.art_sync.scope import MeetingScope
from rte_desktop.ui.art_sync.widgets import KeyTableView
from rte_desktop.ui.refusals import run_or_warn
from rte_desktop.ui.undo_recipes import push_checked_update, push_created, push_deleted

if TYPE_CHECKING:
    from rte_desktop.services.art_sync.art_sync import ArtSyncService
    from rte_desktop.services.risks.risks import RiskService
    from rte_desktop.services.train.train import TrainService
    from rte_desktop.ui.panel_base import PanelContext


@dataclass(frozen=True)
class ActionTables:
    """The two tables the edits take their selection from, with their models."""

    meeting: KeyTableView
    meeting_model: ActionsTableModel
    open: KeyTableView
    open_model: OpenActionsTableModel


class ArtSyncActions(QObject):
    """Edits the actions of the view's current meeting and its open-actions list."""

    def __init__(
        self,
        ctx: PanelContext,
        view: QWidget,
        scope: MeetingScope,
        tables: ActionTables,
        risks: Callable[[], list[Risk]],
        art_sync: ArtSyncService,
        risk_service: RiskService,
        train: TrainService,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.ctx = ctx
        self.scope = scope
        self.tables = tables
        self.risks = risks
        self._art_sync = art_sync
        self._risk_service = risk_service
        self._train = train

    def _guard(self, action: Callable[[], object]) -> bool:
        return run_or_warn(self.view, self.view.tr("ART Sync"), action)

    def _selected_action(self) -> ArtSyncAction | None:
        index = self.tables.meeting.currentIndex()
        if not index.isValid():
            return None
        return self.tables.meeting_model.actions[index.row()]

    def new_action(self) -> None:
        """Add an action to the current meeting through the action dialog (undoable)."""
        if self.scope.meeting is None or self.scope.meeting.id is None:
            return
        draft = ArtSyncAction(meeting_id=self.scope.meeting.id, text="")
        service = self._art_sync

        def save(action: ArtSyncAction) -> None:
            push_created(
                self.ctx.undo,
                self.view.tr("Add action"),
                lambda: (
                    service.add_action(
                        action.meeting_id,
                        action.text,
                        owner=action.owner,
                        due=action.due,
                        risk_id=action.risk_id,
                    ).value
                ),
                lambda a: service.delete_action(a.id or 0, seen=a).value,
                service.restore_action,
            )

        self._action_dialog(draft, save)

    def change_action(self) -> None:
        """Edit the selected action through the action dialog (undoable)."""
        old = self._selected_action()
        if old is None:
            return
        service = self._art_sync

        def save(action: ArtSyncAction) -> None:
            # The action as the table shows it: another facilitator's edit of the same field
            # since then is refused, never overwritten (undo and redo likewise).
            push_checked_update(
                self.ctx.undo,
                self.view.tr("Edit action"),
                lambda value, seen: service.update_action(value, seen=seen).value,
                old,
                action,
                old,
            )

        self._action_dialog(old, save)

    def _action_dialog(
        self, action: ArtSyncAction, save: Callable[[ArtSyncAction], object]
    ) -> None:
        today = self._train.today(self.scope.art_id)  # in the ART's time zone
        ActionDialog(action, self.risks(), save, today, self.view).exec()

    def delete_action(self) -> None:
        """Delete the selected action (undoable)."""
        action = self._selected_action()
        if action is None or action.id is None:
            return
        action_id = action.id
        service = self._art_sync
        self._guard(
            lambda: push_deleted(
                self.ctx.undo,
                self.view.tr("Delete action"),
                lambda: service.delete_action(action_id, seen=action).value,
                service.restore_action,
            )
        )

    def on_done_toggled(self, action_id: int, done: bool) -> None:
        """Mark an action done or reopen it (undoable).

        Args:
            action_id: The action to change.
            done: True to mark it done, False to reopen it.
        """
        service = self._art_sync
        listed = [
            *self.tables.meeting_model.actions,
            *(r.action for r in self.tables.open_model.rows),
        ]
        shown = next((a for a in listed if a.id == action_id), None)
        if shown is None:
            return
        self._guard(
            lambda: push_checked_update(
                self.ctx.undo,
                self.view.tr("Mark action done") if done else self.view.tr("Reopen action"),
                lambda flag, seen: service.set_done(action_id, flag, seen=seen).value,
                shown.done,
                done,
                shown,
            )
        )

    def toggle_selected_done(self) -> None:
        """Flip the done mark of the selected action (undoable)."""
        action = self._selected_action()
        if action is not None and action.id is not None:
            self.on_done_toggled(action.id, not action.done)

    def mark_open_done(self) -> None:
        """Mark the selected open action done and keep a row selected (undoable)."""
        index = self.tables.open.currentIndex()
        if not index.isValid():
            return
        row = index.row()
        action_id = self.tables.open_model.rows[row].action.id or 0
        self.on_done_toggled(action_id, True)
        self.tables.open.selectRow(min(row, self.tables.open_model.rowCount() - 1))

    def new_risk(self) -> None:
        """Raise a risk from this meeting (source: ART Sync) on the ROAM board."""
        if self.scope.pi_id is None:
            return
        from PySide6.QtWidgets import QInputDialog

        title, ok = QInputDialog.getText(
            self.view, self.view.tr("Raise a risk"), self.view.tr("Risk title:")
        )
        if not ok or not title.strip():
            return
        pi_id = self.scope.pi_id
        service = self._risk_service
        self._guard(
            lambda: push_created(
                self.ctx.undo,
                self.view.tr("Raise risk"),
                lambda: service.add(pi_id, title, source=RiskSource.ART_SYNC).value,
                lambda r: service.delete(r.id or 0).value,
                service.restore,
            )
        )

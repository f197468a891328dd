"""ART Sync: the log of each meeting, its actions, and the open actions of every meeting.

Embedded in the Risks panel (there is no sidebar slot for it). The meeting's timebox comes from
the agenda timer: ``request_timer(30|60)`` emits ``timer_requested("art_sync_30"|"art_sync_60")``
and calls ``timer_starter``, which by default creates today's ART Sync agenda from that template,
starts it and shows the Agenda & Timer panel (``ui/art_sync/timer.py``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rte_desktop.domain.errors import DomainError
from rte_desktop.domain.model import Risk
from rte_desktop.services.art_sync.art_sync import TIMER_TEMPLATES, ArtSyncService
from rte_desktop.services.risks.risks import RiskService
from rte_desktop.ui.art_sync.actions import ActionTables, ArtSyncActions
from rte_desktop.ui.art_sync.models import ActionsTableModel, OpenActionsTableModel
from rte_desktop.ui.art_sync.scope import MeetingScope
from rte_desktop.ui.art_sync.timer import SyncTimerServices, start_sync_timer
from rte_desktop.ui.art_sync.widgets import CommitTextEdit, key_table
from rte_desktop.ui.panel_base import PanelContext
from rte_desktop.ui.refusals import run_or_warn
from rte_desktop.ui.undo_recipes import push_checked_update, push_created, push_deleted


class ArtSyncView(QWidget):
    """Meetings on the left, the chosen meeting's log and actions on the right."""

    timer_requested = Signal(str)  # agenda-timer template: "art_sync_30" or "art_sync_60"

    def __init__(
        self,
        ctx: PanelContext,
        art_sync: ArtSyncService,
        risks: RiskService,
        timer_services: SyncTimerServices,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._art_sync = art_sync
        self._risks = risks
        self._timer_services = timer_services
        self.scope = MeetingScope()
        self.timer_starter: Callable[[str], object] | None = self._start_timer
        self._loading = False

        self.meetings = QListWidget()
        self.meetings.setAccessibleName(self.tr("ART Sync meetings"))
        self.new_meeting = QPushButton(self.tr("&New meeting"))
        self.delete_meeting = QPushButton(self.tr("Delete meeting"))
        self.timer_30 = QPushButton(self.tr("Start &30-min timer"))
        self.timer_60 = QPushButton(self.tr("Start &60-min timer"))
        self.timer_note = QLabel()
        self.timer_note.setWordWrap(True)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("<b>Meetings</b>")))
        left.addWidget(self.meetings, 1)
        left.addWidget(self.new_meeting)
        left.addWidget(self.delete_meeting)
        left.addWidget(self.timer_30)
        left.addWidget(self.timer_60)
        left.addWidget(self.timer_note)
        left_box = QWidget()
        left_box.setLayout(left)

        self.held_at = QDateTimeEdit()
        self.held_at.setDisplayFormat("ddd dd MMM yyyy HH:mm")
        self.held_at.setCalendarPopup(True)
        self.attendees = QLineEdit()
        self.impediments = CommitTextEdit()
        self.dependency_updates = CommitTextEdit()
        self.decisions = CommitTextEdit()
        for box in (self.impediments, self.dependency_updates, self.decisions):
            box.setTabChangesFocus(True)
            box.setMinimumHeight(48)
            box.setMaximumHeight(96)
        self.actions_model = ActionsTableModel(self)
        self.action_table = key_table(self.actions_model)
        self.action_table.setMinimumHeight(120)
        self.add_action = QPushButton(self.tr("Add &action..."))
        self.edit_action = QPushButton(self.tr("Edit action..."))
        self.remove_action = QPushButton(self.tr("Delete action"))
        self.raise_risk = QPushButton(self.tr("Raise a &risk..."))
        buttons = QHBoxLayout()
        for button in (self.add_action, self.edit_action, self.remove_action, self.raise_risk):
            buttons.addWidget(button)
        buttons.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("&When"), self.held_at)
        form.addRow(self.tr("A&ttendees"), self.attendees)
        form.addRow(self.tr("&Impediments"), self.impediments)
        form.addRow(self.tr("&Dependency updates"), self.dependency_updates)
        form.addRow(self.tr("De&cisions"), self.decisions)
        form.addRow(self.tr("Actions"), self.action_table)
        form.addRow(buttons)
        self.editor = QWidget()
        self.editor.setLayout(form)

        log = QSplitter()
        log.addWidget(left_box)
        log.addWidget(self.editor)
        log.setStretchFactor(1, 1)
        log.setSizes([220, 800])
        self.open_model = OpenActionsTableModel(self)
        self.open_actions = key_table(self.open_model)
        self.open_done = QPushButton(self.tr("Mark &done"))
        open_box = QWidget()
        open_layout = QVBoxLayout(open_box)
        open_layout.addWidget(
            QLabel(self.tr("Actions not done yet, from every ART Sync of the train:"))
        )
        open_layout.addWidget(self.open_actions, 1)
        open_layout.addWidget(self.open_done, 0, Qt.AlignmentFlag.AlignLeft)
        self.tabs = QTabWidget()
        self.tabs.addTab(log, self.tr("Meeting &log"))
        self.tabs.addTab(open_box, self.tr("O&pen actions"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        self.meetings.currentRowChanged.connect(self._on_meeting_chosen)
        self.new_meeting.clicked.connect(self.add_meeting)
        self.delete_meeting.clicked.connect(self.remove_meeting)
        self.timer_30.clicked.connect(lambda: self.request_timer(30))
        self.timer_60.clicked.connect(lambda: self.request_timer(60))
        self.held_at.editingFinished.connect(self._commit_fields)
        self.attendees.editingFinished.connect(self._commit_fields)
        for box in (self.impediments, self.dependency_updates, self.decisions):
            box.committed.connect(self._commit_fields)
        tables = ActionTables(
            self.action_table, self.actions_model, self.open_actions, self.open_model
        )
        self.action_edits = ArtSyncActions(
            ctx, self, self.scope, tables, self.risks, art_sync, risks, timer_services.train
        )
        self.add_action.clicked.connect(self.action_edits.new_action)
        self.edit_action.clicked.connect(self.action_edits.change_action)
        self.action_table.doubleClicked.connect(lambda _i: self.action_edits.change_action())
        self.remove_action.clicked.connect(self.action_edits.delete_action)
        self.raise_risk.clicked.connect(self.action_edits.new_risk)
        self.actions_model.done_toggled.connect(self.action_edits.on_done_toggled)
        self.open_done.clicked.connect(self.action_edits.mark_open_done)
        self.action_table.delete_pressed.connect(self.action_edits.delete_action)
        self.action_table.enter_pressed.connect(self.action_edits.change_action)
        self.action_table.space_pressed.connect(self.action_edits.toggle_selected_done)
        self.open_actions.space_pressed.connect(self.action_edits.mark_open_done)
        self.open_actions.enter_pressed.connect(self.action_edits.mark_open_done)

    # -- scope and loading ----------------------------------------------------------------------

    def set_scope(self, art_id: int | None, pi_id: int | None) -> None:
        self.scope.art_id, self.scope.pi_id = art_id, pi_id

    def refresh(self) -> None:
        keep = self.scope.meeting.id if self.scope.meeting else None
        meetings = self._art_sync.meetings(self.scope.pi_id) if self.scope.pi_id is not None else []
        self.meetings.blockSignals(True)
        self.meetings.clear()
        counts = (
            self._art_sync.open_counts(self.scope.pi_id) if self.scope.pi_id is not None else {}
        )
        for meeting in meetings:
            count = counts.get(meeting.id or 0, 0)
            item = QListWidgetItem(
                self.tr("%1  ·  %2 open")
                .replace("%1", f"{meeting.held_at:%a %d %b %H:%M}")
                .replace("%2", str(count))
            )
            item.setData(Qt.ItemDataRole.UserRole, meeting.id)
            self.meetings.addItem(item)
        self.meetings.blockSignals(False)
        ids = [m.id for m in meetings]
        row = ids.index(keep) if keep in ids else (0 if meetings else -1)
        self.meetings.setCurrentRow(row)
        self._on_meeting_chosen(row)
        rows = (
            self._art_sync.open_actions(self.scope.art_id) if self.scope.art_id is not None else []
        )
        self.open_model.set_rows(rows)
        self.tabs.setTabText(1, self.tr("O&pen actions (%1)").replace("%1", str(len(rows))))

    def _on_meeting_chosen(self, row: int) -> None:
        item = self.meetings.item(row) if row >= 0 else None
        meeting_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        self.scope.meeting = self._art_sync.meeting(meeting_id) if meeting_id else None
        self.editor.setEnabled(self.scope.meeting is not None)
        self.delete_meeting.setEnabled(self.scope.meeting is not None)
        self._loading = True
        meeting = self.scope.meeting
        if meeting is not None:
            held = meeting.held_at
            self.held_at.setDateTime(
                QDateTime(QDate(held.year, held.month, held.day), QTime(held.hour, held.minute))
            )
        self.attendees.setText(meeting.attendees if meeting else "")
        self.impediments.setPlainText(meeting.impediments if meeting else "")
        self.dependency_updates.setPlainText(meeting.dependency_updates if meeting else "")
        self.decisions.setPlainText(meeting.decisions if meeting else "")
        self._loading = False
        actions = self._art_sync.actions(meeting.id or 0) if meeting else []
        titles = {r.id: r.title for r in self.risks() if r.id is not None}
        self.actions_model.set_actions(actions, titles)

    def risks(self) -> list[Risk]:
        """The risks of the PI on screen (an action may name one)."""
        return self._risks.risks(self.scope.pi_id) if self.scope.pi_id is not None else []

    # -- meetings -------------------------------------------------------------------------------

    def add_meeting(self) -> None:
        if self.scope.pi_id is None:
            return
        pi_id = self.scope.pi_id
        service = self._art_sync
        meeting = push_created(
            self.ctx.undo,
            self.tr("New ART Sync meeting"),
            lambda: service.add_meeting(pi_id).value,
            lambda m: service.delete_meeting(m.id or 0).value,
            service.restore_meeting,
        )
        self.scope.meeting = meeting
        self.refresh()
        self.attendees.setFocus()

    def remove_meeting(self) -> None:
        if self.scope.meeting is None or self.scope.meeting.id is None:
            return
        meeting, meeting_id = self.scope.meeting, self.scope.meeting.id
        shown = list(self.actions_model.actions)  # the meeting's actions as the table shows them
        service = self._art_sync
        run_or_warn(
            self,
            self.tr("ART Sync"),
            lambda: push_deleted(
                self.ctx.undo,
                self.tr("Delete ART Sync meeting"),
                lambda: service.delete_meeting(meeting_id, meeting, shown).value,
                service.restore_meeting,
            ),
        )

    def _commit_fields(self, _text: str = "") -> None:
        """Save the log's fields if they differ from what is stored (undoable)."""
        if self._loading or self.scope.meeting is None:
            return
        qdt = self.held_at.dateTime()
        held = dt.datetime(
            qdt.date().year(),
            qdt.date().month(),
            qdt.date().day(),
            qdt.time().hour(),
            qdt.time().minute(),
        )
        new = dataclasses.replace(
            self.scope.meeting,
            held_at=held,
            attendees=self.attendees.text(),
            impediments=self.impediments.toPlainText(),
            dependency_updates=self.dependency_updates.toPlainText(),
            decisions=self.decisions.toPlainText(),
        )
        old = self.scope.meeting
        if new == old:
            return
        service = self._art_sync
        self.scope.meeting = new
        # The log as this window showed it: a field another facilitator changed since is
        # refused with a message (and the panel shows theirs), never overwritten.
        saved = run_or_warn(
            self,
            self.tr("ART Sync"),
            lambda: push_checked_update(
                self.ctx.undo,
                self.tr("Edit ART Sync log"),
                lambda value, seen: service.update_meeting(value, seen=seen).value,
                old,
                new,
                old,
            ),
        )
        if not saved:
            self.refresh()

    # -- the timebox ----------------------------------------------------------------------------

    def _start_timer(self, template: str) -> None:
        if self.scope.art_id is None or self.scope.pi_id is None:
            return
        try:
            start_sync_timer(
                self.ctx, self._timer_services, self.scope.art_id, self.scope.pi_id, template
            )
        except DomainError as exc:
            self.timer_note.setText(str(exc))

    def request_timer(self, minutes: int) -> None:
        """Start the ART Sync timebox ("art_sync_30"/"art_sync_60") on the agenda timer.

        Emits ``timer_requested`` and calls ``timer_starter`` (by default: create today's ART
        Sync agenda starting now, start it and show the Agenda & Timer panel).
        """
        template = TIMER_TEMPLATES[minutes]
        self.timer_requested.emit(template)
        if self.timer_starter is not None:
            self.timer_starter(template)
            self.timer_note.setText("")
        else:
            self.timer_note.setText(
                self.tr("The agenda timer (template %1) is not connected in this build.").replace(
                    "%1", template
                )
            )

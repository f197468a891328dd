"""Creating, editing, moving and deleting events from the Calendar panel (all undoable).

Each edit is one step on the one undo recipe (``ui.undo_recipes``); a new event comes back with
its id on redo. A refused edit (DomainError) is shown as a message and never enters the stack.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from rte_desktop.domain.model import Event
from rte_desktop.ui.refusals import run_or_warn
from rte_desktop.ui.undo import UndoStack
from rte_desktop.ui.undo_recipes import push_checked_update, push_created, push_deleted

if TYPE_CHECKING:
    from rte_desktop.services.calendar.calendar import CalendarService
    from rte_desktop.services.train.train import TrainService


class CalendarEditor:
    """The event edits of the Calendar panel.

    Args:
        panel: the widget that owns the dialogs and messages.
        undo: the undo stack.
        calendar: the calendar service.
        train: the train service (today in the ART's zone).
        art_id: the ART on screen.
        selected: the event selected in the panel.
        select: selects an event in the panel.
        find: the event with this id as the panel shows it (None: not shown).
    """

    def __init__(
        self,
        panel: QWidget,
        undo: UndoStack,
        calendar: CalendarService,
        train: TrainService,
        art_id: Callable[[], int | None],
        selected: Callable[[], Event | None],
        select: Callable[[int | None], None],
        find: Callable[[int], Event | None],
    ) -> None:
        self.panel = panel
        self._undo = undo
        self._calendar = calendar
        self._train = train
        self._art_id = art_id
        self._selected = selected
        self._select = select
        self._find = find

    def _run(self, edit: Callable[[], object]) -> bool:
        return run_or_warn(self.panel, self.panel.tr("Calendar"), edit)

    def _day_note(self, day: dt.date) -> str | None:
        art_id = self._art_id()
        return self._calendar.day_note(art_id, day) if art_id else None

    def new_event(self, day: dt.date | None = None) -> None:
        """Ask for a new event (on ``day``, else the selected event's day, else today); add it."""
        from rte_desktop.ui.calendar.event_dialog import EventDialog

        art_id = self._art_id()
        if art_id is None:
            return
        if day is None:
            current = self._selected()
            day = current.start.date() if current else self._train.today(art_id)
        dialog = EventDialog(
            self.panel.tr("New event"),
            None,
            dt.datetime.combine(day, dt.time(10, 0)),
            self._day_note,
            self.panel,
        )
        if not dialog.exec() or (values := dialog.values()) is None:
            return
        calendar = self._calendar
        created: list[Event] = []

        def create() -> None:
            made = push_created(
                self._undo,
                self.panel.tr("New event"),
                lambda: (
                    calendar.add_event(
                        art_id, values.kind, values.title, values.start, values.end, values.note
                    ).value
                ),
                lambda event: calendar.delete_event(event.id or 0, seen=event).value,
                calendar.put_event,
            )
            created.append(made)

        if self._run(create):
            self._select(created[0].id)

    def edit_selected(self) -> None:
        """Edit the selected event in its dialog.

        The edit names the event as this panel shows it: a field another facilitator changed
        since is refused with a message, never overwritten (undo and redo likewise).
        """
        from rte_desktop.ui.calendar.event_dialog import EventDialog, EventValues

        old = self._selected()
        if old is None or old.id is None:
            return
        dialog = EventDialog(
            self.panel.tr("Edit event"), old, old.start, self._day_note, self.panel
        )
        if not dialog.exec() or (values := dialog.values()) is None:
            return
        event_id = old.id
        calendar = self._calendar

        def apply(value: Event | EventValues, seen: Event) -> Event:
            if isinstance(value, Event):  # undo: the event as it was
                return calendar.put_event(value, seen=seen).value
            return calendar.update_event(
                event_id,
                kind=value.kind,
                title=value.title,
                start=value.start,
                end=value.end,
                note=value.note,
                seen=seen,
            ).value

        before: Event | EventValues = old
        self._run(
            lambda: push_checked_update(
                self._undo, self.panel.tr("Edit event"), apply, before, values, old
            )
        )
        self._select(event_id)

    def move_event(self, event_id: int, days: int) -> None:
        """Move an event by ``days`` (holidays and working days are the service's rules).

        It moves from where this panel shows it: an event another facilitator moved since is
        not moved again (a message says so).
        """
        shown = self._find(event_id)
        if shown is None:
            return
        calendar = self._calendar

        def apply(value: Event | int, seen: Event) -> Event:
            if isinstance(value, Event):  # undo: back where it was
                return calendar.put_event(value, seen=seen).value
            return calendar.move_event(event_id, value, seen=seen).value

        before: Event | int = shown
        self._run(
            lambda: push_checked_update(
                self._undo, self.panel.tr("Move event"), apply, before, days, shown
            )
        )
        self._select(event_id)

    def move_selected(self, days: int) -> None:
        """Move the selected event by ``days``."""
        event = self._selected()
        if event is not None and event.id is not None:
            self.move_event(event.id, days)

    def delete_selected(self) -> None:
        """Delete the selected event."""
        event = self._selected()
        if event is None or event.id is None:
            return
        calendar = self._calendar
        event_id = event.id
        self._run(
            lambda: push_deleted(
                self._undo,
                self.panel.tr("Delete event"),
                lambda: calendar.delete_event(event_id, seen=event).value,
                calendar.put_event,
            )
        )

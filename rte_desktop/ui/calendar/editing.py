"""Creating, editing, moving and deleting events from the Calendar panel (all undoable).

Each edit is one step on the one undo recipe (``ui.undo_recipes``); a new event comes back with
its id on redo. A refused edit (DomainError) is shown as a message and never enters the stack.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from rte_desktop.domain.model import Event
from rte_desktop.ui.refusals import run_or_warn
from rte_desktop.ui.undo import push
from rte_desktop.ui.undo_recipes import push_created, push_deleted, push_replaced

if TYPE_CHECKING:
    from rte_desktop.ui.calendar.panel import CalendarPanel


def _run(panel: CalendarPanel, edit: Callable[[], object]) -> bool:
    return run_or_warn(panel, panel.tr("Calendar"), edit)


def _day_note(panel: CalendarPanel, day: dt.date) -> str | None:
    return panel.ctx.ws.calendar.day_note(panel.art_id, day) if panel.art_id else None


def new_event(panel: CalendarPanel, day: dt.date | None = None) -> None:
    from rte_desktop.ui.calendar.event_dialog import EventDialog

    if panel.art_id is None:
        return
    if day is None:
        current = panel.selected_event()
        day = current.start.date() if current else panel.ctx.ws.train.today(panel.art_id)
    dialog = EventDialog(
        panel.tr("New event"),
        None,
        dt.datetime.combine(day, dt.time(10, 0)),
        lambda day: _day_note(panel, day),
        panel,
    )
    if not dialog.exec() or (values := dialog.values()) is None:
        return
    art_id, calendar = panel.art_id, panel.ctx.ws.calendar
    created: list[Event] = []

    def create() -> None:
        made = push_created(
            panel.ctx.undo,
            panel.tr("New event"),
            lambda: (
                calendar.add_event(
                    art_id, values.kind, values.title, values.start, values.end, values.note
                ).value
            ),
            lambda event: calendar.delete_event(event.id or 0).value,
            calendar.put_event,
        )
        created.append(made)

    if _run(panel, create):
        panel.select_event(created[0].id)


def edit_selected(panel: CalendarPanel) -> None:
    from rte_desktop.ui.calendar.event_dialog import EventDialog

    old = panel.selected_event()
    if old is None or old.id is None:
        return
    dialog = EventDialog(
        panel.tr("Edit event"), old, old.start, lambda day: _day_note(panel, day), panel
    )
    if not dialog.exec() or (values := dialog.values()) is None:
        return
    event_id = old.id
    calendar = panel.ctx.ws.calendar
    _run(
        panel,
        lambda: push(
            panel.ctx.undo,
            panel.tr("Edit event"),
            lambda: calendar.update_event(
                event_id,
                kind=values.kind,
                title=values.title,
                start=values.start,
                end=values.end,
                note=values.note,
            ),
            lambda: calendar.put_event(old),
        ),
    )
    panel.select_event(event_id)


def move_event(panel: CalendarPanel, event_id: int, days: int) -> None:
    calendar = panel.ctx.ws.calendar
    _run(
        panel,
        lambda: push_replaced(
            panel.ctx.undo,
            panel.tr("Move event"),
            lambda: calendar.move_event(event_id, days),
            lambda: calendar.event(event_id),
            calendar.put_event,
        ),
    )
    panel.select_event(event_id)


def move_selected(panel: CalendarPanel, days: int) -> None:
    event = panel.selected_event()
    if event is not None and event.id is not None:
        move_event(panel, event.id, days)


def delete_selected(panel: CalendarPanel) -> None:
    event = panel.selected_event()
    if event is None or event.id is None:
        return
    row = panel.table.currentIndex().row()
    calendar = panel.ctx.ws.calendar
    event_id = event.id
    _run(
        panel,
        lambda: push_deleted(
            panel.ctx.undo,
            panel.tr("Delete event"),
            lambda: calendar.delete_event(event_id).value,
            calendar.put_event,
        ),
    )
    if panel.model.events:
        panel.table.selectRow(min(row, len(panel.model.events) - 1))

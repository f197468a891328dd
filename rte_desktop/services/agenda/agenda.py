"""Event agendas: create from a template, edit items inline, reorder, insert, delete.

Every edit is written at once and returns what changed. Edits follow the plan rules of
``domain/agenda_plan.py`` (times flow down the day). For undo, ``layout`` takes a snapshot of an
agenda (its items and which timer events point at which item) and ``restore`` puts it back
exactly, ids included, so later undo steps still find their items.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from rte_desktop.domain import agenda_plan as plan
from rte_desktop.domain.agenda_templates import TEMPLATES, template
from rte_desktop.domain.concurrency import check_fields_unchanged
from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.model import Agenda, AgendaItem, Art, PlanningInterval, TimerEvent
from rte_desktop.services.common.changes import Area, Changes, Outcome

if TYPE_CHECKING:
    from rte_desktop.services.common.context import ServiceContext
    from rte_desktop.storage.unit_of_work import UnitOfWork

EDITABLE = ("title", "start", "duration_min", "presenter", "notes", "is_break", "all_hands")


@dataclass(frozen=True)
class AgendaLayout:
    """An agenda exactly as stored: the undo snapshot."""

    agenda: Agenda
    items: tuple[AgendaItem, ...]
    events: tuple[TimerEvent, ...]


def zone(name: str) -> ZoneInfo:
    """The IANA time zone ``name``.

    Raises:
        ValidationError: unknown name (says what a valid one looks like).
    """
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            f"Unknown time zone '{name}'; use an IANA name such as Europe/Berlin or Asia/Kolkata."
        ) from None


def _changes() -> Changes:
    return Changes.of(Area.AGENDA, Area.TIMER)


class AgendaService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    # -- reading --------------------------------------------------------------------------------

    def agendas(self, pi_id: int) -> list[Agenda]:
        with self._ctx.uow() as uow:
            return uow.find(Agenda, pi_id=pi_id, order_by=["id"])

    def agenda(self, agenda_id: int) -> Agenda:
        with self._ctx.uow() as uow:
            return uow.get(Agenda, agenda_id)

    def items(self, agenda_id: int) -> list[AgendaItem]:
        """The items in running order (day, position)."""
        with self._ctx.uow() as uow:
            return plan.ordered(uow.find(AgendaItem, agenda_id=agenda_id))

    def time_zone(self, agenda_id: int) -> str:
        """The agenda's (first) time zone: its ART's."""
        with self._ctx.uow() as uow:
            return _art_of(uow, uow.get(Agenda, agenda_id)).time_zone

    def find(self, pi_id: int, title: str | None = None) -> Agenda:
        """An agenda of the PI by title, else its PI Planning agenda, else its first.

        Raises:
            ValidationError: the PI has no agenda, or none with that title (lists them).
        """
        agendas = self.agendas(pi_id)
        if not agendas:
            raise ValidationError("This PI has no agenda yet; create one in the Agenda panel.")
        if title is None:
            planning = [a for a in agendas if a.template.startswith("pi_planning")]
            return (planning or agendas)[0]
        for agenda in agendas:
            if agenda.title.casefold() == title.strip().casefold():
                return agenda
        known = ", ".join(a.title for a in agendas)
        raise ValidationError(f"No agenda is titled '{title}'. Agendas of this PI: {known}.")

    def layout(self, agenda_id: int) -> AgendaLayout:
        with self._ctx.uow() as uow:
            return AgendaLayout(
                uow.get(Agenda, agenda_id),
                tuple(plan.ordered(uow.find(AgendaItem, agenda_id=agenda_id))),
                tuple(uow.find(TimerEvent, agenda_id=agenda_id, order_by=["seq"])),
            )

    # -- agendas --------------------------------------------------------------------------------

    def create_from_template(
        self,
        pi_id: int,
        key: str,
        *,
        title: str | None = None,
        first_start: dt.time | None = None,
        event_id: int | None = None,
    ) -> Outcome[Agenda]:
        """A new agenda for the PI from template ``key`` (see ``TEMPLATES``).

        ``first_start`` moves every day so day 1 starts then (e.g. an ART Sync at 14:00).
        """
        tpl = template(key)
        name = plan.check_title(title or tpl.title)
        with self._ctx.uow() as uow:
            pi = uow.get(PlanningInterval, pi_id)
            agenda = uow.add(
                Agenda(
                    pi_id=pi.id or pi_id,
                    event_id=event_id,
                    title=name,
                    template=key,
                    second_time_zone=tpl.second_time_zone,
                )
            )
            assert agenda.id is not None
            items = [
                AgendaItem(
                    agenda_id=agenda.id,
                    day=t.day,
                    position=position,
                    title=t.title,
                    start=t.start,
                    duration_min=t.duration_min,
                    presenter=t.presenter,
                    notes=t.notes,
                    is_break=t.is_break,
                    all_hands=t.all_hands,
                )
                for position, t in enumerate(tpl.items)
            ]
            if first_start is not None:
                items = plan.shift_all(items, first_start)
            for item in items:
                uow.add(item)
        return Outcome(agenda, self._ctx.publish(_changes()))

    @staticmethod
    def templates() -> list[tuple[str, str]]:
        """(key, title) of every template, in menu order."""
        return [(key, tpl.title) for key, tpl in TEMPLATES.items()]

    def rename(self, agenda_id: int, title: str) -> Outcome[Agenda]:
        with self._ctx.uow() as uow:
            agenda = uow.patch(Agenda, agenda_id, title=plan.check_title(title))
        return Outcome(agenda, self._ctx.publish(_changes()))

    def set_second_time_zone(self, agenda_id: int, name: str | None) -> Outcome[Agenda]:
        """Show a second time-zone column (None or "" hides it)."""
        value = str(zone(name)) if name and name.strip() else None
        with self._ctx.uow() as uow:
            agenda = uow.patch(Agenda, agenda_id, second_time_zone=value)
        return Outcome(agenda, self._ctx.publish(_changes()))

    def delete_agenda(self, agenda_id: int) -> Outcome[AgendaLayout]:
        """Delete an agenda with its items and timer log; returns the snapshot to restore."""
        layout = self.layout(agenda_id)
        with self._ctx.uow() as uow:
            uow.delete(Agenda, agenda_id)
        return Outcome(layout, self._ctx.publish(_changes()))

    # -- items ----------------------------------------------------------------------------------

    def edit_item(
        self, item_id: int, seen: AgendaItem | None = None, **changes: Any
    ) -> Outcome[AgendaItem]:
        """Change fields of an item (``EDITABLE``); start and duration move the rest of the day.

        ``seen`` is the item as the caller read it: when another client changed one of the same
        fields since, the edit is refused (no lost update).

        Raises:
            ValidationError: unknown field or bad value; nothing is written.
            ConflictError: another client changed one of these fields meanwhile.
        """
        unknown = set(changes) - set(EDITABLE)
        if unknown:
            raise ValidationError(f"Agenda items have no field {', '.join(sorted(unknown))}.")
        with self._ctx.uow() as uow:
            item = uow.get(AgendaItem, item_id, for_update=True)
            if seen is not None:
                check_fields_unchanged(seen, item, changes, f"the agenda item “{seen.title}”")
            items = uow.find(AgendaItem, agenda_id=item.agenda_id)
            if "duration_min" in changes:
                items = plan.change_duration(items, item_id, changes.pop("duration_min"))
            if "start" in changes:
                items = plan.change_start(items, item_id, changes.pop("start"))
            if "title" in changes:
                changes["title"] = plan.check_title(str(changes["title"]))
            for text in ("presenter", "notes"):
                if text in changes:
                    changes[text] = str(changes[text]).strip()
            items = [dataclasses.replace(i, **changes) if i.id == item_id else i for i in items]
            _write(uow, items)
            result = uow.get(AgendaItem, item_id)
        return Outcome(result, self._ctx.publish(_changes()))

    def insert_item(
        self,
        agenda_id: int,
        after_id: int | None,
        title: str = "New item",
        duration_min: int | None = 15,
        day: int = 1,
    ) -> Outcome[AgendaItem]:
        """Insert an item after ``after_id`` (or first on ``day``), pushing the day back."""
        with self._ctx.uow() as uow:
            items = uow.find(AgendaItem, agenda_id=agenda_id)
            new = AgendaItem(
                agenda_id=agenda_id,
                title=plan.check_title(title),
                start=dt.time(9, 0),
                duration_min=duration_min,
                day=day,
            )
            result = plan.insert_after(items, after_id, new, day)
            created = next(i for i in result if i.id is None)
            _write(uow, [i for i in result if i.id is not None])
            added = uow.add(created)
        return Outcome(added, self._ctx.publish(_changes()))

    def delete_item(self, item_id: int) -> Outcome[AgendaItem]:
        """Delete an item; the rest of its day moves forward. Its timer history stays in the log."""
        with self._ctx.uow() as uow:
            item = uow.get(AgendaItem, item_id)
            items = uow.find(AgendaItem, agenda_id=item.agenda_id)
            _write(uow, plan.remove(items, item_id))
            uow.delete(AgendaItem, item_id)
        return Outcome(item, self._ctx.publish(_changes()))

    def move_item(self, item_id: int, day: int, index: int) -> Outcome[AgendaItem]:
        """Move an item to ``index`` within ``day``; the days involved are re-timed."""
        with self._ctx.uow() as uow:
            item = uow.get(AgendaItem, item_id)
            _write(
                uow, plan.move(uow.find(AgendaItem, agenda_id=item.agenda_id), item_id, day, index)
            )
            moved = uow.get(AgendaItem, item_id)
        return Outcome(moved, self._ctx.publish(_changes()))

    def restore(self, layout: AgendaLayout) -> Outcome[Agenda]:
        """Put an agenda back exactly as in ``layout`` (undo); later timer events are kept."""
        with self._ctx.uow() as uow:
            agenda_id = layout.agenda.id
            assert agenda_id is not None
            if uow.count(Agenda, id=agenda_id):
                uow.update(layout.agenda)
            else:
                uow.add(layout.agenda)
            wanted = {item.id for item in layout.items}
            stored = {item.id: item for item in uow.find(AgendaItem, agenda_id=agenda_id)}
            for item_id in set(stored) - wanted:
                assert item_id is not None
                uow.delete(AgendaItem, item_id)
            for item in layout.items:
                if item.id in stored:
                    if stored[item.id] != item:
                        uow.update(item)
                else:
                    uow.add(item)
            events = {e.id: e for e in uow.find(TimerEvent, agenda_id=agenda_id)}
            for event in layout.events:
                if event.id not in events:
                    uow.add(event)
                elif events[event.id].item_id != event.item_id:
                    uow.update(event)  # relink after the item came back
        return Outcome(layout.agenda, self._ctx.publish(_changes()))


def _write(uow: UnitOfWork, items: list[AgendaItem]) -> None:
    """Store the items whose values changed."""
    stored = {i.id: i for i in uow.find(AgendaItem, id=[i.id for i in items])}
    for item in items:
        if stored.get(item.id) != item:
            uow.update(item)


def _art_of(uow: UnitOfWork, agenda: Agenda) -> Art:
    pi = uow.get(PlanningInterval, agenda.pi_id)
    return uow.get(Art, pi.art_id)

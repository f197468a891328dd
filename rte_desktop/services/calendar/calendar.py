"""The ART calendar: events and holidays, and what the views need to draw them.

Events are stored as naive datetimes in the ART's time zone. An event created or changed here is
marked ``manual``, so regenerating the cadence keeps it. ICS export/import and the calendar PDF
live in ``services/calendar/ics.py`` and ``reports/calendar_report.py``; this service is their
entry point.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rte_desktop.domain import cadence
from rte_desktop.domain.concurrency import check_unchanged, merge_edit
from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.model import (
    Art,
    Event,
    EventKind,
    Holiday,
    Iteration,
    PlanningInterval as Pi,
)
from rte_desktop.domain.train import clean_name, local_date
from rte_desktop.services.common.changes import Area, Changes, Outcome
from rte_desktop.services.common.files import write_atomically
from rte_desktop.services.common.seen import current

if TYPE_CHECKING:
    from rte_desktop.services.calendar.ics import HolidayImport
    from rte_desktop.services.common.context import ServiceContext
    from rte_desktop.storage.unit_of_work import UnitOfWork

MAX_EVENT_DAYS = 14


@dataclass(frozen=True)
class CalendarView:
    """Everything a calendar view draws for a date range."""

    art: Art
    start: dt.date
    end: dt.date
    pis: tuple[Pi, ...]
    iterations: tuple[Iteration, ...]
    events: tuple[Event, ...]
    holidays: tuple[Holiday, ...]
    today: dt.date  # in the ART's time zone

    def working(self) -> cadence.WorkingCalendar:
        return cadence.WorkingCalendar(
            cadence.parse_working_days(self.art.working_days),
            [cadence.Blackout(h.name, h.start, h.end) for h in self.holidays],
        )


def check_event(event: Event) -> None:
    """Refuse an event without a title, ending before it starts, or lasting over two weeks.

    Raises:
        ValidationError: says which.
    """
    clean_name(event.title, "Event title")
    if event.end <= event.start:
        raise ValidationError(
            f"'{event.title}' ends ({event.end:%Y-%m-%d %H:%M}) before it starts "
            f"({event.start:%Y-%m-%d %H:%M})."
        )
    if event.end - event.start > dt.timedelta(days=MAX_EVENT_DAYS):
        raise ValidationError(
            f"'{event.title}' lasts more than {MAX_EVENT_DAYS} days; split it or add a holiday."
        )


def _named(event: Event | None, event_id: int) -> str:
    return f"the event “{event.title}”" if event is not None else f"event {event_id}"


def _pi_for(uow: UnitOfWork, art_id: int, day: dt.date) -> int | None:
    for pi in uow.find(Pi, art_id=art_id, order_by=["start"]):
        if pi.contains(day):
            return pi.id
    return None


class CalendarService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    # -- reading ------------------------------------------------------------------------------

    def view(self, art_id: int, start: dt.date, end: dt.date) -> CalendarView:
        """PIs, iterations, events and holidays overlapping ``start``..``end`` (inclusive)."""
        with self._ctx.uow() as uow:
            art = uow.get(Art, art_id)
            pis = [
                p
                for p in uow.find(Pi, art_id=art_id, order_by=["start"])
                if p.start <= end and p.end >= start
            ]
            iterations = [
                it
                for it in uow.find(Iteration, pi_id=[p.id for p in pis], order_by=["start"])
                if it.start <= end and it.end >= start
            ]
            first = dt.datetime.combine(start, dt.time())
            after = dt.datetime.combine(end + dt.timedelta(days=1), dt.time())
            events = [
                e
                for e in uow.find(Event, art_id=art_id, order_by=["start"])
                if e.start < after and e.end > first
            ]
            holidays = [
                h
                for h in uow.find(Holiday, art_id=art_id, order_by=["start"])
                if h.start <= end and h.end >= start
            ]
        return CalendarView(
            art,
            start,
            end,
            tuple(pis),
            tuple(iterations),
            tuple(events),
            tuple(holidays),
            local_date(self._ctx.clock.now(), art.time_zone),
        )

    def pi_view(self, pi_id: int) -> CalendarView:
        with self._ctx.uow() as uow:
            pi = uow.get(Pi, pi_id)
        return self.view(pi.art_id, pi.start, pi.end)

    def events(self, art_id: int, pi_id: int | None = None) -> list[Event]:
        """The ART's events in date order (one PI's when ``pi_id`` is given)."""
        with self._ctx.uow() as uow:
            if pi_id is None:
                return uow.find(Event, art_id=art_id, order_by=["start"])
            return uow.find(Event, art_id=art_id, pi_id=pi_id, order_by=["start"])

    def event(self, event_id: int) -> Event:
        with self._ctx.uow() as uow:
            return uow.get(Event, event_id)

    def holidays(self, art_id: int) -> list[Holiday]:
        with self._ctx.uow() as uow:
            return uow.find(Holiday, art_id=art_id, order_by=["start"])

    def day_note(self, art_id: int, day: dt.date) -> str | None:
        """Why ``day`` is not a working day for the ART (holiday name, weekday), or None."""
        with self._ctx.uow() as uow:
            art = uow.get(Art, art_id)
            holidays = uow.find(Holiday, art_id=art_id)
        calendar = cadence.WorkingCalendar(
            cadence.parse_working_days(art.working_days),
            [cadence.Blackout(h.name, h.start, h.end) for h in holidays],
        )
        return calendar.blocked_by(day)

    # -- events -------------------------------------------------------------------------------

    def add_event(
        self,
        art_id: int,
        kind: EventKind,
        title: str,
        start: dt.datetime,
        end: dt.datetime,
        note: str = "",
    ) -> Outcome[Event]:
        """Add an event by hand (kept when the cadence is regenerated)."""
        event = Event(
            art_id=art_id,
            kind=kind,
            title=" ".join(title.split()),
            start=start,
            end=end,
            uid=f"{uuid.uuid4()}@rte-desktop",
            manual=True,
            note=note.strip(),
        )
        check_event(event)
        with self._ctx.uow() as uow:
            uow.get(Art, art_id)
            stored = uow.add(dataclasses.replace(event, pi_id=_pi_for(uow, art_id, start.date())))
        return Outcome(stored, self._publish())

    def update_event(
        self,
        event_id: int,
        *,
        kind: EventKind,
        title: str,
        start: dt.datetime,
        end: dt.datetime,
        note: str,
        seen: Event | None = None,
    ) -> Outcome[Event]:
        """Change an event; it becomes ``manual`` (regeneration keeps it).

        Args:
            event_id: the event.
            kind: its kind.
            title: its title.
            start: when it starts (naive, ART's zone).
            end: when it ends.
            note: its note.
            seen: the event as the caller showed it: only the fields the caller changed are
                written, and a field another client changed meanwhile refuses the edit.

        Raises:
            ValidationError: no title, ending before it starts, too long.
            ConflictError: another client changed one of the same fields meanwhile.
            NotFoundError: the event was deleted (meanwhile, by another client).
        """
        with self._ctx.uow() as uow:
            old = current(uow, Event, event_id, _named(seen, event_id))
            new = dataclasses.replace(
                seen or old,
                kind=kind,
                title=" ".join(title.split()),
                start=start,
                end=end,
                note=note.strip(),
                manual=True,
            )
            if seen is not None:
                new = merge_edit(seen, new, old, _named(seen, event_id))
            check_event(new)
            if old.pi_id is None or new.start.date() != old.start.date():
                new = dataclasses.replace(
                    new, pi_id=_pi_for(uow, old.art_id, new.start.date()) or old.pi_id
                )
            stored = uow.update(new)
        return Outcome(stored, self._publish())

    def move_event(self, event_id: int, days: int, seen: Event | None = None) -> Outcome[Event]:
        """Move an event by whole days, keeping its times and length.

        With ``seen`` (the event as the caller showed it) the move starts from there, and an
        event another client moved meanwhile is not moved again (ConflictError).
        """
        old = seen or self.event(event_id)
        shift = dt.timedelta(days=days)
        return self.update_event(
            event_id,
            kind=old.kind,
            title=old.title,
            start=old.start + shift,
            end=old.end + shift,
            note=old.note,
            seen=seen,
        )

    def put_event(self, event: Event, seen: Event | None = None) -> Outcome[Event]:
        """Write ``event`` exactly as given (undo of an edit, or of a deletion).

        With ``seen`` (what the step before stored) only the fields that differ from it are
        written, a field another client changed meanwhile refuses the write, and an event
        another client deleted is not brought back.

        Raises:
            ConflictError: see ``update_event``.
            NotFoundError: ``seen`` is given and the event is gone.
        """
        check_event(event)
        with self._ctx.uow() as uow:
            if seen is not None and event.id is not None:
                what = _named(seen, event.id)
                event = merge_edit(seen, event, current(uow, Event, event.id, what), what)
                check_event(event)
                exists = True
            else:
                exists = event.id is not None and uow.count(Event, id=event.id) > 0
            stored = uow.update(event) if exists else uow.add(event)
        return Outcome(stored, self._publish())

    def delete_event(self, event_id: int, seen: Event | None = None) -> Outcome[Event]:
        """Delete an event and return it (so it can be put back).

        Raises:
            ConflictError: another client changed the event since ``seen``; it stays.
            NotFoundError: it is already deleted; nothing changes.
        """
        with self._ctx.uow() as uow:
            event = current(uow, Event, event_id, _named(seen, event_id))
            if seen is not None:
                check_unchanged(seen, event, _named(seen, event_id))
            uow.delete(Event, event_id)
        return Outcome(event, self._publish())

    # -- holidays ------------------------------------------------------------------------------

    def add_holiday(self, art_id: int, name: str, start: dt.date, end: dt.date) -> Outcome[Holiday]:
        """Add a holiday or blackout range (both ends inclusive)."""
        cleaned = " ".join(name.split())
        cadence.check_blackout(cadence.Blackout(cleaned, start, end))
        with self._ctx.uow() as uow:
            uow.get(Art, art_id)
            holiday = uow.add(Holiday(art_id=art_id, name=cleaned, start=start, end=end))
        return Outcome(holiday, self._publish())

    def put_holiday(self, holiday: Holiday) -> Outcome[Holiday]:
        cadence.check_blackout(cadence.Blackout(holiday.name, holiday.start, holiday.end))
        with self._ctx.uow() as uow:
            exists = holiday.id is not None and uow.count(Holiday, id=holiday.id) > 0
            stored = uow.update(holiday) if exists else uow.add(holiday)
        return Outcome(stored, self._publish())

    def delete_holiday(self, holiday_id: int, seen: Holiday | None = None) -> Outcome[Holiday]:
        """Delete a holiday and return it (``put_holiday`` puts it back).

        Raises:
            ConflictError: another client changed the holiday since ``seen``; it stays.
            NotFoundError: it is already deleted; nothing changes.
        """
        with self._ctx.uow() as uow:
            what = f"the holiday “{seen.name}”" if seen is not None else f"holiday {holiday_id}"
            holiday = current(uow, Holiday, holiday_id, what)
            if seen is not None:
                check_unchanged(seen, holiday, what)
            uow.delete(Holiday, holiday_id)
        return Outcome(holiday, self._publish())

    def import_holidays(self, art_id: int, source: Path) -> Outcome[HolidayImport]:
        """Read a holidays .ics file into Holiday rows, all or nothing.

        Raises:
            ImportFormatError: the file is not an iCalendar file (names the line).
        """
        from rte_desktop.services.calendar import holiday_feed, ics

        with self._ctx.uow() as uow:
            art = uow.get(Art, art_id)
            pis = uow.find(Pi, art_id=art_id, order_by=["start"])
            today = local_date(self._ctx.clock.now(), art.time_zone)
            window = ics.import_window(pis, today)
            found = holiday_feed.read_holidays(Path(source), window)
            result = ics.store_holidays(uow, art_id, found)
        return Outcome(result, self._publish())

    # -- files --------------------------------------------------------------------------------

    def ics_bytes(self, art_id: int, pi_id: int | None = None) -> bytes:
        """The ART's calendar (or one PI's) as iCalendar bytes with stable UIDs."""
        from rte_desktop.services.calendar import ics

        with self._ctx.uow() as uow:
            return ics.build_calendar(uow, art_id, pi_id, self._ctx.clock.now())

    def export_ics(self, out: Path, art_id: int, pi_id: int | None = None) -> Path:
        """Write the ICS file atomically."""
        return write_atomically(Path(out), self.ics_bytes(art_id, pi_id))

    def calendar_pdf(self, out: Path, art_id: int, pi_id: int | None = None) -> Path:
        """One landscape page per PI plus a year at a glance, written atomically."""
        from rte_desktop.services.calendar.calendar_pdf import render_calendar_pdf

        return write_atomically(Path(out), render_calendar_pdf(self._ctx, art_id, pi_id))

    def _publish(self) -> Changes:
        return self._ctx.publish(Changes.of(Area.CALENDAR))

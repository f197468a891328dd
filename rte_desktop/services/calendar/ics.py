"""iCalendar (RFC 5545) files: the ART calendar out, a company holiday calendar in.

Export: one VEVENT per event with its stored UID (so Outlook/Google update instead of
duplicating), times with the ART's TZID and a VTIMEZONE, the event type as CATEGORIES; holidays
as all-day events. Import: the occurrences read by ``holiday_feed`` become Holiday rows, all in
one transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rte_desktop.domain import cadence
from rte_desktop.domain.calendar_rules import KIND_LABELS
from rte_desktop.domain.model import Art, Event, EventKind, Holiday, PlanningInterval as Pi

if TYPE_CHECKING:
    from rte_desktop.storage.unit_of_work import UnitOfWork

PRODID = "-//RTE Desktop//ART calendar//EN"


@dataclass(frozen=True)
class HolidayImport:
    added: int
    duplicates: int
    names: tuple[str, ...]


# -- export ----------------------------------------------------------------------------------------


def holiday_uid(holiday: Holiday) -> str:
    return f"holiday-{holiday.id}.art{holiday.art_id}@rte-desktop"


def build_calendar(uow: UnitOfWork, art_id: int, pi_id: int | None, now: dt.datetime) -> bytes:
    """The ART's events (one PI's when ``pi_id`` is given) and holidays as an .ics file."""
    import zoneinfo

    import icalendar

    art = uow.get(Art, art_id)
    events = uow.find(Event, art_id=art_id, order_by=["start"])
    holidays = uow.find(Holiday, art_id=art_id, order_by=["start"])
    name = f"{art.name} ART calendar"
    if pi_id is not None:
        pi = uow.get(Pi, pi_id)
        events = [e for e in events if e.pi_id == pi.id or pi.contains(e.start.date())]
        holidays = [h for h in holidays if h.start <= pi.end and h.end >= pi.start]
        name = f"{art.name} {pi.name}"
    zone = zoneinfo.ZoneInfo(art.time_zone)
    stamp = now.astimezone(dt.UTC).replace(microsecond=0)
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", art.time_zone)
    for event in sorted(events, key=lambda e: (e.start, e.uid)):
        item = icalendar.Event()
        item.add("uid", event.uid)
        item.add("dtstamp", stamp)
        item.add("summary", event.title)
        item.add("dtstart", event.start.replace(tzinfo=zone))
        item.add("dtend", event.end.replace(tzinfo=zone))
        item.add("categories", [KIND_LABELS[event.kind]])
        if event.note:
            item.add("description", event.note)
        cal.add_component(item)
    for holiday in holidays:
        item = icalendar.Event()
        item.add("uid", holiday_uid(holiday))
        item.add("dtstamp", stamp)
        item.add("summary", holiday.name)
        item.add("dtstart", holiday.start)
        item.add("dtend", holiday.end + dt.timedelta(days=1))  # DTEND of a date is exclusive
        item.add("categories", [KIND_LABELS[EventKind.HOLIDAY]])
        item.add("transp", "TRANSPARENT")
        cal.add_component(item)
    if events:
        cal.add_missing_timezones()
    data: bytes = cal.to_ical()
    return data


# -- import ----------------------------------------------------------------------------------------


def import_window(pis: list[Pi], today: dt.date) -> tuple[dt.date, dt.date]:
    """The dates over which recurring holidays are expanded.

    From a year before the train's first PI (or today) to two years after its last one.
    """
    first = min([today, *(p.start for p in pis)])
    last = max([today, *(p.end for p in pis)])
    return first - dt.timedelta(days=366), last + dt.timedelta(days=2 * 366)


def store_holidays(uow: UnitOfWork, art_id: int, found: list[cadence.Blackout]) -> HolidayImport:
    """Add the holidays not stored yet (same name and dates); returns what was added."""
    seen = {(h.name.casefold(), h.start, h.end) for h in uow.find(Holiday, art_id=art_id)}
    added: list[str] = []
    duplicates = 0
    for blackout in found:
        key = (blackout.name.casefold(), blackout.start, blackout.end)
        if key in seen:
            duplicates += 1
            continue
        seen.add(key)
        uow.add(Holiday(art_id=art_id, name=blackout.name, start=blackout.start, end=blackout.end))
        added.append(blackout.name)
    return HolidayImport(len(added), duplicates, tuple(added))

"""iCalendar (RFC 5545) files: the ART calendar out, a company holiday calendar in.

Export: one VEVENT per event with its stored UID (so Outlook/Google update instead of
duplicating), times with the ART's TZID and a VTIMEZONE, the event type as CATEGORIES; holidays
as all-day events. Import: every VEVENT of a holidays file becomes a Holiday row (recurring ones
are expanded over the years the train plans), all in one transaction.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rte_desktop.domain import cadence
from rte_desktop.domain.calendar_rules import KIND_LABELS
from rte_desktop.domain.errors import ImportFormatError
from rte_desktop.domain.model import Art, Event, EventKind, Holiday, PlanningInterval as Pi

if TYPE_CHECKING:
    from rte_desktop.storage.unit_of_work import UnitOfWork

PRODID = "-//RTE Desktop//ART calendar//EN"
MAX_BYTES = 20 * 1024 * 1024
MAX_OCCURRENCES = 2000


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


def _read_text(source: Path) -> str:
    data = source.read_bytes()
    if len(data) > MAX_BYTES:
        raise ImportFormatError(f"{source.name} is larger than 20 MB; not a holiday calendar.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ImportFormatError(
            f"{source.name}, line {line}: not an iCalendar (.ics) file, it is not UTF-8 text "
            f"(byte {exc.start})."
        ) from exc


def _event_lines(text: str) -> list[int]:
    """Line numbers (1-based, physical) of each ``BEGIN:VEVENT``, in order."""
    return [
        number
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip().upper() == "BEGIN:VEVENT"
    ]


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return None


def read_holidays(source: Path, window: tuple[dt.date, dt.date]) -> list[cadence.Blackout]:
    """The holidays in an .ics file, each VEVENT a range of whole days.

    Raises:
        ImportFormatError: not an iCalendar file, no events, or an event without dates
            (the message names the file and line).
    """
    import icalendar

    text = _read_text(source)
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines or lines[0].strip().upper() != "BEGIN:VCALENDAR":
        first = lines[0].strip()[:40] if lines else "(empty)"
        raise ImportFormatError(
            f"{source.name} is not an iCalendar (.ics) file: line 1 is '{first}', "
            "expected BEGIN:VCALENDAR."
        )
    try:
        cal = icalendar.Calendar.from_ical(text)
    except (ValueError, KeyError, IndexError) as exc:
        raise ImportFormatError(
            f"{source.name}, {_bad_line(text)}: not a valid iCalendar file ({exc})"
        ) from exc
    found: list[cadence.Blackout] = []
    starts = _event_lines(text)
    events = list(cal.walk("VEVENT"))
    if not events:
        raise ImportFormatError(
            f"{source.name}, line 1: the calendar holds no events (VEVENT); nothing was imported."
        )
    for index, component in enumerate(events):
        where = f"{source.name}, line {starts[index] if index < len(starts) else '?'}"
        try:
            found.extend(_holiday_ranges(component, where, window))
        except (AttributeError, TypeError, ValueError, KeyError) as exc:
            # icalendar hands odd shapes through (a doubled DTSTART is a list, an empty one '').
            raise ImportFormatError(f"{where}: the event cannot be read ({exc}).") from None
    return found


def _holiday_ranges(
    component: Any, where: str, window: tuple[dt.date, dt.date]
) -> list[cadence.Blackout]:
    name = " ".join(str(component.get("SUMMARY", "Holiday")).split()) or "Holiday"
    if str(component.get("STATUS", "")).upper() == "CANCELLED":
        return []
    start_prop = component.get("DTSTART")
    start = _as_date(getattr(start_prop, "dt", None))
    if start is None:
        raise ImportFormatError(f"{where}: event '{name}' has no valid DTSTART.")
    begin = start_prop.dt
    end_prop, duration = component.get("DTEND"), component.get("DURATION")
    if end_prop is not None:
        finish = end_prop.dt
    elif duration is not None:
        finish = begin + duration.dt
    else:
        finish = begin if isinstance(begin, dt.datetime) else begin + dt.timedelta(days=1)
    if isinstance(finish, dt.datetime) != isinstance(begin, dt.datetime):
        raise ImportFormatError(f"{where}: event '{name}' mixes a date and a date-time.")
    if finish < begin:
        raise ImportFormatError(f"{where}: event '{name}' ends before it starts.")
    length = finish - begin
    if isinstance(begin, dt.datetime):
        # A timed event covers the days it touches; one ending at midnight does not take the
        # next day.
        last = (finish - dt.timedelta(microseconds=1)).date() if finish > begin else begin.date()
        days = (last - begin.date()).days
    else:
        days = max(length.days - 1, 0)  # DTEND of a date is exclusive
    occurrences = [begin]
    if component.get("RRULE") is not None:
        occurrences = _expand(component, begin, where, window)
    out: list[cadence.Blackout] = []
    for occurrence in occurrences:
        day = _as_date(occurrence)
        assert day is not None
        blackout = cadence.Blackout(name[:200], day, day + dt.timedelta(days=days))
        try:
            cadence.check_blackout(blackout)
        except Exception as exc:
            raise ImportFormatError(f"{where}: {exc}") from exc
        out.append(blackout)
    return out


def _expand(
    component: Any, begin: dt.date, where: str, window: tuple[dt.date, dt.date]
) -> list[dt.date]:
    from dateutil.rrule import rrulestr

    naive = begin.replace(tzinfo=None) if isinstance(begin, dt.datetime) else begin
    anchor = naive if isinstance(naive, dt.datetime) else dt.datetime.combine(naive, dt.time())
    try:
        rule = rrulestr(component["RRULE"].to_ical().decode(), dtstart=anchor, ignoretz=True)
        low = dt.datetime.combine(window[0], dt.time())
        high = dt.datetime.combine(window[1], dt.time())
        # Walk lazily: FREQ=SECONDLY over a year would be millions of datetimes.
        dates = []
        for moment in itertools.islice(rule.xafter(low, inc=True), MAX_OCCURRENCES):
            if moment > high:
                break
            dates.append(moment.date())
    except (ValueError, TypeError) as exc:
        raise ImportFormatError(f"{where}: recurrence rule not understood ({exc}).") from exc
    return dates


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


def _bad_line(text: str) -> str:
    """'line N' of the first content line icalendar cannot split or read, else the last line.

    icalendar's errors carry no line numbers; parsing line by line finds the one at fault.
    """
    from icalendar.parser import Contentline

    from_ical = icalendar_types()
    physical = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw[:1] in (" ", "\t"):
            continue  # a folded continuation belongs to the line above
        physical = number
        try:
            name, _params, value = Contentline(raw).parts()  # type: ignore[no-untyped-call]
        except ValueError:
            return f"line {number}"
        factory = from_ical.get(name.upper())
        if factory is not None:
            try:
                factory.from_ical(value)
            except (ValueError, TypeError):
                return f"line {number}"
    return f"line {physical or 1}"


def icalendar_types() -> dict[str, Any]:
    """Value types of the date properties whose content is parsed strictly."""
    from icalendar.prop import vDDDTypes

    return {"DTSTART": vDDDTypes, "DTEND": vDDDTypes, "DUE": vDDDTypes, "RECURRENCE-ID": vDDDTypes}

"""Reading a holiday calendar (.ics) as published by Outlook, Google, Apple or a holiday provider.

icalendar parses the file; recurring-ical-events expands each series (RRULE, RDATE, EXDATE, moved
or cancelled occurrences by RECURRENCE-ID, time zones) over the years the train plans. Each
occurrence becomes a range of whole days. What the libraries cannot say, where a problem is, comes
from a scan of the file's lines, so every refusal names the line at fault.

Quirks of real feeds that are accepted: an empty ``RRULE:`` line (no recurrence), a date written
without ``VALUE=DATE``, an all-day DTEND equal to DTSTART (one day), exceptions in UTC for a series
in a local zone, moved occurrences placed before their series, unfolded long lines.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rte_desktop.domain import cadence
from rte_desktop.domain.errors import DomainError, ImportFormatError

MAX_BYTES = 20 * 1024 * 1024
MAX_OCCURRENCES = 2000  # of one series inside the window: a holiday repeats far less often
# What icalendar raises on malformed input (a damaged parameter can end in an AttributeError).
PARSE_ERRORS = (ValueError, KeyError, IndexError, AttributeError, TypeError)


@dataclass
class EventLines:
    """Where one VEVENT sits in the file: its first and last line, and each property's lines."""

    begin: int
    end: int = 0
    props: dict[str, list[int]] = field(default_factory=dict)

    def line(self, name: str) -> int:
        """The line of property ``name`` (its first occurrence), else the event's first line."""
        return self.props.get(name, [self.begin])[0]

    def span(self) -> str:
        return f"line {self.begin} to line {self.end or self.begin}"


def read_holidays(source: Path, window: tuple[dt.date, dt.date]) -> list[cadence.Blackout]:
    """The holidays in an .ics file: every occurrence of every VEVENT, as whole days.

    Series are expanded from ``window[0]`` to ``window[1]``; single events count wherever
    they fall.

    Raises:
        ImportFormatError: not an iCalendar file, no events, or an event that cannot be read
            (the message names the file and the line).
    """
    import icalendar

    text = _read_text(source)
    lines = [line for line in _physical_lines(text) if line.strip()]
    if not lines or lines[0].strip().upper() != "BEGIN:VCALENDAR":
        first = lines[0].strip()[:40] if lines else "(empty)"
        raise ImportFormatError(
            f"{source.name} is not an iCalendar (.ics) file: line 1 is '{first}', "
            "expected BEGIN:VCALENDAR."
        )
    try:
        cal = icalendar.Calendar.from_ical(text)
    except PARSE_ERRORS as exc:
        raise ImportFormatError(
            f"{source.name}, {_bad_line(text)}: not a valid iCalendar file ({exc})"
        ) from exc
    events = list(cal.walk("VEVENT"))
    if not events:  # the whole file is at fault: name all of it
        raise ImportFormatError(
            f"{source.name}, line 1 to line {len(_physical_lines(text.rstrip()))}: the calendar "
            "holds no events (VEVENT); nothing was imported."
        )
    places = _event_lines(text)
    if len(places) != len(events):  # a VEVENT icalendar dropped or invented: say where
        raise ImportFormatError(f"{source.name}, {_bad_line(text)}: an event cannot be read.")
    for component, where in zip(events, places, strict=True):
        _check_event(component, where, source.name)
    found: list[cadence.Blackout] = []
    for series in _series(events, places):
        found.extend(_expand(cal, series, window, source.name))
    return found


# -- the file's lines ------------------------------------------------------------------------------


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


def _physical_lines(text: str) -> list[str]:
    """The file's lines as an editor numbers them (split at LF; a CR before it is dropped)."""
    return [line.removesuffix("\r") for line in text.split("\n")]


def _content_lines(text: str) -> Iterator[tuple[int, str, str]]:
    """(line number, upper-case name, value) of each content line; folded parts are skipped."""
    for number, raw in enumerate(_physical_lines(text), start=1):
        if not raw.strip() or raw[:1] in (" ", "\t"):
            continue  # blank, or the continuation of a folded line
        name = re.split(r"[;:]", raw, maxsplit=1)[0].strip().upper()
        value = raw.split(":", 1)[1].strip() if ":" in raw else ""
        yield number, name, value


def _event_lines(text: str) -> list[EventLines]:
    """Where each VEVENT and its own properties are (not those of a VALARM inside it)."""
    found: list[EventLines] = []
    stack: list[str] = []
    for number, name, value in _content_lines(text):
        if name == "BEGIN":
            stack.append(value.upper())
            if stack[-1] == "VEVENT":
                found.append(EventLines(number))
        elif name == "END":
            if stack and stack[-1] == "VEVENT" and found:
                found[-1].end = number
            if stack:
                stack.pop()
        elif stack and stack[-1] == "VEVENT" and found:
            found[-1].props.setdefault(name, []).append(number)
    return found


def _bad_line(text: str) -> str:
    """'line N' of the first content line icalendar cannot read on its own, else the last line.

    icalendar's errors carry no line numbers; parsing each property alone (inside an otherwise
    empty event) finds the one at fault. Unbalanced BEGIN/END blocks leave the last line.
    """
    import icalendar

    physical = 0
    lines = _physical_lines(text)
    for number, name, _value in _content_lines(text):
        physical = number
        if name in ("BEGIN", "END"):
            continue
        raw = lines[number - 1]
        alone = f"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n{raw}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        try:
            icalendar.Calendar.from_ical(alone)
        except PARSE_ERRORS:
            return f"line {number}"
    return f"line {physical or 1}"


# -- one event -------------------------------------------------------------------------------------


def _name(component: Any) -> str:
    summary = component.get("SUMMARY", "Holiday")
    text = str(summary[0] if isinstance(summary, list) else summary)
    return " ".join(text.split())[:200] or "Holiday"


def _moment(component: Any, key: str) -> dt.date | None:
    """A DTSTART/DTEND value (a date or a date-time), None when absent or unreadable."""
    try:  # icalendar keeps an unreadable value as a property that raises when read
        value = getattr(component.get(key), "dt", None)
    except PARSE_ERRORS:
        return None
    return value if isinstance(value, dt.date) else None


def _check_event(component: Any, where: EventLines, file: str) -> None:
    """Refuse an event the expansion could only misread, naming the line at fault."""
    name = _name(component)
    for key in ("DTSTART", "DTEND", "DURATION", "RRULE", "RECURRENCE-ID", "UID"):
        seen = where.props.get(key, [])
        if len(seen) > 1:
            raise ImportFormatError(
                f"{file}, line {seen[1]}: {key} appears twice in event '{name}' "
                f"(first on line {seen[0]})."
            )
    if "DTSTART" not in where.props:
        raise ImportFormatError(f"{file}, {where.span()}: event '{name}' has no DTSTART.")
    begin = _moment(component, "DTSTART")
    if begin is None:
        raise ImportFormatError(
            f"{file}, line {where.line('DTSTART')}: event '{name}' has no valid DTSTART."
        )
    if "DTEND" in where.props:
        finish = _moment(component, "DTEND")
        line = where.line("DTEND")
        if finish is None:
            raise ImportFormatError(f"{file}, line {line}: event '{name}' has no valid DTEND.")
        if isinstance(finish, dt.datetime) != isinstance(begin, dt.datetime):
            raise ImportFormatError(
                f"{file}, line {line}: event '{name}' mixes a date and a date-time."
            )
        if _comparable(finish) < _comparable(begin):
            raise ImportFormatError(f"{file}, line {line}: event '{name}' ends before it starts.")
    elif "DURATION" in where.props:
        try:
            length = getattr(component.get("DURATION"), "dt", None)
        except PARSE_ERRORS:
            length = None
        if not isinstance(length, dt.timedelta) or length < dt.timedelta(0):
            raise ImportFormatError(
                f"{file}, line {where.line('DURATION')}: event '{name}' has no valid DURATION."
            )


def _comparable(moment: dt.date) -> dt.datetime:
    """Dates and date-times, floating or zoned, on one axis (floating ones read as UTC)."""
    if not isinstance(moment, dt.datetime):
        return dt.datetime.combine(moment, dt.time(), dt.UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


# -- series and their occurrences ------------------------------------------------------------------


@dataclass
class Series:
    """The VEVENTs of one UID: the series and its moved or cancelled occurrences."""

    components: list[Any]
    places: list[EventLines]

    @property
    def recurs(self) -> bool:
        """True when one of them repeats (a non-empty RRULE, or RDATE)."""
        return any(
            c.get("RDATE") is not None or (c.get("RRULE") is not None and dict(c.get("RRULE")))
            for c in self.components
        )

    def place_of(self, occurrence: Any) -> EventLines:
        """The lines of the component an occurrence comes from (an override, else the master)."""
        recurrence = getattr(occurrence.get("RECURRENCE-ID"), "dt", None)
        for component, where in zip(self.components, self.places, strict=True):
            if getattr(component.get("RECURRENCE-ID"), "dt", None) == recurrence:
                return where
        return self.master_place()

    def master_place(self) -> EventLines:
        for component, where in zip(self.components, self.places, strict=True):
            if component.get("RECURRENCE-ID") is None:
                return where
        return self.places[0]


def _series(events: list[Any], places: list[EventLines]) -> list[Series]:
    """Events grouped by UID (one without a UID stands alone), in file order."""
    groups: dict[str, Series] = {}
    for index, (component, where) in enumerate(zip(events, places, strict=True)):
        uid = component.get("UID")
        key = f"uid:{uid}" if uid else f"alone:{index}"
        groups.setdefault(key, Series([], [])).components.append(component)
        groups[key].places.append(where)
    return list(groups.values())


def _expand(
    cal: Any, series: Series, window: tuple[dt.date, dt.date], file: str
) -> list[cadence.Blackout]:
    """Every occurrence of one series as whole days (a single event wherever it falls)."""
    import icalendar
    import recurring_ical_events

    # A calendar of its own per series: the zones and X-WR-TIMEZONE of the file, its events.
    own = icalendar.Calendar()
    for key, value in cal.items():
        own.add(key, value)
    for zone in cal.walk("VTIMEZONE"):
        own.add_component(zone)
    for component in series.components:
        own.add_component(component)
    query = recurring_ical_events.of(own)
    master = series.master_place()
    name = _name(series.components[0])
    low, high = (dt.datetime.combine(day, dt.time()) for day in window)
    try:
        if not series.recurs:  # one day off (perhaps moved): wherever it falls
            occurrences = list(query.all())
        else:
            occurrences = []
            for occurrence in itertools.islice(query.after(low), MAX_OCCURRENCES + 1):
                if _comparable(occurrence["DTSTART"].dt) > _comparable(high):
                    break
                occurrences.append(occurrence)
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise ImportFormatError(
            f"{file}, line {master.line('RRULE')}: the recurrence of event '{name}' cannot be "
            f"read ({exc})."
        ) from None
    if len(occurrences) > MAX_OCCURRENCES:
        raise ImportFormatError(
            f"{file}, line {master.line('RRULE')}: event '{name}' repeats more than "
            f"{MAX_OCCURRENCES} times between {window[0]} and {window[1]}; that is not a "
            "holiday calendar."
        )
    found = []
    for occurrence in occurrences:
        if str(occurrence.get("STATUS", "")).upper() == "CANCELLED":
            continue
        blackout = _days(occurrence)
        try:
            cadence.check_blackout(blackout)
        except DomainError as exc:
            where = series.place_of(occurrence)
            raise ImportFormatError(f"{file}, line {where.line('DTEND')}: {exc}") from None
        found.append(blackout)
    return found


def _days(occurrence: Any) -> cadence.Blackout:
    """The whole days an occurrence covers.

    A date range ends the day before its DTEND; a timed event covers the days it touches (one
    ending at midnight does not take the next day).
    """
    begin = occurrence["DTSTART"].dt
    finish = getattr(occurrence.get("DTEND"), "dt", begin)
    if isinstance(begin, dt.datetime):
        last = (finish - dt.timedelta(microseconds=1)).date() if finish > begin else begin.date()
        first = begin.date()
    else:
        first = begin
        last = max(finish - dt.timedelta(days=1), begin)  # DTEND equal to DTSTART: one day
    return cadence.Blackout(_name(occurrence), first, last)

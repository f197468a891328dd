"""Exported iCalendar files read back with vobject, a parser that shares no code with icalendar.

The app writes ICS with icalendar; reading the result with the same library would accept whatever
that library writes. vobject parses independently (line unfolding, escapes, parameters, dates).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import vobject


def read_ics(data: bytes) -> Any:
    """The VCALENDAR of ``data``, strictly: CRLF line ends, UTF-8, vobject's validation."""
    text = data.decode("utf-8")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", ""), "RFC 5545 lines end in CRLF"
    cal = vobject.readOne(text, validate=True)
    assert cal.name == "VCALENDAR"
    return cal


def components(cal: Any, name: str) -> list[Any]:
    """The sub-components ``name`` (e.g. "vevent") of ``cal``, in file order."""
    return list(cal.contents.get(name.lower(), []))


def value(component: Any, name: str) -> Any:
    """The (parsed) value of a property, or None when the component lacks it."""
    found = component.contents.get(name.lower())
    return found[0].value if found else None


def wall_time(component: Any, name: str) -> dt.datetime | dt.date:
    """A DTSTART/DTEND as written: the local wall-clock time (or date), without its zone.

    (vobject's own time-zone arithmetic mis-reads RDATE-based VTIMEZONEs, so only the written
    wall time and the TZID are compared; the zone's rules come from the tz database anyway.)
    """
    moment = value(component, name)
    return moment.replace(tzinfo=None) if isinstance(moment, dt.datetime) else moment


def tzid(component: Any, name: str) -> str | None:
    """The TZID parameter a date-time property was written with (None: floating, UTC or date)."""
    params = component.contents[name.lower()][0].params
    original = params.get("X-VOBJ-ORIGINAL-TZID") or params.get("TZID")
    return original[0] if original else None

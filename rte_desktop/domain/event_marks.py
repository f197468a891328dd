"""How a calendar event is labelled on screen and on paper, in one place.

"*" marks an event the generator moved off a day off (its note says so); "✎" one edited by hand.
"""

from __future__ import annotations

from rte_desktop.domain.cadence import MONTHS
from rte_desktop.domain.model import Event, EventKind


def is_moved(event: Event) -> bool:
    """True for an event the generator moved off a day off (its note says so)."""
    return event.note.startswith("Moved ")


def mark(event: Event) -> str:
    """The suffix after an event's label: a star if moved, a pencil if edited by hand."""
    if is_moved(event):
        return " *"
    return " ✎" if event.manual else ""


def caption(event: Event) -> str | None:
    """The short label drawn beside an event's marker on the timeline (None: no label)."""
    day = event.start.date()
    if event.kind is EventKind.PI_PLANNING:
        return "PI Planning" if event.title.endswith("day 1") else None
    return {
        EventKind.SYSTEM_DEMO: f"{day.day} {MONTHS[day.month - 1]}",
        EventKind.INSPECT_ADAPT: "I&A",
        EventKind.OTHER: event.title,
        EventKind.HOLIDAY: event.title,
    }.get(event.kind)

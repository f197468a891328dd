"""Rules about the train as a whole: which PI is "current", names, team lists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.model import PlanningInterval


def zone_or_utc(name: str) -> ZoneInfo:
    """The IANA time zone ``name``, or UTC when it is unknown (a file from another machine)."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def local_date(now: dt.datetime, zone: str) -> dt.date:
    """The date it is at the aware moment ``now`` in ``zone`` (IANA name; UTC if unknown).

    An ART's "today" is its zone's: in Sydney at 08:00 it is already the next UTC day, and
    that decides the current PI and what is overdue.
    """
    return now.astimezone(zone_or_utc(zone)).date()


def current_pi(pis: Sequence[PlanningInterval], today: dt.date) -> PlanningInterval | None:
    """The PI that contains today, else the next one to start, else the latest one."""
    if not pis:
        return None
    for pi in pis:
        if pi.contains(today):
            return pi
    upcoming = [pi for pi in pis if pi.start > today]
    if upcoming:
        return min(upcoming, key=lambda pi: pi.start)
    return max(pis, key=lambda pi: pi.end)


def clean_name(name: str, what: str = "Name") -> str:
    """Trim a name and refuse an empty or over-long one."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ValidationError(f"{what} must not be empty.")
    if len(cleaned) > 200:
        raise ValidationError(f"{what} is {len(cleaned)} characters long; the limit is 200.")
    return cleaned


def parse_team_names(text: str) -> list[str]:
    """Team names from text, one per line or comma-separated; duplicates are refused."""
    names = [
        clean_name(part, "Team name")
        for part in text.replace(",", "\n").splitlines()
        if part.strip()
    ]
    seen: set[str] = set()
    for name in names:
        if name.casefold() in seen:
            raise ValidationError(f"Team '{name}' is listed twice.")
        seen.add(name.casefold())
    return names

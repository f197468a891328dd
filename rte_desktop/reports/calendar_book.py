"""The calendar PDF's plain data and the fills its pages share (year page and PI pages)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib import colors

from rte_desktop.domain.model import Art, Event, Holiday, Iteration, PlanningInterval

DEV_FILLS = (colors.HexColor("#cfe2f3"), colors.HexColor("#e3eef8"))
IP_FILL = colors.HexColor("#fbe0b8")
OFF_FILL = colors.HexColor("#ececec")
HOLIDAY_FILL = colors.HexColor("#bdbdbd")


@dataclass(frozen=True)
class PiSheet:
    pi: PlanningInterval
    iterations: tuple[Iteration, ...]
    events: tuple[Event, ...]


@dataclass(frozen=True)
class CalendarBook:
    """Plain data for the calendar PDF (built by the calendar service)."""

    art: Art
    sheets: tuple[PiSheet, ...]  # one page each
    all_sheets: tuple[PiSheet, ...]  # every PI of the ART, for the year page
    holidays: tuple[Holiday, ...]
    working_days: frozenset[int]
    year_start: dt.date  # first day of the year page's first month

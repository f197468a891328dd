"""The year-at-a-glance page of the calendar PDF.

Twelve months, days tinted by PI, IP iterations hatched, holidays grey, and markers for PI
Planning, Inspect & Adapt and System Demos.
"""

from __future__ import annotations

import calendar as pycal
import datetime as dt
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from rte_desktop.domain.cadence import MONTH_NAMES, short_date
from rte_desktop.domain.model import EventKind
from rte_desktop.reports._doc import GREY, ORANGE, SANS, SANS_BOLD
from rte_desktop.reports.calendar_book import HOLIDAY_FILL, IP_FILL, CalendarBook
from rte_desktop.reports.calendar_draw import hatch, label, marker

PI_FILLS = (
    (colors.HexColor("#cfe2f3"), colors.HexColor("#e3eef8")),
    (colors.HexColor("#cdebdc"), colors.HexColor("#e4f4eb")),
)
SHOWN = (EventKind.PI_PLANNING, EventKind.INSPECT_ADAPT, EventKind.SYSTEM_DEMO)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.month - 1 + months
    return dt.date(day.year + index // 12, index % 12 + 1, 1)


class YearPage(Flowable):  # type: ignore[misc]
    def __init__(self, book: CalendarBook) -> None:
        super().__init__()
        self.book = book
        self.width = self.height = 0.0
        self._fill: dict[dt.date, Any] = {}
        self._ip: set[dt.date] = set()
        self._marks: dict[dt.date, set[EventKind]] = {}
        self._holiday: dict[dt.date, str] = {}
        for pi_index, sheet in enumerate(book.all_sheets):
            dev = 0
            for it in sheet.iterations:
                shade = PI_FILLS[pi_index % 2][dev % 2]
                dev += not it.is_ip
                for n in range((it.end - it.start).days + 1):
                    day = it.start + dt.timedelta(days=n)
                    self._fill[day] = IP_FILL if it.is_ip else shade
                    if it.is_ip:
                        self._ip.add(day)
            for event in sheet.events:
                if event.kind in SHOWN:
                    self._marks.setdefault(event.start.date(), set()).add(event.kind)
        for holiday in book.holidays:
            for n in range((holiday.end - holiday.start).days + 1):
                self._holiday.setdefault(holiday.start + dt.timedelta(days=n), holiday.name)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = available_width, available_height - 1
        return self.width, self.height

    def draw(self) -> None:
        canv, book = self.canv, self.book
        first = book.year_start
        last = _add_months(first, 12) - dt.timedelta(days=1)
        title = f"{book.art.name} — {MONTH_NAMES[first.month - 1]} {first.year} to "
        title += f"{MONTH_NAMES[last.month - 1]} {last.year} at a glance"
        label(canv, title, 0, self.height - 20, 18, self.width, bold=True)
        legend_h = 22 * mm
        cols, rows, gap = 4, 3, 5 * mm
        grid_top = self.height - 28
        cell_w = (self.width - gap * (cols - 1)) / cols
        cell_h = (grid_top - legend_h - gap * (rows - 1)) / rows
        for index in range(12):
            month = _add_months(first, index)
            x = (index % cols) * (cell_w + gap)
            y = grid_top - (index // cols) * (cell_h + gap)
            self._month(month, x, y, cell_w, cell_h)
        self._legend(legend_h - 6 * mm)

    def _month(self, month: dt.date, x: float, top: float, width: float, height: float) -> None:
        canv = self.canv
        title = f"{MONTH_NAMES[month.month - 1]} {month.year}"
        label(canv, title, x, top - 12, 10, width, bold=True)
        day_w = width / 7
        row_h = (height - 26) / 6
        canv.setFont(SANS, 6.5)
        canv.setFillColor(GREY)
        for n, letter in enumerate("MTWTFSS"):
            canv.drawCentredString(x + n * day_w + day_w / 2, top - 22, letter)
        weeks = pycal.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month)
        for row, week in enumerate(weeks):
            y = top - 26 - (row + 1) * row_h
            for col, day in enumerate(week):
                if day.month != month.month:
                    continue
                self._day(day, x + col * day_w, y, day_w, row_h)

    def _day(self, day: dt.date, x: float, y: float, w: float, h: float) -> None:
        canv = self.canv
        fill = HOLIDAY_FILL if day in self._holiday else self._fill.get(day)
        if fill is not None:
            canv.setFillColor(fill)
            canv.rect(x + 0.4, y + 0.4, w - 0.8, h - 0.8, fill=1, stroke=0)
            if day in self._ip and day not in self._holiday:
                hatch(canv, x + 0.4, y + 0.4, w - 0.8, h - 0.8, step=3)
        working = day.weekday() in self.book.working_days and day not in self._holiday
        canv.setFont(SANS if working else SANS_BOLD, 7)
        canv.setFillColor(colors.black if working else GREY)
        canv.drawString(x + 1.6, y + h - 7.5, str(day.day))
        marks = self._marks.get(day, set())
        if EventKind.PI_PLANNING in marks:
            canv.setFillColor(ORANGE)
            canv.rect(x + 1, y + 1, w - 2, 2.6, fill=1, stroke=0)
        if EventKind.INSPECT_ADAPT in marks:
            marker(canv, EventKind.INSPECT_ADAPT, x + w - 3.6, y + h - 4.2, 2.6)
        if EventKind.SYSTEM_DEMO in marks:
            marker(canv, EventKind.SYSTEM_DEMO, x + w - 3.6, y + h - 4.2, 2.6)

    def _legend(self, top: float) -> None:
        canv = self.canv
        x = 0.0
        for kind, text in (
            (EventKind.PI_PLANNING, "PI Planning (bar)"),
            (EventKind.INSPECT_ADAPT, "Inspect & Adapt"),
            (EventKind.SYSTEM_DEMO, "System Demo"),
        ):
            if kind is EventKind.PI_PLANNING:
                canv.setFillColor(ORANGE)
                canv.rect(x, top - 5, 10, 3, fill=1, stroke=0)
            else:
                marker(canv, kind, x + 5, top - 3.5, 3.2)
            label(canv, text, x + 13, top - 7.5, 8, 34 * mm)
            x += 38 * mm
        for fill, text, hatched in (
            (IP_FILL, "IP iteration", True),
            (HOLIDAY_FILL, "Holiday", False),
        ):
            canv.setFillColor(fill)
            canv.rect(x, top - 7, 10, 8, fill=1, stroke=0)
            if hatched:
                hatch(canv, x, top - 7, 10, 8, step=3)
            label(canv, text, x + 13, top - 7.5, 8, 28 * mm)
            x += 30 * mm
        label(canv, "Bold grey day numbers: days off", x, top - 7.5, 8, 60 * mm, color=GREY)
        # one swatch per PI on the page
        x, y = 0.0, top - 24
        first = self.book.year_start
        last = _add_months(first, 12)
        for index, sheet in enumerate(self.book.all_sheets):
            pi = sheet.pi
            if pi.end < first or pi.start >= last:
                continue
            canv.setFillColor(PI_FILLS[index % 2][0])
            canv.rect(x, y, 10, 8, fill=1, stroke=0)
            text = f"{pi.name}: {short_date(pi.start)} – {short_date(pi.end)}"
            label(canv, text, x + 13, y - 0.5, 8, 62 * mm)
            x += 66 * mm
            if x > self.width - 60 * mm:
                x, y = 0.0, y - 11

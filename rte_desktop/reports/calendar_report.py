"""The wall calendar: a year at a glance, then one landscape page per PI.

Each PI page shows the iterations as bands over the days (IP iteration hatched and labelled),
holidays and non-working days shaded, one lane of markers per kind of event, and below it the
dated list of the key events, with a one-line summary per recurring meeting. Marker shapes differ
per kind, so the page reads in black and white too.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak

from rte_desktop.domain import event_marks
from rte_desktop.domain.cadence import MONTH_NAMES, MONTHS, WEEKDAYS, describe_day, short_date
from rte_desktop.domain.calendar_rules import KIND_LABELS
from rte_desktop.domain.model import Event, EventKind
from rte_desktop.reports._doc import (
    GREY,
    ORANGE,
    SANS,
    SANS_BOLD,
    build_pdf,
    para as _para,
    style as _style,
)
from rte_desktop.reports.calendar_book import (
    DEV_FILLS,
    HOLIDAY_FILL,
    IP_FILL,
    OFF_FILL,
    CalendarBook,
    PiSheet,
)
from rte_desktop.reports.calendar_draw import hatch, label, marker

RECURRING = (
    EventKind.ART_SYNC,
    EventKind.COACH_SYNC,
    EventKind.PO_SYNC,
    EventKind.BACKLOG_REFINEMENT,
)
LANES: tuple[tuple[str, tuple[EventKind, ...]], ...] = (
    ("PI Planning · I&A", (EventKind.PI_PLANNING, EventKind.INSPECT_ADAPT)),
    ("System Demo", (EventKind.SYSTEM_DEMO,)),
    ("Syncs", (EventKind.ART_SYNC, EventKind.COACH_SYNC, EventKind.PO_SYNC)),
    ("Refinement", (EventKind.BACKLOG_REFINEMENT,)),
    ("Other", (EventKind.OTHER, EventKind.HOLIDAY)),
)


def time_range(event: Event) -> str:
    return f"{event.start:%H:%M}–{event.end:%H:%M}"


# -- the PI page ---------------------------------------------------------------------------------


class PiPage(Flowable):  # type: ignore[misc]
    """A whole page for one PI: header, timeline, key events."""

    def __init__(self, book: CalendarBook, sheet: PiSheet) -> None:
        super().__init__()
        self.book, self.sheet = book, sheet
        self.width = self.height = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = available_width, available_height - 1
        return self.width, self.height

    def draw(self) -> None:
        canv, pi = self.canv, self.sheet.pi
        top = self.height
        label(canv, pi.name, 0, top - 22, 20, self.width * 0.6, bold=True)
        weeks = ((pi.end - pi.start).days + 1) / 7
        sub = (
            f"{self.book.art.name}  ·  {describe_day(pi.start)} – {describe_day(pi.end)}  ·  "
            f"{weeks:g} weeks, {len(self.sheet.iterations)} iterations  ·  "
            f"times in {self.book.art.time_zone}"
        )
        label(canv, sub, 0, top - 38, 10, self.width, color=GREY)
        timeline_top = top - 48
        bottom = self._timeline(timeline_top)
        self._event_list(bottom - 6 * mm)

    def _timeline(self, top: float) -> float:
        canv, pi = self.canv, self.sheet.pi
        days = (pi.end - pi.start).days + 1
        left: float = 32 * mm
        day_w: float = (self.width - left) / days

        def x_of(day: dt.date) -> float:
            return left + (day - pi.start).days * day_w

        lanes = [lane for lane in LANES if lane[0] != "Other" or self._has(lane[1])]
        month_h, week_h, band_h = 12.0, 12.0, 36.0
        # the timeline takes about half the page; the key dates get the rest
        lane_h = max(20.0, min(38.0, (top * 0.55 - month_h - week_h - band_h) / len(lanes)))
        grid_top = top - month_h - week_h
        band_bottom = grid_top - band_h
        bottom = band_bottom - lane_h * len(lanes)
        holidays = {
            day: h.name
            for h in self.book.holidays
            for day in _days(max(h.start, pi.start), min(h.end, pi.end))
        }
        # day columns: non-working days and holidays shaded over the whole height
        for index in range(days):
            day = pi.start + dt.timedelta(days=index)
            if day in holidays or day.weekday() not in self.book.working_days:
                canv.setFillColor(HOLIDAY_FILL if day in holidays else OFF_FILL)
                canv.rect(x_of(day), bottom, day_w, grid_top - bottom, fill=1, stroke=0)
        # month and week headers
        canv.setFont(SANS, 7)
        canv.setFillColor(colors.black)
        for day in _days(pi.start, pi.end):
            if day == pi.start or day.day == 1:
                label(
                    canv,
                    f"{MONTH_NAMES[day.month - 1]} {day.year}",
                    x_of(day) + 2,
                    top - month_h + 2,
                    8,
                    40 * mm,
                    True,
                )
            if day.weekday() == 0 or day == pi.start:
                canv.setStrokeColor(GREY)
                canv.setLineWidth(0.3)
                canv.line(x_of(day), bottom, x_of(day), grid_top)
                canv.setFillColor(colors.black)
                canv.drawString(x_of(day) + 1.5, grid_top + 3, f"{day.day} {MONTHS[day.month - 1]}")
        # iteration bands
        for number, it in enumerate(self.sheet.iterations):
            x0, x1 = x_of(max(it.start, pi.start)), x_of(min(it.end, pi.end)) + day_w
            canv.setFillColor(IP_FILL if it.is_ip else DEV_FILLS[number % 2])
            canv.setStrokeColor(colors.white)
            canv.rect(x0, band_bottom, x1 - x0, band_h, fill=1, stroke=1)
            dates = f"{short_date(it.start)} – {short_date(it.end)}"
            if it.is_ip:
                hatch(canv, x0, band_bottom, x1 - x0, band_h)
                # the name on a white box so the hatching never hides it
                canv.setFillColor(colors.white)
                canv.rect(x0 + 2, band_bottom + 3, x1 - x0 - 4, band_h - 6, fill=1, stroke=0)
                label(canv, "Innovation & Planning", x0 + 4, band_bottom + 13, 7, x1 - x0 - 8)
            label(canv, it.name, x0 + 4, band_bottom + 23, 9.5, x1 - x0 - 8, bold=True)
            label(canv, dates, x0 + 4, band_bottom + 4, 7, x1 - x0 - 8, color=GREY)
        # holiday names, written once per holiday run
        for holiday in self.book.holidays:
            if holiday.end < pi.start or holiday.start > pi.end:
                continue
            x0 = x_of(max(holiday.start, pi.start))
            canv.saveState()
            canv.translate(x0 + day_w / 2 + 2.5, bottom + 3)
            canv.rotate(90)
            label(canv, holiday.name, 0, 0, 6.5, band_bottom - bottom - 6, color=colors.black)
            canv.restoreState()
        # lanes with markers
        for index, (title, kinds) in enumerate(lanes):
            lane_top = band_bottom - index * lane_h
            centre = lane_top - lane_h / 2
            canv.setStrokeColor(colors.HexColor("#d0d0d0"))
            canv.setLineWidth(0.3)
            canv.line(0, lane_top - lane_h, self.width, lane_top - lane_h)
            label(canv, title, 0, centre - 4, 8, left - 3, bold=True)
            for event in self.sheet.events:
                if event.kind in kinds:
                    self._mark(event, x_of, day_w, centre)
        canv.setStrokeColor(colors.black)
        canv.setLineWidth(0.6)
        canv.rect(left, bottom, self.width - left, grid_top - bottom, fill=0, stroke=1)
        return bottom

    def _mark(self, event: Event, x_of: Any, day_w: float, centre: float) -> None:
        """A marker on the event's day; key events get their date (or title) beneath it."""
        canv, pi = self.canv, self.sheet.pi
        day = event.start.date()
        if not pi.start <= day <= pi.end:
            return
        x = x_of(day) + day_w / 2
        radius = min(day_w * 0.45, 4.5)
        if event.kind is EventKind.PI_PLANNING:
            canv.setFillColor(ORANGE)
            canv.setStrokeColor(colors.black)
            canv.setLineWidth(0.4)
            canv.roundRect(x_of(day) + 0.5, centre - 4, day_w - 1, 8, 1.5, fill=1, stroke=1)
        else:
            marker(canv, event.kind, x, centre, radius)
        if event_marks.is_moved(event):  # an asterisk refers to the key dates below
            canv.setFont(SANS_BOLD, 8)
            canv.setFillColor(colors.black)
            canv.drawString(x + radius + 0.5, centre + 1, "*")
        caption = event_marks.caption(event)
        if caption:
            width = day_w * (6 if event.kind in (EventKind.OTHER, EventKind.HOLIDAY) else 4)
            # I&A sits the day before PI Planning: its caption goes above so they never collide
            y = (
                centre + radius + 2
                if event.kind is EventKind.INSPECT_ADAPT
                else centre - radius - 9
            )
            label(canv, caption, x - width / 2, y, 6.5, width, align=1)

    def _has(self, kinds: Sequence[EventKind]) -> bool:
        return any(e.kind in kinds for e in self.sheet.events)

    def _event_list(self, top: float) -> None:
        canv = self.canv
        entries = _key_events(self.sheet)
        label(canv, "Key dates", 0, top - 12, 11, 60 * mm, bold=True)
        summary = _recurring_summary(self.sheet.events)
        label(canv, summary, 28 * mm, top - 11, 8.5, self.width - 28 * mm, color=GREY)
        area_top, columns = top - 20, 3 if len(entries) > 16 else 2
        gap = 6 * mm
        col_w = (self.width - gap * (columns - 1)) / columns
        for size in (10.0, 9.0, 8.0, 7.0, 6.5, 6.0):
            placed = _layout(entries, size, col_w, area_top, columns)
            if placed is not None:
                break
        else:
            placed = _layout(entries, 6.0, col_w, area_top, columns, force=True) or []
        for column, y, paragraph in placed:
            paragraph.drawOn(canv, column * (col_w + gap), y)


def _days(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]


def _key_events(sheet: PiSheet) -> list[str]:
    """Non-recurring events, plus recurring ones that were moved or edited by hand."""
    rows = []
    for event in sorted(sheet.events, key=lambda e: (e.start, e.title)):
        if event.kind in RECURRING and not event.note and not event.manual:
            continue
        text = f"{describe_day(event.start.date())}  {time_range(event)}  {event.title}"
        if event.kind in RECURRING or event.kind is EventKind.OTHER:
            text += f" [{KIND_LABELS[event.kind]}]"
        if event.note:
            text += f" — {'* ' if event_marks.is_moved(event) else ''}{event.note}"
        rows.append(text)
    return rows


def _recurring_summary(events: Sequence[Event]) -> str:
    """One line for the recurring meetings: ``ART Sync 9× (usually Wednesday 10:00–11:00)``."""
    parts = []
    for kind in RECURRING:
        same = [e for e in events if e.kind is kind]
        if not same:
            continue
        weekday, times = (
            Counter(e.start.weekday() for e in same).most_common(1)[0][0],
            Counter(time_range(e) for e in same).most_common(1)[0][0],
        )
        parts.append(f"{KIND_LABELS[kind]} {len(same)}× (usually {WEEKDAYS[weekday]} {times})")
    return "  ·  ".join(parts) or "No recurring meetings in this PI."


def _layout(
    entries: Sequence[str], size: float, width: float, top: float, columns: int, force: bool = False
) -> list[tuple[int, float, Any]] | None:
    """Place paragraphs top-down in columns; None when they do not fit (unless ``force``)."""
    st = _style(size, leading=size * 1.22)
    placed: list[tuple[int, float, Any]] = []
    column, y = 0, top
    for text in entries:
        paragraph = _para(text, st)
        _w, h = paragraph.wrap(width, 1000)
        if y - h < 0:
            column, y = column + 1, top
            if column >= columns:
                return placed if force else None
        y -= h + size * 0.3
        placed.append((column, y, paragraph))
    return placed


def render(book: CalendarBook) -> bytes:
    """The calendar PDF: year at a glance first, then one page per PI (A4 landscape)."""
    from rte_desktop.reports.calendar_year import YearPage

    story: list[Flowable] = [YearPage(book)]
    for sheet in book.sheets:
        story += [PageBreak(), PiPage(book, sheet)]
    names = ", ".join(s.pi.name for s in book.sheets) or "no PI"
    return build_pdf(
        story,
        title=f"{book.art.name} calendar",
        subject=f"Calendar: {names}",
        landscape_mode=True,
        footer=f"{book.art.name} calendar · RTE Desktop",
    )

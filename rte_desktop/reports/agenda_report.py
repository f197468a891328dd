"""The agenda timing report: planned vs actual time per item and per day, and the total overrun.

Takes plain data (``TimingReport``) built by the timer service. Differences are printed with a
sign and a word ("over", "under"), so the colours are only a help.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from rte_desktop.domain.agenda_schedule import DaySchedule, DayTiming, ItemTiming
from rte_desktop.reports._doc import GREEN, GREY, LIGHT, RED, build_pdf, para, style


@dataclass(frozen=True)
class TimingReport:
    title: str
    art_name: str
    pi_name: str
    time_zone: str
    days: list[DayTiming]
    schedules: list[DaySchedule]
    finished: bool
    running: bool
    printed: dt.datetime


def duration(seconds: float) -> str:
    """Whole minutes and seconds: "65:12", "1:05:12" from an hour."""
    total = round(abs(seconds))
    hours, rest = divmod(total, 3600)
    mins, secs = divmod(rest, 60)
    return f"{hours}:{mins:02d}:{secs:02d}" if hours else f"{mins}:{secs:02d}"


def signed(seconds: float) -> str:
    """A difference with its sign and a word: "+5:00 over", "-3:00 under", "on time"."""
    if round(seconds) == 0:
        return "on time"
    word = "over" if seconds > 0 else "under"
    return f"{'+' if seconds > 0 else '-'}{duration(seconds)} {word}"


def _item_row(t: ItemTiming) -> list[Any]:
    small = style(8.5)
    planned = "open" if t.planned_s is None else duration(t.planned_s)
    extended = signed(t.extension_s).replace(" over", "").replace(" under", "")
    diff = t.difference_s
    return [
        t.planned_start.strftime("%H:%M"),
        para(t.item.title + (" (break)" if t.item.is_break else ""), small),
        planned,
        "" if not t.extension_s else extended,
        t.actual_start.strftime("%H:%M") if t.actual_start else "",
        duration(t.actual_s) if t.ran else "not run",
        ("running" if t.in_progress else "") if diff is None else signed(diff),
    ]


HEADER = ["Planned", "Item", "Plan", "Extended", "Started", "Actual", "Difference"]
WIDTHS = [16 * mm, 60 * mm, 16 * mm, 19 * mm, 16 * mm, 17 * mm, 28 * mm]


def _day_table(day: DayTiming) -> Table:
    rows: list[list[Any]] = [HEADER]
    rows += [_item_row(t) for t in day.items]
    rows.append(
        [
            "",
            para("Day total", style(9, bold=True)),
            duration(day.planned_s),
            "",
            "",
            duration(day.actual_s) if any(t.ran for t in day.items) else "",
            signed(day.difference_s) if any(t.ran for t in day.items) else "",
        ]
    )
    table = Table(rows, colWidths=WIDTHS, repeatRows=1)
    commands: list[Any] = [
        ("FONT", (0, 0), (-1, -1), "RteSans", 8.5),
        ("FONT", (0, 0), (-1, 0), "RteSans-Bold", 8.5),
        ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, GREY),
        ("LINEABOVE", (0, -1), (-1, -1), 0.6, GREY),
        ("FONT", (0, -1), (-1, -1), "RteSans-Bold", 8.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (2, 0), (-1, -1), "RIGHT"),
    ]
    for k, t in enumerate(day.items, start=1):
        if t.difference_s is not None and round(t.difference_s):
            colour = RED if t.difference_s > 0 else GREEN
            commands.append(("TEXTCOLOR", (6, k), (6, k), colour))
        if not t.ran:
            commands.append(("TEXTCOLOR", (0, k), (-1, k), GREY))
    table.setStyle(TableStyle(commands))
    return table


def _day_line(day: DayTiming, schedule: DaySchedule | None, report: TimingReport) -> str:
    if schedule is None:
        return ""
    started = [r.start for r in schedule.rows if r.start is not None and r.status.value == "done"]
    planned_end = schedule.planned_end.strftime("%H:%M")
    if not any(t.ran for t in day.items):
        return f"Planned end {planned_end}. Not run yet."
    verb = "Ended" if report.finished or not _is_current(schedule) else "Projected end"
    start = min(started).strftime("%H:%M") if started else ""
    begun = f"Started {start}. " if start else ""
    return (
        f"{begun}{verb} {schedule.projected_end.strftime('%H:%M')}, planned {planned_end} "
        f"({signed(schedule.behind_s)})."
    )


def _is_current(schedule: DaySchedule) -> bool:
    return any(r.status.value == "current" for r in schedule.rows)


def build_story(report: TimingReport) -> list[Flowable]:
    total_planned = sum(d.planned_s for d in report.days)
    total_actual = sum(d.actual_s for d in report.days)
    total_overrun = sum(d.overrun_s for d in report.days)
    net = sum(d.difference_s for d in report.days)
    state = "finished" if report.finished else "in progress" if report.running else "not finished"
    story: list[Flowable] = [
        para(f"Timing report: {report.title}", style(18, bold=True)),
        para(
            f"{report.art_name} · {report.pi_name} · times in {report.time_zone} · run {state}, "
            f"as of {report.printed:%Y-%m-%d %H:%M}",
            style(9.5, color=GREY),
        ),
        Spacer(1, 4 * mm),
        para(
            f"Planned {duration(total_planned)}, actual so far {duration(total_actual)}. "
            f"Net difference of the items that ran: {signed(net)}. "
            f"Total overrun: {duration(total_overrun)}.",
            style(11),
        ),
        Spacer(1, 5 * mm),
    ]
    schedules = {s.day: s for s in report.schedules}
    for day in report.days:
        block: list[Flowable] = [
            para(f"Day {day.day}", style(13, bold=True)),
            para(_day_line(day, schedules.get(day.day), report), style(9.5, color=GREY)),
            Spacer(1, 2 * mm),
            _day_table(day),
            Spacer(1, 6 * mm),
        ]
        story.append(KeepTogether(block))
    story.append(
        para(
            "Plan: planned minutes; Extended: time added (+) or taken (-) while running; "
            "Difference: actual minus plan, before extensions. Overrun counts only the items "
            "that ran longer than planned.",
            style(8, color=colors.HexColor("#555555")),
        )
    )
    return story


def render_timing(report: TimingReport, paper: str = "a4") -> bytes:
    """The PDF bytes of the timing report."""
    return build_pdf(
        build_story(report),
        title=f"Timing report: {report.title}",
        subject=f"{report.art_name} {report.pi_name} agenda, planned vs actual",
        paper=paper,
        footer=f"{report.title} · {report.pi_name}",
    )

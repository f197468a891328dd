"""Words for the timer: the presenter frame and the laptop's status line from one snapshot."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from rte_desktop.domain.agenda_schedule import DaySchedule
from rte_desktop.domain.agenda_timer import (
    TimerSnapshot,
    TimerState,
    format_overrun,
    format_seconds,
)
from rte_desktop.ui.agenda.presenter_view import PresenterFrame


def _tr(text: str) -> str:
    return QCoreApplication.translate("AgendaDisplay", text)


def state_word(state: TimerState) -> str:
    return {
        TimerState.IDLE: _tr("READY"),
        TimerState.RUNNING: _tr("RUNNING"),
        TimerState.WRAP_UP: _tr("WRAP UP"),
        TimerState.OVERRUN: _tr("OVERRUN"),
        TimerState.PAUSED: _tr("PAUSED"),
        TimerState.FINISHED: _tr("FINISHED"),
    }[state]


def big_text(snap: TimerSnapshot) -> str:
    """The huge number: remaining, or the overrun counting up, or elapsed when open-ended."""
    if snap.state is TimerState.FINISHED:
        return _tr("END")
    remaining = snap.remaining_s
    if remaining is None:
        return format_seconds(snap.elapsed_s)
    if remaining <= 0 and snap.state is not TimerState.IDLE:
        return format_overrun(-remaining)
    return format_seconds(remaining)


def caption(snap: TimerSnapshot) -> str:
    if snap.state is TimerState.FINISHED:
        return _tr("agenda finished")
    if snap.remaining_s is None:
        return _tr("elapsed (open-ended)")
    over = snap.remaining_s <= 0
    return {
        TimerState.IDLE: _tr("planned - ready to start"),
        TimerState.RUNNING: _tr("remaining"),
        TimerState.WRAP_UP: _tr("remaining - time to wrap up"),
        TimerState.OVERRUN: _tr("over time"),
        TimerState.PAUSED: _tr("over time - paused") if over else _tr("remaining - paused"),
    }[snap.state]


def ahead_behind(seconds: float) -> str:
    """'5 min behind', '3 min ahead', 'on time' (whole minutes, rounded toward on time)."""
    minutes = int(abs(seconds) // 60)
    if minutes == 0:
        return _tr("on time")
    if seconds > 0:
        return _tr("%n min behind").replace("%n", str(minutes))
    return _tr("%n min ahead").replace("%n", str(minutes))


def day_line(day: DaySchedule | None) -> str:
    """'Day 1 ends 17:30 · 5 min behind' once the run goes; the planned end before it starts."""
    if day is None:
        return ""
    if not day.projected:
        return _tr("Day %d ends %s (planned)") % (day.day, day.planned_end.strftime("%H:%M"))
    return _tr("Day %d ends %s · %s") % (
        day.day,
        day.projected_end.strftime("%H:%M"),
        ahead_behind(day.behind_s),
    )


def next_line(snap: TimerSnapshot, day: DaySchedule | None) -> str:
    item = snap.next_item
    if item is None:
        return _tr("Last item")
    start = ""
    if day is not None:
        row = next((r for r in day.rows if r.item.id == item.id), None)
        if row is not None and row.start is not None:
            start = row.start.strftime("%H:%M")
    if not start:
        start = _tr("day %d, %s") % (item.day, item.start.strftime("%H:%M"))
    return _tr("Next: %s  ·  %s") % (item.title, start)


def frame(snap: TimerSnapshot, day: DaySchedule | None) -> PresenterFrame:
    """What the projector shows for this snapshot."""
    title = snap.item.title if snap.item else _tr("No items on this agenda")
    return PresenterFrame(
        state=snap.state,
        title=title,
        big=big_text(snap),
        caption=caption(snap),
        progress=snap.progress if snap.state is not TimerState.IDLE else 0.0,
        next_line=next_line(snap, day),
        day_line=day_line(day),
        badge=state_word(snap.state),
    )


def local_time(moment: dt.datetime, tz: dt.tzinfo) -> str:
    return moment.astimezone(tz).strftime("%H:%M")

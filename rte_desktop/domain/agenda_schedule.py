"""Planned vs projected times of every item, and planned vs actual for the timing report.

Projection rule (derived from the timer run and one reading of the clock, never counted):
    * Items already run show their actual start and end; items passed over show as skipped.
    * The current item started when its clock first ran; it ends ``now + max(remaining, 0)``
      (paused: as if resumed now; not started yet: at ``max(now, planned start)`` plus its plan).
    * Every later item of the day starts when the one before it ends, plus the planned gap
      between them (a gap in the plan stays a gap), and lasts what is left of its plan
      (planned + extensions - already run; an open-ended item takes no time).
    * The day's projected end is the latest end; ``behind_s`` is projected end minus planned end
      (positive: running late, negative: ahead).
    * Before the run starts (or after a reset) nothing is projected: every item shows its plan,
      ``projected`` is False and ``behind_s`` is 0, however late the clock is.
The current day is dated today (in the agenda's time zone); other days are dated relative to it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from rte_desktop.domain.agenda_plan import days, end_minutes, length
from rte_desktop.domain.agenda_timer import ItemRun, Reading, TimerRun
from rte_desktop.domain.model import AgendaItem


class RowStatus(StrEnum):
    DONE = "done"
    CURRENT = "current"
    SKIPPED = "skipped"
    UPCOMING = "upcoming"


@dataclass(frozen=True)
class ScheduleRow:
    item: AgendaItem
    status: RowStatus
    planned_start: dt.datetime
    planned_end: dt.datetime
    start: dt.datetime | None  # actual when run, else projected; None when skipped
    end: dt.datetime | None
    elapsed_s: float
    extension_s: int


@dataclass(frozen=True)
class DaySchedule:
    day: int
    date: dt.date
    rows: tuple[ScheduleRow, ...]
    planned_end: dt.datetime
    projected_end: dt.datetime
    projected: bool = True  # False: the run has not started, the times are the plan

    @property
    def behind_s(self) -> float:
        """Projected minus planned end: positive means late, negative ahead (0 before the run)."""
        return (self.projected_end - self.planned_end).total_seconds()


def _at(date: dt.date, minute_of_day: int, tz: dt.tzinfo) -> dt.datetime:
    midnight = dt.datetime.combine(date, dt.time(0, 0), tzinfo=tz)
    return midnight + dt.timedelta(minutes=minute_of_day)


def _planned(item: AgendaItem, date: dt.date, tz: dt.tzinfo) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(date, item.start, tzinfo=tz)
    return start, start + dt.timedelta(minutes=length(item))


def _left(item: AgendaItem, run: ItemRun | None, elapsed: float) -> float:
    """Seconds of plan still ahead of an item (0 for open-ended or used up)."""
    if item.duration_min is None:
        return 0.0
    extension = run.extension_s if run else 0
    return max(0.0, item.duration_min * 60 + extension - elapsed)


def current_day(run: TimerRun) -> int:
    item = run.current
    return item.day if item else 1


def project(run: TimerRun, now: Reading, tz: dt.tzinfo) -> list[DaySchedule]:
    """Every day of the agenda with planned and actual-or-projected times (see module doc)."""
    today = now.wall.astimezone(tz).date()
    day_now = current_day(run)
    if not run.started:
        return [
            _planned_day(run, tz, day, today + dt.timedelta(days=day - day_now))
            for day in days(run.items)
        ]
    return [
        _project_day(run, now, tz, day, today + dt.timedelta(days=day - day_now), day - day_now)
        for day in days(run.items)
    ]


def _planned_day(run: TimerRun, tz: dt.tzinfo, day: int, date: dt.date) -> DaySchedule:
    """A day of a run not started yet: the plan, nothing projected from the clock."""
    rows = []
    for item in (i for i in run.items if i.day == day):
        start, end = _planned(item, date, tz)
        rows.append(ScheduleRow(item, RowStatus.UPCOMING, start, end, start, end, 0.0, 0))
    planned_end = _at(date, max((end_minutes(r.item) for r in rows), default=0), tz)
    return DaySchedule(day, date, tuple(rows), planned_end, planned_end, projected=False)


def _project_day(
    run: TimerRun, now: Reading, tz: dt.tzinfo, day: int, date: dt.date, offset: int
) -> DaySchedule:
    items = [item for item in run.items if item.day == day]
    now_local = now.wall.astimezone(tz)
    current = run.current
    current_index = next(
        (k for k, item in enumerate(items) if current is not None and item.id == current.id), None
    )
    if offset > 0:
        current_index = -1  # a later day: everything is still ahead
    elif offset < 0 or current_index is None:
        current_index = len(items)  # an earlier day: everything is behind
    rows: list[ScheduleRow] = []
    cursor: dt.datetime | None = None
    previous_planned_end: dt.datetime | None = None
    for k, item in enumerate(items):
        assert item.id is not None
        item_run = run.runs.get(item.id)
        elapsed = run.elapsed(item.id, now)
        extension = item_run.extension_s if item_run else 0
        planned_start, planned_end = _planned(item, date, tz)
        if k < current_index or (run.finished and k == current_index):
            status = RowStatus.DONE if item_run and item_run.begun else RowStatus.SKIPPED
            start, end = _actual(item_run, tz)
            if status is RowStatus.DONE and end is None:
                end = now_local
        elif k == current_index:
            status = RowStatus.CURRENT
            if item_run and item_run.begun and item_run.first_start is not None:
                start = item_run.first_start.astimezone(tz)
                end = now_local + dt.timedelta(seconds=_left(item, item_run, elapsed))
            else:
                start = max(now_local, planned_start)
                end = start + dt.timedelta(seconds=_left(item, item_run, elapsed))
        else:
            status = RowStatus.UPCOMING
            if cursor is None:
                start = max(now_local, planned_start) if offset == 0 else planned_start
            else:
                gap = planned_start - (previous_planned_end or planned_start)
                start = cursor + max(gap, dt.timedelta(0))
            end = start + dt.timedelta(seconds=_left(item, item_run, elapsed))
        if end is not None and status is not RowStatus.SKIPPED:
            cursor = end
        previous_planned_end = planned_end
        rows.append(
            ScheduleRow(item, status, planned_start, planned_end, start, end, elapsed, extension)
        )
    planned_day_end = _at(date, max((end_minutes(i) for i in items), default=0), tz)
    ends = [row.end for row in rows if row.end is not None]
    return DaySchedule(day, date, tuple(rows), planned_day_end, max(ends, default=planned_day_end))


def _actual(run: ItemRun | None, tz: dt.tzinfo) -> tuple[dt.datetime | None, dt.datetime | None]:
    if run is None or run.first_start is None:
        return None, None
    stop = run.last_stop.astimezone(tz) if run.last_stop else None
    return run.first_start.astimezone(tz), stop


# -- the timing report's numbers ------------------------------------------------------------------


@dataclass(frozen=True)
class ItemTiming:
    item: AgendaItem
    planned_start: dt.time
    planned_s: int | None  # None: open-ended
    extension_s: int
    actual_s: float
    actual_start: dt.datetime | None  # in the agenda's zone; None: never run
    in_progress: bool = False  # the current item of an unfinished run

    @property
    def ran(self) -> bool:
        return self.actual_start is not None

    @property
    def difference_s(self) -> float | None:
        """Actual minus planned (before extensions).

        None when open-ended, never run, or still running within its plan (not known yet).
        """
        if self.planned_s is None or not self.ran:
            return None
        difference = self.actual_s - self.planned_s
        if self.in_progress and difference < 0:
            return None
        return difference

    @property
    def overrun_s(self) -> float:
        diff = self.difference_s
        return max(0.0, diff) if diff is not None else 0.0


@dataclass(frozen=True)
class DayTiming:
    day: int
    items: tuple[ItemTiming, ...]

    @property
    def planned_s(self) -> int:
        return sum(t.planned_s or 0 for t in self.items)

    @property
    def actual_s(self) -> float:
        return sum(t.actual_s for t in self.items)

    @property
    def overrun_s(self) -> float:
        return sum(t.overrun_s for t in self.items)

    @property
    def difference_s(self) -> float:
        """Net actual minus planned over the items that ran with a fixed length."""
        return sum(t.difference_s or 0.0 for t in self.items)


def timing(run: TimerRun, now: Reading, tz: dt.tzinfo) -> list[DayTiming]:
    """Planned vs actual for every item, grouped by day (the current item counts up to now)."""
    result = []
    for day in days(run.items):
        rows = []
        for item in (i for i in run.items if i.day == day):
            assert item.id is not None
            item_run = run.runs.get(item.id)
            first = item_run.first_start if item_run else None
            rows.append(
                ItemTiming(
                    item=item,
                    planned_start=item.start,
                    planned_s=None if item.duration_min is None else item.duration_min * 60,
                    extension_s=item_run.extension_s if item_run else 0,
                    actual_s=run.elapsed(item.id, now),
                    actual_start=first.astimezone(tz) if first else None,
                    in_progress=run.started and not run.finished and item.id == run.current_id,
                )
            )
        result.append(DayTiming(day, tuple(rows)))
    return result


def total_overrun_s(days_: list[DayTiming]) -> float:
    return sum(d.overrun_s for d in days_)

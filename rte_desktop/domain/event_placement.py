"""Placing the ART events in planned PIs by the calendar rules.

An event whose day is not a working day moves to the next working day and its note says so;
a weekly meeting that finds no working day left in its week (or whose day is taken by I&A or
PI Planning) is skipped and reported. Every placed event carries a *slot* ("system-demo-i2")
unique within its PI, from which the calendar service derives stable UIDs: regenerating the same
cadence gives the same UIDs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from rte_desktop.domain.cadence import WEEKDAYS, PiPlan, WorkingCalendar, describe_day
from rte_desktop.domain.calendar_rules import (
    KIND_LABELS,
    CalendarRules,
    PiPlanningRule,
    check_rules,
)
from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.model import EventKind


@dataclass(frozen=True)
class PlannedEvent:
    """An event placed by the rules; ``slot`` is unique within PI ``pi_index``."""

    pi_index: int
    slot: str
    kind: EventKind
    title: str
    start: dt.datetime
    end: dt.datetime
    note: str = ""


@dataclass(frozen=True)
class Placement:
    events: tuple[PlannedEvent, ...]
    skipped: tuple[str, ...]  # weekly meetings that found no working day, in words


def _day_in_week(week_start: dt.date, weekday: int) -> dt.date:
    return week_start + dt.timedelta(days=(weekday - week_start.weekday()) % 7)


def _at(day: dt.date, start: dt.time, minutes: int) -> tuple[dt.datetime, dt.datetime]:
    begin = dt.datetime.combine(day, start)
    return begin, begin + dt.timedelta(minutes=minutes)


def _moved_note(wanted: dt.date, calendar: WorkingCalendar) -> str:
    reason = calendar.blocked_by(wanted)
    because = f" ({reason})" if reason and reason not in WEEKDAYS else ""
    what = "not a working day" if reason in WEEKDAYS else "a holiday"
    return f"Moved from {describe_day(wanted)}: {what}{because}."


@dataclass
class _Placer:
    calendar: WorkingCalendar
    events: list[PlannedEvent] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def add(
        self,
        index: int,
        slot: str,
        kind: EventKind,
        title: str,
        day: dt.date,
        start: dt.time,
        minutes: int,
        note: str = "",
    ) -> None:
        begin, end = _at(day, start, minutes)
        self.events.append(PlannedEvent(index, slot, kind, title, begin, end, note))

    def forward(self, wanted: dt.date) -> tuple[dt.date, str]:
        day = self.calendar.next_working_day(wanted)
        if day is None:
            raise ValidationError(f"No working day within a year after {describe_day(wanted)}.")
        return day, "" if day == wanted else _moved_note(wanted, self.calendar)

    def weekly(
        self,
        index: int,
        slot: str,
        kind: EventKind,
        title: str,
        week_start: dt.date,
        weekday: int,
        start: dt.time,
        minutes: int,
        busy: set[dt.date],
    ) -> None:
        """A meeting in the week from ``week_start``: moved within the week, else skipped.

        It is skipped, too, on a day taken by Inspect & Adapt or PI Planning (``busy``).
        """
        wanted = _day_in_week(week_start, weekday)
        day = self.calendar.next_working_day(wanted, week_start + dt.timedelta(days=6))
        if day is None or day in busy:
            why = (
                "no working day left in that week"
                if day is None
                else "Inspect & Adapt / PI Planning that day"
            )
            self.skipped.append(f"{title} on {describe_day(wanted)} skipped: {why}.")
            return
        note = "" if day == wanted else _moved_note(wanted, self.calendar)
        self.add(index, slot, kind, title, day, start, minutes, note)


def planning_days(
    plan: PiPlan, rule: PiPlanningRule, calendar: WorkingCalendar
) -> list[tuple[dt.date, str]]:
    """The PI Planning days held in ``plan`` (its last iteration), each with a note if moved."""
    last = plan.iterations[-1]
    weeks = ((last.end - last.start).days + 1) // 7
    week_start = last.start + dt.timedelta(weeks=min(rule.week, max(weeks, 1)) - 1)
    wanted = _day_in_week(week_start, rule.weekday)
    days: list[tuple[dt.date, str]] = []
    for _ in range(rule.days):
        day = calendar.next_working_day(wanted)
        if day is None:
            raise ValidationError(
                f"No working day for PI Planning within a year after {describe_day(wanted)}."
            )
        days.append((day, "" if day == wanted else _moved_note(wanted, calendar)))
        wanted = day + dt.timedelta(days=1)
    return days


def place_events(
    plans: Sequence[PiPlan],
    rules: CalendarRules,
    calendar: WorkingCalendar,
    next_pi_name: str | None = None,
) -> Placement:
    """Place every event the rules ask for in ``plans``.

    Args:
        plans: the PIs, in order.
        rules: which events, on which days and at what times.
        calendar: working days and holidays.
        next_pi_name: the name of the PI after the last one (PI Planning in the last PI plans it).

    Raises:
        ValidationError: impossible rules.
    """
    check_rules(rules)
    placer = _Placer(calendar)
    for index, plan in enumerate(plans):
        upcoming = plans[index + 1].name if index + 1 < len(plans) else next_pi_name
        _place_pi(placer, index, plan, rules, upcoming)
    events = sorted(placer.events, key=lambda e: (e.start, e.pi_index, e.slot))
    return Placement(tuple(events), tuple(placer.skipped))


def _place_pi(
    placer: _Placer, index: int, plan: PiPlan, rules: CalendarRules, upcoming: str | None
) -> None:
    calendar = placer.calendar
    pip_rule = rules.pi_planning
    days = planning_days(plan, pip_rule, calendar)
    busy: set[dt.date] = set()
    planned = f"PI Planning {upcoming}" if upcoming else f"PI Planning (after {plan.name})"
    if pip_rule.enabled:
        for number, (day, note) in enumerate(days, start=1):
            minutes = pip_rule.first_day_min if number == 1 else pip_rule.other_day_min
            title = f"{planned} · day {number}" if pip_rule.days > 1 else planned
            placer.add(
                index,
                f"pi-planning-d{number}",
                EventKind.PI_PLANNING,
                title,
                day,
                pip_rule.start,
                minutes,
                note,
            )
            busy.add(day)
    ia = rules.inspect_adapt
    if ia.enabled:
        wanted = days[0][0] - dt.timedelta(days=1)
        ia_day = calendar.previous_working_day(wanted)
        if ia_day is None:
            raise ValidationError(f"No working day for I&A before {describe_day(days[0][0])}.")
        note = ""
        if ia_day != wanted:
            note = _moved_note(wanted, calendar).replace(
                "Moved from", "Moved back (the working day before PI Planning) from"
            )
        placer.add(
            index,
            "inspect-adapt",
            EventKind.INSPECT_ADAPT,
            f"Inspect & Adapt {plan.name}",
            ia_day,
            ia.start,
            ia.duration_min,
            note,
        )
        busy.add(ia_day)
    demo = rules.system_demo
    if demo.enabled:
        for it in plan.iterations:
            if it.is_ip:
                continue
            wanted = _day_in_week(it.end - dt.timedelta(days=6), demo.weekday)
            day, note = placer.forward(wanted)
            placer.add(
                index,
                f"system-demo-i{it.number}",
                EventKind.SYSTEM_DEMO,
                f"System Demo {it.name}",
                day,
                demo.start,
                demo.duration_min,
                note,
            )
    sync = rules.sync
    if sync.enabled:
        weeks = ((plan.end - plan.start).days + 1) // 7
        meetings = (
            [
                (EventKind.COACH_SYNC, "coach-sync", sync.weekday, sync.start),
                (EventKind.PO_SYNC, "po-sync", sync.po_weekday, sync.po_start),
            ]
            if sync.split
            else [(EventKind.ART_SYNC, "art-sync", sync.weekday, sync.start)]
        )
        for week in range(weeks):
            week_start = plan.start + dt.timedelta(weeks=week)
            for kind, slot, weekday, start in meetings:
                placer.weekly(
                    index,
                    f"{slot}-w{week + 1}",
                    kind,
                    KIND_LABELS[kind],
                    week_start,
                    weekday,
                    start,
                    sync.duration_min,
                    busy,
                )
    ref = rules.refinement
    if ref.enabled:
        for it in plan.iterations:
            if it.is_ip:
                continue
            last_week = it.end - dt.timedelta(days=6)
            weeks_of_it = [last_week] if ref.per_iteration == 1 else [it.start, last_week]
            for number, week_start in enumerate(dict.fromkeys(weeks_of_it), start=1):
                placer.weekly(
                    index,
                    f"backlog-refinement-i{it.number}-{number}",
                    EventKind.BACKLOG_REFINEMENT,
                    f"Backlog refinement {it.name}",
                    week_start,
                    ref.weekday,
                    ref.start,
                    ref.duration_min,
                    busy,
                )

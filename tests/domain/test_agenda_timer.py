"""The timer's clock rule, its states, and the projection of the day."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from hypothesis import given, strategies as st

from rte_desktop.domain.agenda_schedule import RowStatus, project, timing, total_overrun_s
from rte_desktop.domain.agenda_templates import PI_PLANNING_2_DAY
from rte_desktop.domain.agenda_timer import (
    SLEEP_GAP_S,
    Reading,
    TimerState,
    format_overrun,
    format_seconds,
    replay,
    seconds_between,
)
from rte_desktop.domain.clock import FakeClock
from rte_desktop.domain.model import AgendaItem, TimerAction, TimerEvent

T0 = dt.datetime(2026, 11, 25, 7, 0, tzinfo=dt.UTC)  # 08:00 in Berlin
BERLIN = ZoneInfo("Europe/Berlin")


def agenda_items() -> list[AgendaItem]:
    return [
        AgendaItem(
            id=100 + k,
            agenda_id=1,
            day=t.day,
            position=k,
            title=t.title,
            start=t.start,
            duration_min=t.duration_min,
        )
        for k, t in enumerate(PI_PLANNING_2_DAY)
    ]


class Log:
    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.events: list[TimerEvent] = []

    def __call__(self, action: TimerAction, item_id: int | None = None, amount: int = 0) -> None:
        self.events.append(
            TimerEvent(
                agenda_id=1,
                seq=len(self.events) + 1,
                action=action,
                item_id=item_id,
                amount_s=amount,
                wall=self.clock.now().replace(tzinfo=None),  # as SQLite gives it back
                mono=self.clock.monotonic(),
            )
        )

    def now(self) -> Reading:
        return Reading.of(self.clock.now(), self.clock.monotonic())


@given(
    last_mono=st.floats(0, 1e6),
    before_crash=st.floats(0, 3600),
    downtime=st.floats(0, 3600),
    boot_share=st.floats(0, 1),
)
def test_a_reboot_costs_at_most_the_sleep_gap(
    last_mono: float, before_crash: float, downtime: float, boot_share: float
) -> None:
    """A new boot's monotonic clock is at most the downtime: the rule is off by <= SLEEP_GAP_S."""
    a = Reading(T0, last_mono)
    real = before_crash + downtime
    b = Reading(T0 + dt.timedelta(seconds=real), downtime * boot_share)
    assert abs(seconds_between(a, b) - real) <= SLEEP_GAP_S + 1e-6


def test_wall_clock_set_back_is_ignored_and_forward_counts_like_sleep() -> None:
    a = Reading(T0, 100.0)
    assert seconds_between(a, Reading(T0 - dt.timedelta(hours=1), 160.0)) == 60.0
    assert seconds_between(a, Reading(T0 + dt.timedelta(hours=1), 160.0)) == 3600.0
    assert seconds_between(a, Reading(T0 + dt.timedelta(seconds=62), 160.0)) == 60.0


def test_a_morning_runs_wraps_up_overruns_and_moves_on() -> None:
    clock = FakeClock(T0)
    log = Log(clock)
    items = agenda_items()
    log(TimerAction.START, 100)
    clock.advance(57 * 60)
    snap = replay(items, log.events).at(log.now())
    assert snap.state is TimerState.RUNNING
    assert format_seconds(snap.remaining_s) == "03:00"
    clock.advance(61)
    snap = replay(items, log.events).at(log.now())
    assert snap.state is TimerState.WRAP_UP
    assert format_seconds(snap.remaining_s) == "01:59"
    clock.advance(3 * 60)
    snap = replay(items, log.events).at(log.now())
    assert snap.state is TimerState.OVERRUN
    assert format_overrun(snap.overrun_s) == "+01:01"
    log(TimerAction.EXTEND, 100, 300)
    snap = replay(items, log.events).at(log.now())
    assert snap.state is TimerState.RUNNING
    assert snap.remaining_s == 300 - 61
    assert format_seconds(snap.remaining_s) == "03:59"
    log(TimerAction.PAUSE, 100)
    clock.advance(600)
    snap = replay(items, log.events).at(log.now())
    assert snap.state is TimerState.PAUSED
    assert snap.elapsed_s == 61 * 60 + 1
    log(TimerAction.RESUME, 100)
    log(TimerAction.NEXT, 101)
    clock.advance(30)
    run = replay(items, log.events)
    snap = run.at(log.now())
    assert snap.item.title == "Product/Solution vision"
    assert snap.elapsed_s == 30
    assert run.elapsed(100, log.now()) == 61 * 60 + 1


def test_next_past_a_days_end_waits_and_past_the_last_item_finishes() -> None:
    clock = FakeClock(T0)
    log = Log(clock)
    items = agenda_items()
    log(TimerAction.START, 106)  # the last item of day 1
    clock.advance(60)
    log(TimerAction.NEXT, 107)
    clock.advance(3600)
    snap = replay(items, log.events).at(log.now())
    assert snap.state is TimerState.IDLE
    assert snap.item.title == "Planning adjustments"
    assert snap.elapsed_s == 0
    log(TimerAction.JUMP, 113)
    log(TimerAction.RESUME, 113)
    clock.advance(60)
    log(TimerAction.NEXT)
    snap = replay(items, log.events).at(log.now())
    assert snap.state is TimerState.FINISHED


def test_a_deleted_target_falls_back_to_the_running_order_and_reset_forgets() -> None:
    clock = FakeClock(T0)
    log = Log(clock)
    items = agenda_items()
    log(TimerAction.START)  # no item: the first
    clock.advance(10)
    log(TimerAction.NEXT, None)  # its item was deleted: the following one
    clock.advance(10)
    run = replay(items, log.events)
    assert run.current_id == 101
    log(TimerAction.RESET)
    clock.advance(10)
    run = replay(items, log.events)
    assert not run.started and run.elapsed(101, log.now()) == 0
    assert run.at(log.now()).state is TimerState.IDLE


def test_projection_shifts_the_rest_of_the_day_and_reports_behind() -> None:
    clock = FakeClock(T0 + dt.timedelta(minutes=10))  # started 10 minutes late
    log = Log(clock)
    items = agenda_items()
    log(TimerAction.START, 100)
    clock.advance(65 * 60)  # 5 minutes over plan, still running
    now = log.now()
    day1, day2 = project(replay(items, log.events), now, BERLIN)
    assert day1.rows[0].status is RowStatus.CURRENT
    assert day1.rows[0].start.strftime("%H:%M") == "08:10"
    assert day1.rows[1].start == now.wall.astimezone(BERLIN)  # 09:15
    assert day1.rows[1].start.strftime("%H:%M") == "09:15"
    assert day1.projected_end.strftime("%H:%M") == "18:15"
    assert day1.behind_s == 15 * 60
    assert day2.rows[0].start.strftime("%H:%M") == "08:00"
    assert day2.date == day1.date + dt.timedelta(days=1)


def test_projection_keeps_planned_gaps_and_marks_skipped_items() -> None:
    items = [
        AgendaItem(id=1, agenda_id=1, title="A", start=dt.time(8), duration_min=30, position=0),
        AgendaItem(id=2, agenda_id=1, title="B", start=dt.time(8, 30), duration_min=30, position=1),
        AgendaItem(id=3, agenda_id=1, title="C", start=dt.time(10), duration_min=30, position=2),
    ]
    clock = FakeClock(T0)
    log = Log(clock)
    log(TimerAction.START, 1)
    clock.advance(60)
    log(TimerAction.JUMP, 3)  # B is skipped
    (day,) = project(replay(items, log.events), log.now(), BERLIN)
    assert [r.status for r in day.rows] == [RowStatus.DONE, RowStatus.SKIPPED, RowStatus.CURRENT]
    assert day.rows[1].start is None
    assert day.projected_end.strftime("%H:%M") == "08:31"
    assert day.behind_s == -(2 * 60 - 1) * 60


def test_timing_totals_count_only_what_ran_over_plan() -> None:
    clock = FakeClock(T0)
    log = Log(clock)
    items = agenda_items()
    log(TimerAction.START, 100)
    clock.advance(70 * 60)
    log(TimerAction.NEXT, 101)
    clock.advance(80 * 60)
    log(TimerAction.NEXT, 102)
    clock.advance(30)
    days = timing(replay(items, log.events), log.now(), BERLIN)
    first, second = days[0].items[:2]
    assert first.difference_s == 600 and first.overrun_s == 600
    assert second.difference_s == -600 and second.overrun_s == 0
    assert days[0].items[2].in_progress and days[0].items[2].difference_s is None
    assert total_overrun_s(days) == 600
    assert days[0].difference_s == 0
    assert first.actual_start.strftime("%H:%M") == "08:00"


def test_formatting_rounds_the_countdown_up_and_the_overrun_down() -> None:
    assert format_seconds(59.2) == "01:00"
    assert format_seconds(3723) == "62:03"
    assert format_seconds(180 * 60) == "3:00:00"
    assert format_seconds(-5) == "00:00"
    assert format_overrun(0.4) == "+00:00"
    assert format_overrun(3723.9) == "+62:03"
    assert format_overrun(6000) == "+1:40:00"

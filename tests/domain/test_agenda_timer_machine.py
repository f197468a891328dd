"""The timer against a simple model: any sequence of commands, clock moves, sleeps and reboots.

The model counts real seconds per item directly (it knows the truth: how long the room spent on
each item); the timer only sees the log of events with wall-clock and monotonic readings.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from rte_desktop.domain.agenda_timer import Reading, TimerState, replay
from rte_desktop.domain.clock import FakeClock
from rte_desktop.domain.model import AgendaItem, TimerAction, TimerEvent

ITEMS = (
    AgendaItem(id=11, agenda_id=1, day=1, position=0, title="A", start=dt.time(8), duration_min=5),
    AgendaItem(
        id=12, agenda_id=1, day=1, position=1, title="B", start=dt.time(8, 5), duration_min=3
    ),
    AgendaItem(id=13, agenda_id=1, day=1, position=2, title="C", start=dt.time(8, 8)),
    AgendaItem(id=21, agenda_id=1, day=2, position=3, title="D", start=dt.time(8), duration_min=10),
    AgendaItem(
        id=22, agenda_id=1, day=2, position=4, title="E", start=dt.time(8, 10), duration_min=1
    ),
)
IDS = [item.id for item in ITEMS]


class TimerMachine(RuleBasedStateMachine):
    @initialize()
    def setup(self) -> None:
        self.clock = FakeClock(dt.datetime(2026, 11, 25, 7, 0, tzinfo=dt.UTC), mono=1000.0)
        self.events: list[TimerEvent] = []
        self.started = self.running = self.paused = self.finished = False
        self.current: int | None = None  # index into ITEMS
        self.elapsed = dict.fromkeys(IDS, 0.0)
        self.extension = dict.fromkeys(IDS, 0)

    # -- the log -------------------------------------------------------------------------------

    def log(self, action: TimerAction, item: int | None = None, amount: int = 0) -> None:
        self.events.append(
            TimerEvent(
                agenda_id=1,
                seq=len(self.events) + 1,
                action=action,
                item_id=None if item is None else IDS[item],
                amount_s=amount,
                wall=self.clock.now(),
                mono=self.clock.monotonic(),
            )
        )

    def live(self) -> bool:
        return self.started and not self.finished and self.current is not None

    # -- commands --------------------------------------------------------------------------------

    @rule(index=st.integers(0, len(ITEMS) - 1))
    def start(self, index: int) -> None:
        self.log(TimerAction.START, index)
        self.started, self.finished, self.running, self.paused = True, False, True, False
        self.current = index

    @rule()
    def pause(self) -> None:
        self.log(TimerAction.PAUSE, self.current)
        if self.live() and self.running:
            self.running, self.paused = False, True

    @rule()
    def resume(self) -> None:
        self.log(TimerAction.RESUME, self.current)
        if self.live() and not self.running:
            self.running, self.paused = True, False

    @precondition(lambda self: self.current is not None)
    @rule()
    def next_item(self) -> None:
        target = self.current + 1
        self.log(TimerAction.NEXT, target if target < len(ITEMS) else None)
        if not self.live():
            return
        if target == len(ITEMS):
            self.running, self.finished, self.paused = False, True, False
        elif ITEMS[target].day != ITEMS[self.current].day:
            self.running, self.paused, self.current = False, False, target
        else:
            self.current = target

    @precondition(lambda self: self.current is not None and self.current > 0)
    @rule()
    def previous_item(self) -> None:
        self.log(TimerAction.PREVIOUS, self.current - 1)
        if self.live():
            self.current -= 1

    @rule(index=st.integers(0, len(ITEMS) - 1))
    def jump(self, index: int) -> None:
        self.log(TimerAction.JUMP, index)
        if self.finished:
            self.finished = self.running = self.paused = False
        self.current = index

    @rule(minutes=st.sampled_from([-5, -1, 1, 5]))
    def extend(self, minutes: int) -> None:
        self.log(TimerAction.EXTEND, self.current, minutes * 60)
        if self.live():
            self.extension[IDS[self.current]] += minutes * 60

    @rule()
    def reset(self) -> None:
        self.log(TimerAction.RESET)
        self.setup_after_reset()

    def setup_after_reset(self) -> None:
        self.started = self.running = self.paused = self.finished = False
        self.current = None
        self.elapsed = dict.fromkeys(IDS, 0.0)
        self.extension = dict.fromkeys(IDS, 0)

    # -- time ------------------------------------------------------------------------------------

    def room_time(self, seconds: float) -> None:
        if self.running and self.current is not None:
            self.elapsed[IDS[self.current]] += seconds

    @rule(seconds=st.floats(0, 900, allow_nan=False))
    def advance(self, seconds: float) -> None:
        self.clock.advance(seconds)
        self.room_time(seconds)

    @rule(seconds=st.floats(6, 7200, allow_nan=False))
    def laptop_sleeps(self, seconds: float) -> None:
        """Monotonic time stops while the machine sleeps; the meeting goes on."""
        self.clock.jump_wall(seconds)
        self.room_time(seconds)

    @rule(downtime=st.floats(10, 900, allow_nan=False), uptime=st.floats(0, 0.99))
    def crash_and_reboot(self, downtime: float, uptime: float) -> None:
        """The app dies, the machine reboots: a new monotonic origin, the wall clock goes on."""
        self.clock.jump_wall(downtime)
        self.clock.reboot(mono=uptime)
        self.room_time(downtime)

    # -- what must always hold ---------------------------------------------------------------------

    @invariant()
    def elapsed_is_the_sum_of_running_intervals(self) -> None:
        run = replay(ITEMS, self.events)
        now = Reading.of(self.clock.now(), self.clock.monotonic())
        for item_id in IDS:
            assert abs(run.elapsed(item_id, now) - self.elapsed[item_id]) < 1e-3, item_id

    @invariant()
    def remaining_is_planned_plus_extensions_minus_elapsed(self) -> None:
        run = replay(ITEMS, self.events)
        now = Reading.of(self.clock.now(), self.clock.monotonic())
        snap = run.at(now)
        item = ITEMS[self.current] if self.current is not None else ITEMS[0]
        assert snap.item == item
        if item.duration_min is None:
            assert snap.remaining_s is None
        else:
            expected = item.duration_min * 60 + self.extension[item.id] - self.elapsed[item.id]
            assert abs(snap.remaining_s - expected) < 1e-3

    @invariant()
    def state_words_match_the_model(self) -> None:
        snap = replay(ITEMS, self.events).at(Reading.of(self.clock.now(), self.clock.monotonic()))
        if not self.started:
            assert snap.state is TimerState.IDLE
        elif self.finished:
            assert snap.state is TimerState.FINISHED
        elif self.running:
            assert snap.state in (TimerState.RUNNING, TimerState.WRAP_UP, TimerState.OVERRUN)
            if snap.remaining_s is not None and snap.remaining_s <= -1:
                assert snap.state is TimerState.OVERRUN
        elif self.paused:
            assert snap.state is TimerState.PAUSED
        else:
            assert snap.state is TimerState.IDLE


TimerMachine.TestCase.settings = settings(max_examples=150, stateful_step_count=40, deadline=None)
test_timer_machine = TimerMachine.TestCase

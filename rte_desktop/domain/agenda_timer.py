"""The agenda timer: a pure state machine over the log of timer events.

Nothing is counted. Every displayed number is derived from the stored ``TimerEvent`` log (each
entry carries a wall-clock time in UTC and a monotonic reading) and one reading of the clocks now.
``replay`` folds the log into a ``TimerRun`` once; ``TimerRun.at(now)`` is cheap enough for every
display tick.

How long did the timer run between two readings? (``seconds_between``)
    Within one boot the monotonic clock is the truth: it never jumps when someone changes the
    system time or NTP corrects it. Across a reboot monotonic values mean nothing (a new origin),
    and while a laptop sleeps the monotonic clock stops on Linux and macOS although the meeting in
    the room goes on. So, with ``dm`` the monotonic and ``dw`` the wall-clock difference:

    * ``dm < 0``: the monotonic clock restarted (reboot, crash and restart on another boot): use
      the wall clock, ``max(dw, 0)``.
    * ``dw > dm + SLEEP_GAP_S``: the wall clock ran ahead: the machine slept (or was off and the
      new boot's uptime happens to be larger). The room's time went on: use ``dw``.
    * otherwise use ``dm`` (normal running; the wall clock set back or slewed by NTP is ignored).

    A new boot's monotonic reading is at most the time since that boot, which is at most the real
    time since a reading taken before it, so across a reboot the error is at most SLEEP_GAP_S.
    Known limit: someone setting the wall clock *forward* while the timer runs looks exactly like
    a sleep and is counted (setting it back again undoes that at the next reading).

Semantics of the actions (the service writes the target item into every event, so a replay is
faithful even after the items were reordered; a missing item falls back to the running order):
    START [item]  begin the run on the item (or the current/first one) and run.
    PAUSE/RESUME  stop and continue the clock of the current item.
    NEXT/PREVIOUS/JUMP [item]  make another item current; the clock keeps its state, except that
                  NEXT past the last item of a day stops and waits for that day's start, and NEXT
                  past the very last item finishes the run.
    EXTEND amount_s  add (or, negative, take) time to the current item's plan.
    RESET         forget the run (the log keeps its history; replay starts afresh after it).
Each item keeps its own elapsed time and extensions, so going back to an item continues its clock.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from rte_desktop.domain.model import AgendaItem, TimerAction, TimerEvent

SLEEP_GAP_S = 5.0
DEFAULT_WRAP_UP_S = 120


class TimerState(StrEnum):
    IDLE = "idle"  # not started, or waiting for the day's start
    RUNNING = "running"
    WRAP_UP = "wrap-up"  # running, remaining time at or below the wrap-up threshold
    OVERRUN = "overrun"  # running past the planned (plus extended) time
    PAUSED = "paused"
    FINISHED = "finished"


def as_utc(moment: dt.datetime) -> dt.datetime:
    """A UTC-aware datetime (naive values, as stored by SQLite, are UTC)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)


@dataclass(frozen=True)
class Reading:
    """One moment as both clocks saw it."""

    wall: dt.datetime  # UTC
    mono: float

    @classmethod
    def of(cls, wall: dt.datetime, mono: float) -> Reading:
        return cls(as_utc(wall), mono)


def seconds_between(a: Reading, b: Reading) -> float:
    """Real seconds from ``a`` to ``b`` (see the module docstring for the rule)."""
    dm = b.mono - a.mono
    dw = (b.wall - a.wall).total_seconds()
    if dm < 0:
        return max(dw, 0.0)
    if dw > dm + SLEEP_GAP_S:
        return dw
    return dm


@dataclass
class ItemRun:
    """What happened to one item during the run."""

    elapsed_s: float = 0.0
    extension_s: int = 0
    first_start: dt.datetime | None = None  # UTC, when its clock first ran
    last_stop: dt.datetime | None = None  # UTC, when its clock last stopped

    @property
    def begun(self) -> bool:
        return self.first_start is not None


@dataclass(frozen=True)
class TimerSnapshot:
    """Everything a display shows, for one moment."""

    state: TimerState
    item: AgendaItem | None
    next_item: AgendaItem | None
    elapsed_s: float
    planned_s: int | None  # None: open-ended
    extension_s: int
    now: Reading

    @property
    def budget_s(self) -> int | None:
        """Planned plus extensions (never below zero)."""
        return None if self.planned_s is None else max(0, self.planned_s + self.extension_s)

    @property
    def remaining_s(self) -> float | None:
        """Planned + extensions - elapsed; negative means overrun; None when open-ended."""
        if self.planned_s is None:
            return None
        return self.planned_s + self.extension_s - self.elapsed_s

    @property
    def overrun_s(self) -> float:
        remaining = self.remaining_s
        return 0.0 if remaining is None else max(0.0, -remaining)

    @property
    def progress(self) -> float:
        """Share of the budget used, 0..1 (1 in overrun; 0 when open-ended)."""
        budget = self.budget_s
        if not budget:
            return 1.0 if budget == 0 else 0.0
        return min(1.0, max(0.0, self.elapsed_s / budget))


@dataclass(frozen=True)
class TimerRun:
    """The log folded up to its last event; ``at(now)`` adds the interval still open."""

    items: tuple[AgendaItem, ...]
    runs: Mapping[int, ItemRun]
    current_id: int | None = None
    started: bool = False
    running: bool = False
    paused: bool = False
    finished: bool = False
    last: Reading | None = None  # the reading of the last event since the last RESET
    _index: Mapping[int, int] = field(default_factory=dict, compare=False, repr=False)

    def item(self, item_id: int | None) -> AgendaItem | None:
        if item_id is None or item_id not in self._index:
            return None
        return self.items[self._index[item_id]]

    @property
    def current(self) -> AgendaItem | None:
        return self.item(self.current_id) or (self.items[0] if self.items else None)

    def following(self, item: AgendaItem | None) -> AgendaItem | None:
        if item is None or item.id is None or item.id not in self._index:
            return None
        k = self._index[item.id] + 1
        return self.items[k] if k < len(self.items) else None

    def open_seconds(self, now: Reading) -> float:
        """Seconds the current item has run since the last event (0 unless running)."""
        if not self.running or self.last is None:
            return 0.0
        return seconds_between(self.last, now)

    def elapsed(self, item_id: int, now: Reading) -> float:
        """Seconds ``item_id`` has run in this run, up to ``now``."""
        run = self.runs.get(item_id)
        base = run.elapsed_s if run else 0.0
        return base + (self.open_seconds(now) if item_id == self.current_id else 0.0)

    def at(self, now: Reading, wrap_up_s: float = DEFAULT_WRAP_UP_S) -> TimerSnapshot:
        """The display state at ``now``."""
        item = self.current
        run = self.runs.get(item.id or -1, ItemRun()) if item else ItemRun()
        elapsed = self.elapsed(item.id, now) if item and item.id is not None else 0.0
        planned = None if item is None or item.duration_min is None else item.duration_min * 60
        snapshot = TimerSnapshot(
            state=TimerState.IDLE,
            item=item,
            next_item=self.following(item),
            elapsed_s=elapsed,
            planned_s=planned,
            extension_s=run.extension_s,
            now=now,
        )
        return dataclasses.replace(snapshot, state=self._state(snapshot, wrap_up_s))

    def _state(self, snap: TimerSnapshot, wrap_up_s: float) -> TimerState:
        if not self.started or snap.item is None:
            return TimerState.IDLE
        if self.finished:
            return TimerState.FINISHED
        if not self.running:
            return TimerState.PAUSED if self.paused else TimerState.IDLE
        remaining = snap.remaining_s
        if remaining is None:
            return TimerState.RUNNING
        # Compare whole displayed seconds, so the colour changes exactly when the digits do.
        shown = math.ceil(remaining - 1e-9)
        if shown <= 0:
            return TimerState.OVERRUN
        if shown <= wrap_up_s:
            return TimerState.WRAP_UP
        return TimerState.RUNNING


class _Fold:
    """Mutable state while replaying the log (private to ``replay``)."""

    def __init__(self, items: Sequence[AgendaItem]) -> None:
        self.items = tuple(items)
        self.index: dict[int, int] = {}
        for k, item in enumerate(self.items):
            if item.id is not None:
                self.index[item.id] = k
        self.reset()

    def reset(self) -> None:
        self.runs: dict[int, ItemRun] = {}
        self.current: int | None = None
        self.started = self.running = self.paused = self.finished = False
        self.last: Reading | None = None

    def valid(self, item_id: int | None) -> int | None:
        return item_id if item_id is not None and item_id in self.index else None

    def neighbour(self, step: int) -> int | None:
        if not self.items:
            return None
        if self.current is None:
            return self.items[0].id
        k = self.index[self.current] + step
        return self.items[k].id if 0 <= k < len(self.items) else None

    def run_of(self, item_id: int) -> ItemRun:
        return self.runs.setdefault(item_id, ItemRun())

    def begin(self, at: Reading) -> None:
        if self.current is not None:
            run = self.run_of(self.current)
            if run.first_start is None:
                run.first_start = at.wall
        self.running, self.paused = True, False

    def stop(self, at: Reading) -> None:
        if self.running and self.current is not None:
            self.run_of(self.current).last_stop = at.wall
        self.running = False

    def go(self, target: int | None, at: Reading, day_break: bool = False) -> None:
        if target is None or target == self.current:
            return
        was_running = self.running
        self.stop(at)
        self.current = target
        if was_running and not day_break:
            self.begin(at)
        elif day_break:
            self.paused = False

    def apply(self, event: TimerEvent, at: Reading) -> None:
        action = event.action
        if action is TimerAction.RESET:
            self.reset()
            return
        if self.running and self.current is not None and self.last is not None:
            self.run_of(self.current).elapsed_s += seconds_between(self.last, at)
        self.last = at
        target = self.valid(event.item_id)
        if action is TimerAction.START:
            self.started, self.finished = True, False
            self.current = target or self.valid(self.current) or self.neighbour(0)
            if self.current is not None:
                self.begin(at)
            return
        if action is TimerAction.JUMP:
            if target is not None and self.finished:
                self.finished, self.running, self.paused = False, False, False
                self.current = target
            else:
                self.go(target, at)
            return
        if not self.started or self.finished or self.current is None:
            return
        if action is TimerAction.PAUSE and self.running:
            self.stop(at)
            self.paused = True
        elif action is TimerAction.RESUME and not self.running:
            self.begin(at)
        elif action is TimerAction.EXTEND:
            self.run_of(self.current).extension_s += event.amount_s
        elif action is TimerAction.NEXT:
            self._next(target, at)
        elif action is TimerAction.PREVIOUS:
            self.go(target or self.neighbour(-1), at)

    def _next(self, target: int | None, at: Reading) -> None:
        target = target or self.neighbour(1)
        if target is None:
            self.stop(at)
            self.finished, self.paused = True, False
            return
        current_day = self.items[self.index[self.current]].day if self.current else None
        self.go(target, at, day_break=self.items[self.index[target]].day != current_day)


def replay(items: Sequence[AgendaItem], events: Iterable[TimerEvent]) -> TimerRun:
    """Fold the log (in ``seq`` order) over the items in running order."""
    fold = _Fold(items)
    for event in sorted(events, key=lambda e: e.seq):
        fold.apply(event, Reading.of(event.wall, event.mono))
    return TimerRun(
        items=fold.items,
        runs={k: dataclasses.replace(v) for k, v in fold.runs.items()},
        current_id=fold.current,
        started=fold.started,
        running=fold.running,
        paused=fold.paused,
        finished=fold.finished,
        last=fold.last,
        _index=fold.index,
    )


def _clock_text(total: int) -> str:
    # Minutes and seconds up to 99:59 (a 90-minute slot reads "90:00"), then hours.
    if total < 100 * 60:
        return f"{total // 60:02d}:{total % 60:02d}"
    hours, rest = divmod(total, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"


def format_seconds(seconds: float) -> str:
    """A countdown as the presenter shows it: "12:05", "90:00", "3:00:00"; rounded up."""
    return _clock_text(max(0, math.ceil(seconds - 1e-9)))


def format_overrun(seconds: float) -> str:
    """Overrun counting up in whole seconds: "+00:00", "+03:12"."""
    return "+" + _clock_text(max(0, math.floor(seconds + 1e-9)))

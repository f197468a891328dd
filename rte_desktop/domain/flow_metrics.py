"""SAFe flow metrics over work items and their status history (DOMAIN.md §8 and its decisions).

Definitions (the "Flow" rows of the decision table):

* An item **starts** on the day it first enters the commitment point or any later stage of the
  workflow, and is **done** on the day it last entered a done stage, provided it is still in a done
  stage at the end of its history (moving back out of done undoes "done").
* **Flow time** = done - start in whole calendar days, no +1 (jira-agile-metrics' cycle time).
* Without history (a Jira snapshot) the same span is created -> resolved and is called
  **lead time**; flow efficiency is then ``None`` ("n/a"), never a guess.
* **Load** on day D = items started on or before D and not done by the end of D.
* **Efficiency** = sum of days in active stages / sum of flow time over the finished items.
* **Percentiles** by linear interpolation between closest ranks (numpy's default, Excel's
  PERCENTILE.INC).

Pure Python: every function takes plain values and returns plain values; "today" is passed in.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from math import floor
from typing import NamedTuple


class StageKind(StrEnum):
    """What a workflow stage means for flow: not started, worked on, queued, finished."""

    BACKLOG = "backlog"
    ACTIVE = "active"
    WAITING = "waiting"
    DONE = "done"


class WorkType(StrEnum):
    """SAFe's flow distribution categories (an item's raw type maps to one of them)."""

    FEATURE = "feature"
    ENABLER = "enabler"
    DEFECT = "defect"
    DEBT = "debt"
    RISK = "risk"


@dataclass(frozen=True)
class Stage:
    """One status of the workflow and what it means."""

    name: str
    kind: StageKind


@dataclass(frozen=True)
class Workflow:
    """The ordered stages; the commitment point is the first stage that is not backlog."""

    stages: tuple[Stage, ...]

    def __post_init__(self) -> None:
        folded = {stage.name.casefold(): i for i, stage in enumerate(self.stages)}
        object.__setattr__(self, "_folded", folded)
        object.__setattr__(self, "_exact", {stage.name: i for i, stage in enumerate(self.stages)})

    def index(self, status: str) -> int | None:
        """The stage's position in the workflow (case-insensitive), None when unknown."""
        exact: dict[str, int] = self._exact  # type: ignore[attr-defined]
        found = exact.get(status)
        if found is None:
            folded: dict[str, int] = self._folded  # type: ignore[attr-defined]
            found = folded.get(status.casefold())
        return found

    def kind(self, status: str) -> StageKind | None:
        """The stage's kind, None when the status is not in the workflow."""
        position = self.index(status)
        return None if position is None else self.stages[position].kind

    @property
    def commitment(self) -> int:
        """Index of the commitment point (the first stage that is not backlog)."""
        for position, stage in enumerate(self.stages):
            if stage.kind is not StageKind.BACKLOG:
                return position
        return len(self.stages)


class Change(NamedTuple):
    """The item entered ``status`` on ``day`` (a tuple: histories hold hundreds of thousands)."""

    day: date
    status: str


@dataclass(frozen=True)
class FlowItem:
    """A work item as the metrics see it; ``history`` is ordered oldest first (may be empty)."""

    key: str
    title: str
    work_type: WorkType | None  # None: the raw type is not mapped yet
    team: str | None
    created: date | None
    resolved: date | None
    history: tuple[Change, ...] = ()
    active_known: bool = True  # False: the history gives start and done, not the waiting time


@dataclass(frozen=True)
class ItemTimes:
    """When an item started and finished, and how many of those days were active.

    ``history`` False means the dates are created/resolved (lead time) and ``active_days`` is None.
    """

    key: str
    start: date | None
    done: date | None
    active_days: int | None
    history: bool

    @property
    def flow_days(self) -> int | None:
        """Flow days: done - start in whole days, None while unfinished or never started."""
        if self.start is None or self.done is None:
            return None
        return (self.done - self.start).days


def item_times(item: FlowItem, workflow: Workflow) -> ItemTimes:
    """Start, done and active days of one item (see the module docstring for the rules)."""
    if not item.history:
        return ItemTimes(item.key, item.created, item.resolved, None, history=False)
    commitment = workflow.commitment
    kinds = [stage.kind for stage in workflow.stages]
    positions = [workflow.index(change.status) for change in item.history]
    start: date | None = None
    done: date | None = None
    for change, position in zip(item.history, positions, strict=True):
        if position is None:
            continue
        if start is None and position >= commitment:
            start = change.day
        if kinds[position] is StageKind.DONE:
            if done is None:
                done = change.day
        else:
            done = None  # moved back out of done: not done (until it enters done again)
    if start is not None and done is not None and done < start:
        done = start  # dates out of order in the source: never a negative flow time
    active = None
    if start is not None and done is not None and item.active_known:
        active = 0  # days in active stages, each interval clipped to start..done
        history = item.history
        for number in range(len(history) - 1):
            position = positions[number]
            if position is None or kinds[position] is not StageKind.ACTIVE:
                continue
            begin = max(history[number].day, start)
            end = min(history[number + 1].day, done)
            if end > begin:
                active += (end - begin).days
    return ItemTimes(item.key, start, done, active, history=True)


def reach_days(item: FlowItem, workflow: Workflow, done: date | None) -> list[date | None]:
    """Per stage, the first day the item was in that stage or a later one (None: never).

    The done stages follow ``done`` (from ``item_times``): an item that moved back out of done
    has not reached them, and it reaches them on its done day.
    """
    reached: list[date | None] = [None] * len(workflow.stages)
    furthest = -1
    for change in item.history:
        position = workflow.index(change.status)
        if position is None or position <= furthest:
            continue
        for stage in range(furthest + 1, position + 1):
            reached[stage] = change.day
        furthest = position
    first_done = next(
        (i for i, s in enumerate(workflow.stages) if s.kind is StageKind.DONE),
        len(workflow.stages),
    )
    for stage in range(first_done, len(reached)):
        day = reached[stage]
        reached[stage] = None if day is None or done is None else max(day, done)
    return reached


def times_and_reaches(
    items: Iterable[FlowItem], workflow: Workflow
) -> tuple[list[ItemTimes], list[list[date | None]]]:
    """``item_times`` and ``reach_days`` of every item, in one pass over each history.

    The same answers as calling the two functions item by item (reaches are ``[]`` for an item
    without history), a few times faster on a ten-year history: the workflow is looked at once,
    each status is looked up once, and one walk gives start, done, active days and reach days.
    """
    stages = workflow.stages
    count = len(stages)
    unknown = count  # the position of a status outside the workflow
    commitment = workflow.commitment
    is_done = [stage.kind is StageKind.DONE for stage in stages] + [False]
    is_active = [stage.kind is StageKind.ACTIVE for stage in stages] + [False]
    first_done = next((i for i, done in enumerate(is_done) if done), count)
    index = workflow.index
    position_of: dict[str, int] = {}
    all_times: list[ItemTimes] = []
    all_reaches: list[list[date | None]] = []
    for item in items:
        history = item.history
        if not history:
            all_times.append(ItemTimes(item.key, item.created, item.resolved, None, history=False))
            all_reaches.append([])
            continue
        positions: list[int] = []
        reached: list[date | None] = [None] * count
        start: date | None = None
        done: date | None = None
        furthest = -1
        for day, status in history:
            position = position_of.get(status)
            if position is None:
                found = index(status)
                position = position_of[status] = unknown if found is None else found
            positions.append(position)
            if position == unknown:
                continue
            if start is None and position >= commitment:
                start = day
            if is_done[position]:
                if done is None:
                    done = day
            else:
                done = None  # moved back out of done: not done (until it enters done again)
            if position > furthest:
                for stage in range(furthest + 1, position + 1):
                    reached[stage] = day
                furthest = position
        active = None
        if start is not None and done is not None:
            if done < start:
                done = start  # dates out of order in the source: never a negative flow time
            if item.active_known:
                active = 0  # days in active stages, each interval clipped to start..done
                begin: date | None = None  # the day the item entered an active stage
                for (day, _), position in zip(history, positions, strict=True):
                    if begin is not None:
                        end = day if day < done else done
                        if end > begin:
                            active += (end - begin).days
                    begin = (day if day > start else start) if is_active[position] else None
        if done is None:
            for stage in range(first_done, count):
                reached[stage] = None
        else:
            for stage in range(first_done, count):
                first_day = reached[stage]
                if first_day is not None and first_day < done:
                    reached[stage] = done
        all_times.append(ItemTimes(item.key, start, done, active, history=True))
        all_reaches.append(reached)
    return all_times, all_reaches


def percentile(values: Sequence[float], share: float) -> float:
    """The ``share`` (0..1) percentile by linear interpolation between closest ranks.

    Matches numpy's default ``percentile`` and Excel's PERCENTILE.INC.

    Raises:
        ValueError: no values, or a share outside 0..1.
    """
    if not values:
        raise ValueError("percentile of no values")
    if not 0.0 <= share <= 1.0:
        raise ValueError(f"percentile share {share} is outside 0..1")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * share
    low = floor(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (rank - low) * (ordered[high] - ordered[low])


@dataclass(frozen=True)
class TimeStats:
    """Count, mean and the 50/85/95th percentiles of flow (or lead) times in days."""

    count: int
    mean: float | None
    p50: float | None
    p85: float | None
    p95: float | None


def time_stats(days: Sequence[float]) -> TimeStats:
    """Summary of flow times; all None (and count 0) without values."""
    if not days:
        return TimeStats(0, None, None, None, None)
    return TimeStats(
        len(days),
        sum(days) / len(days),
        percentile(days, 0.50),
        percentile(days, 0.85),
        percentile(days, 0.95),
    )


def days_between(first: date, last: date) -> list[date]:
    """Every day from ``first`` to ``last``, both included (empty when last < first)."""
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def load_by_day(times: Iterable[ItemTimes], first: date, last: date) -> dict[date, int]:
    """Items in progress at the end of each day: started on or before D, not done by end of D."""
    started: Counter[date] = Counter()
    finished: Counter[date] = Counter()
    for item in times:
        if item.start is None:
            continue
        started[max(item.start, first - timedelta(days=1))] += 1
        if item.done is not None:
            finished[max(item.done, first - timedelta(days=1))] += 1
    before = first - timedelta(days=1)
    running = started[before] - finished[before]
    load: dict[date, int] = {}
    for day in days_between(first, last):
        running += started[day] - finished[day]
        load[day] = running
    return load


def finished_in(times: Iterable[ItemTimes], first: date, last: date) -> list[ItemTimes]:
    """Items whose done day falls in the window, both ends included."""
    return [t for t in times if t.done is not None and first <= t.done <= last]


def efficiency_percent(finished: Sequence[ItemTimes]) -> float | None:
    """Sum of active days / sum of flow days x 100 over finished items with history.

    None ("n/a") when no finished item has history or their flow time sums to zero.
    """
    with_history = [t for t in finished if t.history and t.active_days is not None]
    flow = sum(t.flow_days or 0 for t in with_history)
    if not with_history or flow == 0:
        return None
    return sum(t.active_days or 0 for t in with_history) / flow * 100


def distribution(types: Iterable[str], decimals: int = 1) -> dict[str, float]:
    """Percent of items per type, rounded so the shares add up to exactly 100.

    Rounding uses the largest-remainder method at ``decimals`` places, so a table of the shares
    always adds up; types are listed largest share first (ties by name). Empty input gives {}.
    """
    counts = Counter(types)
    total = sum(counts.values())
    if total == 0:
        return {}
    unit = 10**decimals
    exact = {name: count * 100 * unit / total for name, count in counts.items()}
    floors = {name: floor(value) for name, value in exact.items()}
    missing = 100 * unit - sum(floors.values())
    by_remainder = sorted(exact, key=lambda name: (-(exact[name] - floors[name]), name))
    for name in by_remainder[:missing]:
        floors[name] += 1
    ordered = sorted(floors, key=lambda name: (-counts[name], name))
    return {name: floors[name] / unit for name in ordered}


def cumulative_flow(
    items: Iterable[FlowItem], workflow: Workflow, first: date, last: date
) -> dict[str, list[int]]:
    """Cumulative flow: per stage, items that had reached that stage or a later one, per day.

    Bands are cumulative arrivals, so every line is non-decreasing in time and each stage's line
    lies on or above the next one's; the done line counts items done (by ``item_times``) by D.
    Stages are keyed by name in workflow order; lists are indexed by day from ``first``.
    """
    index = ScopeIndex.build(list(items), workflow)
    return index.cumulative_flow(workflow, first, last)


@dataclass(frozen=True)
class ScopeIndex:
    """Sorted start, done and stage-reach days of a set of items, for fast windows.

    Built once per ART or team; each window is then a handful of binary searches (the Flow
    panel redraws on every change of team or window).
    """

    times: tuple[ItemTimes, ...]
    starts: tuple[date, ...]
    dones: tuple[date, ...]
    reach: tuple[tuple[date, ...], ...]  # per stage, sorted
    finished: tuple[ItemTimes, ...] = ()  # finished items in the order of ``dones``
    unfinished: tuple[ItemTimes, ...] = ()  # started, not done

    @classmethod
    def build(
        cls,
        items: Sequence[FlowItem],
        workflow: Workflow,
        times: Sequence[ItemTimes] = (),
        reaches: Sequence[Sequence[date | None]] = (),
    ) -> ScopeIndex:
        """Index ``items``.

        ``times`` and ``reaches`` are the items' ``item_times`` and ``reach_days``, computed
        here when not given.
        """
        all_times = list(times) or [item_times(item, workflow) for item in items]
        all_reaches = list(reaches) or [
            reach_days(item, workflow, timing.done) if item.history else []
            for item, timing in zip(items, all_times, strict=True)
        ]
        reach: list[list[date]] = [[] for _ in workflow.stages]
        for days in all_reaches:
            for stage, day in enumerate(days):
                if day is not None:
                    reach[stage].append(day)
        finished = sorted(
            (t for t in all_times if t.done is not None),
            key=lambda t: t.done,  # type: ignore[arg-type, return-value]
        )
        return cls(
            tuple(all_times),
            tuple(sorted(t.start for t in all_times if t.start is not None)),
            tuple(t.done for t in finished if t.done is not None),
            tuple(tuple(sorted(days)) for days in reach),
            tuple(finished),
            tuple(t for t in all_times if t.start is not None and t.done is None),
        )

    def finished_in(self, first: date, last: date) -> list[ItemTimes]:
        """Items done in the window, both ends included (same as ``finished_in``), by done day."""
        return list(self.finished[bisect_left(self.dones, first) : bisect_right(self.dones, last)])

    def load(self, first: date, last: date) -> dict[date, int]:
        """Items in progress at the end of each day (same as ``load_by_day``)."""
        return {
            day: bisect_right(self.starts, day) - bisect_right(self.dones, day)
            for day in days_between(first, last)
        }

    def cumulative_flow(self, workflow: Workflow, first: date, last: date) -> dict[str, list[int]]:
        """Per stage, items that had reached it or a later stage by each day of the window."""
        window = days_between(first, last)
        return {
            stage.name: [bisect_right(days, day) for day in window]
            for stage, days in zip(workflow.stages, self.reach, strict=True)
        }

    def throughput(self, first: date, last: date) -> list[int]:
        """Items finished on each day of the window (same as ``daily_throughput``)."""
        return [
            bisect_right(self.dones, day) - bisect_left(self.dones, day)
            for day in days_between(first, last)
        ]


@dataclass(frozen=True)
class AgingItem:
    """An unfinished item's age in days and the flow-time percentile band it has passed."""

    key: str
    age_days: int
    band: str  # "below p50", "p50-p85", "p85-p95", "above p95", or "no history" (no stats)


def aging(times: Iterable[ItemTimes], stats: TimeStats, today: date) -> list[AgingItem]:
    """Started, unfinished items with their age (today - start), oldest first."""
    rows: list[AgingItem] = []
    for item in times:
        if item.start is None or item.done is not None or item.start > today:
            continue
        age = (today - item.start).days
        rows.append(AgingItem(item.key, age, _band(age, stats)))
    rows.sort(key=lambda row: (-row.age_days, row.key))
    return rows


def _band(age: float, stats: TimeStats) -> str:
    if stats.p50 is None or stats.p85 is None or stats.p95 is None:
        return "no history"
    if age < stats.p50:
        return "below p50"
    if age < stats.p85:
        return "p50-p85"
    if age < stats.p95:
        return "p85-p95"
    return "above p95"


def daily_throughput(times: Iterable[ItemTimes], first: date, last: date) -> list[int]:
    """Items finished on each day of the window (zeros included), oldest day first."""
    counts = Counter(t.done for t in finished_in(times, first, last))
    return [counts.get(day, 0) for day in days_between(first, last)]


def little_law_days(mean_load: float, velocity_per_day: float) -> float | None:
    """Little's law: average flow time = average load / average throughput (None at zero)."""
    if velocity_per_day <= 0:
        return None
    return mean_load / velocity_per_day

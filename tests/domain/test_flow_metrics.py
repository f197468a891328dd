"""Flow maths: known answers worked out by hand, and properties (load, CFD, distribution)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from rte_desktop.domain.flow_metrics import (
    Change,
    FlowItem,
    ItemTimes,
    ScopeIndex,
    Stage,
    StageKind,
    Workflow,
    aging,
    cumulative_flow,
    daily_throughput,
    distribution,
    efficiency_percent,
    finished_in,
    item_times,
    load_by_day,
    percentile,
    reach_days,
    time_stats,
    times_and_reaches,
)

B, A, W, D = StageKind.BACKLOG, StageKind.ACTIVE, StageKind.WAITING, StageKind.DONE
FLOW = Workflow(
    (
        Stage("Backlog", B),
        Stage("Analysis", A),
        Stage("Waiting for review", W),
        Stage("Review", A),
        Stage("Done", D),
    )
)


def jan(day: int) -> date:
    return date(2025, 1, day)


def item(key: str, *changes: tuple[int, str]) -> FlowItem:
    history = tuple(Change(jan(day), status) for day, status in changes)
    return FlowItem(key, key, None, "Phoenix", jan(1), None, history)


# A: the whole way; B: skips to Review, done, reopened, done again; C: done, then moved back
# (not done); D: never started; E: started and done the same day.
ITEMS = [
    item(
        "A", (1, "Backlog"), (3, "Analysis"), (6, "Waiting for review"), (8, "Review"), (10, "Done")
    ),
    item("B", (2, "Backlog"), (5, "Review"), (6, "Done"), (7, "Review"), (9, "Done")),
    item("C", (1, "Backlog"), (4, "Analysis"), (5, "Done"), (7, "Analysis")),
    item("D", (1, "Backlog")),
    item("E", (5, "Analysis"), (5, "Done")),
]
TIMES = {i.key: item_times(i, FLOW) for i in ITEMS}


def test_start_done_and_active_days_by_hand() -> None:
    # A: starts in Analysis on the 3rd, done on the 10th: 7 days; active 3 (Analysis) + 2 (Review)
    assert (TIMES["A"].start, TIMES["A"].done, TIMES["A"].flow_days) == (jan(3), jan(10), 7)
    assert TIMES["A"].active_days == 5
    # B: Review (later than the commitment point) on the 5th; the done of the 6th was undone
    assert (TIMES["B"].start, TIMES["B"].done, TIMES["B"].flow_days) == (jan(5), jan(9), 4)
    assert TIMES["B"].active_days == 3  # Review 5->6 and 7->9; Done 6->7 is not active
    assert (TIMES["C"].start, TIMES["C"].done) == (jan(4), None)
    assert (TIMES["D"].start, TIMES["D"].done) == (None, None)
    assert (TIMES["E"].flow_days, TIMES["E"].active_days) == (0, 0)


def test_no_history_is_lead_time_and_efficiency_is_na() -> None:
    snapshot = FlowItem("S-1", "s", None, None, jan(2), jan(9))
    times = item_times(snapshot, FLOW)
    assert (times.start, times.done, times.flow_days, times.history) == (jan(2), jan(9), 7, False)
    assert efficiency_percent([times]) is None


def test_efficiency_is_a_ratio_of_sums() -> None:
    finished = finished_in(TIMES.values(), jan(1), jan(10))
    assert sorted(t.key for t in finished) == ["A", "B", "E"]
    # (5 + 3 + 0) / (7 + 4 + 0)
    assert efficiency_percent(finished) == pytest.approx(800 / 11)


def test_load_per_day_by_hand() -> None:
    load = load_by_day(TIMES.values(), jan(1), jan(10))
    assert list(load.values()) == [0, 0, 1, 2, 3, 3, 3, 3, 2, 1]
    assert list(load) == [jan(d) for d in range(1, 11)]


def test_load_counts_items_started_before_the_window() -> None:
    load = load_by_day(TIMES.values(), jan(6), jan(10))
    assert list(load.values()) == [3, 3, 3, 2, 1]


def test_percentiles_match_percentile_inc() -> None:
    assert percentile([1, 2, 3, 4], 0.5) == 2.5
    assert percentile([1, 2, 3, 4], 0.85) == pytest.approx(3.55)  # Excel PERCENTILE.INC
    assert percentile([7], 0.95) == 7
    stats = time_stats([7, 4, 0])
    assert stats.count == 3
    assert stats.mean == pytest.approx(11 / 3)
    assert (stats.p50, stats.p85, stats.p95) == (4, pytest.approx(6.1), pytest.approx(6.7))
    assert time_stats([]).p50 is None
    with pytest.raises(ValueError, match="no values"):
        percentile([], 0.5)


def test_distribution_adds_up_to_100() -> None:
    assert distribution(["feature", "feature", "defect"]) == {"feature": 66.7, "defect": 33.3}
    assert distribution(["c", "a", "b"]) == {"a": 33.4, "b": 33.3, "c": 33.3}
    assert distribution([]) == {}


def test_cumulative_flow_by_hand() -> None:
    bands = cumulative_flow(ITEMS, FLOW, jan(1), jan(10))
    assert bands["Backlog"] == [3, 4, 4, 4, 5, 5, 5, 5, 5, 5]
    assert bands["Analysis"] == [0, 0, 1, 2, 4, 4, 4, 4, 4, 4]
    # done follows "done": C moved back out; B counts from its second done (the 9th)
    assert bands["Done"] == [0, 0, 0, 0, 1, 1, 1, 1, 2, 3]


def test_aging_against_the_percentiles() -> None:
    stats = time_stats([t.flow_days for t in TIMES.values() if t.flow_days is not None])
    rows = aging(TIMES.values(), stats, jan(10))
    assert [(r.key, r.age_days, r.band) for r in rows] == [("C", 6, "p50-p85")]


def test_daily_throughput() -> None:
    assert daily_throughput(TIMES.values(), jan(4), jan(10)) == [0, 1, 0, 0, 0, 1, 1]


# ---- properties -------------------------------------------------------------------------------

DAY0 = date(2025, 3, 1)
SLOW_BOX = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def histories(draw: st.DrawFn) -> FlowItem:
    steps = draw(st.lists(st.tuples(st.integers(0, 4), st.integers(0, 40)), max_size=8))
    day = 0
    changes = []
    for stage, gap in steps:
        day += gap
        changes.append(Change(DAY0 + timedelta(days=day), FLOW.stages[stage].name))
    return FlowItem(str(draw(st.integers(0, 99))), "t", None, None, None, None, tuple(changes))


@SLOW_BOX
@given(st.lists(histories(), max_size=25), st.integers(0, 30), st.integers(0, 40))
def test_load_is_started_minus_finished(items: list[FlowItem], offset: int, length: int) -> None:
    times = [item_times(i, FLOW) for i in items]
    first = DAY0 + timedelta(days=offset)
    load = load_by_day(times, first, first + timedelta(days=length))
    for day, value in load.items():
        started = sum(1 for t in times if t.start is not None and t.start <= day)
        finished = sum(1 for t in times if t.done is not None and t.done <= day)
        assert value == started - finished >= 0


@SLOW_BOX
@given(st.lists(histories(), max_size=25), st.integers(0, 30), st.integers(0, 40))
def test_cfd_bands_never_decrease_and_nest(items: list[FlowItem], offset: int, length: int) -> None:
    first = DAY0 + timedelta(days=offset)
    bands = list(cumulative_flow(items, FLOW, first, first + timedelta(days=length)).values())
    for line in bands:
        assert all(a <= b for a, b in zip(line, line[1:], strict=False))
    for upper, lower in zip(bands, bands[1:], strict=False):
        assert all(u >= v for u, v in zip(upper, lower, strict=True))


@SLOW_BOX
@given(st.lists(histories(), max_size=25))
def test_done_band_equals_items_done(items: list[FlowItem]) -> None:
    last = DAY0 + timedelta(days=400)
    done = cumulative_flow(items, FLOW, DAY0, last)["Done"]
    times = [item_times(i, FLOW) for i in items]
    assert done[-1] == sum(1 for t in times if t.done is not None)


@given(st.lists(st.sampled_from(["feature", "enabler", "defect", "debt", "risk"]), max_size=300))
def test_distribution_sums_to_100(types: list[str]) -> None:
    shares = distribution(types)
    if types:
        assert sum(round(v * 10) for v in shares.values()) == 1000
        assert set(shares) == set(types)


@given(
    st.lists(st.integers(0, 1000), min_size=1, max_size=60),
    st.floats(0, 1),
    st.floats(0, 1),
)
def test_percentile_is_monotone_and_bounded(values: list[int], p: float, q: float) -> None:
    low, high = sorted((p, q))
    assert min(values) <= percentile(values, low) <= percentile(values, high) <= max(values)


def test_item_times_ignores_unknown_statuses() -> None:
    odd = item("X", (1, "Somewhere"), (2, "Analysis"), (4, "Done"))
    assert item_times(odd, FLOW) == ItemTimes("X", jan(2), jan(4), 2, history=True)


@SLOW_BOX
@given(st.lists(histories(), max_size=25), st.integers(0, 30), st.integers(0, 40))
def test_the_index_agrees_with_the_definitions(
    items: list[FlowItem], offset: int, length: int
) -> None:
    first = DAY0 + timedelta(days=offset)
    last = first + timedelta(days=length)
    times = [item_times(i, FLOW) for i in items]
    index = ScopeIndex.build(items, FLOW)
    assert index.load(first, last) == load_by_day(times, first, last)
    assert index.throughput(first, last) == daily_throughput(times, first, last)
    by_done = sorted(finished_in(times, first, last), key=lambda t: (t.done, t.key))
    assert sorted(index.finished_in(first, last), key=lambda t: (t.done, t.key)) == by_done
    assert sorted(t.key for t in index.unfinished) == sorted(
        t.key for t in times if t.start is not None and t.done is None
    )


@st.composite
def messy_histories(draw: st.DrawFn) -> FlowItem:
    """Histories with unknown statuses, other casing, days out of order and no active times."""
    names = [stage.name for stage in FLOW.stages]
    statuses = st.sampled_from([*names, *(n.upper() for n in names), "Somewhere", "Parked"])
    steps = draw(st.lists(st.tuples(statuses, st.integers(-5, 40)), max_size=10))
    day = 0
    changes = []
    for status, gap in steps:
        day += gap
        changes.append(Change(DAY0 + timedelta(days=day), status))
    created = draw(st.none() | st.just(DAY0))
    return FlowItem(
        str(draw(st.integers(0, 99))),
        "t",
        None,
        None,
        created,
        draw(st.none() | st.just(DAY0 + timedelta(days=3))),
        tuple(changes),
        active_known=draw(st.booleans()),
    )


@SLOW_BOX
@given(st.lists(messy_histories(), max_size=25))
def test_times_and_reaches_agree_with_item_times_and_reach_days(items: list[FlowItem]) -> None:
    times, reaches = times_and_reaches(items, FLOW)
    assert times == [item_times(i, FLOW) for i in items]
    assert reaches == [
        reach_days(i, FLOW, item_times(i, FLOW).done) if i.history else [] for i in items
    ]


def test_times_and_reaches_by_hand() -> None:
    times, reaches = times_and_reaches(ITEMS, FLOW)
    assert times == list(TIMES.values())
    # A reached every stage on the day it entered it; C moved back out of done: not done
    assert reaches[0] == [jan(1), jan(3), jan(6), jan(8), jan(10)]
    assert reaches[2] == [jan(1), jan(4), jan(5), jan(5), None]

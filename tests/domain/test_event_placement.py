"""Where the rules put the ART events: properties over random cadences, holidays and rules."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter

import pytest
from hypothesis import given, settings, strategies as st

from rte_desktop.domain.cadence import Blackout, WorkingCalendar, plan_pis
from rte_desktop.domain.calendar_rules import (
    CalendarRules,
    PiPlanningRule,
    RefinementRule,
    SyncRule,
    check_rules,
    event_uid,
    rules_from_dict,
    rules_to_dict,
)
from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.event_placement import place_events
from rte_desktop.domain.model import EventKind

K = EventKind
MONDAY = dt.date(2027, 1, 4)

times = st.times(dt.time(6, 0), dt.time(13, 0)).map(lambda t: t.replace(second=0, microsecond=0))
rules_strategy = st.builds(
    CalendarRules,
    pi_planning=st.builds(
        PiPlanningRule,
        week=st.integers(1, 4),
        weekday=st.integers(0, 6),
        days=st.integers(1, 4),
        start=times,
    ),
    sync=st.builds(
        SyncRule,
        weekday=st.integers(0, 6),
        start=times,
        split=st.booleans(),
        po_weekday=st.integers(0, 6),
        po_start=times,
    ),
    refinement=st.builds(
        RefinementRule, weekday=st.integers(0, 6), start=times, per_iteration=st.integers(1, 2)
    ),
)
holidays_strategy = st.lists(
    st.tuples(st.dates(dt.date(2026, 12, 1), dt.date(2028, 6, 30)), st.integers(0, 12)),
    max_size=5,
).map(
    lambda rows: [Blackout(f"H{i}", s, s + dt.timedelta(days=n)) for i, (s, n) in enumerate(rows)]
)


@settings(max_examples=150, deadline=None)
@given(
    start=st.dates(dt.date(2027, 1, 1), dt.date(2027, 6, 30)),
    weeks=st.integers(1, 4),
    dev=st.integers(1, 6),
    ip=st.booleans(),
    count=st.integers(1, 5),
    working=st.sets(st.integers(0, 6), min_size=1),
    holidays=holidays_strategy,
    rules=rules_strategy,
)
def test_generated_events_obey_the_rules(
    start: dt.date,
    weeks: int,
    dev: int,
    ip: bool,
    count: int,
    working: set[int],
    holidays: list[Blackout],
    rules: CalendarRules,
) -> None:
    plans = plan_pis(start, weeks, dev, ip, count)
    calendar = WorkingCalendar(working, holidays)
    placement = place_events(plans, rules, calendar, "NEXT")
    events = placement.events
    # every event is on a working day, ends after it starts and on the same day
    for event in events:
        assert calendar.is_working(event.start.date()), event
        assert event.end > event.start and event.end.date() == event.start.date()
    # a note says exactly when an event was moved away from the day its rule names
    for event in events:
        assert ("Moved" in event.note) == bool(event.note)
    # slots are unique per PI, so UIDs are unique overall
    keys = [(e.pi_index, e.slot) for e in events]
    assert len(keys) == len(set(keys))
    uids = {event_uid(1, 100 + e.pi_index, e.slot) for e in events}
    assert len(uids) == len(events)
    # the same input gives the same events (stable UIDs across regenerations)
    assert place_events(plans, rules, calendar, "NEXT") == placement
    per_pi = Counter((e.pi_index, e.kind) for e in events)
    for index, plan in enumerate(plans):
        assert per_pi[(index, K.SYSTEM_DEMO)] == dev
        assert per_pi[(index, K.PI_PLANNING)] == rules.pi_planning.days
        assert per_pi[(index, K.INSPECT_ADAPT)] == 1
        pip = sorted(
            e.start.date() for e in events if e.pi_index == index and e.kind is K.PI_PLANNING
        )
        ia = next(
            e.start.date() for e in events if e.pi_index == index and e.kind is K.INSPECT_ADAPT
        )
        # I&A is the last working day before PI Planning day 1; PI Planning days are consecutive
        # working days
        assert ia < pip[0]
        assert all(
            not calendar.is_working(ia + dt.timedelta(days=n)) for n in range(1, (pip[0] - ia).days)
        )
        for a, b in zip(pip, pip[1:], strict=False):
            assert all(
                not calendar.is_working(a + dt.timedelta(days=n)) for n in range(1, (b - a).days)
            )
        # PI Planning's wanted day lies in the PI's last iteration
        last = plan.iterations[-1]
        wanted = (
            pip[0]
            if not any(e.note for e in events if e.pi_index == index and e.kind is K.PI_PLANNING)
            else None
        )
        if wanted is not None:
            assert last.start <= wanted <= last.end
        # weekly meetings: at most one of each kind per week of the PI, never on PI Planning/I&A
        busy = {ia, *pip}
        for kind in (K.ART_SYNC, K.COACH_SYNC, K.PO_SYNC):
            days = [e.start.date() for e in events if e.pi_index == index and e.kind is kind]
            assert not busy & set(days)
            assert len({(d - plan.start).days // 7 for d in days}) == len(days)
            assert all(plan.start <= d <= plan.end for d in days)
        if rules.sync.split:
            assert per_pi[(index, K.ART_SYNC)] == 0
        else:
            assert per_pi[(index, K.COACH_SYNC)] == per_pi[(index, K.PO_SYNC)] == 0


def test_default_rules_follow_the_domain_decisions() -> None:
    plans = plan_pis(MONDAY, count=1)
    events = place_events(plans, CalendarRules(), WorkingCalendar(), "PI 2027.2").events
    by_kind = Counter(e.kind for e in events)
    assert by_kind == {
        K.SYSTEM_DEMO: 4,
        K.PI_PLANNING: 2,
        K.INSPECT_ADAPT: 1,
        K.ART_SYNC: 9,
        K.BACKLOG_REFINEMENT: 4,
    }
    ip = plans[0].iterations[-1]
    pip = [e for e in events if e.kind is K.PI_PLANNING]
    assert [e.start for e in pip] == [dt.datetime(2027, 3, 10, 8), dt.datetime(2027, 3, 11, 8)]
    assert ip.start + dt.timedelta(days=7) <= pip[0].start.date() <= ip.end  # IP week 2
    assert pip[0].title == "PI Planning PI 2027.2 · day 1"
    assert pip[0].end - pip[0].start == dt.timedelta(hours=10)
    ia = next(e for e in events if e.kind is K.INSPECT_ADAPT)
    assert ia.start == dt.datetime(2027, 3, 9, 9)
    demos = [e.start for e in events if e.kind is K.SYSTEM_DEMO]
    assert demos[0] == dt.datetime(2027, 1, 14, 14)  # Thursday of iteration 1's last week
    syncs = [e.start.date() for e in events if e.kind is K.ART_SYNC]
    assert all(d.weekday() == 2 for d in syncs) and dt.date(2027, 3, 10) not in syncs


def test_a_demo_on_a_holiday_moves_and_says_so() -> None:
    plans = plan_pis(dt.date(2026, 11, 2), count=1)
    cal = WorkingCalendar(
        range(5), [Blackout("Winter break", dt.date(2026, 12, 24), dt.date(2026, 12, 26))]
    )
    events = place_events(plans, CalendarRules(), cal).events
    demo = next(e for e in events if e.slot == "system-demo-i4")
    assert demo.start == dt.datetime(2026, 12, 28, 14)
    assert demo.note == "Moved from Thu 24 Dec 2026: a holiday (Winter break)."


def test_a_weekly_meeting_without_a_working_day_is_skipped_and_reported() -> None:
    plans = plan_pis(dt.date(2026, 12, 14), count=1)
    cal = WorkingCalendar(
        range(5), [Blackout("Shutdown", dt.date(2026, 12, 21), dt.date(2027, 1, 1))]
    )
    placement = place_events(plans, CalendarRules(), cal)
    assert any("ART Sync on Wed 23 Dec 2026 skipped" in text for text in placement.skipped)
    days = {e.start.date() for e in placement.events}
    assert not {d for d in days if dt.date(2026, 12, 21) <= d <= dt.date(2027, 1, 1)}


def test_split_sync_gives_coach_and_po_sync() -> None:
    rules = CalendarRules(sync=SyncRule(split=True, weekday=1, po_weekday=3))
    events = place_events(plan_pis(MONDAY, count=1), rules, WorkingCalendar()).events
    coach = [e for e in events if e.kind is K.COACH_SYNC]
    po = [e for e in events if e.kind is K.PO_SYNC]
    assert (
        len(coach) == 9 and len(po) == 9
    )  # week 10 holds I&A on Tuesday and PI Planning on Thursday
    assert {e.start.weekday() for e in coach} == {1} and {e.start.weekday() for e in po} == {3}


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        (CalendarRules(pi_planning=PiPlanningRule(days=5)), "1 to 4 days"),
        (CalendarRules(sync=SyncRule(weekday=9)), "weekday must be 0"),
        (CalendarRules(sync=SyncRule(duration_min=0)), "5 minutes to 16 hours"),
        (CalendarRules(sync=SyncRule(start=dt.time(23, 30))), "midnight"),
        (CalendarRules(refinement=RefinementRule(per_iteration=3)), "once or twice"),
    ],
)
def test_impossible_rules_are_refused(rules: CalendarRules, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        check_rules(rules)


@given(rules=rules_strategy)
def test_rules_survive_a_round_trip_through_plain_data(rules: CalendarRules) -> None:
    assert rules_from_dict(rules_to_dict(rules)) == rules


def test_malformed_saved_rules_fall_back_to_defaults() -> None:
    data = {"sync": {"weekday": "x", "start": "25:99", "split": True}, "junk": 1}
    rules = rules_from_dict(data)
    assert rules.sync == dataclasses.replace(SyncRule(), split=True)

"""Readiness due dates and status; what regenerating the cadence matches and replaces."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given, strategies as st

from rte_desktop.domain import readiness as r
from rte_desktop.domain.cadence import plan_pis
from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.model import Checklist, Event, EventKind, PlanningInterval, ReadinessItem
from rte_desktop.domain.regeneration import diff_events, match_pis

DAY_ONE = dt.date(2027, 1, 6)


def test_templates_cover_three_checklists_from_five_weeks_to_one_day() -> None:
    items = r.template_items(7)
    assert {i.checklist for i in items} == set(Checklist)
    offsets = {i.due_offset_days for i in items}
    assert min(offsets) == -35 and max(offsets) == -1
    assert all(i.pi_id == 7 and not i.done for i in items)
    for checklist in Checklist:
        positions = [i.position for i in items if i.checklist is checklist]
        assert positions == list(range(len(positions)))


@pytest.mark.parametrize(
    ("offset", "text"), [(-35, "T-5w"), (-1, "T-1d"), (-10, "T-10d"), (0, "T"), (3, "T+3d")]
)
def test_offset_labels_read_back(offset: int, text: str) -> None:
    assert r.offset_label(offset) == text
    assert r.parse_offset(text) == offset


@given(st.integers(r.MIN_OFFSET, r.MAX_OFFSET))
def test_every_offset_label_parses_back(offset: int) -> None:
    assert r.parse_offset(r.offset_label(offset)) == offset


@pytest.mark.parametrize("text", ["soon", "T-", "T-5x", "-400", "T+9w"])
def test_bad_offsets_are_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        r.parse_offset(text)


def test_status_and_progress() -> None:
    def item(offset: int, done: bool = False) -> ReadinessItem:
        return ReadinessItem(
            pi_id=1, checklist=Checklist.CONTENT, title="x", due_offset_days=offset, done=done
        )

    today = DAY_ONE - dt.timedelta(days=20)
    assert r.status(item(-21), DAY_ONE, today) is r.ItemStatus.OVERDUE
    assert r.status(item(-20), DAY_ONE, today) is r.ItemStatus.DUE_SOON  # due today
    assert r.status(item(-13), DAY_ONE, today) is r.ItemStatus.DUE_SOON
    assert r.status(item(-12), DAY_ONE, today) is r.ItemStatus.OPEN
    assert r.status(item(-35, done=True), DAY_ONE, today) is r.ItemStatus.DONE
    progress = r.progress([item(-35, True), item(-21), item(-7)], DAY_ONE, today)
    assert (progress.done, progress.total, progress.overdue, progress.percent) == (1, 3, 1, 33)
    assert r.progress([], DAY_ONE, today).percent == 0


def _pi(pid: int, start: dt.date, weeks: int = 10, name: str = "") -> PlanningInterval:
    end = start + dt.timedelta(weeks=weeks, days=-1)
    return PlanningInterval(id=pid, art_id=1, name=name or f"P{pid}", start=start, end=end)


def test_pis_from_the_first_start_are_re_planned_in_order() -> None:
    stored = [_pi(1, dt.date(2026, 10, 26)), _pi(2, dt.date(2027, 1, 4))]
    plans = plan_pis(dt.date(2027, 1, 4), count=3)
    matches = match_pis(stored, plans)
    assert [m.existing.id if m.existing else None for m in matches] == [2, None, None]


def test_starting_inside_a_stored_pi_is_refused_with_both_options() -> None:
    stored = [_pi(1, dt.date(2027, 1, 4), name="PI 2027.1")]
    with pytest.raises(ValidationError, match="inside PI 2027.1.*04 Jan 2027.*14 Mar 2027"):
        match_pis(stored, plan_pis(dt.date(2027, 2, 1), count=1))


def test_a_later_stored_pi_that_would_overlap_is_refused() -> None:
    stored = [_pi(1, dt.date(2027, 1, 4)), _pi(2, dt.date(2027, 3, 15))]
    with pytest.raises(ValidationError, match="generate 2 PIs"):
        match_pis(stored, plan_pis(dt.date(2027, 1, 4), 3, 4, True, 1))  # 15 weeks


def _event(uid: str, hour: int = 10, manual: bool = False) -> Event:
    start = dt.datetime(2027, 1, 6, hour)
    return Event(
        art_id=1,
        pi_id=1,
        kind=EventKind.ART_SYNC,
        title="ART Sync",
        start=start,
        end=start + dt.timedelta(hours=1),
        uid=uid,
        manual=manual,
    )


def test_events_are_matched_by_uid_and_manual_edits_are_kept() -> None:
    stored = [
        dataclasses.replace(_event("same"), id=1),
        dataclasses.replace(_event("moved"), id=2),
        dataclasses.replace(_event("edited", hour=15, manual=True), id=3),
        dataclasses.replace(_event("gone"), id=4),
        dataclasses.replace(_event("mine", manual=True), id=5),
    ]
    wanted = [_event("same"), _event("moved", hour=11), _event("edited"), _event("new")]
    diff = diff_events(stored, wanted)
    assert diff.unchanged == 1
    assert [(old.id, new.id, new.start.hour) for old, new in diff.updated] == [(2, 2, 11)]
    assert [e.uid for e in diff.added] == ["new"]
    assert [e.id for e in diff.removed] == [4]
    assert [e.id for e in diff.kept_manual] == [3, 5]
    assert diff.replaces_anything
    assert not diff_events(stored[:1], wanted[:1]).replaces_anything

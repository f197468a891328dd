"""Editing the plan: times flow down the day; templates are well formed."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from rte_desktop.domain import agenda_plan as plan
from rte_desktop.domain.agenda_templates import TEMPLATES, template
from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.model import AgendaItem


def day_of(durations: list[int | None], day: int = 1, first_id: int = 1) -> list[AgendaItem]:
    items, cursor = [], 8 * 60
    for k, duration in enumerate(durations):
        items.append(
            AgendaItem(
                id=first_id + k,
                agenda_id=1,
                day=day,
                position=k,
                title=f"Item {first_id + k}",
                start=plan.clock_time(cursor),
                duration_min=duration,
            )
        )
        cursor += duration or 0
    return items


durations = st.lists(st.one_of(st.none(), st.integers(1, 60)), min_size=1, max_size=8)


def back_to_back(items: list[AgendaItem]) -> bool:
    row = plan.ordered(items)
    return all(
        plan.end_minutes(a) == plan.minutes(b.start) for a, b in zip(row, row[1:], strict=False)
    )


def positions_in_order(items: list[AgendaItem]) -> bool:
    return [i.position for i in plan.ordered(items)] == list(range(len(items)))


@given(durations, st.data())
def test_changing_a_duration_moves_only_the_later_items(ds, data) -> None:
    items = day_of(ds)
    k = data.draw(st.integers(0, len(items) - 1))
    new = data.draw(st.one_of(st.none(), st.integers(1, 90)))
    result = plan.change_duration(items, items[k].id, new)
    assert back_to_back(result)
    assert [i.start for i in result[: k + 1]] == [i.start for i in items[: k + 1]]
    assert result[k].duration_min == new


@given(durations, st.data())
def test_insert_then_remove_is_the_identity(ds, data) -> None:
    items = day_of(ds)
    k = data.draw(st.integers(0, len(items) - 1))
    new = AgendaItem(id=99, agenda_id=1, title="New", start=dt.time(0), duration_min=15)
    inserted = plan.insert_after(items, items[k].id, new)
    assert back_to_back(inserted) and positions_in_order(inserted)
    assert plan.ordered(inserted)[k + 1].id == 99
    assert plan.remove(inserted, 99) == items


@given(durations, durations, st.data())
def test_moving_keeps_every_item_and_re_times_back_to_back(ds1, ds2, data) -> None:
    items = day_of(ds1) + day_of(ds2, day=2, first_id=50)
    for k, item in enumerate(plan.ordered(items)):
        items[items.index(item)] = AgendaItem(**{**item.__dict__, "position": k})
    moved = data.draw(st.sampled_from(items))
    day = data.draw(st.sampled_from([1, 2]))
    index = data.draw(st.integers(0, 10))
    result = plan.move(items, moved.id, day, index)
    assert sorted(i.id for i in result) == sorted(i.id for i in items)
    assert positions_in_order(result)
    for d in (1, 2):
        row = plan.day_items(result, d)
        assert back_to_back(row)
        if row and plan.day_items(items, d):
            assert row[0].start == plan.day_items(items, d)[0].start


def test_edits_that_would_run_past_midnight_are_refused() -> None:
    items = day_of([60, 60])
    with pytest.raises(ValidationError, match="midnight"):
        plan.change_start(items, 1, dt.time(23, 30))
    with pytest.raises(ValidationError, match="between 1 and"):
        plan.change_duration(items, 1, 0)
    with pytest.raises(ValidationError, match="title"):
        plan.check_title("   ")


def test_shift_all_moves_every_day_alike() -> None:
    items = day_of([30, 30]) + day_of([10], day=2, first_id=9)
    shifted = plan.shift_all(items, dt.time(9, 15))
    assert [i.start for i in shifted] == [dt.time(9, 15), dt.time(9, 45), dt.time(9, 15)]


@pytest.mark.parametrize("key", sorted(TEMPLATES))
def test_every_template_is_well_formed(key: str) -> None:
    tpl = template(key)
    assert tpl.key == key
    for day in {i.day for i in tpl.items}:
        row = [i for i in tpl.items if i.day == day]
        starts = [plan.minutes(i.start) for i in row]
        assert starts == sorted(starts), key
        for a, b in zip(row, row[1:], strict=False):
            # No overlaps: each item starts when the one before it ends (open-ended: same time).
            assert plan.minutes(a.start) + (a.duration_min or 0) == plan.minutes(b.start), (key, a)


def test_template_contents_follow_the_domain_reference() -> None:
    two_day = template("pi_planning_2_day")
    assert [i.title for i in two_day.items][:2] == ["Business context", "Product/Solution vision"]
    assert sum(i.duration_min or 0 for i in two_day.items if i.day == 1) == 600
    distributed = template("pi_planning_distributed_3_day")
    assert distributed.days == 3 and distributed.second_time_zone
    assert sum(i.duration_min for i in template("art_sync_30").items) == 30
    assert sum(i.duration_min for i in template("art_sync_60").items) == 60
    assert sum(i.duration_min for i in template("inspect_adapt").items) == 240
    assert sum(i.duration_min for i in template("system_demo").items) == 60
    assert template("blank").items == ()
    with pytest.raises(ValidationError, match="art_sync_30"):
        template("nope")

"""Agendas and the timer on a real SQLite file, with the fake clock."""

from __future__ import annotations

import datetime as dt

import pytest

from rte_desktop.domain.agenda_timer import TimerState
from rte_desktop.domain.clock import FakeClock
from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.model import TimerAction
from rte_desktop.services.common.changes import Area
from rte_desktop.workspace import Workspace, open_workspace


@pytest.fixture
def pi_id(demo_ws: Workspace) -> int:
    art = demo_ws.train.arts()[0]
    return demo_ws.train.current_pi(art.id).id


def test_create_from_every_template_and_shift_the_start(demo_ws: Workspace, pi_id: int) -> None:
    for key, _title in demo_ws.agenda.templates():
        outcome = demo_ws.agenda.create_from_template(pi_id, key)
        assert outcome.changes.touches(Area.AGENDA)
        assert outcome.value.template == key
    sync = demo_ws.agenda.create_from_template(
        pi_id, "art_sync_30", title="ART Sync 3 Dec", first_start=dt.time(14, 0)
    ).value
    items = demo_ws.agenda.items(sync.id)
    assert items[0].start == dt.time(14, 0)
    assert items[-1].start == dt.time(14, 25)
    distributed = next(
        a for a in demo_ws.agenda.agendas(pi_id) if a.template == "pi_planning_distributed_3_day"
    )
    assert distributed.second_time_zone == "Asia/Kolkata"
    with pytest.raises(ValidationError, match="known"):
        demo_ws.agenda.create_from_template(pi_id, "nope")


def test_editing_flows_down_the_day_and_refuses_bad_values(demo_ws: Workspace, pi_id: int) -> None:
    agenda = demo_ws.agenda.find(pi_id)
    items = demo_ws.agenda.items(agenda.id)
    demo_ws.agenda.edit_item(items[0].id, duration_min=30, title="  Business   context ")
    after = demo_ws.agenda.items(agenda.id)
    assert after[0].title == "Business context"
    assert after[1].start == dt.time(8, 30)
    assert after[7].start == dt.time(8, 0)  # day 2 untouched
    before = demo_ws.agenda.items(agenda.id)
    with pytest.raises(ValidationError):
        demo_ws.agenda.edit_item(items[0].id, duration_min=0)
    with pytest.raises(ValidationError, match="no field"):
        demo_ws.agenda.edit_item(items[0].id, agenda_id=5)
    with pytest.raises(ValidationError, match="midnight"):
        demo_ws.agenda.edit_item(items[6].id, start=dt.time(23, 30))
    assert demo_ws.agenda.items(agenda.id) == before


def test_insert_move_delete_and_restore_the_layout(demo_ws: Workspace, pi_id: int) -> None:
    agenda = demo_ws.agenda.find(pi_id)
    first = demo_ws.agenda.items(agenda.id)[0]
    layout = demo_ws.agenda.layout(agenda.id)
    new = demo_ws.agenda.insert_item(agenda.id, first.id, "Welcome 李雷", 10).value
    items = demo_ws.agenda.items(agenda.id)
    assert items[1].id == new.id and items[1].start == dt.time(9, 0)
    assert items[2].start == dt.time(9, 10)
    demo_ws.agenda.move_item(new.id, 2, 0)
    day2 = [i for i in demo_ws.agenda.items(agenda.id) if i.day == 2]
    assert day2[0].id == new.id and day2[0].start == dt.time(8, 0)
    assert day2[1].start == dt.time(8, 10)
    demo_ws.agenda_timer.start(agenda.id, first.id)
    before_delete = demo_ws.agenda.layout(agenda.id)
    demo_ws.agenda.delete_item(first.id)
    assert first.id not in [i.id for i in demo_ws.agenda.items(agenda.id)]
    assert demo_ws.agenda_timer.run_data(agenda.id).events[-1].item_id is None
    demo_ws.agenda.restore(before_delete)
    # The timer event that named the deleted item points at it again.
    assert demo_ws.agenda_timer.run_data(agenda.id).events[-1].item_id == first.id
    demo_ws.agenda.restore(layout)
    assert demo_ws.agenda.items(agenda.id) == list(layout.items)


def test_second_time_zone_is_validated(demo_ws: Workspace, pi_id: int) -> None:
    agenda = demo_ws.agenda.find(pi_id)
    assert demo_ws.agenda.set_second_time_zone(agenda.id, "Asia/Kolkata").value.second_time_zone
    with pytest.raises(ValidationError, match="IANA"):
        demo_ws.agenda.set_second_time_zone(agenda.id, "Mars/Olympus")
    assert demo_ws.agenda.set_second_time_zone(agenda.id, "").value.second_time_zone is None


def test_each_command_is_one_event_and_the_state_survives_a_reopen(
    demo_ws: Workspace, pi_id: int, clock: FakeClock, db_url: str
) -> None:
    agenda = demo_ws.agenda.find(pi_id)
    timer = demo_ws.agenda_timer
    assert timer.toggle(agenda.id).value.action is TimerAction.START
    clock.advance(50 * 60)
    timer.extend(agenda.id, 300)
    clock.advance(14 * 60)
    assert timer.snapshot(agenda.id).state is TimerState.WRAP_UP
    timer.next(agenda.id)
    clock.advance(90)
    assert timer.toggle(agenda.id).value.action is TimerAction.PAUSE
    events = timer.run_data(agenda.id).events
    assert [e.action for e in events] == [
        TimerAction.START,
        TimerAction.EXTEND,
        TimerAction.NEXT,
        TimerAction.PAUSE,
    ]
    assert [e.seq for e in events] == [1, 2, 3, 4]
    assert events[2].item_id == demo_ws.agenda.items(agenda.id)[1].id
    timer.resume(agenda.id)
    clock.advance(30)
    before = timer.snapshot(agenda.id)
    # Crash: the laptop reboots (a new monotonic origin) and comes back 5 minutes later.
    demo_ws.close()
    clock.jump_wall(300)
    clock.reboot()
    again = open_workspace(db_url, clock)
    after = again.agenda_timer.snapshot(agenda.id)
    assert after.item == before.item
    assert after.elapsed_s == pytest.approx(before.elapsed_s + 300, abs=1e-3)
    assert after.state is TimerState.RUNNING
    again.close()


def test_before_the_start_next_and_previous_choose_the_first_item(
    demo_ws: Workspace, pi_id: int
) -> None:
    agenda = demo_ws.agenda.find(pi_id)
    timer = demo_ws.agenda_timer
    timer.next(agenda.id)
    timer.next(agenda.id)
    timer.previous(agenda.id)
    assert timer.snapshot(agenda.id).item.title == "Product/Solution vision"
    timer.toggle(agenda.id)
    assert timer.snapshot(agenda.id).state is TimerState.RUNNING
    assert timer.snapshot(agenda.id).item.title == "Product/Solution vision"


def test_an_empty_agenda_refuses_the_timer(demo_ws: Workspace, pi_id: int) -> None:
    blank = demo_ws.agenda.create_from_template(pi_id, "blank").value
    with pytest.raises(ValidationError, match="no items"):
        demo_ws.agenda_timer.start(blank.id)
    assert demo_ws.agenda_timer.run_data(blank.id).events == ()
    first = demo_ws.agenda.insert_item(blank.id, None, "Kick-off", 30).value
    assert first.start == dt.time(9, 0)
    demo_ws.agenda_timer.start(blank.id)
    assert demo_ws.agenda_timer.snapshot(blank.id).item.id == first.id

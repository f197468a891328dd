"""Generating and regenerating the cadence on a real database."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from rte_desktop.domain import model as m
from rte_desktop.domain.calendar_rules import CalendarRules, SystemDemoRule
from rte_desktop.domain.errors import ValidationError
from rte_desktop.services.calendar.cadence import CadenceRequest
from rte_desktop.services.common.changes import Area
from rte_desktop.services.train.train import NewTrain
from rte_desktop.workspace import Workspace

FIRST = dt.date(2027, 1, 4)


@pytest.fixture
def art_id(ws: Workspace) -> int:
    art = ws.train.create_train(NewTrain(name="Aurora", teams=["Ωmega"], first_pi_start=FIRST))
    return art.value.id


def snapshot(ws: Workspace) -> dict:
    data = ws.transfer.export_data()["tables"]
    return {name: rows for name, rows in data.items() if rows}


def test_generating_a_year_re_plans_the_first_pi_and_adds_the_rest(
    ws: Workspace, art_id: int
) -> None:
    first_pi = ws.train.pis(art_id)[0]
    request = CadenceRequest(first_start=FIRST, pi_count=5, time_zone="Europe/Berlin")
    preview = ws.cadence.preview(art_id, request)
    assert "Adds 4 PI(s): PI 2027.2, PI 2027.3, PI 2027.4, PI 2027.5." in preview.summary()
    assert not preview.replaces_anything
    outcome = ws.cadence.generate(art_id, request)
    assert outcome.changes.touches(Area.CALENDAR)
    pis = ws.train.pis(art_id)
    assert [p.name for p in pis] == [f"PI 2027.{n}" for n in range(1, 6)]
    assert pis[0].id == first_pi.id  # re-planned in place, so its objectives stay attached
    assert pis[-1].end == dt.date(2027, 12, 19)
    events = ws.calendar.events(art_id)
    kinds = {e.kind for e in events}
    assert {m.EventKind.PI_PLANNING, m.EventKind.SYSTEM_DEMO, m.EventKind.ART_SYNC} <= kinds
    assert sum(e.kind is m.EventKind.SYSTEM_DEMO for e in events) == 20
    last_planning = [e for e in events if e.kind is m.EventKind.PI_PLANNING][-1]
    assert last_planning.title == "PI Planning PI 2027.6 · day 2"  # starts 20 Dec 2027
    assert all(e.uid.endswith(f".art{art_id}@rte-desktop") and not e.manual for e in events)
    assert ws.train.art(art_id).time_zone == "Europe/Berlin"


def test_regenerating_the_same_cadence_changes_nothing(ws: Workspace, art_id: int) -> None:
    request = CadenceRequest(first_start=FIRST, pi_count=3)
    ws.cadence.generate(art_id, request)
    before = snapshot(ws)
    preview = ws.cadence.preview(art_id, request)
    assert not preview.replaces_anything
    assert preview.events.unchanged == len(before["event"]) and not preview.events.added
    ws.cadence.generate(art_id, request)
    assert snapshot(ws) == before  # same ids, same UIDs, same everything


def test_manual_edits_survive_and_changed_rules_list_exactly_what_changes(
    ws: Workspace, art_id: int
) -> None:
    request = CadenceRequest(first_start=FIRST, pi_count=1)
    ws.cadence.generate(art_id, request)
    sync = next(e for e in ws.calendar.events(art_id) if e.kind is m.EventKind.ART_SYNC)
    moved = ws.calendar.move_event(sync.id, 1).value
    assert moved.manual and moved.uid == sync.uid
    friday = dataclasses.replace(
        request, rules=CalendarRules(system_demo=SystemDemoRule(weekday=4))
    )
    preview = ws.cadence.preview(art_id, friday)
    assert preview.replaces_anything
    changed = [line for line in preview.replacements() if line.startswith("  Changes")]
    assert len(changed) == 4 and all("System Demo" in line for line in changed)
    assert any("Keeps (edited by hand) ART Sync" in line for line in preview.replacements())
    demo_ids = {e.id for e in ws.calendar.events(art_id) if e.kind is m.EventKind.SYSTEM_DEMO}
    ws.cadence.generate(art_id, friday)
    demos = [e for e in ws.calendar.events(art_id) if e.kind is m.EventKind.SYSTEM_DEMO]
    assert {e.start.weekday() for e in demos} == {4}
    assert {e.id for e in demos} == demo_ids  # updated in place: same ids and UIDs
    assert ws.calendar.event(sync.id) == moved


def test_fewer_iterations_remove_one_and_say_which_features_lose_it(
    ws: Workspace, art_id: int
) -> None:
    pi = ws.train.pis(art_id)[0]
    fourth = ws.train.iterations(pi.id)[3]  # I4, a development iteration
    with ws.uow() as uow:
        uow.add(m.Feature(pi_id=pi.id, title="Saved cards", iteration_id=fourth.id))
    request = CadenceRequest(first_start=FIRST, pi_count=1, dev_iterations=3)
    preview = ws.cadence.preview(art_id, request)
    assert preview.removed_iterations == ("PI 2027.1 I4",)
    assert preview.unplanned_items == 1
    assert preview.replaces_anything
    ws.cadence.generate(art_id, request)
    names = [it.name for it in ws.train.iterations(pi.id)]
    assert names == ["PI 2027.1 I1", "PI 2027.1 I2", "PI 2027.1 I3", "PI 2027.1 IP"]
    with ws.uow() as uow:
        assert uow.find(m.Feature)[0].iteration_id is None


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"iteration_weeks": 0}, "1 to 4 weeks, not 0"),
        ({"dev_iterations": 40}, "not 40"),
        ({"pi_count": 0}, "1 to 60 PIs"),
        ({"first_start": dt.date(2027, 1, 9)}, "Sat 09 Jan 2027, which is not a working day"),
        ({"first_start": dt.date(2027, 2, 1)}, "inside PI 2027.1"),
        ({"time_zone": "Mars/Olympus"}, "Unknown time zone"),
        ({"working_days": ""}, "at least one working day"),
        ({"naming": "PI {quarter}"}, "Unknown placeholder"),
    ],
)
def test_impossible_requests_change_nothing(
    ws: Workspace, art_id: int, changes: dict, message: str
) -> None:
    before = snapshot(ws)
    request = dataclasses.replace(CadenceRequest(first_start=FIRST, pi_count=3), **changes)
    with pytest.raises(ValidationError, match=message):
        ws.cadence.generate(art_id, request)
    assert snapshot(ws) == before


def test_a_holiday_covering_a_whole_pi_is_refused_and_nothing_changes(
    ws: Workspace, art_id: int
) -> None:
    ws.calendar.add_holiday(art_id, "Sabbatical", dt.date(2027, 3, 10), dt.date(2027, 5, 31))
    before = snapshot(ws)
    with pytest.raises(ValidationError, match="'Sabbatical'.*covers the whole of PI 2027.2"):
        ws.cadence.generate(art_id, CadenceRequest(first_start=FIRST, pi_count=3))
    assert snapshot(ws) == before


def test_names_continue_after_earlier_pis(ws: Workspace, art_id: int) -> None:
    ws.cadence.generate(art_id, CadenceRequest(first_start=dt.date(2027, 3, 15), pi_count=2))
    assert [p.name for p in ws.train.pis(art_id)] == ["PI 2027.1", "PI 2027.2", "PI 2027.3"]


def test_sixty_pis_are_the_limit(ws: Workspace, art_id: int) -> None:
    request = CadenceRequest(first_start=FIRST, pi_count=60)
    ws.cadence.generate(art_id, request)
    pis = ws.train.pis(art_id)
    assert len(pis) == 60 and pis[-1].name == "PI 2038.2"  # starts 26 Apr 2038
    last = [e for e in ws.calendar.events(art_id) if e.kind is m.EventKind.PI_PLANNING][-1]
    assert last.title == "PI Planning PI 2038.3 · day 2"  # names the PI after the 60th
    with pytest.raises(ValidationError, match="not 61"):
        ws.cadence.preview(art_id, dataclasses.replace(request, pi_count=61))

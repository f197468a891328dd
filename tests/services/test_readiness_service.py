"""Readiness checklists counting down to the PI Planning that plans the PI."""

from __future__ import annotations

import datetime as dt

import pytest

from rte_desktop.domain import model as m
from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.readiness import ItemStatus
from rte_desktop.services.common.changes import Area
from rte_desktop.services.train.train import NewTrain
from rte_desktop.workspace import Workspace


def test_demo_readiness_counts_down_to_the_next_pi_planning(demo_ws: Workspace) -> None:
    pis = demo_ws.train.pis(demo_ws.train.arts()[0].id)
    view = demo_ws.readiness.view(pis[2].id)
    assert view.anchor.found
    assert view.anchor.day_one == dt.date(2027, 1, 6)  # in the IP iteration of the PI before
    assert "PI Planning PI 2027.1 · day 1" in view.anchor.source
    assert {len(view.checklist(c)) for c in m.Checklist} == {13, 10, 9}
    overdue = [i.title for i in view.items if view.status(i) is ItemStatus.OVERDUE]
    assert overdue == ["Venue contract signed"]
    logistics = view.progress(m.Checklist.LOGISTICS)
    assert (logistics.total, logistics.overdue) == (9, 1)
    venue = next(i for i in view.items if i.title == "Venue contract signed")
    assert view.due(venue) == dt.date(2026, 11, 18)


def test_prefill_adds_the_templates_once(demo_ws: Workspace) -> None:
    pi = demo_ws.train.pis(demo_ws.train.arts()[0].id)[1]
    seen = []
    demo_ws.listeners.append(seen.append)
    added = demo_ws.readiness.prefill(pi.id).value
    assert len(added) == 31 and seen[-1].touches(Area.READINESS)
    assert demo_ws.readiness.prefill(pi.id).value == []
    view = demo_ws.readiness.view(pi.id)
    for checklist in m.Checklist:
        positions = [i.position for i in view.checklist(checklist)]
        assert positions == sorted(positions) and len(set(positions)) == len(positions)


def test_add_edit_tick_remove_and_put_back(demo_ws: Workspace) -> None:
    pi = demo_ws.train.pis(demo_ws.train.arts()[0].id)[2]
    item = demo_ws.readiness.add_item(
        pi.id, m.Checklist.LOGISTICS, " Order  badges ", owner=" 李雷 ", due_offset_days=-10
    ).value
    assert (item.title, item.owner) == ("Order badges", "李雷")
    assert item.position == 9
    done = demo_ws.readiness.set_done(item.id, True).value
    assert done.done
    edited = demo_ws.readiness.put_item(done.__class__(**{**done.__dict__, "title": "Badges"}))
    assert edited.value.title == "Badges"
    removed = demo_ws.readiness.delete_item(item.id).value
    assert item.id not in {i.id for i in demo_ws.readiness.view(pi.id).items}
    demo_ws.readiness.put_item(removed)
    assert item.id in {i.id for i in demo_ws.readiness.view(pi.id).items}


@pytest.mark.parametrize(
    ("title", "offset", "message"),
    [(" ", -7, "needs a title"), ("x", -400, "between a year before"), ("x", 31, "30 days after")],
)
def test_bad_items_are_refused(demo_ws: Workspace, title: str, offset: int, message: str) -> None:
    pi = demo_ws.train.pis(demo_ws.train.arts()[0].id)[2]
    count = len(demo_ws.readiness.view(pi.id).items)
    with pytest.raises(ValidationError, match=message):
        demo_ws.readiness.add_item(pi.id, m.Checklist.CONTENT, title, due_offset_days=offset)
    assert len(demo_ws.readiness.view(pi.id).items) == count


def test_without_a_pi_planning_event_the_pi_start_stands_in(ws: Workspace) -> None:
    art = ws.train.create_train(
        NewTrain(name="X", teams=["A"], first_pi_start=dt.date(2027, 1, 4))
    ).value
    pi = ws.train.pis(art.id)[0]
    anchor = ws.readiness.view(pi.id).anchor
    assert not anchor.found and anchor.day_one == pi.start
    assert "No PI Planning event found" in anchor.source

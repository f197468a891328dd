"""System Demo plans: from the board, live marks, feedback to backlog or risks, the agenda."""

from __future__ import annotations

import datetime as dt

import pytest

from rte_desktop.domain.clock import FakeClock
from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.kinds import BacklogState, EventKind
from rte_desktop.domain.model import (
    AgendaItem,
    Event,
    Feature,
    Iteration,
    PlanningInterval,
    Risk,
)
from rte_desktop.services.train.train import NewTrain
from rte_desktop.workspace import Workspace


@pytest.fixture
def demo_event(ws: Workspace) -> tuple[int, int, list[int]]:
    """(event id, pi id, feature ids planned in iteration 1 then one in iteration 2)."""
    art = ws.train.create_train(
        NewTrain(
            name="Demo ART", teams=["Ada", "Turing"], first_pi_start=dt.date(2027, 1, 4), pi_count=2
        )
    ).value
    with ws.uow() as uow:
        pi = uow.find(PlanningInterval, art_id=art.id, order_by=["start"])[0]
        iterations = uow.find(Iteration, pi_id=pi.id, order_by=["number"])
        event = uow.add(
            Event(
                art_id=art.id or 0,
                pi_id=pi.id,
                kind=EventKind.SYSTEM_DEMO,
                title="System Demo I1",
                start=dt.datetime.combine(iterations[0].end, dt.time(14, 0)),
                end=dt.datetime.combine(iterations[0].end, dt.time(15, 0)),
                uid="sd1@test",
            )
        )
    board = ws.board
    teams = board.board(pi.id or 0).teams
    ids = []
    for n, (title, it) in enumerate((("Login", 0), ("Search", 0), ("Export", 1))):
        f = board.add_feature(
            pi.id or 0, title, key=f"F-{n}", team_id=teams[n % 2].id, iteration_id=iterations[it].id
        ).value
        ids.append(f.id or 0)
    assert event.id is not None and pi.id is not None
    return event.id, pi.id, ids


def test_plan_from_the_board_takes_the_iterations_features(
    ws: Workspace, demo_event: tuple[int, int, list[int]]
) -> None:
    event_id, _pi, (login, search, export) = demo_event
    added = ws.system_demo.plan_from_board(event_id).value
    assert [i.feature_id for i in added] == [login, search]
    assert [i.presenter for i in added] == ["Ada", "Turing"]
    assert ws.system_demo.plan_from_board(event_id).value == []  # nothing twice
    plan = ws.system_demo.plan(event_id)
    assert plan.iteration is not None and plan.iteration.number == 1
    assert [s.label for s in plan.slots] == ["F-0 Login", "F-1 Search"]
    assert export


def test_marks_feedback_and_shares(
    ws: Workspace, demo_event: tuple[int, int, list[int]], clock: FakeClock
) -> None:
    event_id, pi_id, _ids = demo_event
    first, second = ws.system_demo.plan_from_board(event_id).value
    assert first.id is not None and second.id is not None
    with pytest.raises(ValidationError, match="not demoed"):
        ws.system_demo.set_accepted(first.id, True)
    ws.system_demo.set_demoed(first.id, True)
    ws.system_demo.set_accepted(first.id, True)
    ws.system_demo.add_feedback(first.id, "  Needs single sign-on  ")
    with pytest.raises(ValidationError, match="empty"):
        ws.system_demo.add_feedback(first.id, "   ")
    plan = ws.system_demo.plan(event_id)
    assert [f.text for f in plan.slots[0].feedback] == ["Needs single sign-on"]
    assert ws.system_demo.shares(pi_id) == []  # no demo of this PI is held yet (2026)
    clock.jump_wall((dt.datetime(2027, 1, 20, 9, tzinfo=dt.UTC) - clock.now()).total_seconds())
    shares = ws.system_demo.shares(pi_id)
    assert [(s.iteration, s.planned, s.demoed) for s in shares] == [("PI 2027.1 I1", 2, 1)]
    (summary,) = ws.system_demo.demos(pi_id)
    assert (summary.items, summary.demoed, summary.accepted, summary.feedback) == (2, 1, 1, 1)


def test_feedback_becomes_a_backlog_feature_of_the_next_pi_or_a_risk(
    ws: Workspace, demo_event: tuple[int, int, list[int]]
) -> None:
    event_id, pi_id, _ids = demo_event
    (first, _second) = ws.system_demo.plan_from_board(event_id).value
    assert first.id is not None
    fb = ws.system_demo.add_feedback(first.id, "Bulk export to CSV\nfor auditors").value
    assert fb.id is not None
    feature = ws.system_demo.feedback_to_feature(fb.id).value
    assert (feature.title, feature.key, feature.state) == (
        "Bulk export to CSV",
        "FB-1",
        BacklogState.FUNNEL,
    )
    with ws.uow() as uow:
        next_pi = uow.get(PlanningInterval, feature.pi_id)
        assert next_pi.id != pi_id and next_pi.start > uow.get(PlanningInterval, pi_id).start
        assert uow.get(Feature, feature.id or 0).acceptance_criteria.endswith("for auditors")
    with pytest.raises(ValidationError, match="already a backlog feature"):
        ws.system_demo.feedback_to_feature(fb.id)
    risk = ws.system_demo.feedback_to_risk(fb.id).value
    with ws.uow() as uow:
        stored = uow.get(Risk, risk.id or 0)
    assert stored.pi_id == pi_id and "System Demo" in stored.description


def test_the_agenda_is_the_system_demo_template_with_one_item_per_slot(
    ws: Workspace, demo_event: tuple[int, int, list[int]]
) -> None:
    event_id, _pi, _ids = demo_event
    a, b = ws.system_demo.plan_from_board(event_id).value
    ws.system_demo.edit_item(a.id or 0, minutes_=12)
    ws.system_demo.move_item(b.id or 0, -1)
    agenda = ws.system_demo.build_agenda(event_id).value
    with ws.uow() as uow:
        items = uow.find(AgendaItem, agenda_id=agenda.id, order_by=["position"])
    assert agenda.template == "system_demo"
    titles = [i.title for i in items]
    assert titles == [
        "Business context and PI objectives",
        "Demo: F-1 Search",
        "Demo: F-0 Login",
        "Current risks and impediments",
        "Questions and feedback",
        "Wrap-up: progress, feedback, actions",
    ]
    assert [i.start.strftime("%H:%M") for i in items] == [
        "14:00",
        "14:10",
        "14:15",
        "14:27",
        "14:32",
        "14:37",
    ]
    again = ws.system_demo.build_agenda(event_id).value
    assert again.id == agenda.id  # rebuilt in place: the timer keeps its agenda
    with pytest.raises(ValidationError, match="1 to 120 minutes"):
        ws.system_demo.edit_item(a.id or 0, minutes_=0)

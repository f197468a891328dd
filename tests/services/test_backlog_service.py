"""The ART backlog service: WSJF ranking, states with the board, DoR, readiness, sessions."""

from __future__ import annotations

import datetime as dt

import pytest

from rte_desktop.domain.clock import FakeClock
from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.kinds import BacklogState, WsjfColumn
from rte_desktop.domain.model import Feature, Iteration, PlanningInterval
from rte_desktop.services.common.changes import Area
from rte_desktop.services.train.train import NewTrain
from rte_desktop.workspace import Workspace

C = WsjfColumn


@pytest.fixture
def pi_id(ws: Workspace) -> int:
    art = ws.train.create_train(
        NewTrain(name="Backlog ART", teams=["Ada", "Turing"], first_pi_start=dt.date(2027, 1, 4))
    ).value
    with ws.uow() as uow:
        (pi,) = uow.find(PlanningInterval, art_id=art.id)
    assert pi.id is not None
    return pi.id


def _estimate(ws: Workspace, feature_id: int, ubv: int, tc: int, rr: int, size: int) -> None:
    for column, value in zip(C, (ubv, tc, rr, size), strict=True):
        ws.backlog.set_estimate(feature_id, column, value)


def _add(ws: Workspace, pi_id: int, key: str) -> int:
    feature_id = ws.backlog.add_feature(pi_id, f"Feature {key}", key=key).value.id
    assert feature_id is not None
    return feature_id


def test_the_backlog_is_ranked_by_wsjf_with_ties_in_backlog_order(
    ws: Workspace, pi_id: int
) -> None:
    a, b, c, d = (_add(ws, pi_id, k) for k in ("A", "B", "C", "D"))
    _estimate(ws, a, 1, 1, 1, 3)  # 1
    _estimate(ws, b, 8, 5, 2, 5)  # 3
    _estimate(ws, c, 3, 2, 1, 2)  # 3 (ties B; B is earlier)
    view = ws.backlog.view(pi_id)
    assert [r.feature.key for r in view.rows] == ["B", "C", "A", "D"]
    assert [(r.rank, r.tied) for r in view.rows] == [
        (1, True),
        (1, True),
        (3, False),
        (None, False),
    ]
    assert view.rows[0].cost_of_delay == 15
    ws.backlog.move(c, -1)  # C before B in the backlog's own order: the tie flips
    assert [r.feature.key for r in ws.backlog.view(pi_id).rows][:2] == ["C", "B"]
    assert d  # unestimated, listed last


def test_bad_estimates_change_nothing(ws: Workspace, pi_id: int) -> None:
    a = _add(ws, pi_id, "A")
    ws.backlog.set_estimate(a, C.JOB_SIZE, 5)
    with pytest.raises(ValidationError, match="A: a job size of 0"):
        ws.backlog.set_estimate(a, C.JOB_SIZE, 0)
    with pytest.raises(ValidationError, match="user-business value 4 is not on the scale"):
        ws.backlog.set_estimate(a, C.BUSINESS_VALUE, 4)
    with ws.uow() as uow:
        stored = uow.get(Feature, a)
    assert (stored.job_size, stored.business_value) == (5, None)


def test_planning_on_the_board_moves_a_feature_out_of_the_backlog(
    ws: Workspace, pi_id: int
) -> None:
    a = _add(ws, pi_id, "A")
    with ws.uow() as uow:
        iteration = uow.find(Iteration, pi_id=pi_id, order_by=["number"])[0]
    outcome = ws.board.place_feature(a, None, iteration.id)
    assert outcome.value.state is BacklogState.PLANNED
    assert ws.backlog.view(pi_id).rows == []
    with pytest.raises(ValidationError, match="planned in an iteration .* and in the backlog"):
        ws.backlog.set_state(a, BacklogState.READY)
    with ws.uow() as uow:
        assert uow.get(Feature, a).state is BacklogState.PLANNED
    ws.board.place_feature(a, None, None)
    assert [r.feature.state for r in ws.backlog.view(pi_id).rows] == [BacklogState.READY]
    with pytest.raises(ValidationError, match="plan it on the ART Planning Board"):
        ws.backlog.set_state(a, BacklogState.PLANNED)


def test_definition_of_ready_defaults_ticks_and_edits(ws: Workspace, pi_id: int) -> None:
    a = _add(ws, pi_id, "A")
    view = ws.backlog.view(pi_id)
    assert [i.text for i in view.definition][:2] == [
        "Benefit hypothesis stated",
        "Acceptance criteria written",
    ]
    first, second = view.definition[0].id, view.definition[1].id
    assert first is not None and second is not None
    ws.backlog.set_met(a, first, True)
    ws.backlog.set_met(a, second, True)
    ws.backlog.set_met(a, second, False)
    assert ws.backlog.view(pi_id).row(a).met == {first}
    art_id = view.art.id
    assert art_id is not None
    kept = ws.backlog.set_definition(art_id, ["Benefit hypothesis stated", "NFRs known"]).value
    assert [i.text for i in kept] == ["Benefit hypothesis stated", "NFRs known"]
    assert ws.backlog.view(pi_id).row(a).met == {first}  # the kept item keeps its tick
    with pytest.raises(ValidationError, match="at least one item"):
        ws.backlog.set_definition(art_id, [" "])


def test_readiness_of_the_top_n_and_the_capacity(ws: Workspace, pi_id: int) -> None:
    ids = [_add(ws, pi_id, f"F{i}") for i in range(4)]
    for n, feature_id in enumerate(ids):
        _estimate(ws, feature_id, (1, 2, 3, 5)[n], 1, 1, 1)  # F3 highest
    ws.backlog.set_state(ids[3], BacklogState.READY)
    ws.backlog.set_state(ids[0], BacklogState.READY)
    art_id = ws.backlog.view(pi_id).art.id
    assert art_id is not None
    ws.backlog.set_capacity(art_id, 2)
    readiness = ws.backlog.readiness(pi_id)
    assert (readiness.ready, readiness.top, readiness.not_ready) == (1, 2, ("F2",))
    with pytest.raises(ValidationError, match="expected PI capacity"):
        ws.backlog.set_capacity(art_id, 0)


def test_a_session_finishes_only_when_every_column_has_a_one(
    ws: Workspace, pi_id: int, clock: FakeClock
) -> None:
    a, b = _add(ws, pi_id, "A"), _add(ws, pi_id, "B")
    _estimate(ws, a, 2, 1, 1, 3)
    _estimate(ws, b, 5, 2, 1, 5)
    session = ws.backlog.start_session(pi_id)
    assert session.changes.touches(Area.BACKLOG)
    assert ws.backlog.start_session(pi_id).value.id == session.value.id  # the open one
    assert session.value.id is not None
    with pytest.raises(ValidationError, match="user-business value, job size"):
        ws.backlog.finish_session(session.value.id)
    ws.backlog.set_estimate(a, C.BUSINESS_VALUE, 1)
    ws.backlog.set_estimate(a, C.JOB_SIZE, 1)
    clock.advance(3600)
    done = ws.backlog.finish_session(session.value.id).value
    assert done.finished_at == dt.datetime(2026, 11, 25, 9, 0)
    assert ws.backlog.view(pi_id).session == done

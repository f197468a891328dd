"""The I&A measurement beside the workshop, and the report's data."""

from __future__ import annotations

import pytest

from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.model import Objective
from rte_desktop.domain.predictability import team_performance
from rte_desktop.workspace import Workspace


def _pi_id(ws: Workspace, name: str) -> int:
    pi = ws.train.find_pi(None, name)
    assert pi is not None and pi.id is not None
    return pi.id


def test_measurement_of_the_finished_pi(demo_ws: Workspace) -> None:
    pi_id = _pi_id(demo_ws, "PI 2026.1")
    result = demo_ws.inspect_adapt.measurement(pi_id)
    assert result.assessed
    assert len(result.teams) == 8
    with demo_ws.uow() as uow:
        objectives = uow.find(Objective, pi_id=pi_id)
    first = result.teams[0]
    assert first.performance == team_performance(
        o for o in objectives if o.team_id == first.team.id
    )
    assert result.art.planned == sum(t.performance.planned for t in result.teams)
    assert result.vote_round is not None and result.vote_round.round_no == 2  # the re-vote
    assert result.vote is not None and result.vote.ballots == result.vote_round.eligible - 2
    assert result.vote.passed


def test_measurement_of_a_planned_pi_has_no_vote_and_no_actuals(demo_ws: Workspace) -> None:
    result = demo_ws.inspect_adapt.measurement(_pi_id(demo_ws, "PI 2027.1"))
    assert not result.assessed and result.vote is None and result.art.percent is not None


def test_report_sections_and_clear_error_without_workshops(demo_ws: Workspace) -> None:
    sections = demo_ws.inspect_adapt.sections(_pi_id(demo_ws, "PI 2026.1"))
    assert len(sections) == 1
    section = sections[0]
    assert section.art_name == "Aurora ART"
    assert section.pareto.top.name == "Late dependency discovery"
    assert section.budget.available == 60 and section.budget.used == 54
    assert [t for _, t in section.items] == ["PI 2026.2", "PI 2026.2"]
    with pytest.raises(ValidationError, match="PI 2026.1"):
        demo_ws.inspect_adapt.sections(_pi_id(demo_ws, "PI 2026.2"))

"""The planning board service: placing features, health per dependency, cross-PI, problems."""

from __future__ import annotations

import pytest

from rte_desktop.domain.dependency_health import Health, Reason
from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.model import Feature
from rte_desktop.services.common.changes import Area
from rte_desktop.workspace import Workspace


def current(ws: Workspace):
    art = ws.train.arts()[0]
    pis = ws.train.pis(art.id)
    return art, pis, ws.train.current_pi(art.id)


def test_demo_board_has_every_health(demo_ws: Workspace) -> None:
    _art, _pis, pi = current(demo_ws)
    board = demo_ws.board.board(pi.id)
    assert len(board.features) == 16 and len(board.milestones) == 1
    assert [it.number for it in board.iterations] == [1, 2, 3, 4, 5]
    reasons = {h.reason for h in board.healths.values()}
    assert {Reason.EARLIER, Reason.SAME, Reason.LATER, Reason.PROVIDER_UNPLANNED} <= reasons
    problems = board.problems
    assert problems and all(p.is_problem for p in problems)
    assert [p.health for p in problems] == sorted(
        (p.health for p in problems), key=[Health.RED, Health.ORANGE].index
    )
    text = board.describe(problems[0])
    assert text.startswith("UNPLANNED: AUR-")


def test_placing_a_feature_changes_its_dependency_health(demo_ws: Workspace) -> None:
    _art, _pis, pi = current(demo_ws)
    board = demo_ws.board.board(pi.id)
    late = next(h for h in board.healths.values() if h.reason is Reason.LATER)
    provider = board.feature(late.dependency.provider_id)
    first = board.iterations[0]
    outcome = demo_ws.board.place_feature(provider.id, provider.team_id, first.id)
    assert outcome.changes.touches(Area.BOARD)
    after = demo_ws.board.board(pi.id).healths[late.dependency.id]
    assert after.reason is Reason.EARLIER
    demo_ws.board.place_feature(provider.id, provider.team_id, None)
    assert demo_ws.board.board(pi.id).healths[late.dependency.id].reason is (
        Reason.PROVIDER_UNPLANNED
    )


def test_place_refuses_iterations_of_another_pi_and_foreign_teams(demo_ws: Workspace) -> None:
    _art, pis, pi = current(demo_ws)
    feature = demo_ws.board.board(pi.id).features[0]
    other_iteration = demo_ws.train.iterations(pis[0].id)[0]
    with pytest.raises(ValidationError, match="not an iteration of"):
        demo_ws.board.place_feature(feature.id, feature.team_id, other_iteration.id)
    with pytest.raises(ValidationError, match="not a team"):
        demo_ws.board.place_feature(feature.id, 999, None)
    with demo_ws.uow() as uow:
        assert uow.get(Feature, feature.id) == feature


def test_cross_pi_dependency_is_on_the_board_and_judged_by_dates(demo_ws: Workspace) -> None:
    _art, pis, pi = current(demo_ws)
    previous = demo_ws.train.iterations(pis[0].id)
    provider = demo_ws.board.add_feature(
        pis[0].id, "Old platform work", key="OLD-1", iteration_id=previous[3].id
    ).value
    consumer = demo_ws.board.add_feature(
        pi.id, "Uses it", key="NEW-1", iteration_id=demo_ws.train.iterations(pi.id)[0].id
    ).value
    dep = demo_ws.board.add_dependency(provider.id, consumer_feature_id=consumer.id).value
    board = demo_ws.board.board(pi.id)
    assert board.healths[dep.id].reason is Reason.EARLIER  # I4 of last PI before I1 of this
    assert board.other_features[provider.id].title == "Old platform work"
    assert "PI 2026.1 I4" in board.describe(board.healths[dep.id])


def test_dependency_rules(demo_ws: Workspace) -> None:
    _art, _pis, pi = current(demo_ws)
    board = demo_ws.board.board(pi.id)
    a, b = board.features[0], board.features[1]
    with pytest.raises(ValidationError, match="itself"):
        demo_ws.board.add_dependency(a.id, consumer_feature_id=a.id)
    with pytest.raises(ValidationError, match="exactly one consumer"):
        demo_ws.board.add_dependency(a.id)
    with pytest.raises(ValidationError, match="exactly one consumer"):
        demo_ws.board.add_dependency(
            a.id, consumer_feature_id=b.id, consumer_milestone_id=board.milestones[0].id
        )
    demo_ws.board.add_dependency(a.id, consumer_feature_id=b.id)
    with pytest.raises(ValidationError, match="already provides"):
        demo_ws.board.add_dependency(a.id, consumer_feature_id=b.id)


def test_delete_feature_takes_its_dependencies_and_restore_brings_them_back(
    demo_ws: Workspace,
) -> None:
    _art, _pis, pi = current(demo_ws)
    board = demo_ws.board.board(pi.id)
    dep = board.dependencies[0]
    before = len(board.dependencies)
    snapshot = demo_ws.board.delete_feature(dep.provider_id).value
    assert len(demo_ws.board.board(pi.id).dependencies) < before
    demo_ws.board.restore_feature(snapshot)
    restored = demo_ws.board.board(pi.id)
    assert len(restored.dependencies) == before
    assert restored.feature(dep.provider_id) == board.feature(dep.provider_id)


def test_milestones_and_feature_keys(demo_ws: Workspace) -> None:
    _art, _pis, pi = current(demo_ws)
    its = demo_ws.train.iterations(pi.id)
    milestone = demo_ws.board.add_milestone(pi.id, "Trade show", iteration_id=its[1].id).value
    assert milestone in demo_ws.board.board(pi.id).milestones
    with pytest.raises(ValidationError, match="already used"):
        demo_ws.board.add_feature(pi.id, "Dup", key="aur-100")
    with pytest.raises(ValidationError, match="one word"):
        demo_ws.board.add_feature(pi.id, "Bad key", key="A B")
    snapshot = demo_ws.board.delete_milestone(milestone.id).value
    assert milestone not in demo_ws.board.board(pi.id).milestones
    demo_ws.board.restore_milestone(snapshot)
    assert milestone in demo_ws.board.board(pi.id).milestones

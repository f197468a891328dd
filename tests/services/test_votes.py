"""Vote rounds, ballots, re-votes, hidden mode and concerns to risks, on a real SQLite file."""

from __future__ import annotations

import datetime as dt

import pytest

from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.model import (
    Risk,
    RiskSource,
    RiskStatusChange,
    RoamStatus,
    VoteMode,
)
from rte_desktop.services.common.changes import Area
from rte_desktop.workspace import Workspace


def planned_pi(ws: Workspace) -> tuple[int, int, list]:
    """The demo's third PI (no votes yet), its ART and teams."""
    art = ws.train.arts()[0]
    pi = ws.train.pis(art.id)[2]
    return art.id, pi.id, ws.train.teams(art.id)


def test_a_team_round_takes_its_eligible_voters_from_the_team_size(demo_ws: Workspace) -> None:
    _, pi_id, teams = planned_pi(demo_ws)
    outcome = demo_ws.votes.start_round(pi_id, teams[0].id)
    vote = outcome.value
    assert outcome.changes.touches(Area.VOTES)
    assert (vote.round_no, vote.eligible, vote.is_open) == (1, teams[0].size, True)
    assert vote.opened_at == dt.datetime(2026, 11, 25, 8, 0)  # the fake clock, naive UTC
    art_round = demo_ws.votes.start_round(pi_id, None).value
    assert art_round.eligible == sum(t.size for t in teams)
    assert art_round.team_id is None


def test_ballots_make_the_statistics_and_the_last_one_can_be_taken_back(
    demo_ws: Workspace, clock
) -> None:
    _, pi_id, teams = planned_pi(demo_ws)
    vote = demo_ws.votes.start_round(pi_id, teams[1].id, eligible=5).value
    for value in (3, 4, 2, 5):
        clock.advance(1)
        demo_ws.votes.add_ballot(vote.id, value)
    removed = demo_ws.votes.remove_last_ballot(vote.id).value
    assert removed.value == 5
    view = demo_ws.votes.view(vote.id)
    assert [b.value for b in view.ballots] == [3, 4, 2]
    assert view.stats.counts == {1: 0, 2: 1, 3: 1, 4: 1, 5: 0}
    assert view.stats.average_label() == "3.00"
    assert view.stats.passed is True  # exactly the threshold passes
    assert view.stats.to_be_heard == 1
    assert view.stats.participation == pytest.approx(3 / 5)
    demo_ws.votes.restore_ballot(removed)
    assert [b.value for b in demo_ws.votes.ballots(vote.id)] == [3, 4, 2, 5]


def test_bad_ballots_and_closed_rounds_are_refused_and_change_nothing(
    demo_ws: Workspace,
) -> None:
    _, pi_id, teams = planned_pi(demo_ws)
    vote = demo_ws.votes.start_round(pi_id, teams[0].id).value
    with pytest.raises(ValidationError, match="1 to 5"):
        demo_ws.votes.add_ballot(vote.id, 0)
    with pytest.raises(ValidationError, match="no ballot"):
        demo_ws.votes.remove_last_ballot(vote.id)
    demo_ws.votes.close_round(vote.id)
    with pytest.raises(ValidationError, match="closed"):
        demo_ws.votes.add_ballot(vote.id, 4)
    assert demo_ws.votes.ballots(vote.id) == []
    with pytest.raises(ValidationError, match="between 0 and"):
        demo_ws.votes.set_eligible(vote.id, -1)
    with pytest.raises(ValidationError, match="already has round 1"):
        demo_ws.votes.start_round(pi_id, teams[0].id)


def test_a_revote_is_a_new_linked_round_and_the_old_one_is_kept(demo_ws: Workspace, clock) -> None:
    _, pi_id, teams = planned_pi(demo_ws)
    first = demo_ws.votes.start_round(pi_id, None, eligible=4).value
    for value in (1, 2, 3, 3):
        demo_ws.votes.add_ballot(first.id, value)
    clock.advance(600)
    second = demo_ws.votes.revote(first.id).value
    assert (second.round_no, second.previous_id, second.eligible) == (2, first.id, 4)
    old = demo_ws.votes.view(first.id)
    assert not old.round.is_open and old.round.closed_at == dt.datetime(2026, 11, 25, 8, 10)
    assert [b.value for b in old.ballots] == [1, 2, 3, 3]
    assert old.stats.passed is False and not old.is_latest
    with pytest.raises(ValidationError, match="re-vote from the latest"):
        demo_ws.votes.revote(first.id)
    with pytest.raises(ValidationError, match="reopen the latest"):
        demo_ws.votes.reopen_round(first.id)
    assert [r.id for r in demo_ws.votes.view(second.id).history] == [first.id, second.id]
    # Undo of the re-vote: the empty round goes, the previous one is open again.
    demo_ws.votes.delete_empty_round(second.id)
    assert demo_ws.votes.latest_round(pi_id, None).id == first.id
    assert demo_ws.votes.view(first.id).round.is_open
    with pytest.raises(ValidationError, match="kept as history"):
        demo_ws.votes.delete_empty_round(first.id)


def test_hidden_mode_stays_hidden_until_revealed(demo_ws: Workspace) -> None:
    _, pi_id, teams = planned_pi(demo_ws)
    vote = demo_ws.votes.start_round(pi_id, teams[2].id, mode=VoteMode.HIDDEN).value
    demo_ws.votes.add_ballot(vote.id, 2)
    assert demo_ws.votes.view(vote.id).hidden
    demo_ws.votes.reveal(vote.id)
    assert not demo_ws.votes.view(vote.id).hidden
    demo_ws.votes.set_mode(vote.id, VoteMode.HIDDEN)
    assert demo_ws.votes.view(vote.id).hidden
    demo_ws.votes.set_mode(vote.id, VoteMode.TALLY)
    assert not demo_ws.votes.view(vote.id).hidden


def test_a_concern_becomes_an_unroamed_risk_linked_both_ways(demo_ws: Workspace) -> None:
    _, pi_id, teams = planned_pi(demo_ws)
    team = teams[1]  # "Ωmega"
    vote = demo_ws.votes.start_round(pi_id, team.id, mode=VoteMode.INDIVIDUAL).value
    ballot = demo_ws.votes.add_ballot(vote.id, 2, voter="李雷", comment="no test env").value
    concern = demo_ws.votes.add_concern(vote.id, "  Test environment booked\nuntil May ", ballot.id)
    assert concern.value.text == "Test environment booked\nuntil May"
    outcome = demo_ws.votes.concern_to_risk(concern.value.id)
    assert outcome.changes.areas == {Area.VOTES, Area.RISKS}
    with demo_ws.uow() as uow:
        risk = uow.get(Risk, outcome.value.risk_id)
        history = uow.find(RiskStatusChange, risk_id=risk.id)
    assert risk.status is RoamStatus.UNROAMED and risk.source is RiskSource.VOTE_CONCERN
    assert (risk.pi_id, risk.team_id, risk.title) == (pi_id, team.id, "Test environment booked")
    assert "Ωmega, round 1 (a vote of 2 by 李雷)" in risk.description
    assert [h.to_status for h in history] == [RoamStatus.UNROAMED]
    with pytest.raises(ValidationError, match="already a risk"):
        demo_ws.votes.concern_to_risk(concern.value.id)
    demo_ws.votes.undo_concern_risk(concern.value.id)
    with demo_ws.uow() as uow:
        assert uow.count(Risk, id=risk.id) == 0
    assert demo_ws.votes.concerns(vote.id)[0].risk_id is None


def test_a_roamed_risk_is_not_removed_by_undo(demo_ws: Workspace) -> None:
    _, pi_id, _teams = planned_pi(demo_ws)
    vote = demo_ws.votes.start_round(pi_id, None).value
    concern = demo_ws.votes.add_concern(vote.id, "Too many dependencies").value
    risk_id = demo_ws.votes.concern_to_risk(concern.id).value.risk_id
    with demo_ws.uow() as uow:
        uow.patch(Risk, risk_id, status=RoamStatus.OWNED)
    with pytest.raises(ValidationError, match="already ROAMed"):
        demo_ws.votes.undo_concern_risk(concern.id)
    with pytest.raises(ValidationError, match="must not be empty"):
        demo_ws.votes.add_concern(vote.id, "   ")


def test_summary_lists_every_team_then_the_art_with_their_rounds(demo_ws: Workspace) -> None:
    art_id, _, teams = planned_pi(demo_ws)
    current = demo_ws.train.pis(art_id)[1]
    summary = demo_ws.votes.summary(current.id)
    assert [s.name for s in summary] == [t.name for t in teams] + ["Aurora ART"]
    art_scope = summary[-1]
    assert [r.round_no for r, _ in art_scope.rounds] == [1, 2]
    first, second = (stats for _, stats in art_scope.rounds)
    assert first.passed is False and second.passed is True
    kraken = next(s for s in summary if s.name == "Kraken")
    assert kraken.latest[1].to_be_heard >= 1


def test_art_trend_has_one_point_per_pi_and_hides_unrevealed_rounds(
    demo_ws: Workspace,
) -> None:
    art_id, pi_id, _ = planned_pi(demo_ws)
    vote = demo_ws.votes.start_round(pi_id, None, mode=VoteMode.HIDDEN).value
    demo_ws.votes.add_ballot(vote.id, 5)
    trend = demo_ws.votes.art_trend(art_id)
    assert [p.pi_name for p in trend] == ["PI 2026.1", "PI 2026.2", "PI 2027.1"]
    assert trend[0].stats.passed and trend[1].stats.passed
    assert trend[2].stats is None and trend[2].rounds == 1
    demo_ws.votes.reveal(vote.id)
    assert demo_ws.votes.art_trend(art_id)[2].stats.average_label() == "5.00"


def test_threshold_is_the_arts_and_is_validated(demo_ws: Workspace) -> None:
    art_id, pi_id, teams = planned_pi(demo_ws)
    assert demo_ws.votes.threshold(pi_id) == 3.0
    demo_ws.votes.set_threshold(art_id, 3.5)
    vote = demo_ws.votes.start_round(pi_id, teams[0].id).value
    for value in (3, 4):
        demo_ws.votes.add_ballot(vote.id, value)
    assert demo_ws.votes.view(vote.id).stats.passed is True  # 3.50 >= 3.50
    demo_ws.votes.set_threshold(art_id, 3.51)
    assert demo_ws.votes.view(vote.id).stats.passed is False
    with pytest.raises(ValidationError, match="between 1.00 and 5.00"):
        demo_ws.votes.set_threshold(art_id, 0)

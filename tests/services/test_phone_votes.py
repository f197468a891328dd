"""The phone vote service on its own: rounds, device ballots, counts, concerns, closing."""

from __future__ import annotations

import hashlib

import pytest

from rte_desktop.domain.errors import ValidationError
from rte_desktop.services.common.changes import Area
from rte_desktop.services.vote.phone_rounds import DeviceCount, PhoneRoundClosedError
from rte_desktop.workspace import Workspace


def device(n: int) -> str:
    return hashlib.sha256(str(n).encode()).hexdigest()


@pytest.fixture
def phone_round(demo_ws: Workspace):
    art = demo_ws.train.arts()[0]
    pi = demo_ws.train.pis(art.id)[2]
    team = demo_ws.train.teams(art.id)[0]
    outcome = demo_ws.phone_votes.open(pi.id, team.id)
    assert outcome.changes.touches(Area.VOTES)
    return outcome.value


def test_opening_starts_round_1_and_taking_it_again_keeps_the_salt(demo_ws, phone_round):
    assert (phone_round.round.round_no, phone_round.round.is_open) == (1, True)
    again = demo_ws.phone_votes.open(phone_round.round.pi_id, phone_round.round.team_id).value
    assert again.id == phone_round.id and again.phone_round.salt == phone_round.phone_round.salt
    found = demo_ws.phone_votes.find_open(phone_round.round.pi_id, phone_round.round.team_id)
    assert found is not None and found.id == phone_round.id


def test_a_device_replaces_its_ballot_and_counts_once(demo_ws, phone_round):
    service = demo_ws.phone_votes
    service.cast(phone_round.id, device(1), 2)
    service.cast(phone_round.id, device(2), 5)
    service.cast(phone_round.id, device(1), 4)
    assert sorted(b.value for b in demo_ws.votes.ballots(phone_round.round.id)) == [4, 5]
    assert service.device_vote(phone_round.id, device(1)) == 4
    assert service.device_vote(phone_round.id, device(3)) is None
    count = service.count(phone_round.id)
    assert (count.devices, count.eligible) == (2, phone_round.round.eligible)


def test_a_concern_that_became_a_risk_is_kept_and_a_new_one_added(demo_ws, phone_round):
    service = demo_ws.phone_votes
    service.cast(phone_round.id, device(1), 1, "No staging environment")
    concern = demo_ws.votes.concerns(phone_round.round.id)[0]
    demo_ws.votes.concern_to_risk(concern.id)
    service.cast(phone_round.id, device(1), 2, "Still no staging environment")
    texts = [c.text for c in demo_ws.votes.concerns(phone_round.round.id)]
    assert texts == ["No staging environment", "Still no staging environment"]


@pytest.mark.parametrize("bad", ["", "abc", "x" * 64, device(1).upper()])
def test_a_device_key_the_server_did_not_make_is_refused(demo_ws, phone_round, bad) -> None:
    with pytest.raises(ValidationError):
        demo_ws.phone_votes.cast(phone_round.id, bad, 3)
    assert demo_ws.votes.ballots(phone_round.round.id) == []


def test_closing_closes_the_round_and_refuses_later_ballots(demo_ws, phone_round):
    service = demo_ws.phone_votes
    service.cast(phone_round.id, device(1), 3)
    closed = service.close(phone_round.id).value
    assert not closed.is_open and not closed.round.is_open
    assert not service.is_open(phone_round.id)
    with pytest.raises(PhoneRoundClosedError):
        service.cast(phone_round.id, device(2), 3)
    assert service.find_open(phone_round.round.pi_id, phone_round.round.team_id) is None


def test_more_devices_than_eligible_is_said() -> None:
    assert DeviceCount(43, 42).over and not DeviceCount(42, 42).over
    assert not DeviceCount(5, 0).over
    assert DeviceCount(37, 42).label() == "37 of 42 devices voted"


def test_a_double_tap_from_one_phone_leaves_one_ballot(demo_ws, phone_round) -> None:
    """Two casts of one device at the same moment (threads, as the server runs them)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda v: demo_ws.phone_votes.cast(phone_round.id, device(7), v), [3, 4] * 4))
    ballots = demo_ws.votes.ballots(phone_round.round.id)
    assert len(ballots) == 1 and ballots[0].value in (3, 4)
    assert demo_ws.phone_votes.count(phone_round.id).devices == 1

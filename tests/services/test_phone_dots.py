"""The phone dot service on its own (both back ends): rounds, a device's dots, checks, counts,
and the Pareto, budget, fishbone and report counting the room's dots and the phones'."""

from __future__ import annotations

import hashlib
from concurrent.futures import ThreadPoolExecutor

import pytest

from rte_desktop.domain.errors import ValidationError
from rte_desktop.services.common.changes import Area
from rte_desktop.services.workshop.phone_dots import DotRound, DotRoundClosedError
from rte_desktop.workspace import Workspace


def device(n: int) -> str:
    return hashlib.sha256(str(n).encode()).hexdigest()


@pytest.fixture
def shop(demo_ws: Workspace):
    """A fresh workshop (3 causes, 4 dots each, 10 participants) in the demo's third PI."""
    pi = demo_ws.train.pis(demo_ws.train.arts()[0].id)[2]
    made = demo_ws.workshop.create_workshop(pi.id, "Releases slip").value
    demo_ws.workshop.set_voting(made.id, 10, 4)
    bone = demo_ws.workshop.fishbone(made.id).bones[0]
    for text in ("A", "B", "C"):
        demo_ws.workshop.add_cause(bone.id, text)
    return demo_ws.workshop.workshop(made.id)


@pytest.fixture
def dots(demo_ws: Workspace, shop) -> tuple[DotRound, dict[str, int]]:
    outcome = demo_ws.phone_dots.open(shop.id)
    assert outcome.changes.touches(Area.WORKSHOP)
    causes = {c.text: c.id for c in demo_ws.workshop.fishbone(shop.id).causes}
    return outcome.value, causes


def counts(ws: Workspace, shop) -> dict[str, int]:
    return {row.name: row.count for row in ws.workshop.pareto(shop.id).rows if row.count}


def test_opening_again_keeps_the_round_and_its_salt(demo_ws, shop, dots) -> None:
    first, _ = dots
    demo_ws.phone_dots.close(first.id)
    assert demo_ws.phone_dots.find_open(shop.id) is None
    again = demo_ws.phone_dots.open(shop.id).value
    assert (again.id, again.phone_round.salt, again.is_open) == (
        first.id,
        first.phone_round.salt,
        True,
    )


def test_phone_dots_and_room_dots_add_up_everywhere(demo_ws, shop, dots) -> None:
    round_, c = dots
    ws = demo_ws
    ws.phone_dots.cast(round_.id, device(1), {c["A"]: 3, c["B"]: 1})
    ws.phone_dots.cast(round_.id, device(2), {c["A"]: 1, c["C"]: 0})
    ws.workshop.set_cause_votes(c["C"], 2)  # two people without a phone, counted by hand
    assert counts(ws, shop) == {"A": 4, "B": 1, "C": 2}
    assert ws.workshop.budget(shop.id).used == 7
    fishbone = ws.workshop.fishbone(shop.id)
    assert fishbone.phone_dots == {c["A"]: 4, c["B"]: 1}
    assert {x.text: (x.votes, fishbone.dots(x)) for x in fishbone.causes} == {
        "A": (0, 4),
        "B": (0, 1),
        "C": (2, 2),
    }
    section = next(s for s in ws.inspect_adapt.sections(shop.pi_id) if s.workshop.id == shop.id)
    assert {r.name: r.count for r in section.pareto.rows} == {"A": 4, "B": 1, "C": 2}
    assert section.budget.used == 7
    count = ws.phone_dots.count(round_.id)
    assert (count.devices, count.eligible) == (2, 10)


def test_a_tally_reads_what_phones_change_and_counts_as_the_service(demo_ws, shop, dots) -> None:
    """The panel's refresh while phones vote: the round's state, its devices and the phones'
    dots in one read; the fishbone shown with them has the service's Pareto and budget."""
    round_, c = dots
    ws = demo_ws
    ws.workshop.set_cause_votes(c["C"], 2)
    shown = ws.workshop.fishbone(shop.id)
    ws.phone_dots.cast(round_.id, device(1), {c["A"]: 1, c["B"]: 2})
    ws.phone_dots.cast(round_.id, device(2), {c["B"]: 1})
    tally = ws.phone_dots.tally(round_.id)
    assert (tally.is_open, tally.count) == (True, ws.phone_dots.count(round_.id))
    assert (tally.count.devices, tally.count.eligible) == (2, 10)
    assert tally.phone_dots == {c["A"]: 1, c["B"]: 3}
    again = shown.with_phone_dots(tally.phone_dots)
    assert again == ws.workshop.fishbone(shop.id)
    assert shown.phone_dots == {}  # the one shown is left as it was
    pareto = again.counted_pareto()
    assert [(r.name, r.count) for r in pareto.rows] == [("B", 3), ("C", 2), ("A", 1)]
    assert pareto == ws.workshop.pareto(shop.id)
    assert again.counted_budget() == ws.workshop.budget(shop.id)
    assert (again.counted_budget().used, again.counted_budget().available) == (6, 40)
    ws.phone_dots.close(round_.id)
    assert not ws.phone_dots.tally(round_.id).is_open
    assert not ws.phone_dots.tally(round_.id + 999).is_open  # gone


def test_a_device_replaces_its_dots_and_sees_them(demo_ws, shop, dots) -> None:
    round_, c = dots
    service = demo_ws.phone_dots
    service.cast(round_.id, device(1), {c["A"]: 4})
    assert service.cast(round_.id, device(1), {c["B"]: 2, c["C"]: 0}).value == {c["B"]: 2}
    assert counts(demo_ws, shop) == {"B": 2}
    ballot = service.ballot(round_.id, device(1))
    assert (ballot.mine, ballot.placed, ballot.voted, ballot.dots) == ({c["B"]: 2}, 2, True, 4)
    assert [x.text for x in ballot.causes] == ["A", "B", "C"]
    assert not service.ballot(round_.id, device(2)).voted
    service.cast(round_.id, device(1), {})  # takes its dots back: no longer counted
    assert service.count(round_.id).devices == 0


@pytest.mark.parametrize(
    "ballot",
    [
        {"A": 3, "B": 2},  # 5 of 4
        {"A": -1},
        {"other": 1},
        {0: 1},
    ],
)
def test_a_bad_ballot_changes_nothing(demo_ws, shop, dots, ballot) -> None:
    round_, c = dots
    service = demo_ws.phone_dots
    service.cast(round_.id, device(1), {c["A"]: 1})
    pi = demo_ws.train.pis(demo_ws.train.arts()[0].id)[2]
    other = demo_ws.workshop.create_workshop(pi.id, "Other").value
    bone = demo_ws.workshop.fishbone(other.id).bones[0]
    ids = {**c, "other": demo_ws.workshop.add_cause(bone.id, "Elsewhere").value.id, 0: 0}
    with pytest.raises(ValidationError):
        service.cast(round_.id, device(1), {ids[k]: n for k, n in ballot.items()})
    assert counts(demo_ws, shop) == {"A": 1}


def test_a_bad_device_key_or_a_closed_round_is_refused(demo_ws, shop, dots) -> None:
    round_, c = dots
    with pytest.raises(ValidationError, match="device key"):
        demo_ws.phone_dots.cast(round_.id, "not-a-hash", {c["A"]: 1})
    demo_ws.phone_dots.close(round_.id)
    assert not demo_ws.phone_dots.is_open(round_.id)
    with pytest.raises(DotRoundClosedError):
        demo_ws.phone_dots.cast(round_.id, device(1), {c["A"]: 1})
    assert counts(demo_ws, shop) == {}


def test_a_double_tap_from_one_phone_leaves_one_ballot(demo_ws, shop, dots) -> None:
    """Casts of one device at the same moment (threads, as the server runs them)."""
    round_, c = dots
    ballots = [{c["A"]: 2}, {c["B"]: 3}] * 4
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda b: demo_ws.phone_dots.cast(round_.id, device(7), b), ballots))
    assert counts(demo_ws, shop) in ({"A": 2}, {"B": 3})
    assert demo_ws.phone_dots.count(round_.id).devices == 1


def test_undo_of_a_deleted_cause_brings_the_phones_dots_back(demo_ws, shop, dots) -> None:
    round_, c = dots
    ws, service = demo_ws, demo_ws.phone_dots
    service.cast(round_.id, device(1), {c["A"]: 2, c["B"]: 1})
    service.cast(round_.id, device(2), {c["A"]: 1, c["C"]: 3})
    service.cast(round_.id, device(3), {c["A"]: 4})
    removed = ws.workshop.delete_cause(c["A"]).value
    assert counts(ws, shop) == {"B": 1, "C": 3}
    service.cast(round_.id, device(2), {c["C"]: 4})  # saves again meanwhile: its new ballot stays
    ws.workshop.restore_causes(removed)
    assert counts(ws, shop) == {"A": 2 + 4, "B": 1, "C": 4}
    assert service.ballot(round_.id, device(3)).mine == {c["A"]: 4}


def test_undo_of_a_deleted_bone_or_workshop_keeps_the_phone_round(demo_ws, shop, dots) -> None:
    round_, c = dots
    ws = demo_ws
    ws.phone_dots.cast(round_.id, device(1), {c["A"]: 2, c["C"]: 1})
    bone, removed = ws.workshop.delete_bone(ws.workshop.fishbone(shop.id).bones[0].id).value
    assert counts(ws, shop) == {}
    ws.workshop.restore_bone(bone, removed)
    assert counts(ws, shop) == {"A": 2, "C": 1}
    snapshot = ws.workshop.delete_workshop(shop.id).value
    assert not ws.phone_dots.is_open(round_.id)
    ws.workshop.restore_workshop(snapshot)
    assert counts(ws, shop) == {"A": 2, "C": 1}
    assert ws.phone_dots.is_open(round_.id)
    assert ws.phone_dots.ballot(round_.id, device(1)).mine == {c["A"]: 2, c["C"]: 1}

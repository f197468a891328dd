"""A served dot voting on 127.0.0.1 over a workshop of the demo train (real server, sockets)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from rte_desktop.phones.dots import DotSession
from rte_desktop.workspace import Workspace
from tests.phones.dots.room import HOSTILE, Room


@pytest.fixture
def room(demo_ws: Workspace) -> Room:
    """A workshop of five causes (one a sub-cause, one named like a script), 5 dots each."""
    ws = demo_ws
    pi = ws.train.pis(ws.train.arts()[0].id)[2]
    shop = ws.workshop.create_workshop(pi.id or 0, "Releases slip").value
    ws.workshop.set_voting(shop.id or 0, 30, 5)
    bones = ws.workshop.fishbone(shop.id or 0).bones
    causes: dict[str, int] = {}
    for text, bone in (
        ("Late dependencies", 0),
        ("No test environment", 1),
        (HOSTILE, 2),
        ("Unclear acceptance", 3),
    ):
        causes[text] = ws.workshop.add_cause(bones[bone].id or 0, text).value.id or 0
    causes["Nobody owns the plan"] = (
        ws.workshop.add_cause(
            bones[0].id or 0, "Nobody owns the plan", causes["Late dependencies"]
        ).value.id
        or 0
    )
    other = ws.workshop.create_workshop(pi.id or 0, "Another problem").value
    other_bone = ws.workshop.fishbone(other.id or 0).bones[0]
    other_cause = ws.workshop.add_cause(other_bone.id or 0, "Elsewhere").value.id or 0
    return Room(ws, ws.workshop.workshop(shop.id or 0), causes, other_cause)


@pytest.fixture
def dots_session(room: Room, rate_clock) -> Iterator[DotSession]:
    served = DotSession.start(room.ws, room.shop_id, "127.0.0.1", 0, clock=rate_clock)
    yield served
    served.stop()

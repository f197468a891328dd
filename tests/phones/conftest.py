"""A served confidence round on 127.0.0.1 over the demo train (a real server, real sockets)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from rte_desktop.phones.session import ConfidenceSession
from rte_desktop.workspace import Workspace, open_workspace


class FrozenClock:
    """Monotonic seconds that move only when told (the rate limit's clock)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def demo_file(tmp_path: Path, clock) -> Path:
    """The demo train in a file, for a command line in another process."""
    path = tmp_path / "train.sqlite"
    ws = open_workspace(path, clock)
    ws.demo.create()
    ws.close()
    return path


@pytest.fixture
def rate_clock() -> FrozenClock:
    return FrozenClock()


@pytest.fixture
def scope(demo_ws: Workspace) -> tuple[int, int]:
    """The demo's third PI (no votes yet) and its first team."""
    art = demo_ws.train.arts()[0]
    pi = demo_ws.train.pis(art.id)[2]
    return pi.id or 0, demo_ws.train.teams(art.id)[0].id or 0


@pytest.fixture
def session(
    demo_ws: Workspace, scope: tuple[int, int], rate_clock: FrozenClock
) -> Iterator[ConfidenceSession]:
    served = ConfidenceSession.start(demo_ws, *scope, "127.0.0.1", 0, clock=rate_clock)
    yield served
    served.stop()

"""Another client's change is noticed: LISTEN/NOTIFY on a server, data_version on a file."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from rte_desktop.domain.clock import FakeClock
from rte_desktop.services.common.changes import Area, Changes
from rte_desktop.workspace import Workspace, open_workspace


@pytest.fixture
def other(demo_ws: Workspace, db_url: str, clock: FakeClock) -> Iterator[Workspace]:
    second = open_workspace(db_url, clock)
    yield second
    second.close()


def _wait_for(poll: Callable[[], Changes], limit_s: float = 5.0) -> Changes:
    """Poll as the app's timer does until something arrives (a NOTIFY takes a moment)."""
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        changes = poll()
        if changes:
            return changes
        time.sleep(0.01)  # polling interval of this loop only; no result depends on the time
    return Changes()


def test_a_change_by_another_client_is_noticed_and_its_own_is_not(
    demo_ws: Workspace, other: Workspace, backend: str
) -> None:
    assert not demo_ws.poll_changes()  # opens the feed: nothing yet
    pi = demo_ws.train.current_pi(demo_ws.train.arts()[0].id)
    demo_ws.risks.add(pi.id, "My own risk")
    assert not _wait_for(demo_ws.poll_changes, limit_s=0.3)  # its own commit is not news
    other.risks.add(pi.id, "Their risk")
    changes = _wait_for(demo_ws.poll_changes)
    assert changes.touches(Area.RISKS)
    if backend == "postgresql":  # the server says which areas; a file only says "something"
        assert changes.areas == frozenset({Area.RISKS})
    assert "Their risk" in [r.title for r in demo_ws.risks.risks(pi.id)]
    assert not demo_ws.poll_changes()  # each change once


def test_a_command_line_in_another_process_is_noticed(
    demo_ws: Workspace, db_url: str, tmp_path: Path
) -> None:
    assert not demo_ws.poll_changes()
    pi = demo_ws.train.current_pi(demo_ws.train.arts()[0].id)
    csv = tmp_path / "o.csv"
    csv.write_text("team,objective\nΩmega,From the command line\n", encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "rte_desktop",
            "import",
            "objectives",
            str(csv),
            "--db",
            db_url,
            "--pi",
            pi.name,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert _wait_for(demo_ws.poll_changes).touches(Area.OBJECTIVES)

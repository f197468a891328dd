"""Two clients on one train: another client's edit shows in the open window within a second;
a server stopped under the open window is said, edits are refused, and it reconnects."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from rte_desktop.domain.clock import FakeClock
from rte_desktop.domain.errors import ServerUnreachableError
from rte_desktop.ui.risks.panel import RisksPanel
from rte_desktop.workspace import open_workspace
from tests.pg_server import PgServer, find_bin_dir


@pytest.fixture(params=["file", "server"])
def train_url(request: pytest.FixtureRequest, tmp_path, clock: FakeClock) -> str:
    """A demo train in a file or on the test server."""
    if request.param == "file":
        url = str(tmp_path / "train.sqlite")
    else:
        server: PgServer = request.getfixturevalue("pg_server")
        name = server.create_database(template=request.getfixturevalue("pg_template"))
        url = server.url(name)
    ws = open_workspace(url, clock)
    ws.demo.create()
    ws.close()
    return url


def _risk_titles(panel: RisksPanel) -> list[str]:
    return [r.title for model in panel.board.models.values() for r in model.risks]


def test_another_clients_change_shows_within_a_second(
    qtbot, make_window, train_url: str, clock: FakeClock
) -> None:
    mine = open_workspace(train_url, clock)
    theirs = open_workspace(train_url, clock)
    try:
        window = make_window(mine)
        qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
        panel = window.current_panel()
        assert isinstance(panel, RisksPanel)
        assert "Their new risk" not in _risk_titles(panel)
        theirs.risks.add(panel.pi_id or 0, "Their new risk")
        qtbot.waitUntil(lambda: "Their new risk" in _risk_titles(panel), timeout=1000)
    finally:
        theirs.close()
        mine.close()


@pytest.fixture
def own_server() -> Iterator[PgServer]:
    """A server of this test's own: it is stopped and started under the open window."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        pytest.skip("PostgreSQL binaries not found (scripts/system-deps.sh installs them)")
    server = PgServer(bin_dir)
    server.init()
    server.start()
    yield server
    server.destroy()


def test_a_stopped_server_is_said_edits_refused_and_it_reconnects(
    qtbot, make_window, own_server: PgServer, clock: FakeClock
) -> None:
    url = own_server.url(own_server.create_database())
    ws = open_workspace(url, clock)
    ws.demo.create()
    try:
        window = make_window(ws)
        qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
        panel = window.current_panel()
        assert isinstance(panel, RisksPanel)
        shown = _risk_titles(panel)
        own_server.stop()
        qtbot.waitUntil(lambda: "unreachable" in window.file_label.text(), timeout=3000)
        assert "cannot be reached" in window.file_label.toolTip()
        assert _risk_titles(panel) == shown  # it keeps showing what it has
        with pytest.raises(ServerUnreachableError, match="nothing was changed"):
            ws.risks.add(panel.pi_id or 0, "While the server is down")
        own_server.start()
        qtbot.waitUntil(lambda: "unreachable" not in window.file_label.text(), timeout=5000)
        ws.risks.add(panel.pi_id or 0, "After the restart")
        qtbot.waitUntil(lambda: "After the restart" in _risk_titles(panel), timeout=1000)
        assert "While the server is down" not in _risk_titles(panel)
    finally:
        ws.close()

"""File > Connect to server...: typed into, it opens the train there; no password is kept."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from rte_desktop.ui.server.connect_dialog import ConnectDialog
from rte_desktop.workspace import Workspace
from tests.pg_server import PgServer


def connect_by_keys(qtbot, window: QWidget, pg_server: PgServer, name: str) -> None:
    """File > Connect to server... (Ctrl+Shift+O), typed into, Return."""
    seen: list[ConnectDialog] = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ConnectDialog)
        seen.append(dialog)
        for field, text in (
            (dialog.host, str(pg_server.socket_dir)),
            (dialog.database, name),
            (dialog.user, pg_server.superuser),
            (dialog.password, "s3cret-word"),
        ):
            field.selectAll()
            qtbot.keyClicks(field, text)
        dialog.port.setValue(pg_server.port)
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    QTimer.singleShot(0, fill)
    qtbot.keyClick(
        window,
        Qt.Key.Key_O,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert seen, "the dialog did not open"


def test_connect_by_keyboard_opens_the_server_and_keeps_no_password(
    qtbot, make_window, ws: Workspace, pg_server: PgServer, pg_template: str, tmp_path: Path
) -> None:
    name = pg_server.create_database(template=pg_template)
    window = make_window(ws)
    connect_by_keys(qtbot, window, pg_server, name)
    assert window.workspace.on_server and name in window.workspace.url
    assert "s3cret-word" not in window.file_label.text()
    window.settings.qsettings.sync()
    stored = (tmp_path / "ui.ini").read_text("utf-8")
    assert name in stored and "s3cret-word" not in stored


OTHER_APP = """
import sys
from rte_desktop.app import acquire_lock
from rte_desktop.domain.errors import DatabaseError
from rte_desktop.workspace import open_workspace
try:
    lock = acquire_lock(sys.argv[1])
except DatabaseError:
    print("refused")
else:
    ws = open_workspace(sys.argv[1])
    print("opened", len(ws.train.arts()))
    ws.close()
    lock.unlock()
"""


def second_app_opens(path: Path) -> str:
    """What a second RTE Desktop process says when it opens ``path`` (takes its lock first)."""
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, PYTHONPATH=str(root), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", OTHER_APP, str(path)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout.strip()


def test_switching_from_a_file_to_a_server_lets_go_of_the_files_lock(
    qtbot, ui_settings, pg_server: PgServer, pg_template: str, tmp_path: Path
) -> None:
    from rte_desktop.app import TrainOpener
    from rte_desktop.ui.bus import AppEvents
    from rte_desktop.ui.main_window import MainWindow

    train = tmp_path / "train.sqlite"
    opener = TrainOpener(interactive=False)  # what the app hands the window: it holds the lock
    window = MainWindow(opener(train), ui_settings, AppEvents(), opener)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert second_app_opens(train) == "refused"  # one app per file
    connect_by_keys(qtbot, window, pg_server, pg_server.create_database(template=pg_template))
    assert window.workspace.on_server
    assert second_app_opens(train) == "opened 0"  # the file is free for another app now
    opener.release()

"""File > Connect to server...: typed into, it opens the train there; no password is kept."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from rte_desktop.ui.server.connect_dialog import ConnectDialog
from rte_desktop.workspace import Workspace
from tests.pg_server import PgServer


def test_connect_by_keyboard_opens_the_server_and_keeps_no_password(
    qtbot, make_window, ws: Workspace, pg_server: PgServer, pg_template: str, tmp_path: Path
) -> None:
    name = pg_server.create_database(template=pg_template)
    window = make_window(ws)
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
    assert window.workspace.on_server and name in window.workspace.url
    assert "s3cret-word" not in window.file_label.text()
    window.settings.qsettings.sync()
    stored = (tmp_path / "ui.ini").read_text("utf-8")
    assert name in stored and "s3cret-word" not in stored

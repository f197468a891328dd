"""File > Restore backup... and the offer made when a file cannot be opened, driven by keys."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from rte_desktop.app import TrainOpener
from rte_desktop.domain.model import Team
from rte_desktop.services.backup.backup import list_backups, make_backup
from rte_desktop.ui.bus import AppEvents
from rte_desktop.ui.dialogs.restore_backup import RestoreBackupDialog
from rte_desktop.ui.main_window import MainWindow
from rte_desktop.ui.settings import UiSettings
from rte_desktop.workspace import Workspace, open_workspace


def _window(qtbot, ws: Workspace, tmp_path: Path, opener=None) -> MainWindow:
    settings = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    window = MainWindow(ws, settings, AppEvents(), opener)
    if opener is not None:
        opener.parent = window
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _menu_action(window: MainWindow, text: str):
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if action.text().replace("&", "") == text:
                return action
    raise AssertionError(f"no menu action {text!r}")


def _when_modal(qtbot, act) -> None:
    """Run ``act(widget)`` on the next modal dialog, once it is up."""

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            QTimer.singleShot(20, poll)
        else:
            act(widget)

    QTimer.singleShot(0, poll)


def _teams(ws: Workspace) -> list[str]:
    with ws.uow() as uow:
        return [t.name for t in uow.find(Team)]


def test_dialog_lists_backups_newest_first(qtbot, demo_ws: Workspace, clock) -> None:
    demo_ws.backup.daily_backup()
    clock.advance(24 * 3600)
    demo_ws.backup.daily_backup()
    backups = demo_ws.backup.backups()
    dialog = RestoreBackupDialog(demo_ws.path, backups)
    qtbot.addWidget(dialog)
    rows = [dialog.table.topLevelItem(i) for i in range(dialog.table.topLevelItemCount())]
    assert [r.text(0) for r in rows] == ["Thu 26 Nov 2026  08:00", "Wed 25 Nov 2026  08:00"]
    assert {r.text(1) for r in rows} == {"daily"}
    assert dialog.table.currentItem() is rows[0] and not dialog.empty.isVisible()


def test_file_restore_backup_by_keyboard_brings_the_old_data_back(
    qtbot, demo_ws: Workspace, tmp_path: Path, monkeypatch
) -> None:
    db = demo_ws.path
    demo_ws.backup.daily_backup()
    art_id = demo_ws.train.arts()[0].id
    demo_ws.train.add_team(art_id, "Added later")
    window = _window(qtbot, demo_ws, tmp_path)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)

    def press_enter(dialog) -> None:
        assert isinstance(dialog, RestoreBackupDialog)
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)

    _when_modal(qtbot, press_enter)
    _menu_action(window, "Restore backup...").trigger()
    assert window.ws is not demo_ws
    assert window.ws.path == db
    assert "Added later" not in _teams(window.ws)
    safety = [b for b in list_backups(db) if b.kind == "before-restore"]
    assert len(safety) == 1
    ws = open_workspace(safety[0].path)
    assert "Added later" in _teams(ws)  # the restore can itself be undone
    ws.close()
    assert window.art_combo.currentText() == "Aurora ART"


def test_cancel_restores_nothing(qtbot, demo_ws: Workspace, tmp_path: Path) -> None:
    demo_ws.backup.daily_backup()
    window = _window(qtbot, demo_ws, tmp_path)
    _when_modal(qtbot, lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape))
    _menu_action(window, "Restore backup...").trigger()
    assert window.ws is demo_ws
    assert [b.kind for b in list_backups(demo_ws.path)] == ["daily"]


def test_opening_a_damaged_file_offers_its_latest_backup_in_a_new_file(
    qtbot, demo_ws: Workspace, tmp_path: Path, copy_template, monkeypatch
) -> None:
    damaged = copy_template("demo", tmp_path / "other.sqlite")
    make_backup(damaged)
    data = bytearray(damaged.read_bytes())
    data[4096:] = b"\xa5" * (len(data) - 4096)
    damaged.write_bytes(bytes(data))
    digest = hashlib.sha256(damaged.read_bytes()).hexdigest()
    opener = TrainOpener()
    window = _window(qtbot, demo_ws, tmp_path, opener)
    new_file = tmp_path / "rescued.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(new_file), ""))
    shown: list[str] = []

    def accept_offer(box) -> None:
        assert isinstance(box, QMessageBox)
        shown.append(box.text() + "\n" + box.informativeText())
        qtbot.keyClick(box, Qt.Key.Key_Return)  # the default button: restore into a new file

    _when_modal(qtbot, accept_offer)
    assert window.open_path(damaged)
    assert "damaged" in shown[0] and "other.sqlite-manual-" in shown[0]
    assert window.ws.path == new_file.resolve()
    assert window.art_combo.currentText() == "Aurora ART"
    assert hashlib.sha256(damaged.read_bytes()).hexdigest() == digest  # never written to
    opener.release()


def test_declining_the_offer_keeps_the_current_train(
    qtbot, demo_ws: Workspace, tmp_path: Path, copy_template, monkeypatch
) -> None:
    damaged = copy_template("demo", tmp_path / "other.sqlite")
    make_backup(damaged)
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xa5" * 8000)
    window = _window(qtbot, demo_ws, tmp_path, TrainOpener())
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    _when_modal(qtbot, lambda box: qtbot.keyClick(box, Qt.Key.Key_Escape))
    assert not window.open_path(damaged)
    assert window.ws is demo_ws
    assert "was not opened" in warnings[0]


def test_a_failing_daily_backup_is_reported_not_raised(
    qtbot, demo_ws: Workspace, tmp_path: Path, monkeypatch
) -> None:
    from rte_desktop.app import take_daily_backup
    from rte_desktop.domain.errors import DatabaseError

    window = _window(qtbot, demo_ws, tmp_path)
    assert take_daily_backup(window) is not None
    assert "Daily backup taken" in window.statusBar().currentMessage()

    def full_disk(*_args):
        raise DatabaseError("The backup failed: database or disk is full.")

    monkeypatch.setattr(type(demo_ws.backup), "daily_backup", full_disk)
    assert take_daily_backup(window) is None
    assert "Automatic backup failed" in window.statusBar().currentMessage()

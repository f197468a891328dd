"""Composition root: parse the command line, then run a command or build and show the app."""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QLockFile

    from rte_desktop.services.workspace import Workspace
    from rte_desktop.ui.main_window import MainWindow

START = time.perf_counter()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``rte-desktop`` and ``python -m rte_desktop``."""
    from rte_desktop.cli.main import build_parser, run

    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.command:
        return run(args)
    from rte_desktop.cli.common import db_target

    return run_gui(db_target(args), startup_check=args.startup_check, panel=args.panel)


def run_gui(
    target: str,
    startup_check: bool = False,
    settings_path: Path | None = None,
    panel: str | None = None,
) -> int:
    """Open the main window on ``target`` and run the event loop."""
    from PySide6.QtCore import QCoreApplication, QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from rte_desktop.domain.errors import DomainError, UnreadableFileError
    from rte_desktop.services.workspace import open_workspace
    from rte_desktop.ui.bus import AppEvents
    from rte_desktop.ui.main_window import MainWindow, first_paint_then
    from rte_desktop.ui.settings import UiSettings
    from rte_desktop.ui.theme import apply_theme

    QCoreApplication.setOrganizationName("rte-desktop")
    QCoreApplication.setApplicationName("RTE Desktop")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    qsettings = (
        QSettings(str(settings_path), QSettings.Format.IniFormat)
        if settings_path
        else QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, "rte-desktop", "rte-desktop"
        )
    )
    settings = UiSettings(qsettings)
    apply_theme(app, settings.theme)

    locks: list[QLockFile] = []
    declined: list[bool] = []

    def opener(path: Path) -> Workspace:
        lock = acquire_lock(path)
        try:
            ws = open_workspace(path)
        except UnreadableFileError as exc:
            lock.unlock()
            if startup_check or exc.latest_backup is None:
                raise
            from rte_desktop.ui.dialogs.restore_backup import offer_latest_backup

            restored = offer_latest_backup(QApplication.activeWindow(), exc, Path(path))
            if restored is None:
                declined.append(True)
                raise _declined(exc.reason) from exc
            return opener(restored)
        except DomainError:
            lock.unlock()
            raise
        for old in locks:
            old.unlock()
        locks[:] = [lock]
        return ws

    try:
        ws = opener(Path(target)) if "://" not in target else open_workspace(target)
    except DomainError as exc:
        if declined:
            return 1  # the user has seen the message and chose not to restore
        if startup_check:
            print(f"rte-desktop: error: {exc}", file=sys.stderr)
        else:
            QMessageBox.critical(None, "RTE Desktop", str(exc))
        return 1
    if panel:
        settings.last_panel = panel
    window = MainWindow(ws, settings, AppEvents(), opener)
    if startup_check:

        def done() -> None:
            print(f"startup: {time.perf_counter() - START:.3f} s")
            window.close()
            app.quit()

        first_paint_then(window, done)
    else:
        # After the first paint, so the backup never delays start-up; the hourly check takes
        # the next day's backup when the app stays open over midnight (a two-day PI Planning).
        QTimer.singleShot(2000, lambda: take_daily_backup(window))
        hourly = QTimer(window)
        hourly.timeout.connect(lambda: take_daily_backup(window))
        hourly.start(60 * 60 * 1000)
    window.show()
    code = app.exec()
    ws_now = window.ws
    ws_now.close()
    for lock in locks:
        lock.unlock()
    return int(code)


def _declined(reason: str) -> Exception:
    """The user saw why a file cannot be opened and declined to restore its backup."""
    from rte_desktop.domain.errors import DatabaseError

    return DatabaseError(f"{reason} It was not opened.")


def take_daily_backup(window: MainWindow) -> Path | None:
    """Today's automatic backup of the window's train (shown in the status bar; never raises)."""
    from rte_desktop.domain.errors import DomainError

    try:
        taken = window.ws.backup.daily_backup()
    except (DomainError, OSError) as exc:
        window.statusBar().showMessage(window.tr("Automatic backup failed: %s") % exc, 15000)
        return None
    if taken is not None:
        window.statusBar().showMessage(window.tr("Daily backup taken: %s") % taken.name, 8000)
    return taken


def acquire_lock(path: Path) -> QLockFile:
    """Hold a lock beside the train file so a second instance cannot write to it.

    Raises:
        DatabaseError: another running RTE Desktop holds the file; names its process.
    """
    from PySide6.QtCore import QLockFile

    from rte_desktop.domain.errors import DatabaseError
    from rte_desktop.paths import lock_path

    path = Path(path).expanduser().resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(lock_path(path)))
    lock.setStaleLockTime(0)  # only a dead owner makes the lock stale, never its age
    if not lock.tryLock(100):
        info = lock.getLockInfo()
        holder = f"process {info[0]} on {info[1]}" if info else "another program"
        raise DatabaseError(
            f"{path.name} is already open in RTE Desktop ({holder}). Switch to that window, "
            "or close it first; this window will not write to the file."
        )
    return lock

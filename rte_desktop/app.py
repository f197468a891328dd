"""Composition root: parse the command line, then run a command or build and show the app."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QLockFile

    from rte_desktop.services.workspace import Workspace

START = time.perf_counter()


def elapsed() -> float:
    """Seconds since the process started (Linux), else since this module was imported."""
    try:
        with open("/proc/self/stat") as handle:
            start_ticks = int(handle.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime") as handle:
            uptime = float(handle.read().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return time.perf_counter() - START


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

    from rte_desktop.domain.errors import DomainError
    from rte_desktop.services.startup import peek_train
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
    exit_code = 0

    def opener(path: Path) -> Workspace:
        """Open another train file, holding its lock; the old lock goes once it opened."""
        from rte_desktop.services.workspace import open_workspace

        lock = acquire_lock(path)
        try:
            ws = open_workspace(path)
        except DomainError:
            lock.unlock()
            raise
        for old in locks:
            old.unlock()
        locks[:] = [lock]
        return ws

    def refuse(exc: DomainError) -> int:
        if startup_check:
            print(f"rte-desktop: error: {exc}", file=sys.stderr)
        else:
            QMessageBox.critical(None, "RTE Desktop", str(exc))
        return 1

    if panel:
        settings.last_panel = panel
    is_file = "://" not in target
    # An up-to-date file is painted from a stdlib first look while SQLAlchemy loads after the
    # first paint; a new, old or remote database is opened (and migrated) before showing.
    peek = peek_train(target)
    try:
        if is_file:
            locks.append(acquire_lock(Path(target)))
        ws = None if peek is not None else open_target(target)
    except DomainError as exc:
        return refuse(exc)
    window = MainWindow(ws, settings, AppEvents(), opener, peek=peek)

    def finish_opening() -> None:
        nonlocal exit_code
        if window.ws is None:
            try:
                window.set_workspace(open_target(target))
            except DomainError as exc:
                exit_code = refuse(exc)
                window.close()
                app.quit()
                return
        if startup_check:
            first_paint_then(window, ready)
            window.update()

    def ready() -> None:
        print(f"ready: {elapsed():.3f} s")
        window.close()
        app.quit()

    def painted() -> None:
        if startup_check:
            print(f"startup: {elapsed():.3f} s")
        QTimer.singleShot(0, finish_opening)

    first_paint_then(window, painted)
    window.show()
    code = app.exec()
    if window.ws is not None:
        window.ws.close()
    for lock in locks:
        lock.unlock()
    return exit_code or int(code)


def open_target(target: str) -> Workspace:
    """Open the workspace (imports SQLAlchemy: kept out of the first paint when possible)."""
    from rte_desktop.services.workspace import open_workspace

    return open_workspace(target)


def acquire_lock(path: Path) -> QLockFile:
    """Hold a lock beside the train file so a second instance cannot write to it.

    Raises:
        DatabaseError: another running RTE Desktop holds the file; names its process.
    """
    from PySide6.QtCore import QLockFile

    from rte_desktop.domain.errors import DatabaseError

    path = Path(path).expanduser().resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(path) + ".lock")
    lock.setStaleLockTime(0)  # only a dead owner makes the lock stale, never its age
    if not lock.tryLock(100):
        info = lock.getLockInfo()
        holder = f"process {info[0]} on {info[1]}" if info else "another program"
        raise DatabaseError(
            f"{path.name} is already open in RTE Desktop ({holder}). Switch to that window, "
            "or close it first; this window will not write to the file."
        )
    return lock

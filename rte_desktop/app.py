"""Composition root: parse the command line, then run a command or build and show the app."""

from __future__ import annotations

import locale
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QLockFile
    from PySide6.QtWidgets import QApplication, QWidget

    from rte_desktop.ui.main_window import MainWindow
    from rte_desktop.workspace import Workspace

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
        from rte_desktop.cli.common import set_write_lock

        set_write_lock(try_lock)  # writers hold the app's own lock (QLockFile) while they write
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

    from rte_desktop.ui.source_scan import stop_source_scan

    stop_source_scan()  # before the imports below and SQLAlchemy's after the first paint

    from rte_desktop.domain.errors import DomainError
    from rte_desktop.ui.bus import AppEvents
    from rte_desktop.ui.first_paint import first_paint_then
    from rte_desktop.ui.main_window import MainWindow
    from rte_desktop.ui.settings import UiSettings
    from rte_desktop.ui.theme import apply_theme
    from rte_desktop.workspace import open_early

    QCoreApplication.setOrganizationName("rte-desktop")
    QCoreApplication.setApplicationName("RTE Desktop")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setDesktopFileName("io.github.rtedesktop.RTEDesktop")  # Wayland finds the icon by it
    # QApplication adopts the user's LC_TIME; keep Python's dates (%b in PDFs) the same as on
    # the command line, so the same data prints the same file from either.
    locale.setlocale(locale.LC_TIME, "C")
    # A check has nobody to close a message box: it fails instead of waiting for ever.
    sys.excepthook = end_startup_check if startup_check else show_unexpected_error
    qsettings = (
        QSettings(str(settings_path), QSettings.Format.IniFormat)
        if settings_path
        else QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, "rte-desktop", "rte-desktop"
        )
    )
    settings = UiSettings(qsettings)
    apply_theme(app, settings.theme)

    opener = TrainOpener(interactive=not startup_check)
    exit_code = 0

    def refuse(exc: DomainError) -> int:
        opener.release()
        if opener.declined:
            return 1  # the user has seen the message and chose not to restore
        if startup_check:
            print(f"rte-desktop: error: {exc}", file=sys.stderr)
        else:
            QMessageBox.critical(None, "RTE Desktop", str(exc))
        return 1

    if panel:
        settings.last_panel = panel
    is_file = "://" not in target
    # An up-to-date file opens on its first panel from standard-library reads, and SQLAlchemy
    # loads after that first paint (``open_fully``); a new or old file is opened (and migrated)
    # before showing. A server is reached after the first paint (the status bar says so
    # meanwhile); it has no lock: several apps on one server are the point.
    try:
        ws: Workspace | None = None
        if is_file:  # another instance holds the file: say so before touching it at all.
            # The lock is kept from here on and handed to the opener: released and taken again
            # after the first paint, a second instance could slip in between.
            opener.adopt(Path(target), acquire_lock(Path(target)))
            ws = open_early(Path(target)) or opener(Path(target))
    except DomainError as exc:
        return refuse(exc)
    window = MainWindow(ws, settings, AppEvents(), opener)
    opener.parent = window
    if not is_file:
        window.sidebar.setEnabled(False)  # until the train is there (set_workspace enables it)
        window.statusBar().showMessage(window.tr("Connecting to the server..."))
    waited = True  # the first paint had no panel with real data yet

    def finish_opening() -> None:
        nonlocal exit_code
        if window.ws is None or window.ws.opening:
            try:
                opened = opener(Path(target)) if is_file else open_target(target)
            except DomainError as exc:
                exit_code = refuse(exc)
                window.close()
                app.quit()
                return
            window.open_fully(opened)
        if startup_check:
            print(f"open: {elapsed():.3f} s")  # fully: SQLAlchemy loaded, writes possible
            if waited:
                first_paint_then(window, ready)
                window.update()
            else:
                QTimer.singleShot(0, app.quit)  # ready was said at the first paint
            return
        set_window_icon(app)
        window.warm_up()
        # After the first paint, so the backup never delays start-up; the hourly check takes
        # the next day's backup when the app stays open over midnight (a two-day PI Planning).
        QTimer.singleShot(2000, lambda: take_daily_backup(window))
        hourly = QTimer(window)
        hourly.timeout.connect(lambda: take_daily_backup(window))
        hourly.start(60 * 60 * 1000)

    def ready() -> None:
        print(f"ready: {elapsed():.3f} s")
        window.close()
        app.quit()

    def painted() -> None:
        nonlocal waited
        panel = window.current_panel()
        waited = panel is None or panel.stale
        if startup_check:
            print(f"startup: {elapsed():.3f} s")
            if not waited:
                print(f"ready: {elapsed():.3f} s")
        QTimer.singleShot(0, finish_opening)

    first_paint_then(window, painted)
    window.show()
    code = app.exec()
    if window.ws is not None:
        window.ws.close()
    opener.release()
    return exit_code or int(code)


def end_startup_check(
    kind: type[BaseException], error: BaseException, tb: TracebackType | None
) -> None:
    """An exception in a Qt slot during ``--startup-check``: print it and exit with 1."""
    import traceback

    from PySide6.QtWidgets import QApplication

    traceback.print_exception(kind, error, tb)
    QApplication.exit(1)


def show_unexpected_error(
    kind: type[BaseException], error: BaseException, tb: TracebackType | None
) -> None:
    """Last resort for an exception in a Qt slot: say what happened instead of dying silently.

    A windowed build has no console, so without this the user would see nothing at all.
    """
    import traceback

    from PySide6.QtWidgets import QApplication, QMessageBox

    from rte_desktop.domain.errors import DomainError

    traceback.print_exception(kind, error, tb)
    if isinstance(error, DomainError):
        text = str(error)
    else:
        text = (
            f"Something went wrong: {kind.__name__}: {error}\n\nYour data is safe: every "
            "finished edit was saved. Please report this with the steps that led to it."
        )
    QMessageBox.warning(QApplication.activeWindow(), "RTE Desktop", text)


def open_target(target: str) -> Workspace:
    """Open the workspace (imports SQLAlchemy: kept out of the first paint when possible)."""
    from rte_desktop.workspace import open_workspace

    return open_workspace(target)


class TrainOpener:
    """Opens train files for the GUI and holds the open file's lock.

    For a damaged or foreign file it offers the latest backup, restored into a new file; the bad
    file itself is never written to.
    """

    def __init__(self, interactive: bool = True) -> None:
        self.interactive = interactive
        self.declined = False  # the user saw the offer and said no
        self.parent: QWidget | None = None  # the main window, once there is one
        self._locks: list[QLockFile] = []
        self._adopted: tuple[Path, QLockFile] | None = None

    def adopt(self, path: Path, lock: QLockFile) -> None:
        """Keep ``lock``, taken on ``path`` at start-up, for the first opening of that file."""
        self._adopted = (Path(path).expanduser().resolve(), lock)

    def _lock_for(self, path: Path) -> QLockFile:
        adopted, self._adopted = self._adopted, None
        if adopted is not None:
            if adopted[0] == Path(path).expanduser().resolve():
                return adopted[1]
            adopted[1].unlock()
        return acquire_lock(path)

    def __call__(self, path: Path) -> Workspace:
        from rte_desktop.domain.errors import DomainError, UnreadableFileError
        from rte_desktop.workspace import open_workspace

        self.declined = False
        lock = self._lock_for(path)
        try:
            ws = open_workspace(path)
        except UnreadableFileError as exc:
            lock.unlock()
            if not self.interactive or exc.latest_backup is None:
                raise
            from rte_desktop.ui.dialogs.restore_backup import offer_latest_backup

            restored = offer_latest_backup(self.parent, exc, Path(path))
            if restored is None:
                self.declined = True
                raise _declined(exc.reason) from exc
            return self(restored)
        except DomainError:
            lock.unlock()
            raise
        self.release()
        self._locks = [lock]
        return ws

    def release(self) -> None:
        """Let go of the open file's lock (the app is closing)."""
        if self._adopted is not None:
            self._adopted[1].unlock()
            self._adopted = None
        for lock in self._locks:
            lock.unlock()
        self._locks = []


def set_window_icon(app: QApplication) -> None:
    """The app icon on every window (called after the first paint: it costs ~10 ms)."""
    from PySide6.QtGui import QIcon

    icons = Path(__file__).resolve().parent / "resources" / "icons"
    icon = QIcon()  # PNGs, not the SVG: no icon-engine plugin to load
    for size in (64, 256):
        icon.addFile(str(icons / f"rte-desktop-{size}.png"))
    app.setWindowIcon(icon)


def _declined(reason: str) -> Exception:
    """The user saw why a file cannot be opened and declined to restore its backup."""
    from rte_desktop.domain.errors import DatabaseError

    return DatabaseError(f"{reason} It was not opened.")


def take_daily_backup(window: MainWindow) -> Path | None:
    """Today's automatic backup of the window's train (shown in the status bar; never raises)."""
    from rte_desktop.domain.errors import DomainError

    try:
        taken = window.workspace.backup.daily_backup()
    except (DomainError, OSError) as exc:
        window.statusBar().showMessage(window.tr("Automatic backup failed: %s") % exc, 15000)
        return None
    if taken is not None:
        window.statusBar().showMessage(window.tr("Daily backup taken: %s") % taken.name, 8000)
    return taken


def try_lock(path: Path) -> QLockFile | None:
    """The lock on ``path`` for a command-line writer, or None when another process holds it."""
    from rte_desktop.domain.errors import DatabaseError

    try:
        return acquire_lock(path)
    except DatabaseError:
        return None


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

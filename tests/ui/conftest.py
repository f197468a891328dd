from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from rte_desktop.domain.clock import FakeClock
from rte_desktop.ui.bus import AppEvents
from rte_desktop.ui.main_window import MainWindow
from rte_desktop.ui.panel_base import PanelContext
from rte_desktop.ui.settings import UiSettings
from rte_desktop.workspace import Workspace, open_early, open_workspace


@pytest.fixture
def ui_settings(tmp_path: Path) -> UiSettings:
    """Settings in tmp_path: tests never touch the user's real settings."""
    return UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def make_window(qtbot, ui_settings: UiSettings):
    def make(ws: Workspace) -> MainWindow:
        window = MainWindow(ws, ui_settings, AppEvents())
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        return window

    return make


class EarlyStart:
    """The window as start-up builds it on the demo train: early reads first, then fully open."""

    def __init__(self, qtbot, ui_settings: UiSettings, demo_ws: Workspace) -> None:
        assert demo_ws.path is not None
        self._qtbot, self._settings, self._ws, self.path = qtbot, ui_settings, demo_ws, demo_ws.path

    def window(self, clock: FakeClock | None = None) -> MainWindow:
        """A shown window on the file's early reads (``clock``: the demo's unless given)."""
        early = open_early(self.path, clock or self._ws.clock)
        assert early is not None
        window = MainWindow(early, self._settings, AppEvents())
        self._qtbot.addWidget(window)
        window.show()
        return window

    def open_fully(self, window: MainWindow) -> None:
        """What start-up does after the first paint."""
        window.open_fully(open_workspace(self.path, self._ws.clock))


@pytest.fixture
def early_start(qtbot, ui_settings: UiSettings, demo_ws: Workspace) -> EarlyStart:
    return EarlyStart(qtbot, ui_settings, demo_ws)


@pytest.fixture
def panel_context(qtbot, demo_ws: Workspace, ui_settings: UiSettings) -> PanelContext:
    """A context for building one panel on the demo train (no main window)."""
    from rte_desktop.ui.undo import UndoStack

    bus = AppEvents()
    demo_ws.listeners.append(bus.data_changed.emit)
    return PanelContext(ws=demo_ws, bus=bus, undo=UndoStack(), settings=ui_settings)


@pytest.fixture
def presenter(qtbot):
    """A presenter window, as the main window hands one to the panels that show on the wall."""
    from rte_desktop.ui.presenter.window import PresenterWindow

    window = PresenterWindow()
    qtbot.addWidget(window)
    return window


@pytest.fixture
def when_modal(qtbot):
    """``when_modal(handler)``: call ``handler(dialog)`` once a modal dialog is open.

    Arm it before the key or click that opens the dialog (``exec()`` blocks until it closes).
    A handler that fails still closes the dialog, and the failure is raised afterwards.
    """
    failures: list[BaseException] = []

    def arm(handler: Callable[[QWidget], None]) -> None:
        def check() -> None:
            widget = QApplication.activeModalWidget()
            if widget is None:
                QTimer.singleShot(10, check)
                return
            try:
                widget.activateWindow()  # keys reach a dialog's default button once it is active
                qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
                handler(widget)
                if widget.isVisible():
                    raise AssertionError(f"{type(widget).__name__} was left open")
            except BaseException as exc:  # surfaced after the dialog closed
                failures.append(exc)
                widget.close()

        QTimer.singleShot(0, check)

    yield arm
    if failures:
        raise failures[0]


@pytest.fixture
def other_app(demo_ws: Workspace, db_url: str, clock: FakeClock) -> Iterator[Workspace]:
    """Another facilitator's app: a second workspace on the same train."""
    second = open_workspace(db_url, clock)
    yield second
    second.close()


@pytest.fixture
def read_box(qtbot) -> Callable[[list[str]], Callable[[QWidget], None]]:
    """``when_modal(read_box(shown))``: keep a message box's text in ``shown``, close it by key."""

    def make(shown: list[str]) -> Callable[[QWidget], None]:
        def handle(box: QWidget) -> None:
            assert isinstance(box, QMessageBox), type(box).__name__
            shown.append(box.text())
            qtbot.keyClick(box, Qt.Key.Key_Return)

        return handle

    return make

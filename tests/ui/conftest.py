from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from rte_desktop.ui.bus import AppEvents
from rte_desktop.ui.main_window import MainWindow
from rte_desktop.ui.panel_base import PanelContext
from rte_desktop.ui.settings import UiSettings
from rte_desktop.workspace import Workspace


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

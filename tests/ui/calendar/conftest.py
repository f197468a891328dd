"""Fixtures for the Calendar and Readiness panels: driving modal dialogs, building panels."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from rte_desktop.ui.panel_base import PanelContext


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
def calendar_panel(qtbot, panel_context: PanelContext):
    from rte_desktop.ui.calendar.panel import calendar_panel as build

    ws = panel_context.ws
    art = ws.train.arts()[0]
    panel = build(panel_context)
    panel_context.bus.data_changed.connect(panel.on_changes)  # what the main window does
    qtbot.addWidget(panel)
    panel.resize(1400, 900)
    panel.set_scope(art.id, ws.train.current_pi(art.id).id)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    panel.refresh_now()
    panel.table.setFocus()
    return panel


def refocus(qtbot, window: QWidget, widget: QWidget) -> None:
    """Make ``window`` active again after a dialog (a window manager does it; offscreen not)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    widget.setFocus()

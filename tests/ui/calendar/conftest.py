"""Fixtures for the Calendar and Readiness panels (``when_modal`` is in tests/ui/conftest.py)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from rte_desktop.ui.panel_base import PanelContext


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

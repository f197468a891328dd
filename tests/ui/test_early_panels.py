"""Whichever panel the app opens on, the early reads draw it or it waits for the full open."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from rte_desktop.ui.bus import AppEvents
from rte_desktop.ui.main_window import MainWindow
from rte_desktop.ui.panels import panel_specs
from rte_desktop.workspace import Workspace, open_early, open_workspace

# Panels whose every read is a generic one: drawn at the first paint, before SQLAlchemy loads.
DRAWN_EARLY = {
    "calendar",
    "readiness",
    "agenda",
    "risks",
    "board",
    "workshop",
    "backlog",
    "system_demo",
}


@pytest.mark.parametrize("key", [spec.key for spec in panel_specs()])
def test_the_first_panel_is_drawn_early_or_waits_then_reads(
    key: str, qtbot, ui_settings, demo_ws: Workspace, monkeypatch
) -> None:
    boxes: list[str] = []
    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, lambda _p, _t, text, *a, **k: boxes.append(text))
    assert demo_ws.path is not None
    ui_settings.last_panel = key
    early = open_early(demo_ws.path, demo_ws.clock)
    assert early is not None
    window = MainWindow(early, ui_settings, AppEvents())
    qtbot.addWidget(window)
    window.show()
    panel = window.current_panel()
    assert panel is not None and window.settings.last_panel == key
    assert panel.stale == (key not in DRAWN_EARLY)
    window.open_fully(open_workspace(demo_ws.path, demo_ws.clock))
    assert window.current_panel() is panel and not panel.stale
    assert boxes == []

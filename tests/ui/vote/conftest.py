"""A vote panel on the demo train's planned PI (no votes yet), shown and focused."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from rte_desktop.ui.panel_base import PanelContext
from rte_desktop.ui.vote.panel import VotePanel, vote_panel as make_vote_panel


@pytest.fixture
def vote_panel(qtbot, panel_context: PanelContext, presenter) -> VotePanel:
    """Scoped to the third PI; the bus refreshes the panel like the main window does."""
    ws = panel_context.ws
    art = ws.train.arts()[0]
    pi = ws.train.pis(art.id)[2]
    panel = make_vote_panel(panel_context)
    panel.set_presenter(presenter)  # the main window's job
    panel_context.bus.data_changed.connect(panel.on_changes)
    qtbot.addWidget(panel)
    panel.resize(1100, 650)
    panel.set_scope(art.id, pi.id)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    panel.refresh_if_stale()  # what the main window does when it shows a panel
    panel.view.scopes.setFocus()
    return panel


@pytest.fixture
def keys(qtbot, vote_panel: VotePanel):
    """Type keys into whatever has focus in the panel (as a person at the keyboard would)."""

    def type_keys(*presses: Qt.Key | tuple[Qt.Key, Qt.KeyboardModifier]) -> None:
        for press in presses:
            key, modifier = (
                press if isinstance(press, tuple) else (press, Qt.KeyboardModifier.NoModifier)
            )
            target = QApplication.focusWidget() or vote_panel
            qtbot.keyClick(target, key, modifier)

    return SimpleNamespace(type=type_keys)

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from rte_desktop.ui.panel_base import PanelContext
from rte_desktop.ui.workshop.panel import WorkshopPanel, workshop_panel


def pi_id(ctx: PanelContext, name: str) -> int:
    pi = ctx.ws.train.find_pi(None, name)
    assert pi is not None and pi.id is not None
    return pi.id


@pytest.fixture
def make_panel(qtbot, panel_context: PanelContext):
    """A shown workshop panel on the demo train, refreshed from the bus like in the window."""

    def make(pi_name: str = "PI 2026.1") -> WorkshopPanel:
        panel = workshop_panel(panel_context)
        qtbot.addWidget(panel)
        panel_context.bus.data_changed.connect(panel.on_changes)
        art_id = panel_context.ws.train.arts()[0].id
        panel.resize(1100, 650)
        panel.show()
        qtbot.waitExposed(panel)
        panel.activateWindow()  # panel shortcuts need an active window, as in the app
        qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
        panel.set_scope(art_id, pi_id(panel_context, pi_name))
        return panel

    return make

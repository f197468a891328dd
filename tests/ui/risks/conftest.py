from __future__ import annotations

import pytest

from rte_desktop.ui.risks.panel import RisksPanel, risks_panel as build


@pytest.fixture
def risks_panel(qtbot, panel_context) -> RisksPanel:
    """The Risks panel on the demo train's current PI, shown."""
    ws = panel_context.ws
    art = ws.train.arts()[0]
    panel = build(panel_context)
    qtbot.addWidget(panel)
    panel_context.bus.data_changed.connect(panel.on_changes)  # as the main window does
    panel.resize(1100, 700)
    panel.set_scope(art.id, ws.train.current_pi(art.id).id)
    panel.show()
    qtbot.waitExposed(panel)
    panel.refresh_now()
    return panel

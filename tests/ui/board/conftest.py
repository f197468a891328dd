from __future__ import annotations

import pytest

from rte_desktop.ui.board.panel import BoardPanel, board_panel as build


@pytest.fixture
def board_panel(qtbot, panel_context) -> BoardPanel:
    """The planning board on the demo train's current PI, shown at 100 % zoom."""
    ws = panel_context.ws
    art = ws.train.arts()[0]
    panel = build(panel_context)
    qtbot.addWidget(panel)
    panel_context.bus.data_changed.connect(panel.on_changes)  # as the main window does
    panel.resize(1400, 900)
    panel.set_scope(art.id, ws.train.current_pi(art.id).id)
    panel.show()
    qtbot.waitExposed(panel)
    panel.refresh_now()
    panel.view.set_zoom(1.0)
    return panel

from __future__ import annotations

import pytest

from rte_desktop.ui.agenda.chime import SilentChime
from rte_desktop.ui.agenda.panel import AgendaPanel
from rte_desktop.ui.panel_base import PanelContext
from rte_desktop.ui.presenter.window import PresenterWindow
from rte_desktop.workspace import Workspace


def build_panel(qtbot, ctx: PanelContext, presenter: PresenterWindow | None = None) -> AgendaPanel:
    panel = AgendaPanel(ctx)
    if presenter is None:
        presenter = PresenterWindow()
        qtbot.addWidget(presenter)
    panel.set_presenter(presenter)  # the main window's job
    panel.chime = SilentChime(panel)  # counts chimes, makes no sound
    panel.chime.muted = ctx.settings.value("agenda/muted", "false") == "true"
    ctx.bus.data_changed.connect(panel.on_changes)
    qtbot.addWidget(panel)
    ws: Workspace = ctx.ws
    art = ws.train.arts()[0]
    panel.resize(1400, 800)
    panel.set_scope(art.id, ws.train.current_pi(art.id).id)
    panel.show()
    qtbot.waitExposed(panel)
    panel.refresh_now()
    panel.view.table.setFocus()
    return panel


@pytest.fixture
def panel(qtbot, panel_context: PanelContext, presenter: PresenterWindow) -> AgendaPanel:
    return build_panel(qtbot, panel_context, presenter)

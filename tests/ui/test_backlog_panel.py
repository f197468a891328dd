"""The Backlog & WSJF panel and its WSJF session, driven by keys only, checked in the data."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from rte_desktop.domain.kinds import BacklogState
from rte_desktop.domain.model import Feature
from rte_desktop.ui.backlog.panel import FIRST_ESTIMATE, BacklogPanel, backlog_panel
from rte_desktop.ui.backlog.session import WsjfSessionView
from rte_desktop.ui.presenter.window import PresenterWindow

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def panel(qtbot, panel_context) -> BacklogPanel:
    """The backlog of PI 2027.1 (the PI after the demo's current one)."""
    ws = panel_context.ws
    art = ws.train.arts()[0]
    panel = backlog_panel(panel_context)
    qtbot.addWidget(panel)
    wall = PresenterWindow()  # the main window hands its one presenter window to the panel
    qtbot.addWidget(wall)
    panel.set_presenter(wall)
    panel_context.bus.data_changed.connect(panel.on_changes)
    panel.resize(1280, 720)
    panel.set_scope(art.id, ws.train.current_pi(art.id).id)
    panel.show()
    qtbot.waitExposed(panel)
    panel.refresh_now()
    return panel


def stored(panel: BacklogPanel, key: str) -> Feature:
    with panel.ctx.ws.uow() as uow:
        (feature,) = [f for f in uow.find(Feature, pi_id=panel.backlog_pi_id) if f.key == key]
    return feature


def test_the_panel_lists_the_backlog_by_wsjf_with_ties(panel: BacklogPanel) -> None:
    assert panel.title.text() == "ART backlog: PI 2027.1"
    assert panel.readiness.text() == "8 of the top 10 features ready"
    model = panel.model
    assert [model.index(r, 1).data() for r in range(3)] == ["AUR-201", "AUR-221", "AUR-210"]
    ranks = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert ranks.count("=8") == 2


def _session(qtbot, panel: BacklogPanel) -> WsjfSessionView:
    qtbot.keyClick(panel.grid, K.Key_F5)
    view = panel.session_view
    assert isinstance(view, WsjfSessionView)
    assert panel.presenter_window is not None
    assert panel.presenter_window.is_showing(view)
    assert panel.on_the_wall()
    return view


def test_a_wsjf_session_by_keys_only(qtbot, panel: BacklogPanel) -> None:
    view = _session(qtbot, panel)
    first_id = view.features()[0]
    with panel.ctx.ws.uow() as uow:
        first = uow.get(Feature, first_id)
    assert first.key == "AUR-201"  # the grid keeps the backlog's order, not the ranking
    # UBV column: "2" then "0" is 20; down; "1" then "3" is 13.
    for key in (K.Key_2, K.Key_0, K.Key_Down, K.Key_1, K.Key_3):
        qtbot.keyClick(view, key)
    assert stored(panel, "AUR-201").business_value == 20
    assert stored(panel, "AUR-202").business_value == 13
    # Right twice to job size; 5 on AUR-202, then Delete clears it; an off-scale 4 does nothing.
    for key in (K.Key_Right, K.Key_Right, K.Key_Right, K.Key_5):
        qtbot.keyClick(view, key)
    assert stored(panel, "AUR-202").job_size == 5
    qtbot.keyClick(view, K.Key_4)
    assert stored(panel, "AUR-202").job_size == 5
    assert "4 is not on the scale" in view.status.text()
    qtbot.keyClick(view, K.Key_Delete)
    assert stored(panel, "AUR-202").job_size is None
    # The live order moved: AUR-201 (20 + 8 + 2) / 3 is still first; AUR-202 lost its size
    # and sits among the unestimated at the end.
    assert [r.feature.key for r in panel.view.rows][0] == "AUR-201"
    keys = [r.feature.key for r in panel.view.rows]
    unranked = [r.feature.key for r in panel.view.rows if r.rank is None]
    assert unranked == ["AUR-202", "AUR-225", "FB-1"]  # unestimated last, in backlog order
    assert keys[-3:] == unranked
    assert view.title.text().endswith("now estimating: Job size")


def test_ties_show_live_and_the_session_finishes_when_every_column_has_a_one(
    qtbot, panel: BacklogPanel, monkeypatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    view = _session(qtbot, panel)
    # Make AUR-201 tie AUR-221 (6.0): UBV 8 → (8 + 8 + 2) / 3 = 6.
    qtbot.keyClick(view, K.Key_8)
    rows = {r.feature.key: r for r in panel.view.rows}
    assert rows["AUR-201"].tied and rows["AUR-221"].tied
    assert rows["AUR-201"].rank == rows["AUR-221"].rank == 1
    assert [r.feature.key for r in panel.view.rows][:2] == ["AUR-201", "AUR-221"]  # earlier first
    # Finishing needs a 1 in every column: take the UBV 1s away (AUR-221 and AUR-223 have one).
    ones = [k for k, r in rows.items() if r.feature.business_value == 1]
    assert ones == ["AUR-221", "AUR-223"]
    for key in ones:
        target = view.features().index(stored(panel, key).id)
        qtbot.keyClick(view, K.Key_Home)
        for _ in range(target):
            qtbot.keyClick(view, K.Key_Down)
        qtbot.keyClick(view, K.Key_2)
    assert "No 1 yet in: UBV" in view.status.text()
    qtbot.keyClick(view, K.Key_Return, CTRL)
    assert warnings and "set a 1 in: user-business value" in warnings[-1]
    assert panel.ctx.ws.backlog.view(panel.backlog_pi_id).session.finished_at is None
    qtbot.keyClick(view, K.Key_1)
    qtbot.keyClick(view, K.Key_Return, CTRL)
    assert panel.ctx.ws.backlog.view(panel.backlog_pi_id).session.finished_at is not None


def test_grid_digits_states_and_order_by_keys(qtbot, panel: BacklogPanel, monkeypatch) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    grid = panel.grid
    grid.setFocus()
    row = next(
        r for r in range(panel.model.rowCount()) if panel.model.index(r, 1).data() == "AUR-209"
    )
    grid.setCurrentIndex(panel.model.index(row, FIRST_ESTIMATE + 3))  # job size
    qtbot.keyClick(grid, K.Key_1)
    assert stored(panel, "AUR-209").job_size == 1
    # AUR-209 (funnel) one state on, then back, by Ctrl+Right / Ctrl+Left.
    index = next(
        r for r in range(panel.model.rowCount()) if panel.model.index(r, 1).data() == "AUR-209"
    )
    grid.setCurrentIndex(panel.model.index(index, 3))
    qtbot.keyClick(grid, K.Key_Right, CTRL)
    assert stored(panel, "AUR-209").state is BacklogState.ANALYSING
    qtbot.keyClick(grid, K.Key_Right, CTRL)
    qtbot.keyClick(grid, K.Key_Right, CTRL)  # ready is the last backlog state: stays
    assert stored(panel, "AUR-209").state is BacklogState.READY
    assert warnings == []
    assert (
        "9 of the top 10" in panel.readiness.text() or "8 of the top 10" in panel.readiness.text()
    )


def test_ctrl_z_in_the_session_undoes_the_last_estimate(qtbot, panel: BacklogPanel) -> None:
    view = _session(qtbot, panel)
    assert stored(panel, "AUR-201").business_value == 13
    qtbot.keyClick(view, K.Key_5)
    assert stored(panel, "AUR-201").business_value == 5
    qtbot.keyClick(view, K.Key_Z, CTRL)
    assert stored(panel, "AUR-201").business_value == 13
    qtbot.keyClick(view, K.Key_Y, CTRL)
    assert stored(panel, "AUR-201").business_value == 5
    qtbot.keyClick(view, K.Key_5)  # the same value again is no new edit
    assert panel.ctx.undo.count() == 1

"""The System Demo panel run live by keys; the Readiness panel's backlog line."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar

from rte_desktop.domain.model import Agenda, DemoFeedback, DemoItem, Feature, Risk
from rte_desktop.ui.readiness.panel import readiness_panel
from rte_desktop.ui.system_demo.panel import SystemDemoPanel, system_demo_panel

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def panel(qtbot, panel_context) -> SystemDemoPanel:
    ws = panel_context.ws
    art = ws.train.arts()[0]
    panel = system_demo_panel(panel_context)
    qtbot.addWidget(panel)
    panel_context.bus.data_changed.connect(panel.on_changes)
    panel.resize(1280, 720)
    panel.set_scope(art.id, ws.train.current_pi(art.id).id)
    panel.show()
    qtbot.waitExposed(panel)
    panel.refresh_now()
    return panel


def items(panel: SystemDemoPanel) -> list[DemoItem]:
    with panel.ctx.ws.uow() as uow:
        return uow.find(DemoItem, event_id=panel.demo_box.currentData(), order_by=["position"])


def test_the_next_demo_is_chosen_and_run_by_keys(qtbot, panel: SystemDemoPanel) -> None:
    # 25 Nov 2026: the next System Demo is iteration 2's, planned but not held yet.
    assert panel.demo_box.currentText().startswith("System Demo PI 2026.2 I2")
    assert panel.model.rowCount() == 4
    table = panel.table
    table.setFocus()
    table.setCurrentIndex(panel.model.index(0, 0))
    qtbot.keyClick(table, K.Key_D)
    qtbot.keyClick(table, K.Key_A)
    first = items(panel)[0]
    assert (first.demoed, first.accepted) == (True, True)
    qtbot.keyClick(table, K.Key_A)
    assert items(panel)[0].accepted is False
    assert panel.model.index(0, 5).data().startswith("✗")  # shape and word, not colour only
    # Feedback typed live: F focuses the line, Enter saves it on the slot.
    qtbot.keyClick(table, K.Key_F)
    assert panel.feedback_edit.hasFocus()
    qtbot.keyClicks(panel.feedback_edit, "Export to Excel please")
    qtbot.keyClick(panel.feedback_edit, K.Key_Return)
    with panel.ctx.ws.uow() as uow:
        (fb,) = uow.find(DemoFeedback, demo_item_id=first.id)
    assert fb.text == "Export to Excel please"
    # One key makes it a backlog feature (B), another a risk (R).
    panel.feedback_list.setFocus()
    panel.feedback_list.setCurrentRow(0)
    qtbot.keyClick(panel.feedback_list, K.Key_B)
    qtbot.keyClick(panel.feedback_list, K.Key_R)
    with panel.ctx.ws.uow() as uow:
        fb = uow.get(DemoFeedback, fb.id)
        feature = uow.get(Feature, fb.feature_id)
        risk = uow.get(Risk, fb.risk_id)
    assert feature.title == "Export to Excel please" and feature.key.startswith("FB-")
    assert "Export to Excel please" in risk.description
    assert "→ backlog" in panel.feedback_list.item(0).text()


def test_reorder_and_timebox_with_the_agenda(qtbot, panel: SystemDemoPanel) -> None:
    table = panel.table
    table.setFocus()
    before = [i.title for i in items(panel)]
    table.setCurrentIndex(panel.model.index(1, 0))
    qtbot.keyClick(table, K.Key_Up, CTRL)
    assert [i.title for i in items(panel)] == [before[1], before[0], *before[2:]]
    qtbot.keyClick(panel, K.Key_A, CTRL | SHIFT)
    with panel.ctx.ws.uow() as uow:
        (agenda,) = uow.find(Agenda, event_id=panel.demo_box.currentData())
    assert agenda.template == "system_demo"
    assert "Timeboxed by the agenda" in panel.timebox.text()
    qtbot.keyClick(panel, K.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert panel.demo_box.currentText().startswith("System Demo PI 2026.2 I3")


def test_readiness_countdown_shows_the_backlog_line(qtbot, panel_context) -> None:
    ws = panel_context.ws
    art = ws.train.arts()[0]
    readiness = readiness_panel(panel_context)
    qtbot.addWidget(readiness)
    readiness.set_scope(art.id, ws.train.current_pi(art.id).id)
    readiness.show()
    readiness.refresh_now()
    text = readiness.backlog_line.text()
    assert text.startswith("ART backlog: 8 of the top 10 features ready, T-")


def test_the_measurement_tab_shows_the_demoed_share(qtbot, panel_context) -> None:
    from rte_desktop.ui.workshop.measurement_tab import MeasurementTab

    ws = panel_context.ws
    art = ws.train.arts()[0]
    tab = MeasurementTab()
    qtbot.addWidget(tab)
    tab.load_demo_shares(ws.system_demo.shares(ws.train.current_pi(art.id).id))
    bars = {bar.objectName(): bar.format() for bar in tab.demo_box.findChildren(QProgressBar)}
    assert bars == {"demoShare0": "2 / 3  (67%)"}  # only iteration 1's demo is held (25 Nov)
    tab.load_demo_shares([])
    qtbot.waitUntil(lambda: not tab.demo_box.findChildren(QProgressBar))
    labels = [label.text() for label in tab.demo_box.findChildren(QLabel)]
    assert "No System Demo held in this PI yet." in labels


def test_f2_sets_who_presents_and_the_minutes(qtbot, panel: SystemDemoPanel, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Ada Lovelace", True))
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (9, True))
    panel.table.setFocus()
    panel.table.setCurrentIndex(panel.model.index(2, 0))
    qtbot.keyClick(panel.table, K.Key_F2)
    third = items(panel)[2]
    assert (third.presenter, third.minutes) == ("Ada Lovelace", 9)
    assert panel.model.index(2, 2).data() == "Ada Lovelace"

"""The ART Sync's 30-minute button starts a real agenda timer and shows it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from rte_desktop.domain import model as m
from rte_desktop.workspace import Workspace


def test_sync_button_starts_an_agenda_timer(qtbot, make_window, demo_ws: Workspace) -> None:
    window = make_window(demo_ws)
    window.show_panel_key("risks")
    risks = window.current_panel()
    risks.tabs.setCurrentWidget(risks.art_sync)
    qtbot.mouseClick(risks.art_sync.timer_30, Qt.MouseButton.LeftButton)
    with demo_ws.uow() as uow:
        agenda = uow.find(m.Agenda, template="art_sync_30")[-1]
        events = uow.find(m.TimerEvent, agenda_id=agenda.id)
        items = uow.find(m.AgendaItem, agenda_id=agenda.id)
    assert agenda.pi_id == window.pi_combo.currentData()
    assert [e.action for e in events] == [m.TimerAction.START]
    assert sum(i.duration_min or 0 for i in items) == 30
    assert items[0].start.hour == 9  # 08:00 UTC is 09:00 in the ART's zone (Europe/Berlin)
    assert window.current_panel() is window.panels["agenda"]

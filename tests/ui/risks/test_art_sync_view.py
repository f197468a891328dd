"""ART Sync inside the Risks panel: meeting log, actions, open actions, the timer hook."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from rte_desktop.ui.art_sync.dialogs import ActionDialog
from rte_desktop.ui.risks.panel import RisksPanel


def open_art_sync(qtbot, panel: RisksPanel):
    qtbot.keyClick(panel.tabs, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert panel.tabs.currentWidget() is panel.art_sync
    return panel.art_sync


def test_new_meeting_log_is_saved_as_typed(qtbot, risks_panel: RisksPanel) -> None:
    view = open_art_sync(qtbot, risks_panel)
    ws = risks_panel.ctx.ws
    before = len(ws.art_sync.meetings(risks_panel.pi_id))
    qtbot.mouseClick(view.new_meeting, Qt.MouseButton.LeftButton)
    meetings = ws.art_sync.meetings(risks_panel.pi_id)
    assert len(meetings) == before + 1
    assert view.attendees.hasFocus()
    qtbot.keyClicks(view.attendees, "RTE, SM/TCs")
    qtbot.keyClick(view.attendees, Qt.Key.Key_Tab)
    view.impediments.setFocus()
    view.impediments.insertPlainText("Test env booked by 李雷's ART")
    view.decisions.setFocus()  # leaving the box saves it
    stored = ws.art_sync.meeting(meetings[0].id)
    assert stored.attendees == "RTE, SM/TCs"
    assert stored.impediments == "Test env booked by 李雷's ART"
    risks_panel.ctx.undo.undo()
    assert ws.art_sync.meeting(meetings[0].id).impediments == ""


def test_add_action_and_close_it_from_open_actions(qtbot, risks_panel: RisksPanel) -> None:
    view = open_art_sync(qtbot, risks_panel)
    ws = risks_panel.ctx.ws
    art_id = risks_panel.art_id

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ActionDialog)
        qtbot.keyClicks(dialog.text, "Book a second test environment")
        qtbot.keyClicks(dialog.owner, "Amelie")
        dialog.has_due.setChecked(True)
        dialog.risk.setCurrentIndex(1)
        dialog.accept()

    QTimer.singleShot(0, fill)
    qtbot.mouseClick(view.add_action, Qt.MouseButton.LeftButton)
    open_rows = ws.art_sync.open_actions(art_id)
    added = next(o for o in open_rows if o.action.text == "Book a second test environment")
    assert added.action.owner == "Amelie" and added.action.due is not None and added.risk_title
    view.tabs.setCurrentIndex(1)
    row = [o.action.id for o in view.open_model.rows].index(added.action.id)
    view.open_actions.setFocus()
    view.open_actions.selectRow(row)
    qtbot.keyClick(view.open_actions, Qt.Key.Key_Space)
    assert added.action.id not in [o.action.id for o in ws.art_sync.open_actions(art_id)]
    assert added.action.id not in [row.action.id for row in view.open_model.rows]


def test_overdue_open_actions_say_so(qtbot, risks_panel: RisksPanel) -> None:
    import datetime as dt

    ws = risks_panel.ctx.ws
    meeting = ws.art_sync.meetings(risks_panel.pi_id)[0]
    ws.art_sync.add_action(meeting.id, "Late one", due=dt.date(2026, 11, 1))
    view = open_art_sync(qtbot, risks_panel)
    model = view.open_model
    assert model.data(model.index(0, 0)) == "01 Nov 2026  OVERDUE"
    assert model.data(model.index(0, 1)) == "Late one"


def test_timer_buttons_name_their_template(qtbot, risks_panel: RisksPanel) -> None:
    view = open_art_sync(qtbot, risks_panel)
    started: list[str] = []
    view.timer_starter = started.append
    with qtbot.waitSignal(view.timer_requested) as signal:
        qtbot.mouseClick(view.timer_30, Qt.MouseButton.LeftButton)
    assert signal.args == ["art_sync_30"]
    started.clear()
    qtbot.mouseClick(view.timer_60, Qt.MouseButton.LeftButton)
    assert started == ["art_sync_60"] and view.timer_note.text() == ""

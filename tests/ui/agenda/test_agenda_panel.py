"""The agenda panel driven by its keys, the fake clock advanced and the tick slot called."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from rte_desktop.domain.agenda_timer import TimerState
from rte_desktop.domain.model import TimerAction
from rte_desktop.ui.agenda import models
from rte_desktop.ui.agenda.presenter_view import STYLE
from tests.ui.agenda.conftest import build_panel

Key = Qt.Key
SHIFT = Qt.KeyboardModifier.ShiftModifier


def press(qtbot, panel, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(panel.view.table, key, modifier)


def test_space_starts_and_the_presenter_counts_down_from_the_log(qtbot, panel) -> None:
    clock = panel.ctx.ws.clock
    press(qtbot, panel, Key.Key_F5)
    window = panel.presenter_window
    assert window.isVisible() and window.content() is panel.presenter_view
    press(qtbot, panel, Key.Key_Space)
    events = panel.ctx.ws.agenda_timer.run_data(panel.agenda_id).events
    assert [e.action for e in events] == [TimerAction.START]
    frame = panel.presenter_view.frame
    assert (frame.title, frame.big, frame.badge) == ("Business context", "60:00", "RUNNING")
    assert frame.state is TimerState.RUNNING
    clock.advance(57 * 60 + 30)
    panel.tick()
    assert panel.presenter_view.frame.big == "02:30"
    assert panel.view.remaining_label.text() == "02:30"
    assert panel.chime.played == 0
    clock.advance(31)
    panel.tick()
    frame = panel.presenter_view.frame
    assert frame.state is TimerState.WRAP_UP and frame.badge == "WRAP UP"
    assert frame.big == "01:59" and panel.chime.played == 1
    panel.tick()
    assert panel.chime.played == 1  # once per entry into wrap-up
    clock.advance(3 * 60)
    panel.tick()
    frame = panel.presenter_view.frame
    assert frame.state is TimerState.OVERRUN and frame.big == "+01:01"
    assert frame.caption == "over time" and frame.progress == 1.0
    assert panel.chime.played == 2
    # Shift with + adds five minutes: back to running, 3:59 left.
    press(qtbot, panel, Key.Key_Plus, SHIFT)
    assert panel.presenter_view.frame.big == "03:59"
    press(qtbot, panel, Key.Key_Equal)  # the same key without Shift: one minute
    assert panel.presenter_view.frame.big == "04:59"
    press(qtbot, panel, Key.Key_Minus)
    press(qtbot, panel, Key.Key_Underscore, SHIFT)  # Shift with -: five minutes
    assert panel.presenter_view.frame.big == "+01:01"  # back in overrun: 6 minutes taken
    amounts = [e.amount_s for e in panel.ctx.ws.agenda_timer.run_data(panel.agenda_id).events]
    assert amounts[1:] == [300, 60, -60, -300]


def test_next_previous_pause_and_mute_by_keyboard(qtbot, panel, ui_settings) -> None:
    clock = panel.ctx.ws.clock
    press(qtbot, panel, Key.Key_Space)
    clock.advance(600)
    press(qtbot, panel, Key.Key_N)
    assert panel.presenter_view.frame.title == "Product/Solution vision"
    clock.advance(60)
    press(qtbot, panel, Key.Key_Right)
    press(qtbot, panel, Key.Key_Left)
    press(qtbot, panel, Key.Key_P)
    assert panel.presenter_view.frame.title == "Business context"
    press(qtbot, panel, Key.Key_Space)
    assert panel.presenter_view.frame.badge == "PAUSED"
    assert panel.view.toggle_button.text() == "Resume"
    clock.advance(300)
    panel.tick()
    assert panel.presenter_view.frame.big == "50:00"  # paused: no time passes
    press(qtbot, panel, Key.Key_M)
    assert panel.chime.muted and ui_settings.value("agenda/muted") == "true"
    # The day table: the first row is current, the second ran and is marked done.
    rows = panel.model.rows
    first, second = panel.model.items[:2]
    assert rows[first.id].status.value == "current"
    assert rows[second.id].status.value == "upcoming"
    assert panel.model.data(panel.model.index(0, models.MARK)) == "▶"


def test_typing_in_a_cell_editor_is_not_a_timer_key(qtbot, panel) -> None:
    table = panel.view.table
    table.setCurrentIndex(panel.model.index(0, models.TITLE))
    table.edit(table.currentIndex())
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "Opening n p")
    qtbot.keyClick(editor, Key.Key_Return)
    QApplication.processEvents()  # the delegate commits through a queued call
    assert panel.ctx.ws.agenda_timer.run_data(panel.agenda_id).events == ()
    assert panel.model.items[0].title == "Opening n p"


def test_rebuilding_the_panel_mid_item_shows_the_same_state(qtbot, panel, panel_context) -> None:
    clock = panel.ctx.ws.clock
    press(qtbot, panel, Key.Key_Space)
    clock.advance(1000)
    press(qtbot, panel, Key.Key_N)
    clock.advance(200)
    press(qtbot, panel, Key.Key_Plus, SHIFT)
    clock.advance(45.5)
    panel.tick()
    before = (panel.presenter_view.frame, panel.view.day_label.text(), panel.model._shown)
    # The app dies and comes back after a reboot (new monotonic origin, wall clock goes on).
    panel.close()
    clock.reboot(mono=3.0)
    again = build_panel(qtbot, panel_context)
    again.tick()
    assert (again.presenter_view.frame, again.view.day_label.text(), again.model._shown) == before
    clock.advance(10)
    again.tick()
    assert again.presenter_view.frame.big != before[0].big


def test_edit_insert_move_delete_with_undo(qtbot, panel) -> None:
    ws, model, table = panel.ctx.ws, panel.model, panel.view.table
    agenda_id = panel.agenda_id
    original = ws.agenda.items(agenda_id)
    assert model.setData(model.index(0, models.MINUTES), "45")
    assert ws.agenda.items(agenda_id)[1].start == dt.time(8, 45)
    assert not model.setData(model.index(0, models.START), "25:99")
    assert "not a time of day" in panel.view.error_label.text()
    table.setCurrentIndex(model.index(0, models.TITLE))
    qtbot.keyClick(table, Key.Key_Insert)
    QApplication.focusWidget().setText("Ice breaker 李雷")
    qtbot.keyClick(QApplication.focusWidget(), Key.Key_Return)
    QApplication.processEvents()
    assert ws.agenda.items(agenda_id)[1].title == "Ice breaker 李雷"
    table.setCurrentIndex(model.index(1, models.TITLE))
    qtbot.keyClick(table, Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert ws.agenda.items(agenda_id)[2].title == "Ice breaker 李雷"
    table.setCurrentIndex(model.index(2, models.TITLE))
    qtbot.keyClick(table, Key.Key_Delete)
    assert "Ice breaker 李雷" not in [i.title for i in ws.agenda.items(agenda_id)]
    undo = panel.ctx.undo
    while undo.canUndo():
        undo.undo()
    assert ws.agenda.items(agenda_id) == original
    undo.redo()
    assert ws.agenda.items(agenda_id)[0].duration_min == 45


def test_drag_and_drop_moves_an_item_within_the_day(qtbot, panel) -> None:
    model = panel.model
    moved = model.items[0]
    data = model.mimeData([model.index(0, 0)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, model.index(-1, -1))
    titles = [i.title for i in panel.ctx.ws.agenda.items(panel.agenda_id) if i.day == 1]
    assert titles.index(moved.title) == 2


def test_second_time_zone_column_and_a_new_agenda_from_a_template(qtbot, panel) -> None:
    assert not panel.view.table.isColumnHidden(models.SECOND)
    assert model_text(panel, 0, models.SECOND) == "15:00"  # 08:00 Berlin is 15:00 Shanghai
    combo = panel.view.zone_combo
    combo.setCurrentText("Asia/Kolkata")
    panel.editor.zone_edited()
    assert model_text(panel, 0, models.SECOND) == "12:30"
    assert panel.model.headerData(models.SECOND, Qt.Orientation.Horizontal) == "Kolkata"
    action = next(a for a in panel.editor.template_menu.actions() if "30 min" in a.text())
    action.trigger()
    assert panel.view.agenda_combo.currentText() == "ART Sync (30 min)"
    assert panel.view.table.isColumnHidden(models.SECOND)
    assert len(panel.model.items) == 5
    panel.ctx.undo.undo()
    assert panel.view.agenda_combo.currentText() == "PI Planning"


def test_presenter_colours_and_words_for_every_state() -> None:
    for state, (background, text, _accent) in STYLE.items():
        assert background != text, state


def model_text(panel, row: int, column: int) -> str:
    return panel.model.data(panel.model.index(row, column))

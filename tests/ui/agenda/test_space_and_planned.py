"""Space never moves the timer; before the run starts the day shows its plan, not a projection."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from rte_desktop.domain.agenda_schedule import RowStatus
from rte_desktop.domain.model import TimerAction

Key = Qt.Key


def press(qtbot, panel, key) -> None:
    qtbot.keyClick(panel.view.table, key)


def test_space_starts_the_current_item_not_the_selected_row(qtbot, panel) -> None:
    ws, agenda_id = panel.ctx.ws, panel.agenda_id
    first, second, third = panel.model.items[:3]
    press(qtbot, panel, Key.Key_Down)  # the RTE reads the second row
    press(qtbot, panel, Key.Key_Down)
    assert panel.editor.selected_item_id() == third.id
    press(qtbot, panel, Key.Key_Space)
    events = ws.agenda_timer.run_data(agenda_id).events
    assert [(e.action, e.item_id) for e in events] == [(TimerAction.START, first.id)]
    assert panel.presenter_view.frame.title == first.title
    statuses = {r.item.id: r.status for r in panel.schedule[0].rows}
    assert RowStatus.SKIPPED not in statuses.values()
    ws.clock.advance(90)
    press(qtbot, panel, Key.Key_Space)  # pause
    press(qtbot, panel, Key.Key_Space)  # resume: still the first item
    run = ws.agenda_timer.run_data(agenda_id)
    assert [e.action for e in run.events] == [
        TimerAction.START,
        TimerAction.PAUSE,
        TimerAction.RESUME,
    ]
    assert run.run().current_id == first.id
    for _ in range(3):  # the table follows the timer: go down to the third row again
        if panel.editor.selected_item_id() != third.id:
            press(qtbot, panel, Key.Key_Down)
    press(qtbot, panel, Key.Key_J)  # J: now the selected row becomes current
    run = ws.agenda_timer.run_data(agenda_id).run()
    assert run.current_id == third.id
    assert panel.presenter_view.frame.title == third.title
    assert second.id is not None


def test_an_agenda_not_started_shows_its_planned_times(qtbot, panel) -> None:
    ws = panel.ctx.ws
    ws.clock.advance(dt.timedelta(hours=11).total_seconds())  # long past the plan's start
    panel.tick(full=True)
    day = panel.schedule[0]
    planned_end = max(r.planned_end for r in day.rows)
    assert [(r.start, r.end) for r in day.rows] == [
        (r.planned_start, r.planned_end) for r in day.rows
    ]
    text = panel.view.day_label.text()
    assert f"{planned_end:%H:%M}" in text
    assert "behind" not in text and "ahead" not in text
    assert panel.presenter_view.frame.day_line == text
    first = panel.model.items[0]
    shown = panel.model.data(panel.model.index(0, 4))  # the projected / actual column
    assert shown == f"{day.rows[0].planned_start:%H:%M} – {day.rows[0].planned_end:%H:%M}"
    press(qtbot, panel, Key.Key_Space)  # once it runs, it projects from now
    assert "behind" in panel.view.day_label.text()
    assert panel.schedule[0].rows[0].item.id == first.id

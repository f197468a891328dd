"""Two facilitators on one calendar: the second edit of the same field is refused in a box.

``other_app`` is the other facilitator's app on the same train; the edit is made by keys, the
message box is read and closed by a key, and the data decides.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from rte_desktop.workspace import Workspace

ALT = Qt.KeyboardModifier.AltModifier


def test_an_event_edit_of_a_field_changed_meanwhile_is_refused_with_a_message(
    qtbot, calendar_panel, when_modal, read_box, other_app: Workspace
) -> None:
    ws = calendar_panel.ctx.ws
    calendar_panel.table.selectRow(0)
    mine = calendar_panel.selected_event()
    theirs = other_app.calendar.event(mine.id)
    other_app.calendar.update_event(
        mine.id,
        kind=theirs.kind,
        title="In the big room",
        start=theirs.start,
        end=theirs.end,
        note=theirs.note,
        seen=theirs,
    )  # this panel has not refreshed: it still shows the old title
    shown: list[str] = []

    def fill(dialog) -> None:
        dialog.title.selectAll()
        qtbot.keyClicks(dialog.title, "My title")
        qtbot.keyClick(dialog.title, Qt.Key.Key_Return)
        when_modal(read_box(shown))  # the refusal comes next

    when_modal(fill)
    qtbot.keyClick(calendar_panel.table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: bool(shown))
    assert f"Another facilitator changed the title of the event “{mine.title}”" in shown[0]
    assert "“In the big room”" in shown[0] and "not saved" in shown[0]
    assert ws.calendar.event(mine.id).title == "In the big room"
    assert calendar_panel.ctx.undo.count() == 0  # nothing was done, so nothing to undo
    # Return pressed Reload: the panel shows their title now.
    assert calendar_panel.shown_event(mine.id).title == "In the big room"


def test_a_key_move_of_an_event_moved_meanwhile_is_refused(
    qtbot, calendar_panel, when_modal, read_box, other_app: Workspace
) -> None:
    ws = calendar_panel.ctx.ws
    calendar_panel.table.selectRow(0)
    mine = calendar_panel.selected_event()
    other_app.calendar.move_event(mine.id, 7, seen=other_app.calendar.event(mine.id))
    shown: list[str] = []
    when_modal(read_box(shown))
    qtbot.keyClick(calendar_panel.table, Qt.Key.Key_Right, ALT)
    qtbot.waitUntil(lambda: bool(shown))
    assert "Another facilitator changed the start, end of the event" in shown[0]
    assert ws.calendar.event(mine.id).start == mine.start + dt.timedelta(days=7)


def test_undo_of_an_edit_keeps_the_other_facilitators_later_change(
    qtbot, calendar_panel, other_app: Workspace
) -> None:
    ws = calendar_panel.ctx.ws
    calendar_panel.table.selectRow(0)
    mine = calendar_panel.selected_event()
    qtbot.keyClick(calendar_panel.table, Qt.Key.Key_Right, ALT)  # my move: one day later
    moved = ws.calendar.event(mine.id)
    # They rename it afterwards; my undo moves it back and keeps their title.
    other_app.calendar.update_event(
        mine.id,
        kind=moved.kind,
        title="Renamed by them",
        start=moved.start,
        end=moved.end,
        note=moved.note,
        seen=moved,
    )
    calendar_panel.ctx.undo.undo()
    back = ws.calendar.event(mine.id)
    assert (back.start, back.title) == (mine.start, "Renamed by them")
    # They move it again; my redo (a move of the event where it was) is refused and reported.
    other_app.calendar.move_event(mine.id, 3, seen=back)
    failures: list[str] = []
    calendar_panel.ctx.undo.failed.connect(failures.append)
    calendar_panel.ctx.undo.redo()
    qtbot.waitUntil(lambda: bool(failures))
    assert "Another facilitator changed the start" in failures[0]
    assert ws.calendar.event(mine.id).start == mine.start + dt.timedelta(days=3)

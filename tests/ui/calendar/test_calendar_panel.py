"""The Calendar panel driven by keys and clicks; every check reads the data back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QFileDialog

from rte_desktop.domain import model as m
from rte_desktop.services.train.train import NewTrain
from rte_desktop.ui.calendar.event_dialog import EventDialog
from rte_desktop.ui.calendar.generate_dialog import GenerateCadenceDialog
from rte_desktop.ui.calendar.holidays_dialog import HolidaysDialog
from rte_desktop.workspace import Workspace
from tests.ics_read import components, read_ics, value

CTRL, ALT, SHIFT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.AltModifier,
    Qt.KeyboardModifier.ShiftModifier,
)


def type_into_spin(qtbot, spin, text: str) -> None:
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin, text)


def test_generate_a_year_through_the_panel_by_keyboard(
    qtbot, make_window, ws: Workspace, when_modal
) -> None:
    art = ws.train.create_train(
        NewTrain(name="Omega", teams=["A"], first_pi_start=dt.date(2027, 1, 4))
    ).value
    window = make_window(ws)
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    panel = window.current_panel()
    panel.table.setFocus()
    seen: dict[str, str] = {}

    def fill(dialog) -> None:
        assert isinstance(dialog, GenerateCadenceDialog)
        type_into_spin(qtbot, dialog.pi_count, "5")
        dialog.sync_split.setChecked(True)  # Coach Sync + PO Sync instead of ART Sync
        type_into_spin(qtbot, dialog.ref_times, "2")
        dialog.update_preview()
        seen["preview"] = dialog.preview_text.toPlainText()
        qtbot.keyClick(dialog.naming, Qt.Key.Key_Return)  # Generate is the default button

    when_modal(fill)
    qtbot.keyClick(panel.table, Qt.Key.Key_G, CTRL)
    assert "Adds 4 PI(s)" in seen["preview"]
    pis = ws.train.pis(art.id)
    assert [p.name for p in pis] == [f"PI 2027.{n}" for n in range(1, 6)]
    events = ws.calendar.events(art.id)
    kinds = {e.kind for e in events}
    assert m.EventKind.COACH_SYNC in kinds and m.EventKind.ART_SYNC not in kinds
    refinements = [e for e in events if e.kind is m.EventKind.BACKLOG_REFINEMENT]
    assert len(refinements) == 5 * 4 * 2
    assert panel.model.rowCount() == len(ws.calendar.events(art.id, pis[0].id))
    # the rules are remembered for the next time
    assert panel.initial_request().rules.sync.split


def test_regenerating_lists_replacements_and_cancel_changes_nothing(
    qtbot, calendar_panel, when_modal, monkeypatch
) -> None:
    ws = calendar_panel.ctx.ws
    before = ws.transfer.export_data()
    asked: list[list[str]] = []
    monkeypatch.setattr(calendar_panel, "confirm_replacements", lambda lines: asked.append(lines))

    def friday_demos(dialog) -> None:
        dialog.demo_weekday.setCurrentIndex(4)
        dialog.update_preview()
        qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)

    when_modal(friday_demos)
    qtbot.keyClick(calendar_panel.table, Qt.Key.Key_G, CTRL)
    changed = [line for line in asked[0] if line.startswith("  Changes System Demo")]
    assert len(changed) == 8  # 4 demos in each of the two re-planned PIs
    assert any("Keeps (edited by hand) Business Owners" in line for line in asked[0])
    assert ws.transfer.export_data() == before


def test_a_bad_naming_scheme_shows_why_and_cannot_generate(
    qtbot, calendar_panel, when_modal
) -> None:
    ws = calendar_panel.ctx.ws
    before = ws.transfer.export_data()
    seen = {}

    def bad(dialog) -> None:
        dialog.naming.setText("PI {quarter}")
        dialog.update_preview()
        seen["error"] = dialog.error.text()
        seen["enabled"] = dialog.generate_button.isEnabled()
        qtbot.keyClick(dialog.naming, Qt.Key.Key_Return)
        seen["open"] = dialog.isVisible()
        dialog.reject()

    when_modal(bad)
    qtbot.keyClick(calendar_panel.table, Qt.Key.Key_G, CTRL)
    assert "Unknown placeholder {quarter}" in seen["error"]
    assert seen["enabled"] is False and seen["open"] is True
    assert ws.transfer.export_data() == before


def test_new_event_by_keyboard_then_undo_and_redo(qtbot, calendar_panel, when_modal) -> None:
    ws = calendar_panel.ctx.ws
    art_id = calendar_panel.art_id

    def fill(dialog) -> None:
        assert isinstance(dialog, EventDialog)
        qtbot.keyClicks(dialog.title, "Release party")
        dialog.start.setDate(QDate(2026, 12, 24))
        assert "Winter break" in dialog.warning.text()  # warned, not refused
        qtbot.keyClick(dialog.title, Qt.Key.Key_Return)

    when_modal(fill)
    qtbot.keyClick(calendar_panel.table, Qt.Key.Key_Insert)
    added = [e for e in ws.calendar.events(art_id) if e.title == "Release party"]
    assert len(added) == 1 and added[0].manual
    assert added[0].start == dt.datetime(2026, 12, 24, 10, 0)
    assert calendar_panel.selected_event_id() == added[0].id
    calendar_panel.ctx.undo.undo()
    assert not [e for e in ws.calendar.events(art_id) if e.title == "Release party"]
    calendar_panel.ctx.undo.redo()
    again = [e for e in ws.calendar.events(art_id) if e.title == "Release party"]
    assert again == added  # same id and UID


def test_event_ending_before_it_starts_keeps_the_dialog_open(
    qtbot, calendar_panel, when_modal
) -> None:
    count = len(calendar_panel.ctx.ws.calendar.events(calendar_panel.art_id))
    seen = {}

    def fill(dialog) -> None:
        qtbot.keyClicks(dialog.title, "Backwards")
        dialog.end.setDateTime(dialog.start.dateTime().addSecs(-3600))
        qtbot.keyClick(dialog.title, Qt.Key.Key_Return)
        seen["error"], seen["open"] = dialog.error.text(), dialog.isVisible()
        dialog.reject()

    when_modal(fill)
    qtbot.keyClick(calendar_panel.table, Qt.Key.Key_Insert)
    assert "before it starts" in seen["error"] and seen["open"]
    assert len(calendar_panel.ctx.ws.calendar.events(calendar_panel.art_id)) == count


def test_move_and_delete_the_selected_event_by_keyboard(qtbot, calendar_panel) -> None:
    ws = calendar_panel.ctx.ws
    calendar_panel.table.selectRow(0)
    first = calendar_panel.selected_event()
    qtbot.keyClick(calendar_panel.table, Qt.Key.Key_Right, ALT)
    moved = ws.calendar.event(first.id)
    assert moved.start == first.start + dt.timedelta(days=1) and moved.manual
    qtbot.keyClick(calendar_panel.table, Qt.Key.Key_Down, ALT)
    assert ws.calendar.event(first.id).start == first.start + dt.timedelta(days=8)
    assert calendar_panel.selected_event_id() == first.id
    qtbot.keyClick(calendar_panel.table, Qt.Key.Key_Delete)
    assert first.id not in {e.id for e in ws.calendar.events(calendar_panel.art_id)}
    for _ in range(3):
        calendar_panel.ctx.undo.undo()
    assert ws.calendar.event(first.id) == first


def test_timeline_click_selects_and_drag_moves(qtbot, calendar_panel) -> None:
    ws = calendar_panel.ctx.ws
    timeline = calendar_panel.timeline
    timeline.repaint()
    demo = next(h for h in timeline._hits if h.event.kind is m.EventKind.SYSTEM_DEMO)
    centre = demo.rect.center().toPoint()
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=centre)
    assert calendar_panel.selected_event_id() == demo.event.id
    step = int(2 * timeline._day_width())
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseMove(timeline, centre + QPoint(step, 0))
    qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=centre + QPoint(step, 0))
    assert ws.calendar.event(demo.event.id).start == demo.event.start + dt.timedelta(days=2)


def test_month_view_by_keyboard(qtbot, calendar_panel, when_modal) -> None:
    qtbot.keyClick(calendar_panel.table, Qt.Key.Key_T, CTRL | SHIFT)
    assert calendar_panel.mode() == "month"
    assert calendar_panel.heading.text() == "November 2026"
    qtbot.keyClick(calendar_panel.table, Qt.Key.Key_PageDown)
    assert calendar_panel.heading.text() == "December 2026"
    december = {e.start.month for e in calendar_panel.model.events}
    assert december == {12}
    moved = next(e for e in calendar_panel.model.events if e.note.startswith("Moved"))
    assert "Winter break" in moved.note
    qtbot.keyClick(calendar_panel.table, Qt.Key.Key_Home, ALT)
    assert calendar_panel.heading.text() == "November 2026"
    # double-click an empty part of a day: a new event on that day
    view = calendar_panel.month_view
    cell = view._cell(5, 4)  # the sixth row's Friday: 4 December
    day = view.day_at(cell.center())
    seen = {}

    def look(dialog) -> None:
        seen["day"] = dialog.start.date()
        dialog.reject()

    when_modal(look)
    qtbot.mouseDClick(
        view, Qt.MouseButton.LeftButton, pos=cell.bottomRight().toPoint() - QPoint(5, 5)
    )
    assert seen["day"] == QDate(day.year, day.month, day.day)


def test_file_menu_exports_the_calendar_as_ics(
    qtbot, make_window, demo_ws: Workspace, tmp_path: Path, monkeypatch
) -> None:
    window = make_window(demo_ws)
    target = tmp_path / "aurora.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.keyClick(window, Qt.Key.Key_C, CTRL | SHIFT)
    cal = read_ics(target.read_bytes())
    art_id = demo_ws.train.arts()[0].id
    uids = {value(v, "UID") for v in components(cal, "VEVENT")}
    assert {e.uid for e in demo_ws.calendar.events(art_id)} <= uids


def test_holidays_dialog_adds_and_refuses_a_file_that_is_not_ics(
    qtbot, panel_context, tmp_path: Path
) -> None:
    ws = panel_context.ws
    art_id = ws.train.arts()[0].id
    dialog = HolidaysDialog(ws.calendar, art_id, panel_context.undo, dt.date(2027, 2, 1))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name, "Carnival")
    dialog.last.setDate(QDate(2027, 2, 2))
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    found = {(h.name, h.start, h.end) for h in ws.calendar.holidays(art_id)}
    assert ("Carnival", dt.date(2027, 2, 1), dt.date(2027, 2, 2)) in found
    before = ws.calendar.holidays(art_id)
    notes = tmp_path / "notes.ics"
    notes.write_text("Shopping list\nmilk\n", encoding="utf-8")
    dialog.import_file(notes)
    assert "not an iCalendar (.ics) file" in dialog.message.text()
    assert ws.calendar.holidays(art_id) == before
    panel_context.undo.undo()
    assert "Carnival" not in {h.name for h in ws.calendar.holidays(art_id)}

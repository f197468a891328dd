"""The Readiness panel driven by keys and clicks; every check reads the data back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from rte_desktop.domain import model as m
from rte_desktop.ui.readiness.item_dialog import ItemDialog
from rte_desktop.ui.readiness.models import ITEM_ROLE
from tests.ui.calendar.conftest import refocus


def make_panel(qtbot, panel_context):
    from rte_desktop.ui.readiness.panel import readiness_panel

    ws = panel_context.ws
    art = ws.train.arts()[0]
    panel = readiness_panel(panel_context)
    panel_context.bus.data_changed.connect(panel.on_changes)
    qtbot.addWidget(panel)
    panel.resize(1300, 850)
    panel.set_scope(art.id, ws.train.current_pi(art.id).id)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    panel.refresh_now()
    panel.tree.setFocus()
    return panel


def select_title(panel, title: str) -> None:
    for row in range(panel.model.rowCount()):
        heading = panel.model.item(row, 0)
        for child in range(heading.rowCount()):
            if heading.child(child, 0).data(ITEM_ROLE).title == title:
                panel.tree.setCurrentIndex(heading.child(child, 1).index())
                return
    raise AssertionError(title)


def test_shows_the_coming_pi_planning_with_progress_and_overdue(qtbot, panel_context) -> None:
    panel = make_panel(qtbot, panel_context)
    assert panel.title.text() == "Readiness: PI Planning for PI 2027.1"
    assert "Wed 06 Jan 2027" in panel.anchor.text() and "in 42 day(s)" in panel.anchor.text()
    assert "Venue contract signed (Amélie Dubois, Wed 18 Nov 2026)" in panel.overdue.text()
    assert "1 overdue" in panel.bar_labels[m.Checklist.LOGISTICS].text()
    bar = panel.bars[m.Checklist.ORGANIZATIONAL]
    assert (bar.value(), bar.maximum()) == (2, 13)
    select_title(panel, "Venue contract signed")
    status = panel.tree.currentIndex().siblingAtColumn(4).data()
    assert status == "⚠ OVERDUE"


def test_space_ticks_and_untick_is_undoable(qtbot, panel_context) -> None:
    panel = make_panel(qtbot, panel_context)
    select_title(panel, "Venue contract signed")
    item_id = panel.selected_item().id
    qtbot.keyClick(panel.tree, Qt.Key.Key_Space)
    ws = panel_context.ws
    done = {i.id: i.done for i in ws.readiness.view(panel.planned_pi_id).items}
    assert done[item_id] is True
    assert panel.overdue.isHidden()
    assert panel.selected_item().id == item_id
    panel_context.undo.undo()
    assert not {i.id: i.done for i in ws.readiness.view(panel.planned_pi_id).items}[item_id]


def test_add_edit_and_remove_by_keyboard(qtbot, panel_context, when_modal) -> None:
    panel = make_panel(qtbot, panel_context)
    ws = panel_context.ws
    select_title(panel, "Catering ordered")

    def add(dialog) -> None:
        assert isinstance(dialog, ItemDialog)
        assert m.Checklist(dialog.checklist.currentData()) is m.Checklist.LOGISTICS
        qtbot.keyClicks(dialog.title, "Name badges printed")
        qtbot.keyClicks(dialog.owner, "Raj")
        dialog.due.setCurrentText("T-10d")
        assert "Sun 27 Dec 2026" in dialog.due_date.text()
        qtbot.keyClick(dialog.title, Qt.Key.Key_Return)

    when_modal(add)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Insert)
    items = {i.title: i for i in ws.readiness.view(panel.planned_pi_id).items}
    badges = items["Name badges printed"]
    assert (badges.owner, badges.due_offset_days, badges.checklist) == (
        "Raj",
        -10,
        m.Checklist.LOGISTICS,
    )
    assert panel.selected_item().id == badges.id

    def bad_then_good(dialog) -> None:
        dialog.due.setCurrentText("soon")
        qtbot.keyClick(dialog.title, Qt.Key.Key_Return)
        assert "not a due offset" in dialog.error.text() and dialog.isVisible()
        dialog.due.setCurrentText("T-2w")
        qtbot.keyClick(dialog.title, Qt.Key.Key_Return)

    when_modal(bad_then_good)
    refocus(qtbot, panel, panel.tree)
    qtbot.keyClick(panel.tree, Qt.Key.Key_F2)
    assert {i.title: i for i in ws.readiness.view(panel.planned_pi_id).items}[
        "Name badges printed"
    ].due_offset_days == -14
    refocus(qtbot, panel, panel.tree)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert "Name badges printed" not in {
        i.title for i in ws.readiness.view(panel.planned_pi_id).items
    }
    panel_context.undo.undo()
    assert "Name badges printed" in {i.title for i in ws.readiness.view(panel.planned_pi_id).items}


def test_an_empty_pi_planning_is_filled_from_the_templates(qtbot, panel_context) -> None:
    panel = make_panel(qtbot, panel_context)
    qtbot.mouseClick(panel.prev_button, Qt.MouseButton.LeftButton)
    assert panel.title.text() == "Readiness: PI Planning for PI 2026.2"
    assert panel.empty.isVisible()
    qtbot.mouseClick(panel.prefill_button, Qt.MouseButton.LeftButton)
    view = panel_context.ws.readiness.view(panel.planned_pi_id)
    assert len(view.items) == 32 - 1  # the templates; the demo's extra item is on PI 2027.1
    assert not panel.empty.isVisible()
    panel_context.undo.undo()
    assert not panel_context.ws.readiness.view(panel.planned_pi_id).items

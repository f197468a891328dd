"""Dot voting by click and keyboard, the budget warning, hidden mode, Pareto and restating."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from rte_desktop.ui.workshop.panel import PROBLEM, VOTE
from rte_desktop.ui.workshop.vote_tab import COL_DOTS, COL_MINUS, COL_PLUS


def _click_cell(qtbot, table, row: int, column: int) -> None:
    rect = table.visualRect(table.model().index(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _row_of(tab, text: str) -> int:
    for row in range(tab.table.rowCount()):
        if tab.table.item(row, 0).text().strip().endswith(text):
            return row
    raise AssertionError(text)


def test_vote_by_click_and_keys_with_budget_warning(qtbot, make_panel) -> None:
    panel = make_panel()
    ws = panel.ctx.ws
    shop = panel.workshop
    qtbot.keyClick(panel, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert panel.tabs.currentIndex() == VOTE
    tab = panel.vote
    assert tab.budget_label.text() == "54 of 60 dots placed, 6 left"

    row = _row_of(tab, "Vendor API outages")
    for _ in range(3):
        _click_cell(qtbot, tab.table, _row_of(tab, "Vendor API outages"), COL_PLUS)
    _click_cell(qtbot, tab.table, _row_of(tab, "Vendor API outages"), COL_MINUS)
    causes = {c.text: c for c in ws.workshop.fishbone(shop.id).causes}
    assert causes["Vendor API outages"].votes == 6
    assert tab.table.item(row, COL_DOTS).text() == "6"

    tab.table.setFocus()
    tab.table.selectRow(_row_of(tab, "New team members"))
    for _ in range(5):
        qtbot.keyClick(tab.table, Qt.Key.Key_Plus)
    assert tab.budget_label.text() == "⚠ Too many dots: 61 placed, only 60 available (1 over)"
    assert ws.workshop.budget(shop.id).over == 1

    tab.participants.setFocus()
    tab.participants.selectAll()
    qtbot.keyClicks(tab.participants, "13")
    qtbot.keyClick(tab.participants, Qt.Key.Key_Return)
    assert ws.workshop.workshop(shop.id).participants == 13
    assert tab.budget_label.text() == "61 of 65 dots placed, 4 left"

    rows = [(r.name, r.count, r.vital) for r in tab.chart.chart.rows if r.count]
    assert rows[0] == ("Late dependency discovery", 14, True)
    assert [count for _, count, _ in rows] == sorted((c for _, c, _ in rows), reverse=True)


def test_hidden_dots_until_reveal(qtbot, make_panel) -> None:
    panel = make_panel()
    ws = panel.ctx.ws
    panel.show_step(VOTE)
    tab = panel.vote
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert ws.workshop.workshop(panel.workshop_id).votes_hidden
    assert {tab.table.item(r, COL_DOTS).text() for r in range(tab.table.rowCount())} == {"•••"}
    assert tab.chart.hidden_total == 54
    assert not tab.restate_button.isEnabled()
    fish = panel.fishbone.view
    assert not any("●" in line for n in fish.nodes.values() for line in n.lines)
    tab.table.selectRow(0)
    qtbot.keyClick(tab.table, Qt.Key.Key_Plus)  # still counts while hidden
    assert tab.chart.hidden_total == 55
    qtbot.mouseClick(tab.hide_button, Qt.MouseButton.LeftButton)  # "Reveal dots"
    assert not ws.workshop.workshop(panel.workshop_id).votes_hidden
    assert tab.chart.hidden_total is None and tab.restate_button.isEnabled()
    assert any("●14" in line for n in fish.nodes.values() for line in n.lines)


def test_restate_the_top_cause_as_a_new_problem(qtbot, make_panel) -> None:
    panel = make_panel()
    ws = panel.ctx.ws
    parent_id = panel.workshop_id
    panel.show_step(VOTE)
    assert "Late dependency discovery" in panel.vote.restate_button.text()
    qtbot.mouseClick(panel.vote.restate_button, Qt.MouseButton.LeftButton)
    new = ws.workshop.workshop(panel.workshop_id)
    assert new.parent_id == parent_id and new.title == "Late dependency discovery"
    assert panel.tabs.currentIndex() == PROBLEM
    assert panel.combo.currentText() == "↳ Late dependency discovery"
    assert "Follow-up of" in panel.problem.parent_label.text()
    panel.ctx.undo.undo()
    assert [w.id for w in ws.workshop.workshops(new.pi_id)] == [parent_id]
    panel.ctx.undo.redo()
    assert ws.workshop.workshop(new.id).parent_id == parent_id  # same id after redo


def test_drag_a_cause_onto_another_cause(qtbot, make_panel) -> None:
    panel = make_panel()
    ws = panel.ctx.ws
    panel.show_step(1)
    view = panel.fishbone.view
    causes = {c.text: c for c in ws.workshop.fishbone(panel.workshop_id).causes}
    source = view.nodes[("cause", causes["Vendor API outages"].id)]
    target = view.nodes[("cause", causes["Scope added mid-PI"].id)]

    def point(item) -> QPoint:
        return view.mapFromScene(item.mapToScene(item.box_rect().center()))

    start, end = point(source), point(target)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(view.viewport(), start + (end - start) * step / 5)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=end)
    moved = {c.text: c for c in ws.workshop.fishbone(panel.workshop_id).causes}
    assert moved["Vendor API outages"].parent_id == causes["Scope added mid-PI"].id
    assert moved["Vendor API outages"].bone_id == causes["Scope added mid-PI"].bone_id

"""Problem statement, solutions, improvement items, exports and the report from the panel."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from rte_desktop.ui.widgets.improvement_inputs import ImprovementInputsWidget
from rte_desktop.ui.workshop.panel import BACKLOG, FISHBONE, MEASUREMENT, PROBLEM
from tests.pdf_tools import assert_pdf_valid, pdf_text
from tests.ui.workshop.conftest import pi_id


def test_problem_statement_is_saved_and_undone(qtbot, make_panel) -> None:
    panel = make_panel()
    ws = panel.ctx.ws
    panel.show_step(PROBLEM)
    where = panel.problem.where
    where.setFocus()
    where.selectAll()
    qtbot.keyClicks(where, "Teams Kraken, Atlas")
    qtbot.keyClick(where, Qt.Key.Key_Return)
    assert ws.workshop.workshop(panel.workshop_id).where == "Teams Kraken, Atlas"
    panel.problem.impact.setFocus()
    panel.problem.impact.setPlainText("Predictability 71% — 李雷's team waits")
    panel.problem.title.setFocus()  # leaving the field saves it
    assert ws.workshop.workshop(panel.workshop_id).impact.endswith("李雷's team waits")
    panel.ctx.undo.undo()
    panel.ctx.undo.undo()
    assert ws.workshop.workshop(panel.workshop_id).where == "Teams Kraken and Ωmega"
    assert panel.problem.where.text() == "Teams Kraken and Ωmega"


def test_solutions_become_improvement_items_shown_in_the_target_pi(
    qtbot, make_panel, panel_context
) -> None:
    panel = make_panel()
    ws = panel.ctx.ws
    panel.show_step(BACKLOG)
    tab = panel.backlog
    tab.new_solution.setFocus()
    qtbot.keyClicks(tab.new_solution, "Contract tests per API")
    qtbot.keyClick(tab.new_solution, Qt.Key.Key_Return)
    assert tab.new_solution.text() == ""
    table = tab.solution_table
    table.setFocus()
    table.selectRow(3)
    for _ in range(4):
        qtbot.keyClick(table, Qt.Key.Key_Plus)
    solutions = ws.improvements.solutions(panel.workshop_id)
    assert (solutions[-1].text, solutions[-1].votes) == ("Contract tests per API", 4)

    qtbot.mouseClick(tab.promote_button, Qt.MouseButton.LeftButton)
    item = ws.improvements.items(panel.workshop_id)[-1]
    assert item.title == "Contract tests per API"
    assert item.target_pi_id == pi_id(panel_context, "PI 2026.2")  # the next PI by default
    assert tab.current_item().id == item.id
    tab.owner.setFocus()
    qtbot.keyClicks(tab.owner, "Raj Patel")
    tab.kind.setCurrentIndex(tab.kind.findText("Feature"))
    qtbot.keyClick(tab.owner, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    stored = ws.improvements.items(panel.workshop_id)[-1]
    assert (stored.owner, stored.kind.value) == ("Raj Patel", "feature")

    inputs = ImprovementInputsWidget(
        panel_context, panel_context.ws.improvements, pi_id(panel_context, "PI 2026.2")
    )
    qtbot.addWidget(inputs)
    inputs.show()
    titles = [inputs.tree.topLevelItem(i).text(0) for i in range(inputs.tree.topLevelItemCount())]
    assert titles[-1] == "Contract tests per API" and len(titles) == 3
    assert inputs.heading.text() == "Inputs from Inspect & Adapt (3)"
    item_table = tab.item_table
    item_table.setFocus()
    item_table.selectRow(2)
    qtbot.keyClick(item_table, Qt.Key.Key_Delete)
    assert len(ws.improvements.items(panel.workshop_id)) == 2
    assert inputs.tree.topLevelItemCount() == 2  # the widget follows the data
    inputs.set_pi(pi_id(panel_context, "PI 2027.1"))
    assert inputs.empty.isVisibleTo(inputs) and not inputs.tree.isVisibleTo(inputs)


def test_export_png_and_svg_read_back(qtbot, make_panel, tmp_path: Path) -> None:
    panel = make_panel()
    panel.show_step(FISHBONE)
    tab = panel.fishbone
    png = tab.export_png(tmp_path / "fish.png")
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    rect = tab.view.scene().sceneRect()
    assert (width, height) == (int(rect.width() * 2), int(rect.height() * 2))
    svg = tab.export_svg(tmp_path / "fish.svg")
    root = ET.parse(svg).getroot()
    texts = " ".join("".join(node.itertext()) for node in root.iter() if node.tag.endswith("text"))
    for word in ("Late dependency discovery", "People", "Features slip to the next PI"):
        assert word in texts
    title = next(n for n in root.iter() if n.tag.endswith("title"))
    assert title.text == "Fishbone: Features slip to the next PI"


def test_report_from_the_panel(qtbot, make_panel, tmp_path: Path, monkeypatch) -> None:
    panel = make_panel()
    target = tmp_path / "report.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(
        "rte_desktop.ui.widgets.report_actions.QDesktopServices.openUrl", lambda url: True
    )
    panel.save_report()
    assert_pdf_valid(target)
    assert "Features slip to the next PI" in pdf_text(target)[0]


def test_measurement_shows_predictability_and_the_vote(qtbot, make_panel) -> None:
    panel = make_panel()
    panel.show_step(MEASUREMENT)
    result = panel.ctx.ws.inspect_adapt.measurement(pi_id(panel.ctx, "PI 2026.1"))
    tab = panel.measurement
    assert result.art.label() in tab.art_figure.text()
    assert tab.table.rowCount() == 8
    assert tab.table.item(0, 3).text() == result.teams[0].performance.label()
    assert tab.vote_figure.text() == f"Average {result.vote.average_label()} (passed)"
    assert tab.bars[4].value() == result.vote.counts[4]


def test_new_workshop_in_an_empty_pi(qtbot, make_panel) -> None:
    panel = make_panel("PI 2026.2")
    assert panel.empty.isVisible()
    assert "PI 2026.1 (1)" in panel.empty.text()
    shop = panel.new_workshop("Demos are skipped")
    assert panel.pages.currentWidget() is panel.tabs
    assert [b.name for b in panel.ctx.ws.workshop.fishbone(shop.id).bones] == [
        "People",
        "Process",
        "Tools",
        "Program",
        "Environment",
    ]
    panel.delete_workshop()
    assert panel.empty.isVisible()
    panel.ctx.undo.undo()
    assert panel.combo.currentText() == "Demos are skipped"

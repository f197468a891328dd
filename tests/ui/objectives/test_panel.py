"""The objectives panel driven by keys on the demo train; checked in the stored data."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from rte_desktop.ui.objectives import actions
from rte_desktop.ui.objectives.models import ACTUAL, COMMITTED, PLANNED, TEXT
from rte_desktop.ui.objectives.panel import ObjectivesPanel
from tests.pdf_tools import pdf_text


@pytest.fixture
def panel(qtbot, panel_context, presenter) -> ObjectivesPanel:
    ws = panel_context.ws
    pi = ws.train.find_pi(None, None)
    widget = ObjectivesPanel(panel_context)
    widget.set_presenter(presenter)  # the main window's job
    panel_context.bus.data_changed.connect(widget.on_changes)  # the main window's job
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    widget.set_scope(pi.art_id, pi.id)
    qtbot.waitExposed(widget)
    return widget


def _stored(panel: ObjectivesPanel):
    team = panel.current_team()
    return panel.ctx.ws.objectives.objectives(panel.pi_id, team.id)


def _editor(panel: ObjectivesPanel) -> QLineEdit:
    editors = [e for e in panel.table.findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1
    return editors[0]


def _committed(qtbot, panel: ObjectivesPanel) -> None:
    """The delegate commits an editor through a queued call: let it run."""
    qtbot.waitUntil(lambda: panel.table.state() != QAbstractItemView.State.EditingState)


def _go(panel: ObjectivesPanel, row: int, column: int) -> None:
    panel.table.setFocus()
    panel.table.setCurrentIndex(panel.model.index(row, column))


def test_digits_set_bv_and_enter_moves_on(qtbot, panel: ObjectivesPanel) -> None:
    _go(panel, 0, PLANNED)
    qtbot.keyClick(panel.table, Qt.Key.Key_7)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    qtbot.keyClick(panel.table, Qt.Key.Key_1)
    qtbot.keyClick(panel.table, Qt.Key.Key_0)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    _go(panel, 0, ACTUAL)
    qtbot.keyClick(panel.table, Qt.Key.Key_0)
    stored = _stored(panel)
    assert [stored[0].planned_bv, stored[1].planned_bv, stored[0].actual_bv] == [7, 10, 0]
    assert panel.model.data(panel.model.index(1, PLANNED)) == 10
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert _stored(panel)[0].actual_bv is None
    panel.ctx.undo.undo()
    assert _stored(panel)[0].actual_bv == 0


def test_space_toggles_committed_and_ctrl_k_too(qtbot, panel: ObjectivesPanel) -> None:
    before = _stored(panel)[2].committed
    _go(panel, 2, COMMITTED)
    qtbot.keyClick(panel.table, Qt.Key.Key_Space)
    assert _stored(panel)[2].committed is (not before)
    qtbot.keyClick(panel.table, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert _stored(panel)[2].committed is before


def test_typing_text_with_enter_and_an_11_is_refused(qtbot, panel: ObjectivesPanel) -> None:
    _go(panel, 1, TEXT)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)  # opens the editor
    editor = _editor(panel)
    editor.selectAll()
    qtbot.keyClicks(editor, "Ship the <beta> & more")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    _committed(qtbot, panel)
    assert _stored(panel)[1].text == "Ship the <beta> & more"
    assert panel.table.currentIndex().row() == 2  # moved on
    before = _stored(panel)
    panel.model.setData(panel.model.index(0, PLANNED), "11")
    assert "1 to 10; got 11" in panel.message.text()
    assert _stored(panel) == before


def test_add_reorder_move_to_team_delete_and_undo(qtbot, panel: ObjectivesPanel) -> None:
    ids = [o.id for o in _stored(panel)]
    qtbot.keyClick(panel.table, Qt.Key.Key_Insert)
    editor = _editor(panel)
    editor.selectAll()
    qtbot.keyClicks(editor, "Brand new")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    _committed(qtbot, panel)
    stored = _stored(panel)
    assert stored[-1].text == "Brand new" and len(stored) == len(ids) + 1
    new_id = stored[-1].id
    _go(panel, len(ids), TEXT)
    qtbot.keyClick(panel.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert [o.id for o in _stored(panel)][-2] == new_id
    assert panel.current_objective().id == new_id
    target = panel.teams[3]
    panel.move_to_team(target.id)
    assert new_id in [o.id for o in panel.ctx.ws.objectives.objectives(panel.pi_id, target.id)]
    panel.ctx.undo.undo()
    assert [o.id for o in _stored(panel)][-2] == new_id
    _go(panel, 0, TEXT)
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert ids[0] not in [o.id for o in _stored(panel)]
    panel.ctx.undo.undo()
    assert _stored(panel)[0].id == ids[0]


def test_team_switch_by_keyboard(qtbot, panel: ObjectivesPanel) -> None:
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert panel.current_team().name == "Ωmega"
    assert panel.model.rowCount() == len(_stored(panel))
    assert "Ωmega" in panel.summary.text()


def test_scoring_mode_walks_and_scores(qtbot, panel: ObjectivesPanel) -> None:
    _go(panel, 0, TEXT)
    qtbot.keyClick(panel.table, Qt.Key.Key_F6)
    window = panel.scoring
    view = window.content()
    qtbot.waitExposed(window)
    first = view.current()
    assert first.id == _stored(panel)[0].id and first.text in view.text.text()
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # actual
    qtbot.keyClick(view, Qt.Key.Key_1)
    qtbot.keyClick(view, Qt.Key.Key_0)
    assert panel.ctx.ws.objectives.get(first.id).actual_bv == 10
    assert view.actual[2].text() == "10" and "scoring" in view.actual[1].text()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    second = view.current()
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # planned
    qtbot.keyClick(view, Qt.Key.Key_3)
    assert panel.ctx.ws.objectives.get(second.id).planned_bv == 3
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert panel.scoring is None


def test_predictability_tab_lists_teams_and_art(qtbot, panel: ObjectivesPanel) -> None:
    table = panel.predictability.table
    assert table.rowCount() == len(panel.teams) + 1
    assert table.item(table.rowCount() - 1, 0).text() == "ART (ratio of sums)"
    assert table.item(0, 3).text() == "not scored yet"
    chart = panel.predictability.chart
    assert len(chart.pis) == 3 and chart.series[-1].art
    assert chart.series[-1].values[0] is not None and chart.series[-1].values[1] is None
    panel.tabs.setCurrentIndex(1)
    image = chart.grab().toImage()
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 5) for y in range(0, image.height(), 5)
    }
    assert len(colours) > 5  # band, grid, text and the series were drawn


def test_file_actions_import_pdf_and_preview(
    qtbot, panel: ObjectivesPanel, tmp_path: Path, monkeypatch
) -> None:
    csv = tmp_path / "o.csv"
    csv.write_text(
        "team,objective,committed,planned_bv\nPhoenix,Imported one,no,4\n", encoding="utf-8"
    )
    assert actions.import_from(panel, csv) == 1
    assert _stored(panel)[-1].text == "Imported one"
    assert panel.model.rowCount() == len(_stored(panel))
    panel.paper.setCurrentIndex(panel.paper.findData("letter"))
    assert panel.ctx.settings.value("objectives/paper") == "letter"
    path = actions.write_pdf(panel, tmp_path / "o.pdf")
    assert "Imported one" in pdf_text(path)[1]
    shown = actions.preview(panel)
    qtbot.addWidget(shown)
    assert shown.document.pageCount() == 9
    assert "Imported one" in pdf_text(shown.path)[1]

"""The ROAM board driven by the keyboard (and a drop), checked in the database."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from rte_desktop.domain.model import RoamStatus
from rte_desktop.ui.risks.panel import RisksPanel


def unroamed_first(panel: RisksPanel):
    view = panel.board.columns[RoamStatus.UNROAMED]
    view.setFocus()
    view.select_row(0)
    return view, view.selected_risk()


def test_keyboard_moves_a_risk_and_records_history(qtbot, risks_panel: RisksPanel) -> None:
    ws = risks_panel.ctx.ws
    view, risk = unroamed_first(risks_panel)
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert ws.risks.risk(risk.id).status is RoamStatus.RESOLVED
    resolved = risks_panel.board.columns[RoamStatus.RESOLVED]
    assert resolved.selected_risk().id == risk.id  # the selection follows the card
    qtbot.keyClick(resolved, Qt.Key.Key_A)
    assert ws.risks.risk(risk.id).status is RoamStatus.ACCEPTED
    moves = [
        (h.change.from_status, h.change.to_status)
        for h in ws.risks.history(risks_panel.pi_id, risk.id)
    ]
    assert moves[:2] == [
        (RoamStatus.RESOLVED, RoamStatus.ACCEPTED),
        (RoamStatus.UNROAMED, RoamStatus.RESOLVED),
    ]
    accepted = risks_panel.board.columns[RoamStatus.ACCEPTED]
    assert risk.id in [r.id for r in accepted.column_model.risks]
    risks_panel.ctx.undo.undo()
    risks_panel.ctx.undo.undo()
    assert ws.risks.risk(risk.id).status is RoamStatus.UNROAMED


def test_moving_to_owned_asks_for_the_owner(qtbot, risks_panel: RisksPanel, monkeypatch) -> None:
    ws = risks_panel.ctx.ws
    view, risk = unroamed_first(risks_panel)
    assert risk.owner == ""
    answers = iter([None, "Zoë Ñúñez"])
    monkeypatch.setattr(risks_panel, "ask_owner", lambda _risk, _status: next(answers))
    qtbot.keyClick(view, Qt.Key.Key_O)  # cancelled: nothing changes
    assert ws.risks.risk(risk.id).status is RoamStatus.UNROAMED
    qtbot.keyClick(view, Qt.Key.Key_O)
    stored = ws.risks.risk(risk.id)
    assert (stored.status, stored.owner) == (RoamStatus.OWNED, "Zoë Ñúñez")


def test_left_right_walk_the_columns_without_moving(qtbot, risks_panel: RisksPanel) -> None:
    ws = risks_panel.ctx.ws
    before = {r.id: r.status for r in ws.risks.risks(risks_panel.pi_id)}
    view, _risk = unroamed_first(risks_panel)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    resolved = risks_panel.board.columns[RoamStatus.RESOLVED]
    assert resolved.hasFocus() and resolved.selected_risk() is not None
    assert view.selected_risk() is None
    qtbot.keyClick(resolved, Qt.Key.Key_Left)
    assert view.hasFocus()
    assert {r.id: r.status for r in ws.risks.risks(risks_panel.pi_id)} == before


def test_dropping_a_card_on_a_column_moves_it(qtbot, risks_panel: RisksPanel) -> None:
    ws = risks_panel.ctx.ws
    source = risks_panel.board.models[RoamStatus.UNROAMED]
    risk = source.risks[0]
    mime = source.mimeData([source.index(0)])
    target = risks_panel.board.models[RoamStatus.ACCEPTED]
    target.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, QModelIndex())
    qtbot.waitUntil(lambda: ws.risks.risk(risk.id).status is RoamStatus.ACCEPTED)


def test_filters_by_team_and_text(qtbot, risks_panel: RisksPanel) -> None:
    qtbot.keyClicks(risks_panel.text_filter, "gdpr")
    shown = [r for m in risks_panel.board.models.values() for r in m.risks]
    assert [r.title for r in shown] == ["Unclear GDPR stance on forecast data"]
    assert "1 of" in risks_panel.status_line.text()
    qtbot.keyClick(risks_panel.text_filter, Qt.Key.Key_Escape)
    assert risks_panel.text_filter.text() == ""
    kraken = risks_panel.team_filter.findText("Kraken")
    risks_panel.team_filter.setCurrentIndex(kraken)
    team_id = risks_panel.team_filter.currentData()
    shown = [r for m in risks_panel.board.models.values() for r in m.risks]
    assert shown and all(r.team_id == team_id for r in shown)


def test_delete_by_keyboard_is_undoable(qtbot, risks_panel: RisksPanel) -> None:
    ws = risks_panel.ctx.ws
    view, risk = unroamed_first(risks_panel)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert risk.id not in [r.id for r in ws.risks.risks(risks_panel.pi_id)]
    risks_panel.ctx.undo.undo()
    assert ws.risks.risk(risk.id) == risk


def test_history_tab_lists_the_moves(qtbot, risks_panel: RisksPanel) -> None:
    view, risk = unroamed_first(risks_panel)
    qtbot.keyClick(view, Qt.Key.Key_R)
    qtbot.keyClick(risks_panel.tabs, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)
    assert risks_panel.tabs.currentWidget() is risks_panel.history
    model = risks_panel.history.history_model
    first = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert first[1] == risk.title and first[3:5] == ["Unroamed", "Resolved"]
    assert first[0] == "25 Nov 2026 09:00"  # the clock's 08:00 UTC in Berlin


def test_edit_dialog_refuses_mitigated_without_owner(qtbot, risks_panel: RisksPanel) -> None:
    from rte_desktop.ui.risks.dialog import RiskDialog

    ws = risks_panel.ctx.ws
    risk = ws.risks.risks(risks_panel.pi_id)[0]
    saved = []
    dialog = RiskDialog(risk, [], lambda r: saved.append(ws.risks.update(r)), ws.clock.now().date())
    qtbot.addWidget(dialog)
    dialog.status.setCurrentIndex(dialog.status.findText("Mitigated"))
    dialog.accept()
    assert "needs an owner" in dialog.error.text() and not saved
    dialog.owner.setText("李雷")
    dialog.impact.setValue(5)
    dialog.accept()
    stored = ws.risks.risk(risk.id)
    assert (stored.status, stored.owner, stored.impact) == (RoamStatus.MITIGATED, "李雷", 5)

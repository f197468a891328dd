"""The Risks panel's badges and default dates follow today in the ART's zone, not UTC's."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from rte_desktop.domain.model import Risk, RoamStatus
from rte_desktop.ui.art_sync.dialogs import ActionDialog
from rte_desktop.ui.risks.dialog import RiskDialog
from rte_desktop.ui.risks.panel import RisksPanel
from tests.today_tools import ZONE_IDS, ZONES, put_art_in

DUE = dt.date(2026, 11, 25)  # yesterday in Sydney, today in California (in ZONES)
EXPECTED = {"Australia/Sydney": "OVERDUE", "America/Los_Angeles": "DUE SOON"}


def _card(panel: RisksPanel, risk: Risk) -> list[str]:
    model = panel.board.models[risk.status]
    shown = next(r for r in model.risks if r.id == risk.id)
    return model.card_lines(shown)


@pytest.mark.parametrize(("zone", "when", "local"), ZONES, ids=ZONE_IDS)
def test_risk_card_due_badge_uses_the_arts_date(
    risks_panel: RisksPanel, zone: str, when: dt.datetime, local: dt.date
) -> None:
    ws = risks_panel.ctx.ws
    risk = next(r for r in ws.risks.risks(risks_panel.pi_id) if r.status is RoamStatus.UNROAMED)
    ws.risks.update(dataclasses.replace(risk, due=DUE))
    put_art_in(ws, risks_panel.art_id, zone, when)
    risks_panel.refresh_now()
    assert f"Due {DUE:%d %b %Y} — {EXPECTED[zone]}" in _card(risks_panel, risk)


def _dialog_default(qtbot, open_dialog, kind: type) -> dt.date:
    """Open a dialog, read the date its "Due by" box proposes, cancel it."""
    seen: dict[str, dt.date] = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, kind)
        qdate = dialog.due_by.edit.date()
        seen["date"] = dt.date(qdate.year(), qdate.month(), qdate.day())
        dialog.reject()

    QTimer.singleShot(0, look)
    open_dialog()
    return seen["date"]


@pytest.mark.parametrize(("zone", "when", "local"), ZONES, ids=ZONE_IDS)
def test_new_risk_proposes_a_due_date_two_weeks_from_the_arts_today(
    qtbot, risks_panel: RisksPanel, zone: str, when: dt.datetime, local: dt.date
) -> None:
    put_art_in(risks_panel.ctx.ws, risks_panel.art_id, zone, when)
    proposed = _dialog_default(qtbot, risks_panel.new_risk, RiskDialog)
    assert proposed == local + dt.timedelta(days=14)


@pytest.mark.parametrize(("zone", "when", "local"), ZONES, ids=ZONE_IDS)
def test_new_action_proposes_a_due_date_a_week_from_the_arts_today(
    qtbot, risks_panel: RisksPanel, zone: str, when: dt.datetime, local: dt.date
) -> None:
    put_art_in(risks_panel.ctx.ws, risks_panel.art_id, zone, when)
    qtbot.keyClick(risks_panel.tabs, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    view = risks_panel.art_sync
    assert risks_panel.tabs.currentWidget() is view

    def add() -> None:
        qtbot.mouseClick(view.add_action, Qt.MouseButton.LeftButton)

    proposed = _dialog_default(qtbot, add, ActionDialog)
    assert proposed == local + dt.timedelta(days=7)


@pytest.mark.parametrize(("zone", "when", "local"), ZONES, ids=ZONE_IDS)
def test_open_action_overdue_uses_the_arts_date(
    qtbot, risks_panel: RisksPanel, zone: str, when: dt.datetime, local: dt.date
) -> None:
    ws = risks_panel.ctx.ws
    meeting = ws.art_sync.meetings(risks_panel.pi_id)[0]
    added = ws.art_sync.add_action(meeting.id, "Due on the 25th", due=DUE).value
    put_art_in(ws, risks_panel.art_id, zone, when)
    qtbot.keyClick(risks_panel.tabs, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    model = risks_panel.art_sync.open_model
    row = [o.action.id for o in model.rows].index(added.id)
    overdue = "  OVERDUE" if EXPECTED[zone] == "OVERDUE" else ""
    assert model.data(model.index(row, 0)) == f"{DUE:%d %b %Y}{overdue}"

"""Two facilitators on one ROAM board: a risk re-ROAMed meanwhile is not moved again."""

from __future__ import annotations

from PySide6.QtCore import Qt

from rte_desktop.domain.model import RoamStatus
from rte_desktop.workspace import Workspace


def test_a_risk_re_roamed_meanwhile_is_not_moved_again(
    qtbot, risks_panel, when_modal, read_box, other_app: Workspace
) -> None:
    ws = risks_panel.ctx.ws
    risk = next(r for r in ws.risks.risks(risks_panel.pi_id) if r.status is RoamStatus.UNROAMED)
    other_app.risks.move(risk.id, RoamStatus.ACCEPTED, seen=risk)  # this board still shows it
    assert risks_panel.board.select_risk(risk.id, focus=True)
    column = risks_panel.board.columns[RoamStatus.UNROAMED]
    shown: list[str] = []
    when_modal(read_box(shown))
    qtbot.keyClick(column, Qt.Key.Key_R)  # R: Resolved
    qtbot.waitUntil(lambda: bool(shown))
    assert f"Another facilitator changed the status of the risk “{risk.title}”" in shown[0]
    assert "status is now Accepted" in shown[0]
    assert ws.risks.risk(risk.id).status is RoamStatus.ACCEPTED
    assert risks_panel.ctx.undo.count() == 0

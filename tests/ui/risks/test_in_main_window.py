"""The Risks and Board panels inside the real main window: reachable, keys not ambiguous."""

from __future__ import annotations

from PySide6.QtCore import Qt

from rte_desktop.ui.board.panel import BoardPanel
from rte_desktop.ui.risks.panel import RisksPanel


def test_panels_open_and_their_tab_keys_work(qtbot, make_window, demo_ws) -> None:
    window = make_window(demo_ws)
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    risks = window.current_panel()
    assert isinstance(risks, RisksPanel)
    assert sum(len(m.risks) for m in risks.board.models.values()) == 10
    risks.board.columns[next(iter(risks.board.columns))].setFocus()
    qtbot.keyClick(risks, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert risks.tabs.currentWidget() is risks.art_sync
    assert not risks.bar.isVisible()  # the board's filters do not apply to ART Sync
    qtbot.keyClick(risks, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)
    assert risks.tabs.currentWidget() is risks.history
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    board = window.current_panel()
    assert isinstance(board, BoardPanel)
    assert len(board.scene.cards) == 16 + 1  # features and the milestone
    groups = dict(window.shortcut_groups())
    assert any("U / R / O / A / M" in keys for keys, _ in groups["Risks (ROAM)"])
    assert any("Ctrl+Left" in keys for keys, _ in groups["ART Planning Board"])

"""The vote panel inside the main window: reachable by Ctrl+4 and ready for keys at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from rte_desktop.ui.vote.panel import VotePanel
from rte_desktop.workspace import Workspace


def test_ctrl_4_opens_the_vote_and_keys_count_without_a_click(
    qtbot, make_window, demo_ws: Workspace
) -> None:
    window = make_window(demo_ws)
    window.pi_combo.setCurrentIndex(2)  # the planned PI: nobody voted yet
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    panel = window.current_panel()
    assert isinstance(panel, VotePanel)
    for key, modifier in (
        (Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_4, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_5, Qt.KeyboardModifier.NoModifier),
    ):
        qtbot.keyClick(QApplication.focusWidget(), key, modifier)
    assert [b.value for b in demo_ws.votes.ballots(panel.round_view.round.id)] == [4, 5]
    assert panel.view.display.state().average == "4.50"
    window.undo_stack.undo()
    assert panel.view.display.state().average == "4.00"


def test_the_vote_shortcuts_are_listed_in_help(make_window, demo_ws: Workspace) -> None:
    window = make_window(demo_ws)
    groups = dict(window.shortcut_groups())
    listed = dict(groups["Confidence Vote"])
    assert "Backspace" in listed and "Ctrl+Shift+R" in listed and "1 … 5" in listed

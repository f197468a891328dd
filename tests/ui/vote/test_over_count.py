"""More ballots than people eligible: a warning in the panel and on the wall, never silence."""

from __future__ import annotations

from PySide6.QtCore import Qt

from rte_desktop.ui.vote.panel import VotePanel

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def painted(display) -> list[str]:
    display.grab()
    return display.drawn_texts


def test_more_ballots_than_eligible_warns_in_the_panel_and_on_the_wall(
    qtbot, vote_panel: VotePanel, keys
) -> None:
    keys.type((K.Key_Return, CTRL))
    spin = vote_panel.view.eligible
    spin.setFocus()
    keys.type((K.Key_A, CTRL), K.Key_2, K.Key_Return)
    vote_panel.view.scopes.setFocus()
    keys.type(K.Key_4, K.Key_5)
    round_id = vote_panel.round_view.round.id
    assert vote_panel.ctx.ws.votes.view(round_id).round.eligible == 2
    assert not [t for t in painted(vote_panel.view.display) if "eligible" in t]

    keys.type(K.Key_3)  # a third hand where only two may vote
    assert len(vote_panel.ctx.ws.votes.ballots(round_id)) == 3
    texts = painted(vote_panel.view.display)
    assert "3 of 2 voted (150%)" in texts
    warnings = [t for t in texts if "eligible" in t]
    assert warnings and "3" in warnings[0] and "2" in warnings[0]
    assert "eligible" in vote_panel.view.message.text()
    assert "!" in vote_panel.view.scopes.item(0).text()

    vote_panel.toggle_projector()
    wall = vote_panel.projector_view.display
    assert [t for t in painted(wall) if "eligible" in t] == warnings

    keys.type(K.Key_Backspace)  # taken back: the warning goes
    assert not [t for t in painted(vote_panel.view.display) if "eligible" in t]
    assert not [t for t in painted(wall) if "eligible" in t]

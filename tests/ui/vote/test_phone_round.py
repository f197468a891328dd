"""A phone round started from the vote panel by keys: phones vote over HTTP, the panel counts."""

from __future__ import annotations

import socket
from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from rte_desktop.phones.network import LOOPBACK
from rte_desktop.ui.vote.panel import VotePanel
from tests.phones.client import phones

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def choose_this_computer(qtbot, panel: VotePanel) -> None:
    """Alt+N to the network list (it fills itself then), End: this computer only."""
    qtbot.keyClick(QApplication.focusWidget() or panel, K.Key_N, ALT)
    combo = panel.view.phones.network
    assert QApplication.focusWidget() is combo
    qtbot.keyClick(combo, K.Key_End)
    assert combo.currentData() == LOOPBACK


def test_phones_vote_in_a_round_started_by_keys(qtbot, vote_panel: VotePanel, keys) -> None:
    choose_this_computer(qtbot, vote_panel)
    keys.type((K.Key_M, CTRL_SHIFT))
    session = vote_panel.phones.session
    assert session is not None and session.url.startswith("http://127.0.0.1:")
    assert vote_panel.view.join.isVisible()
    assert vote_panel.view.join.url.text() == session.url
    round_id = session.vote.round.id
    for phone, value in zip(phones(session.url, 6), (5, 4, 4, 3, 2, 5), strict=True):
        phone.open()
        assert phone.vote(value).status == 303
    stored = Counter(b.value for b in vote_panel.ctx.ws.votes.ballots(round_id))
    assert stored == Counter({5: 2, 4: 2, 3: 1, 2: 1})
    # the server thread's ballots reach the panel (queued signal, gathered into one refresh)
    qtbot.waitUntil(lambda: vote_panel.view.display.state().counts == (0, 1, 1, 2, 2), timeout=5000)
    eligible = session.vote.round.eligible
    assert vote_panel.view.join.count.text() == f"6 of {eligible} devices voted"
    assert vote_panel.view.message.text().startswith("Phones vote in round 1")
    port = session.server.port
    keys.type((K.Key_L, CTRL))  # close the round: the phones stop
    assert not vote_panel.phones.running
    assert not vote_panel.view.join.isVisible()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection((LOOPBACK, port), 2)
    assert not vote_panel.ctx.ws.votes.view(round_id).round.is_open


def test_the_phones_stop_when_the_panel_shows_another_pi(qtbot, vote_panel: VotePanel, keys):
    choose_this_computer(qtbot, vote_panel)
    keys.type((K.Key_M, CTRL_SHIFT))
    port = vote_panel.phones.session.server.port
    pis = vote_panel.ctx.ws.train.pis(vote_panel.art_id)
    vote_panel.set_scope(vote_panel.art_id, pis[1].id)
    assert not vote_panel.phones.running
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection((LOOPBACK, port), 2)


def test_ctrl_shift_m_again_stops_serving_and_the_round_stays_open(
    qtbot, vote_panel: VotePanel, keys
) -> None:
    choose_this_computer(qtbot, vote_panel)
    keys.type((K.Key_M, CTRL_SHIFT))
    round_id = vote_panel.phones.session.vote.round.id
    keys.type((K.Key_M, CTRL_SHIFT))
    assert not vote_panel.phones.running
    assert vote_panel.ctx.ws.votes.view(round_id).round.is_open
    assert vote_panel.view.phones.start.text() == "Start phone round"


def test_copy_address_puts_the_url_on_the_clipboard(qtbot, vote_panel: VotePanel, keys) -> None:
    choose_this_computer(qtbot, vote_panel)
    keys.type((K.Key_M, CTRL_SHIFT))
    qtbot.mouseClick(vote_panel.view.phones.copy, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == vote_panel.phones.session.url
    keys.type((K.Key_M, CTRL_SHIFT))
    assert not vote_panel.view.phones.copy.isEnabled()

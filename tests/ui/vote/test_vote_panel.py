"""The vote panel driven by the keyboard: what is stored, and what the display shows."""

from __future__ import annotations

from PySide6.QtCore import Qt

from rte_desktop.domain.model import Risk, RiskSource, RoamStatus, VoteMode
from rte_desktop.ui.vote.panel import VotePanel

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
START = (K.Key_Return, CTRL)


def painted(panel: VotePanel) -> list[str]:
    """Paint the display now and return every text it drew."""
    panel.view.display.grab()
    return panel.view.display.drawn_texts


def stored(panel: VotePanel) -> list[int]:
    return [b.value for b in panel.ctx.ws.votes.ballots(panel.round_view.round.id)]


def test_a_tally_typed_on_the_keyboard_is_stored_and_shown(vote_panel, keys) -> None:
    assert vote_panel.view.scopes.currentItem().text().startswith("Phoenix")
    keys.type(START, K.Key_3, K.Key_4, K.Key_5, K.Key_Backspace, K.Key_2)
    keys.type((K.Key_1, Qt.KeyboardModifier.KeypadModifier))  # the numeric keypad counts too
    assert stored(vote_panel) == [3, 4, 2, 1]
    state = vote_panel.view.display.state()
    assert state.counts == (1, 1, 1, 1, 0)
    assert (state.average, state.verdict, state.to_be_heard) == ("2.50", "FAIL", 2)
    texts = painted(vote_panel)
    for expected in ("Phoenix", "2.50", "FAIL", "TO BE HEARD: 2", "no confidence"):
        assert expected in texts
    team_size = vote_panel.ctx.ws.train.teams(vote_panel.art_id)[0].size
    assert f"4 of {team_size} voted ({round(400 / team_size)}%)" in texts
    assert vote_panel.view.scopes.item(0).text() == "Phoenix\n   voting, 4 in"


def test_big_buttons_count_like_keys_and_the_edge_passes(qtbot, vote_panel, keys) -> None:
    keys.type(START)
    pad = vote_panel.view.pad
    for value in (2, 4, 3):
        qtbot.mouseClick(pad.buttons[value], Qt.MouseButton.LeftButton)
    assert stored(vote_panel) == [2, 4, 3]
    assert "3.00" in painted(vote_panel) and "PASS" in painted(vote_panel)
    assert "TO BE HEARD: 1" in painted(vote_panel)  # passed, yet the 2 must be heard
    qtbot.mouseClick(pad.remove_button, Qt.MouseButton.LeftButton)
    assert stored(vote_panel) == [2, 4]


def test_undo_and_redo_take_ballots_back_and_forth(vote_panel, keys) -> None:
    keys.type(START, K.Key_5, K.Key_1)
    undo = vote_panel.ctx.undo
    assert undo.undoText() == "Vote 1"
    undo.undo()
    assert stored(vote_panel) == [5]
    undo.redo()
    assert stored(vote_panel) == [5, 1]
    keys.type(K.Key_Backspace)
    undo.undo()
    assert stored(vote_panel) == [5, 1]


def test_hidden_mode_shows_no_counts_anywhere_until_reveal(qtbot, vote_panel, keys) -> None:
    view = vote_panel.view
    view.mode.setCurrentIndex(view.mode.findData(VoteMode.HIDDEN.value))
    view.mode.activated.emit(view.mode.currentIndex())
    keys.type(START, K.Key_1, K.Key_1, K.Key_5)
    vote_panel.toggle_projector()
    projector = vote_panel.projector_view.display
    assert stored(vote_panel) == [1, 1, 5]
    for display in (view.display, projector):
        state = display.state()
        assert state.hidden and state.counts is None and state.average is None
        display.grab()
        texts = display.drawn_texts
        assert not any(t.strip().isdigit() for t in texts), texts  # no bar counts, no fingers
        assert not any(w in " ".join(texts) for w in ("PASS", "FAIL", "2.33", "HEARD"))
        assert "HIDDEN" in texts and "3 of 6 voted (50%)" in texts
    panel_words = [
        view.scopes.currentItem().text(),
        view.message.text(),
        view.concerns.hint.text(),
        vote_panel.ctx.undo.undoText(),
    ]
    assert panel_words[:2] == ["Phoenix\n   hidden, 3 in", "Ballot 3 recorded."]
    assert "Vote" not in panel_words[3]  # the Undo menu does not name the last value either

    keys.type((K.Key_R, CTRL_SHIFT))
    for display in (view.display, projector):
        assert display.state().counts == (2, 0, 0, 0, 1)
        display.grab()
        assert "2.33" in display.drawn_texts and "TO BE HEARD: 2" in display.drawn_texts
    vote_panel.presenter.close()


def test_a_closed_round_refuses_keys_and_says_why(vote_panel, keys) -> None:
    keys.type(START, K.Key_4, (K.Key_L, CTRL), K.Key_3, K.Key_Backspace)
    assert stored(vote_panel) == [4]
    assert "Round 1 is closed" in vote_panel.view.message.text()
    assert not vote_panel.view.pad.isEnabled()
    keys.type((K.Key_L, CTRL), K.Key_3)
    assert stored(vote_panel) == [4, 3]


def test_a_revote_is_a_new_round_and_history_stays_visible(vote_panel, keys) -> None:
    keys.type(START, K.Key_1, K.Key_2, START, K.Key_4, K.Key_5)
    view = vote_panel.view
    assert vote_panel.round_view.round.round_no == 2
    assert stored(vote_panel) == [4, 5]
    assert [view.round.itemText(i) for i in range(view.round.count())] == [
        "Round 2 (latest)",
        "Round 1",
    ]
    view.round.setCurrentIndex(1)
    view.round.activated.emit(1)
    assert vote_panel.round_view.round.round_no == 1
    assert view.display.state().average == "1.50"
    assert "history" in view.display.state().detail
    keys.type(K.Key_5)
    assert "closed" in view.message.text()
    assert stored(vote_panel) == [1, 2]


def test_individual_entry_keeps_name_and_comment(qtbot, vote_panel, keys) -> None:
    view = vote_panel.view
    view.mode.setCurrentIndex(view.mode.findData(VoteMode.INDIVIDUAL.value))
    view.mode.activated.emit(view.mode.currentIndex())
    keys.type(START)
    assert view.form.isVisible()
    qtbot.keyClicks(view.form.name, "Amelie")
    view.form.comment.setText("Abhängigkeit zu 李雷")  # QTest cannot type non-Latin keys
    view.form.value.setValue(2)
    qtbot.keyClick(view.form.comment, K.Key_Return)
    ballot = vote_panel.ctx.ws.votes.ballots(vote_panel.round_view.round.id)[0]
    assert (ballot.value, ballot.voter, ballot.comment) == (2, "Amelie", "Abhängigkeit zu 李雷")
    assert view.form.name.text() == "" and view.form.comment.text() == ""


def test_typing_in_a_text_field_never_votes(qtbot, vote_panel, keys) -> None:
    keys.type(START, K.Key_4)
    edit = vote_panel.view.concerns.edit
    edit.setFocus()
    qtbot.keyClicks(edit, "12")
    qtbot.keyClick(edit, K.Key_Backspace)
    assert edit.text() == "1"
    assert stored(vote_panel) == [4]


def test_a_concern_becomes_a_risk_by_keyboard_and_undo_removes_it(qtbot, vote_panel, keys) -> None:
    keys.type(START, K.Key_2, K.Key_4, (K.Key_K, CTRL))
    qtbot.keyClicks(vote_panel.view.concerns.edit, "No test environment until May")
    keys.type(K.Key_Return, (K.Key_K, CTRL_SHIFT))
    concern = vote_panel.ctx.ws.votes.concerns(vote_panel.round_view.round.id)[0]
    assert concern.ballot_id == vote_panel.round_view.ballots[0].id  # linked to the 2
    with vote_panel.ctx.ws.uow() as uow:
        risk = uow.get(Risk, concern.risk_id)
    assert (risk.status, risk.source, risk.pi_id) == (
        RoamStatus.UNROAMED,
        RiskSource.VOTE_CONCERN,
        vote_panel.pi_id,
    )
    item = vote_panel.view.concerns.list.item(0).text()
    assert item == "No test environment until May\n   voted 2 · risk: unroamed"
    vote_panel.ctx.undo.undo()
    with vote_panel.ctx.ws.uow() as uow:
        assert uow.count(Risk, id=concern.risk_id) == 0


def test_keys_on_the_projector_window_count_too(qtbot, vote_panel, keys) -> None:
    keys.type(START, K.Key_3)
    vote_panel.toggle_projector()
    presenter = vote_panel.presenter
    presenter.activateWindow()
    qtbot.waitUntil(lambda: presenter.isActiveWindow())
    vote_panel.projector_view.setFocus()
    qtbot.keyClick(vote_panel.projector_view, K.Key_5)
    assert stored(vote_panel) == [3, 5]
    assert vote_panel.projector_view.display.state().counts == (0, 0, 1, 0, 1)
    qtbot.keyClick(vote_panel.projector_view, K.Key_Backspace)
    assert stored(vote_panel) == [3]
    vote_panel.toggle_projector()
    assert not presenter.isVisible() and not vote_panel.view.projector.isChecked()


def test_summary_lists_every_vote_and_charts_the_art_across_pis(vote_panel, keys) -> None:
    keys.type(START, K.Key_2, K.Key_2, (K.Key_S, CTRL_SHIFT))
    summary = vote_panel.view.summary
    assert vote_panel.view.currentIndex() == 1
    table = summary.table
    assert table.rowCount() == 9
    size = vote_panel.ctx.ws.train.teams(vote_panel.art_id)[0].size
    assert [table.item(0, c).text() for c in range(6)] == [
        "Phoenix",
        "1, open",
        f"2 / {size}",
        "2.00",
        "✘ FAIL",
        "2",
    ]
    assert table.item(8, 0).text() == "Whole ART (Aurora ART)"
    assert table.item(8, 4).text() == "not voted"
    summary.chart.grab()
    assert "3.84 PASS" in summary.chart.drawn_texts and "3.95 PASS" in summary.chart.drawn_texts
    assert "no ART vote" in summary.chart.drawn_texts
    table.setCurrentCell(8, 0)
    summary.table.activated.emit(table.currentIndex())
    assert vote_panel.view.currentIndex() == 0
    assert vote_panel.view.scopes.currentItem().text().startswith("Whole ART")


def test_ctrl_shift_p_saves_the_report_pdf(vote_panel, keys, monkeypatch, tmp_path) -> None:
    from rte_desktop.ui.widgets import report_actions
    from tests.pdf_tools import pdf_text

    target = tmp_path / "vote.pdf"
    monkeypatch.setattr(
        report_actions.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "")
    )
    opened = []
    monkeypatch.setattr(report_actions.QDesktopServices, "openUrl", opened.append)
    keys.type(START, K.Key_4, K.Key_5, (K.Key_P, CTRL_SHIFT))
    text = "\n".join(pdf_text(target))
    assert "Confidence vote — PI 2027.1" in text and "Phoenix — round 1" in text
    assert opened and opened[0].toLocalFile() == str(target)


def test_the_threshold_is_set_for_the_art_and_undoable(vote_panel, keys) -> None:
    keys.type(START, K.Key_3, K.Key_4, (K.Key_S, CTRL_SHIFT))
    spin = vote_panel.view.summary.threshold
    assert spin.value() == 3.0
    spin.setValue(3.6)
    art = vote_panel.ctx.ws.train.art(vote_panel.art_id)
    assert art.vote_threshold == 3.6
    assert vote_panel.view.summary.table.item(0, 4).text() == "✘ FAIL"  # 3.50 < 3.60
    vote_panel.ctx.undo.undo()
    assert vote_panel.ctx.ws.train.art(vote_panel.art_id).vote_threshold == 3.0
    assert spin.value() == 3.0

"""The vote and the agenda timer share the one presenter window: the projector is one wall."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from rte_desktop.ui.agenda.chime import SilentChime
from rte_desktop.ui.agenda.panel import AgendaPanel
from rte_desktop.ui.presenter.window import PresenterWindow
from rte_desktop.ui.vote.panel import VotePanel


def test_the_vote_takes_the_wall_from_the_timer_and_gives_it_back(
    qtbot, vote_panel: VotePanel
) -> None:
    ctx = vote_panel.ctx
    agenda = AgendaPanel(ctx)
    agenda.set_presenter(vote_panel.presenter_window)  # the main window hands both the same
    agenda.chime = SilentChime(agenda)
    qtbot.addWidget(agenda)
    art = ctx.ws.train.arts()[0]
    agenda.set_scope(art.id, ctx.ws.train.current_pi(art.id).id)
    agenda.show()
    agenda.refresh_now()
    qtbot.keyClick(agenda.view.table, Qt.Key.Key_F5)  # the timer goes on the projector
    window = agenda.presenter_window
    qtbot.keyClick(window, Qt.Key.Key_F5)  # ... full screen
    assert window.isFullScreen() and window.content() is agenda.presenter_view

    vote_panel.toggle_projector()  # the confidence vote: same window, same screen
    assert vote_panel.presenter is window and window.isFullScreen()
    assert window.content() is vote_panel.projector_view
    assert vote_panel.view.projector.isChecked()
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert [w for w in shown if isinstance(w, PresenterWindow)] == [window]
    agenda.hide()  # the RTE is on the vote panel: nobody sees the timer, it stops ticking
    qtbot.waitUntil(lambda: not agenda.ticker.isActive())
    agenda.show()

    qtbot.keyClick(agenda.view.table, Qt.Key.Key_F5)  # back to the timer
    assert window.content() is agenda.presenter_view
    assert not vote_panel.view.projector.isChecked()  # the button says where the vote is

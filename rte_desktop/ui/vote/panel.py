"""The Confidence Vote panel: team votes, then the ART vote, on the laptop and the projector.

Every edit goes through ``ui.undo.push`` over ``VoteService``; the panel redraws from the
``data_changed`` that the service publishes. Refused input (a vote in a closed round, a 6...)
is reported in the message line without a dialog, so counting hands is never interrupted.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QApplication, QListWidgetItem, QVBoxLayout, QWidget

from rte_desktop.domain.model import VoteMode
from rte_desktop.services.common.changes import Area
from rte_desktop.services.train.train import TrainService
from rte_desktop.services.vote.vote_values import RoundView, ScopeSummary
from rte_desktop.services.vote.votes import VoteService
from rte_desktop.ui.panel_base import Panel, PanelContext
from rte_desktop.ui.settings import VOTE_SCOPE
from rte_desktop.ui.shortcuts import bind, bind_each
from rte_desktop.ui.vote.actions import VoteWall, report
from rte_desktop.ui.vote.edits import VoteEdits
from rte_desktop.ui.vote.phones import PhoneVoting, Starter
from rte_desktop.ui.vote.state import (
    DisplayState,
    display_state,
    empty_state,
    over_count_warning,
)
from rte_desktop.ui.vote.view import VoteView

if TYPE_CHECKING:
    from rte_desktop.ui.presenter.window import PresenterWindow
    from rte_desktop.ui.vote.projector import VoteProjectorView

ART = "art"  # the scope key of the whole-ART vote (team ids are ints)


def vote_panel(ctx: PanelContext, parent: QWidget | None = None) -> VotePanel:
    """The Confidence Vote panel with the services it uses."""
    from rte_desktop.phones.session import ConfidenceSession

    starter = functools.partial(ConfidenceSession.start, ctx.ws)
    return VotePanel(ctx, ctx.ws.votes, ctx.ws.train, parent, start_phones=starter)


class VotePanel(Panel):
    """Fist-of-five votes per team and for the ART: hands counted by keys, on the wall too.

    Args:
        ctx: the panel context (bus, undo stack, settings).
        votes: the rounds, ballots and concerns (writes go through ``edits``).
        train: the PI names for the report's file name.
        parent: the parent widget.
        start_phones: opens and serves a phone round (None: the Phones box stays off).
    """

    areas = (Area.VOTES, Area.RISKS)

    def __init__(
        self,
        ctx: PanelContext,
        votes: VoteService,
        train: TrainService,
        parent: QWidget | None = None,
        start_phones: Starter | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.votes, self.train = votes, train
        self.phones = PhoneVoting(start_phones, ctx.bus, self) if start_phones else None
        self.view = VoteView()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.view)
        self.round_view: RoundView | None = None
        self._scopes: list[ScopeSummary] = []
        self._scope_key: object = self._saved_scope()
        self._shown_round: int | None = None  # None: follow the latest round
        self.edits = VoteEdits(votes, ctx.undo, self.view.message.setText)
        self.wall = VoteWall(self)
        self._connect()
        self._shortcuts()

    # -- wiring ---------------------------------------------------------------------------------

    def _connect(self) -> None:
        v = self.view
        v.scopes.currentRowChanged.connect(self._on_scope_row)
        v.round.activated.connect(self._on_round_chosen)
        v.mode.activated.connect(self._on_mode_chosen)
        v.eligible.valueChanged.connect(self._on_eligible)
        v.start.clicked.connect(self.start_or_revote)
        v.close_round.clicked.connect(self.toggle_closed)
        v.reveal.clicked.connect(self.reveal)
        v.projector.clicked.connect(self.toggle_projector)
        v.phones.start.clicked.connect(self.toggle_phones)
        v.phones.copy.clicked.connect(self.copy_phone_address)
        v.report.clicked.connect(self.save_report)
        v.pad.value_chosen.connect(self.add_value)
        v.pad.remove_last.connect(self.remove_last)
        v.form.submitted.connect(self._add_ballot)
        v.concerns.add_requested.connect(self.add_concern)
        v.concerns.to_risk_requested.connect(self.concern_to_risk)
        v.concerns.delete_requested.connect(self.delete_concern)
        v.summary.scope_activated.connect(self._open_scope)
        v.summary.threshold_changed.connect(self._on_threshold)
        v.currentChanged.connect(lambda _i: self.refresh())

    def _shortcuts(self) -> None:
        hands = [functools.partial(self.add_value, value) for value in range(1, 6)]
        bind_each(self, "vote.hand", hands)  # 1-5, then the keypad's 1-5
        bind(self, "vote.take_back", self.remove_last)
        bind(self, "vote.start", self.start_or_revote)
        bind(self, "vote.close_round", self.toggle_closed)
        bind(self, "vote.reveal", self.reveal)
        bind(self, "vote.projector", self.toggle_projector)
        bind(self, "vote.phones", self.toggle_phones)
        bind(self, "vote.print", self.print_report)
        bind(self, "vote.save_pdf", self.save_report)
        bind(self, "vote.concern", self.view.concerns.edit.setFocus)
        bind(self, "vote.concern_to_risk", self.view.concerns.request_risk)
        bind_each(
            self, "vote.step_scope", [lambda: self._step_scope(-1), lambda: self._step_scope(1)]
        )
        bind(
            self,
            "vote.summary",
            lambda: self.view.setCurrentIndex(1 - self.view.currentIndex()),
        )

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        """Take the keyboard, so 1-5 count hands as soon as the panel is on screen."""
        super().showEvent(event)
        focus = QApplication.focusWidget()
        if focus is None or not self.isAncestorOf(focus):
            self.view.scopes.setFocus()

    # -- reading --------------------------------------------------------------------------------

    def main_widget(self) -> QWidget | None:
        """The list of teams: digits count hands from there."""
        return self.view.scopes

    def refresh(self) -> None:
        votes = self.votes
        if self.pi_id is None or self.art_id is None:
            self.round_view = None
            self._scopes = []
            self.view.scopes.clear()
            self._show(None)
            return
        self._scopes = votes.summary(self.pi_id)
        self._fill_scopes()
        scope = self._current_scope()
        rounds = [r for r, _ in scope.rounds] if scope else []
        ids = [r.id for r in rounds]
        if self._shown_round not in ids or self._shown_round == (ids[-1] if ids else None):
            self._shown_round = None
        round_id = self._shown_round or (ids[-1] if ids else None)
        self.round_view = votes.view(round_id) if round_id is not None else None
        self._show(scope)
        self._show_phones()
        if self.view.currentIndex() == 1:
            self.view.summary.show_summary(
                self._scopes, votes.art_trend(self.art_id), votes.threshold(self.pi_id)
            )

    def _fill_scopes(self) -> None:
        widget = self.view.scopes
        widget.blockSignals(True)
        widget.clear()
        row = 0
        line = widget.fontMetrics().lineSpacing() + 3
        for index, scope in enumerate(self._scopes):
            item = QListWidgetItem(f"{self._scope_name(scope)}\n   {self._scope_status(scope)}")
            item.setSizeHint(QSize(0, line * 2 + 4))  # fallback fonts (CJK) are taller
            key = scope.team_id if scope.team_id is not None else ART
            item.setData(Qt.ItemDataRole.UserRole, key)
            widget.addItem(item)
            if key == self._scope_key:
                row = index
        widget.setCurrentRow(row)
        widget.blockSignals(False)
        self._scope_key = widget.currentItem().data(Qt.ItemDataRole.UserRole)

    def _scope_name(self, scope: ScopeSummary) -> str:
        if scope.team_id is None:
            return self.tr("Whole ART")
        return scope.name

    def _scope_status(self, scope: ScopeSummary) -> str:
        if scope.latest is None:
            return self.tr("not voted")
        vote, stats = scope.latest
        prefix = self.tr("R%d ") % vote.round_no if vote.round_no > 1 else ""
        if vote.mode is VoteMode.HIDDEN and not vote.revealed:
            return prefix + self.tr("hidden, %d in") % stats.ballots
        if vote.eligible and stats.ballots > vote.eligible:
            prefix += self.tr("! %d of %d, ") % (stats.ballots, vote.eligible)
        if vote.is_open:
            return prefix + self.tr("voting, %d in") % stats.ballots
        if stats.passed is None:
            return prefix + self.tr("no ballots")
        verdict = self.tr("PASS") if stats.passed else self.tr("FAIL")
        return f"{prefix}{stats.average_label()} {verdict}"

    def _current_scope(self) -> ScopeSummary | None:
        for scope in self._scopes:
            if (scope.team_id if scope.team_id is not None else ART) == self._scope_key:
                return scope
        return None

    def _show(self, scope: ScopeSummary | None) -> None:
        v, view = self.view, self.round_view
        name = self._scope_name(scope) if scope else ""
        state: DisplayState | None = None
        if view is not None:
            state = display_state(view, name)
        elif scope is not None and self.pi_id is not None:
            state = empty_state(name, self.votes.threshold(self.pi_id))
        v.display.set_state(state)
        self.wall.show_state(state)
        latest = view is not None and view.is_latest
        taking = latest and view is not None and view.round.is_open
        self._fill_rounds(view)
        if view is not None:
            v.set_mode(view.round.mode)
            v.set_eligible(view.round.eligible)
        elif scope is not None:
            v.set_eligible(scope.eligible)
        v.start.setText(self.tr("Re-vote (new round)") if view else self.tr("Start vote"))
        v.start.setEnabled(scope is not None and (view is None or latest))
        v.close_round.setText(
            self.tr("Reopen round") if view and not view.round.is_open else self.tr("Close round")
        )
        v.close_round.setEnabled(latest)
        v.reveal.setEnabled(bool(view and view.hidden))
        v.mode.setEnabled(scope is not None and (view is None or taking))
        v.eligible.setEnabled(scope is not None and (view is None or latest))
        v.pad.setEnabled(taking)
        mode = view.round.mode if view else v.chosen_mode()
        v.form.setVisible(mode is not VoteMode.TALLY)
        v.form.setEnabled(taking)
        v.form.set_anonymous(mode is VoteMode.HIDDEN)
        v.concerns.show_view(view)

    def _fill_rounds(self, view: RoundView | None) -> None:
        combo = self.view.round
        combo.clear()
        if view is None:
            combo.setEnabled(False)
            return
        last = view.history[-1].id
        for past in reversed(view.history):
            text = self.tr("Round %d") % past.round_no
            combo.addItem(text + (self.tr(" (latest)") if past.id == last else ""), past.id)
        combo.setCurrentIndex(max(0, combo.findData(view.round.id)))
        combo.setEnabled(len(view.history) > 1)

    # -- scope and round ------------------------------------------------------------------------

    def _saved_scope(self) -> object:
        saved = self.ctx.settings.get(VOTE_SCOPE)
        if saved.isdigit():
            return int(saved)
        return ART if saved == ART else None  # None: the first team (teams vote first)

    def _on_scope_row(self, row: int) -> None:
        item = self.view.scopes.item(row)
        if item is None:
            return
        if item.data(Qt.ItemDataRole.UserRole) != self._scope_key:
            self.stop_phones(self.tr("Phones stopped: another vote is shown."))
        self._scope_key = item.data(Qt.ItemDataRole.UserRole)
        self.ctx.settings.put(VOTE_SCOPE, str(self._scope_key))
        self._shown_round = None
        self.view.message.clear()
        self.refresh()

    def _step_scope(self, step: int) -> None:
        scopes = self.view.scopes
        if scopes.count():
            scopes.setCurrentRow(max(0, min(scopes.count() - 1, scopes.currentRow() + step)))

    def _open_scope(self, team_id: int | None) -> None:
        self._scope_key = team_id if team_id is not None else ART
        self._shown_round = None
        self.view.setCurrentIndex(0)

    def _on_round_chosen(self, index: int) -> None:
        self._shown_round = self.view.round.itemData(index)
        self.refresh()

    # -- edits ----------------------------------------------------------------------------------

    def _taking_ballots(self) -> RoundView | None:
        view = self.round_view
        if self.view.currentIndex() != 0:
            return None
        if view is None:
            self.view.message.setText(self.tr("Start the vote first (Ctrl+Enter)."))
            return None
        if not view.is_latest or not view.round.is_open:
            self.view.message.setText(
                self.tr("Round %d is closed; reopen it (Ctrl+L) or start a re-vote (Ctrl+Enter).")
                % view.round.round_no
            )
            return None
        return view

    def add_value(self, value: int) -> None:
        """One hand (or ballot) for ``value``; the form's name and comment go with it."""
        form = self.view.form
        voter, comment = (form.name.text(), form.comment.text()) if form.isVisible() else ("", "")
        self._add_ballot(value, voter, comment)

    def _add_ballot(self, value: int, voter: str = "", comment: str = "") -> None:
        view = self._taking_ballots()
        if (
            view is None
            or self.edits.add_ballot(view.round.id or 0, value, voter, comment, view.hidden) is None
        ):
            return
        self.view.form.clear()
        count = len(view.ballots) + 1
        said = (
            self.tr("Ballot %d recorded.") % count
            if view.hidden
            else self.tr("Added a %d (%d ballots).") % (value, count)
        )
        warning = over_count_warning(count, view.round.eligible)
        self.view.message.setText(f"{said} {warning}".strip())

    def remove_last(self) -> None:
        view = self._taking_ballots()
        if view is not None and self.edits.remove_last(view.round.id or 0) is not None:
            self.view.message.setText(self.tr("Removed the last ballot."))

    def start_or_revote(self) -> None:
        scope, view = self._current_scope(), self.round_view
        if scope is None or self.pi_id is None or self.view.currentIndex() != 0:
            return
        mode = self.view.chosen_mode()
        self._shown_round = None
        if view is None:
            made = self.edits.start(self.pi_id, scope.team_id, mode, self.view.eligible.value())
        elif view.is_latest:
            made = self.edits.revote(view.round, mode)
        else:
            return
        if made is not None:
            self.view.message.setText(
                self.tr("Round %d is open: count the hands (keys 1-5).") % made.round_no
            )

    def toggle_closed(self) -> None:
        view = self.round_view
        if view is not None and view.is_latest:
            self.edits.set_open(view.round.id or 0, not view.round.is_open)

    def reveal(self) -> None:
        view = self.round_view
        if view is not None and view.hidden:
            self.edits.reveal(view.round.id or 0)

    def _on_mode_chosen(self, _index: int) -> None:
        view, mode = self.round_view, self.view.chosen_mode()
        if view is None:
            self._show(self._current_scope())  # applies to the next round
        elif mode is not view.round.mode:
            self.edits.set_mode(view.round, mode)

    def _on_eligible(self, value: int) -> None:
        view = self.round_view
        if view is not None and value != view.round.eligible:
            self.edits.set_eligible(view.round, value)

    def _on_threshold(self, value: float) -> None:
        if self.art_id is None or self.pi_id is None:
            return
        old = self.votes.threshold(self.pi_id)
        if round(value, 2) != round(old, 2):
            self.edits.set_threshold(self.art_id, old, value)

    def add_concern(self, text: str) -> None:
        """Note a concern, linked to the next low ballot nobody has heard yet (if shown)."""
        view = self.round_view
        if view is None:
            return
        heard = {c.ballot_id for c in view.concerns}
        low = [b for b in view.ballots if b.value <= 2 and b.id not in heard]
        ballot_id = low[0].id if low and not view.hidden else None
        made = self.edits.add_concern(view.round.id or 0, text, ballot_id)
        if made is not None:
            self.view.concerns.edit.clear()
            self.view.concerns.select(made.id)

    def concern_to_risk(self, concern_id: int) -> None:
        if self.edits.to_risk(concern_id) is not None:
            self.view.message.setText(self.tr("Added to the Risks board, unROAMed."))

    def delete_concern(self, concern_id: int) -> None:
        self.edits.delete_concern(concern_id)

    # -- phones (ui/vote/phones.py) -------------------------------------------------------------

    def set_scope(self, art_id: int | None, pi_id: int | None) -> None:
        """Another ART or PI: the phones stop (their round belongs to the PI shown before)."""
        if pi_id != self.pi_id:
            self.stop_phones(self.tr("Phones stopped: another PI is shown."))
        super().set_scope(art_id, pi_id)

    def toggle_phones(self) -> None:
        """Ctrl+Shift+M: start a phone round for the vote shown, or stop serving it."""
        phones, scope = self.phones, self._current_scope()
        if phones is None or self.view.currentIndex() != 0:
            return
        if phones.running:
            self.stop_phones(self.tr("Phones stopped; the round stays open."))
            return
        if scope is None or self.pi_id is None:
            return
        host = self.view.phones.host()
        try:
            session = phones.start(self.pi_id, scope.team_id, host)
        except OSError as exc:
            self.view.message.setText(self.tr("Phones could not start on %s: %s") % (host, exc))
            return
        self._shown_round = None
        self.refresh()
        self.view.message.setText(
            self.tr("Phones vote in round %d: scan the QR code or open %s")
            % (session.vote.round.round_no, session.url)
        )

    def copy_phone_address(self) -> None:
        """Put the join URL on the clipboard (to paste into a chat for remote participants)."""
        session = self.phones.session if self.phones is not None else None
        if session is not None and self.phones is not None and self.phones.running:
            QApplication.clipboard().setText(session.url)
            self.view.message.setText(self.tr("Copied %s") % session.url)

    def stop_phones(self, message: str = "") -> None:
        """Stop serving the phone round (the port closes; the round stays as it is)."""
        if self.phones is None or not self.phones.running:
            return
        self.phones.stop()
        self._show_phones()
        if message:
            self.view.message.setText(message)

    def _show_phones(self) -> None:
        """The QR code while the round shown is the one phones vote in; stop once it closed."""
        phones, view = self.phones, self.round_view
        if phones is None:
            self.view.phones.setVisible(False)
            return
        if phones.running and phones.session is not None and not phones.session.is_open():
            phones.stop()
            self.view.message.setText(self.tr("The round is closed: phones stopped."))
        served = view is not None and phones.serves(view.round.id)
        join = phones.join() if served else None
        self.view.join.set_state(join)
        self.wall.show_join(join)
        session = phones.session if phones.running else None
        self.view.phones.set_running(session is not None, session.vote.scope if session else "")
        self.view.phones.start.setEnabled(self._current_scope() is not None)

    # -- projector and report (ui/vote/actions.py) ---------------------------------------------

    @property
    def presenter_window(self) -> PresenterWindow | None:
        """The main window's presenter window, handed in with ``set_presenter``."""
        return self.wall.window

    @property
    def projector_view(self) -> VoteProjectorView | None:
        """The vote as the wall shows it (made when the vote first goes up)."""
        return self.wall.view

    @property
    def presenter(self) -> PresenterWindow | None:
        """The presenter window once the vote has been on it (it may show the agenda now)."""
        return self.wall.window if self.wall.view is not None else None

    def set_presenter(self, window: PresenterWindow) -> None:
        """The main window's presenter window, where the projector view goes."""
        self.wall.window = window

    def on_the_wall(self) -> bool:
        return self.wall.showing()

    def take_the_wall(self) -> None:
        """Show this vote on the presenter window where it is (another train was opened)."""
        if not self.wall.showing():
            self.toggle_projector()

    def toggle_projector(self) -> None:
        """Put the vote on the presenter window (F5 there: full screen), or close it."""
        if self.wall.toggle(self.view.display.state()):
            self.view.projector.setChecked(True)

    def projector_closed(self) -> None:
        self.view.projector.setChecked(False)

    def wall_changed(self) -> None:
        """Another panel's view took the presenter window, or the vote took it back."""
        self.view.projector.setChecked(self.wall.showing())

    def save_report(self) -> None:
        """Ctrl+Shift+P: save the PI's confidence-vote report as a PDF (asks where)."""
        from rte_desktop.ui.widgets.report_actions import save_pdf

        save_pdf(self, report(self, self.votes, self.train, self.pi_id))

    def print_report(self) -> None:
        """Ctrl+P: print the PI's confidence-vote report through the system print dialog."""
        from rte_desktop.ui.widgets.report_actions import print_report

        print_report(self, report(self, self.votes, self.train, self.pi_id))

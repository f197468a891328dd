"""The vote panel's edits as undoable commands over ``VoteService``.

Each method runs the edit now (``ui.undo.push``) and returns what it made, or None when the
service refused; the refusal's message goes to ``report`` so the panel can show it without a
dialog. Redo after undo runs the service again (new ids), which is why the closures keep what
they made in a small list.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack

from rte_desktop.domain.errors import DomainError
from rte_desktop.domain.model import Ballot, Concern, VoteMode, VoteRound
from rte_desktop.services.vote.votes import VoteService
from rte_desktop.ui.undo import push

T = TypeVar("T")


def _tr(text: str) -> str:
    return QCoreApplication.translate("vote", text)


class VoteEdits:
    def __init__(
        self, votes: VoteService, stack: QUndoStack, report: Callable[[str], None]
    ) -> None:
        self._votes = votes
        self._stack = stack
        self._report = report

    def _run(self, text: str, make: Callable[[], T], undo: Callable[[T], object]) -> T | None:
        made: list[T] = []

        def do() -> None:
            made[:] = [make()]

        try:
            push(self._stack, text, do, lambda: undo(made[0]))
        except DomainError as exc:
            self._report(str(exc))
            return None
        return made[0]

    # -- rounds ---------------------------------------------------------------------------------

    def start(
        self, pi_id: int, team_id: int | None, mode: VoteMode, eligible: int
    ) -> VoteRound | None:
        votes = self._votes
        return self._run(
            _tr("Start vote"),
            lambda: votes.start_round(pi_id, team_id, mode, eligible).value,
            lambda made: votes.delete_empty_round(made.id or 0, reopen_previous=False),
        )

    def revote(self, latest: VoteRound, mode: VoteMode) -> VoteRound | None:
        """A new round after ``latest``; undo removes it and restores ``latest`` as it was."""
        votes, was_open = self._votes, latest.is_open
        return self._run(
            _tr("Re-vote"),
            lambda: votes.revote(latest.id or 0, mode).value,
            lambda made: votes.delete_empty_round(made.id or 0, reopen_previous=was_open),
        )

    def set_open(self, round_id: int, is_open: bool) -> VoteRound | None:
        votes = self._votes
        opening = (votes.reopen_round, votes.close_round)
        do, undo = opening if is_open else opening[::-1]
        text = _tr("Reopen round") if is_open else _tr("Close round")
        return self._run(text, lambda: do(round_id).value, lambda _m: undo(round_id))

    def reveal(self, round_id: int) -> VoteRound | None:
        votes = self._votes
        return self._run(
            _tr("Reveal votes"),
            lambda: votes.reveal(round_id).value,
            lambda _m: votes.reveal(round_id, False),
        )

    def set_mode(self, vote: VoteRound, mode: VoteMode) -> VoteRound | None:
        votes, round_id, old, revealed = self._votes, vote.id or 0, vote.mode, vote.revealed

        def undo(_made: VoteRound) -> None:
            votes.set_mode(round_id, old)
            votes.reveal(round_id, revealed)

        return self._run(
            _tr("Change vote mode"), lambda: votes.set_mode(round_id, mode).value, undo
        )

    def set_eligible(self, vote: VoteRound, eligible: int) -> VoteRound | None:
        votes, round_id, old = self._votes, vote.id or 0, vote.eligible
        return self._run(
            _tr("Eligible voters"),
            lambda: votes.set_eligible(round_id, eligible).value,
            lambda _m: votes.set_eligible(round_id, old),
        )

    def set_threshold(self, art_id: int, old: float, new: float) -> object:
        votes = self._votes
        return self._run(
            _tr("Pass threshold"),
            lambda: votes.set_threshold(art_id, new).value,
            lambda _m: votes.set_threshold(art_id, old),
        )

    # -- ballots --------------------------------------------------------------------------------

    def add_ballot(
        self, round_id: int, value: int, voter: str, comment: str, hidden: bool = False
    ) -> Ballot | None:
        """Add a ballot; in a hidden round even the Undo menu does not name its value."""
        votes = self._votes
        return self._run(
            _tr("Add ballot") if hidden else _tr("Vote %d") % value,
            lambda: votes.add_ballot(round_id, value, voter, comment).value,
            lambda made: votes.remove_ballot(made.id or 0),
        )

    def remove_last(self, round_id: int) -> Ballot | None:
        votes = self._votes
        return self._run(
            _tr("Remove last ballot"),
            lambda: votes.remove_last_ballot(round_id).value,
            votes.restore_ballot,
        )

    # -- concerns -------------------------------------------------------------------------------

    def add_concern(self, round_id: int, text: str, ballot_id: int | None) -> Concern | None:
        votes = self._votes
        return self._run(
            _tr("Add concern"),
            lambda: votes.add_concern(round_id, text, ballot_id).value,
            lambda made: votes.delete_concern(made.id or 0),
        )

    def to_risk(self, concern_id: int) -> Concern | None:
        votes = self._votes
        return self._run(
            _tr("Turn concern into risk"),
            lambda: votes.concern_to_risk(concern_id).value,
            lambda _m: votes.undo_concern_risk(concern_id),
        )

    def delete_concern(self, concern_id: int) -> Concern | None:
        votes = self._votes
        return self._run(
            _tr("Delete concern"),
            lambda: votes.delete_concern(concern_id).value,
            votes.restore_concern,
        )

"""The vote panel's edits, on the one undo recipe (``ui.undo_recipes``).

Each method runs the edit now and returns what it made, or None when the service refused; the
refusal's message goes to ``report`` so the panel can show it without a dialog. Redo after undo
puts back the very rows the first run made (same ids: rounds, ballots, concerns, the risk made
from a concern), so later commands that name them keep working.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication

from rte_desktop.domain.errors import DomainError
from rte_desktop.domain.model import Ballot, Concern, VoteMode, VoteRound
from rte_desktop.services.vote.votes import VoteService
from rte_desktop.ui.undo import UndoStack
from rte_desktop.ui.undo_recipes import push_created, push_deleted, push_updated

T = TypeVar("T")
S = TypeVar("S")
V = TypeVar("V")


def _tr(text: str) -> str:
    return QCoreApplication.translate("vote", text)


class VoteEdits:
    def __init__(self, votes: VoteService, stack: UndoStack, report: Callable[[str], None]) -> None:
        self._votes = votes
        self._stack = stack
        self._report = report

    def _run(self, edit: Callable[[], T]) -> T | None:
        """Run a recipe; a refusal goes to ``report`` and gives None."""
        try:
            return edit()
        except DomainError as exc:
            self._report(str(exc))
            return None

    def _created(
        self,
        text: str,
        create: Callable[[], T],
        remove: Callable[[T], S],
        restore: Callable[[S], object],
    ) -> T | None:
        return self._run(lambda: push_created(self._stack, text, create, remove, restore))

    def _deleted(
        self, text: str, delete: Callable[[], T], restore: Callable[[T], object]
    ) -> T | None:
        return self._run(lambda: push_deleted(self._stack, text, delete, restore))

    def _updated(self, text: str, apply: Callable[[V], T], old: V, new: V) -> T | None:
        return self._run(lambda: push_updated(self._stack, text, apply, old, new))

    # -- rounds ---------------------------------------------------------------------------------

    def start(
        self, pi_id: int, team_id: int | None, mode: VoteMode, eligible: int
    ) -> VoteRound | None:
        votes = self._votes
        return self._created(
            _tr("Start vote"),
            lambda: votes.start_round(pi_id, team_id, mode, eligible).value,
            lambda made: votes.delete_empty_round(made.id or 0, reopen_previous=False).value,
            votes.restore_round,
        )

    def revote(self, latest: VoteRound, mode: VoteMode) -> VoteRound | None:
        """A new round after ``latest``; undo removes it and restores ``latest`` as it was."""
        votes, was_open = self._votes, latest.is_open
        return self._created(
            _tr("Re-vote"),
            lambda: votes.revote(latest.id or 0, mode).value,
            lambda made: votes.delete_empty_round(made.id or 0, reopen_previous=was_open).value,
            votes.restore_round,
        )

    def set_open(self, round_id: int, is_open: bool) -> VoteRound | None:
        votes = self._votes

        def apply(open_: bool) -> VoteRound:
            change = votes.reopen_round if open_ else votes.close_round
            return change(round_id).value

        text = _tr("Reopen round") if is_open else _tr("Close round")
        return self._updated(text, apply, not is_open, is_open)

    def reveal(self, round_id: int) -> VoteRound | None:
        votes = self._votes
        return self._updated(
            _tr("Reveal votes"), lambda shown: votes.reveal(round_id, shown).value, False, True
        )

    def set_mode(self, vote: VoteRound, mode: VoteMode) -> VoteRound | None:
        votes, round_id = self._votes, vote.id or 0

        def apply(state: tuple[VoteMode, bool | None]) -> VoteRound:
            changed = votes.set_mode(round_id, state[0]).value
            # undo also puts back whether the counts were shown (set_mode decides it anew)
            return changed if state[1] is None else votes.reveal(round_id, state[1]).value

        return self._updated(
            _tr("Change vote mode"), apply, (vote.mode, vote.revealed), (mode, None)
        )

    def set_eligible(self, vote: VoteRound, eligible: int) -> VoteRound | None:
        votes, round_id = self._votes, vote.id or 0
        return self._updated(
            _tr("Eligible voters"),
            lambda count: votes.set_eligible(round_id, count).value,
            vote.eligible,
            eligible,
        )

    def set_threshold(self, art_id: int, old: float, new: float) -> object:
        votes = self._votes
        return self._updated(
            _tr("Pass threshold"), lambda value: votes.set_threshold(art_id, value).value, old, new
        )

    # -- ballots --------------------------------------------------------------------------------

    def add_ballot(
        self, round_id: int, value: int, voter: str, comment: str, hidden: bool = False
    ) -> Ballot | None:
        """Add a ballot; in a hidden round even the Undo menu does not name its value."""
        votes = self._votes
        return self._created(
            _tr("Add ballot") if hidden else _tr("Vote %d") % value,
            lambda: votes.add_ballot(round_id, value, voter, comment).value,
            lambda made: votes.remove_ballot(made.id or 0).value,
            votes.restore_ballot,
        )

    def remove_last(self, round_id: int) -> Ballot | None:
        votes = self._votes
        return self._deleted(
            _tr("Remove last ballot"),
            lambda: votes.remove_last_ballot(round_id).value,
            votes.restore_ballot,
        )

    # -- concerns -------------------------------------------------------------------------------

    def add_concern(self, round_id: int, text: str, ballot_id: int | None) -> Concern | None:
        votes = self._votes
        return self._created(
            _tr("Add concern"),
            lambda: votes.add_concern(round_id, text, ballot_id).value,
            lambda made: votes.delete_concern(made.id or 0).value,
            votes.restore_concern,
        )

    def to_risk(self, concern_id: int) -> Concern | None:
        votes = self._votes
        return self._created(
            _tr("Turn concern into risk"),
            lambda: votes.concern_to_risk(concern_id).value,
            lambda _made: votes.undo_concern_risk(concern_id).value,
            votes.restore_concern_risk,
        )

    def delete_concern(self, concern_id: int) -> Concern | None:
        votes = self._votes
        return self._deleted(
            _tr("Delete concern"),
            lambda: votes.delete_concern(concern_id).value,
            votes.restore_concern,
        )

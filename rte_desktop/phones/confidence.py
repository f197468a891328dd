"""The confidence vote as a phone ballot: the page with five buttons, and recording a vote."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from rte_desktop.domain.errors import ValidationError
from rte_desktop.phones.page import confidence_page
from rte_desktop.phones.server import BallotClosedError, BallotRejectedError

if TYPE_CHECKING:
    from rte_desktop.services.vote.phone_rounds import PhoneVote, PhoneVoteService


class ConfidenceBallots:
    """A ``BallotKind`` for one phone round of a confidence vote.

    Args:
        service: the phone vote service of the server's own workspace (thread-safe: one unit of
            work per call).
        vote: the phone round as opened (its names are shown on the page).
    """

    def __init__(self, service: PhoneVoteService, vote: PhoneVote) -> None:
        self._service = service
        self._id = vote.id
        self._scope = vote.scope
        self._pi = vote.pi
        self._salt = vote.phone_round.salt

    @property
    def salt(self) -> str:
        return self._salt

    def is_open(self) -> bool:
        return self._service.is_open(self._id)

    def page(self, device: str | None, path: str) -> str:
        mine = self._service.device_vote(self._id, device) if device else None
        return confidence_page(self._scope, self._pi, path, mine)

    def submit(self, device: str, form: Mapping[str, Sequence[str]]) -> None:
        values = form.get("value", [])
        if len(values) != 1 or values[0].strip() not in ("1", "2", "3", "4", "5"):
            raise BallotRejectedError("Tap one of the numbers 1 to 5.")
        concerns = form.get("concern", [])
        if len(concerns) > 1:
            raise BallotRejectedError("Send one concern at a time.")
        from rte_desktop.services.vote.phone_rounds import PhoneRoundClosedError

        try:
            self._service.cast(self._id, device, int(values[0]), concerns[0] if concerns else "")
        except PhoneRoundClosedError as exc:
            raise BallotClosedError(str(exc)) from exc
        except ValidationError as exc:
            raise BallotRejectedError(str(exc)) from exc

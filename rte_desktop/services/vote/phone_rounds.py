"""Phones vote in a confidence round: open a phone round, record a device's ballot, count, close.

A phone round belongs to one confidence round (``VoteRound``). Each device's vote is an ordinary
``Ballot`` (anonymous: no voter, no comment), so the histogram, the report, the trend and
predictability count it like a keypad vote; ``PhoneBallot`` remembers which device (the salted
hash of its random cookie, never the cookie) cast which ballot, so a second vote from the same
device replaces its first. A concern typed with a 1 or 2 becomes one of the round's concerns,
linked to the ballot (its value), not to anybody.

The web server (``rte_desktop.phones``) calls this service from its own threads, each call in its
own unit of work; nothing here is shared between calls.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rte_desktop.domain.confidence import check_value
from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.model import (
    Art,
    Ballot,
    Concern,
    PhoneBallot,
    PhoneBallotKind,
    PhoneRound,
    PlanningInterval,
    Team,
    VoteMode,
    VoteRound,
)
from rte_desktop.services.common.changes import Area, Changes, Outcome
from rte_desktop.services.common.phone_devices import (
    DeviceCount as DeviceCount,
    check_device as check_device,
)
from rte_desktop.services.vote.vote_values import (
    check_eligible,
    clean_text,
    default_eligible,
    scope_rounds,
    utc_now,
)

if TYPE_CHECKING:
    from rte_desktop.services.common.context import ServiceContext
    from rte_desktop.storage.unit_of_work import UnitOfWork

VOTES = Changes.of(Area.VOTES)
CONCERN_VALUES = (1, 2)  # a concern typed with any other vote is not kept


class PhoneRoundClosedError(ValidationError):
    """The round no longer takes ballots (closed here, or by another client)."""


@dataclass(frozen=True)
class PhoneVote:
    """An open (or just closed) phone round with what its page and the panel show."""

    phone_round: PhoneRound
    round: VoteRound
    scope: str  # the team's name, or "Whole ART (<name>)"
    art: str
    pi: str

    @property
    def id(self) -> int:
        """The phone round's id."""
        return self.phone_round.id or 0

    @property
    def is_open(self) -> bool:
        """True while phones may vote (the phone round and its confidence round are open)."""
        return self.phone_round.is_open and self.round.is_open


class PhoneVoteService:
    """The confidence vote's phone rounds (see the module docstring)."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    # -- rounds ---------------------------------------------------------------------------------

    def open(
        self,
        pi_id: int,
        team_id: int | None,
        mode: VoteMode = VoteMode.TALLY,
        eligible: int | None = None,
    ) -> Outcome[PhoneVote]:
        """Let phones vote in the scope's open round (a closed latest round gets a re-vote).

        Without any round yet, round 1 is opened (``mode``, ``eligible`` as given or the team
        size). A phone round already there for that confidence round is taken again, with its
        salt, so devices that voted before still replace their ballot.

        Raises:
            ValidationError: the PI or team does not exist, or bad ``eligible``.
        """
        now = utc_now(self._ctx)
        with self._ctx.uow() as uow:
            pi = uow.get(PlanningInterval, pi_id)
            if team_id is not None and uow.get(Team, team_id).art_id != pi.art_id:
                raise ValidationError("That team belongs to another ART.")
            rounds = scope_rounds(uow, pi_id, team_id)
            latest = rounds[-1] if rounds else None
            if latest is None or not latest.is_open:
                if eligible is None:
                    eligible = (
                        latest.eligible
                        if latest is not None
                        else default_eligible(uow, pi_id, team_id)
                    )
                latest = uow.add(
                    VoteRound(
                        pi_id=pi_id,
                        team_id=team_id,
                        round_no=latest.round_no + 1 if latest else 1,
                        previous_id=latest.id if latest else None,
                        eligible=check_eligible(eligible),
                        mode=latest.mode if latest else mode,
                        revealed=(latest.mode if latest else mode) is not VoteMode.HIDDEN,
                        opened_at=now,
                    )
                )
            found = uow.find(PhoneRound, vote_round_id=latest.id)
            if found:
                phone = found[0]
                if not phone.is_open:
                    phone = uow.patch(PhoneRound, phone.id or 0, is_open=True, closed_at=None)
            else:
                phone = uow.add(
                    PhoneRound(
                        kind=PhoneBallotKind.CONFIDENCE,
                        vote_round_id=latest.id,
                        salt=secrets.token_hex(16),
                        opened_at=now,
                    )
                )
            vote = self._vote(uow, phone)
        return Outcome(vote, self._ctx.publish(VOTES))

    def find_open(self, pi_id: int, team_id: int | None) -> PhoneVote | None:
        """The scope's open phone round (its latest confidence round is open), if any."""
        with self._ctx.uow(read_only=True) as uow:
            rounds = scope_rounds(uow, pi_id, team_id)
            if not rounds or not rounds[-1].is_open:
                return None
            found = uow.find(PhoneRound, vote_round_id=rounds[-1].id, is_open=True)
            return self._vote(uow, found[0]) if found else None

    def get(self, phone_round_id: int) -> PhoneVote:
        """A phone round as it is now."""
        with self._ctx.uow(read_only=True) as uow:
            return self._vote(uow, uow.get(PhoneRound, phone_round_id))

    def is_open(self, phone_round_id: int) -> bool:
        """True while phones may vote; False once closed here or by another client (or gone)."""
        with self._ctx.uow(read_only=True) as uow:
            phone = uow.find(PhoneRound, id=phone_round_id)
            if not phone or not phone[0].is_open or phone[0].vote_round_id is None:
                return False
            vote = uow.find(VoteRound, id=phone[0].vote_round_id)
            return bool(vote) and vote[0].is_open

    def close(self, phone_round_id: int) -> Outcome[PhoneVote]:
        """Stop the phones and close the confidence round (its ballots stay its tally)."""
        now = utc_now(self._ctx)
        with self._ctx.uow() as uow:
            phone = uow.get(PhoneRound, phone_round_id)
            if phone.is_open:
                phone = uow.patch(PhoneRound, phone_round_id, is_open=False, closed_at=now)
            if phone.vote_round_id is not None:
                vote = uow.get(VoteRound, phone.vote_round_id)
                if vote.is_open:
                    uow.patch(VoteRound, vote.id or 0, is_open=False, closed_at=now)
            result = self._vote(uow, phone)
        return Outcome(result, self._ctx.publish(VOTES))

    # -- ballots --------------------------------------------------------------------------------

    def cast(
        self, phone_round_id: int, device: str, value: int, concern: str = ""
    ) -> Outcome[Ballot]:
        """Record a device's vote (1..5), replacing its earlier one in this round.

        ``concern`` (optional) is kept with a 1 or 2 only, as one of the round's concerns; a
        device that sends a concern again changes its own (unless it became a risk).

        Raises:
            PhoneRoundClosedError: the round is closed.
            ValidationError: value outside 1..5, a bad device key, or a concern too long.
        """
        check_value(value)
        check_device(device)
        text = clean_text(concern, "The concern", required=False)
        now = utc_now(self._ctx)
        with self._ctx.uow() as uow:
            # FOR UPDATE (PostgreSQL): one ballot of a round at a time, so a double tap of one
            # phone replaces instead of racing to two rows (SQLite's writers queue anyway).
            phone = uow.get(PhoneRound, phone_round_id, for_update=True)
            vote = uow.get(VoteRound, phone.vote_round_id) if phone.vote_round_id else None
            if vote is None or not phone.is_open or not vote.is_open:
                raise PhoneRoundClosedError("This vote is closed.")
            mine = uow.find(PhoneBallot, phone_round_id=phone_round_id, device=device)
            if mine and mine[0].ballot_id is not None:
                ballot = uow.patch(Ballot, mine[0].ballot_id, value=value, cast_at=now)
                uow.patch(PhoneBallot, mine[0].id or 0, cast_at=now)
            else:
                ballot = uow.add(Ballot(round_id=vote.id or 0, value=value, cast_at=now))
                if mine:
                    uow.patch(PhoneBallot, mine[0].id or 0, ballot_id=ballot.id, cast_at=now)
                else:
                    uow.add(
                        PhoneBallot(
                            phone_round_id=phone_round_id,
                            device=device,
                            ballot_id=ballot.id,
                            cast_at=now,
                        )
                    )
            if text and value in CONCERN_VALUES:
                said = [
                    c
                    for c in uow.find(Concern, ballot_id=ballot.id, order_by=["id"])
                    if c.risk_id is None
                ]
                if said:
                    uow.patch(Concern, said[-1].id or 0, text=text)
                else:
                    uow.add(Concern(round_id=vote.id or 0, ballot_id=ballot.id, text=text))
        return Outcome(ballot, self._ctx.publish(VOTES))

    def device_vote(self, phone_round_id: int, device: str) -> int | None:
        """The value this device voted in the round, or None (not yet, or taken back)."""
        with self._ctx.uow(read_only=True) as uow:
            mine = uow.find(PhoneBallot, phone_round_id=phone_round_id, device=device)
            if not mine or mine[0].ballot_id is None:
                return None
            found = uow.find(Ballot, id=mine[0].ballot_id)
            return found[0].value if found else None

    def count(self, phone_round_id: int) -> DeviceCount:
        """Devices that voted (and still have a ballot) against the round's eligible voters."""
        with self._ctx.uow(read_only=True) as uow:
            phone = uow.get(PhoneRound, phone_round_id)
            eligible = (
                uow.get(VoteRound, phone.vote_round_id).eligible if phone.vote_round_id else 0
            )
            devices = sum(
                1
                for b in uow.find(PhoneBallot, phone_round_id=phone_round_id)
                if b.ballot_id is not None
            )
        return DeviceCount(devices, eligible)

    # -- helpers --------------------------------------------------------------------------------

    @staticmethod
    def _vote(uow: UnitOfWork, phone: PhoneRound) -> PhoneVote:
        if phone.vote_round_id is None:
            raise ValidationError("That phone round is not a confidence vote.")
        vote = uow.get(VoteRound, phone.vote_round_id)
        pi = uow.get(PlanningInterval, vote.pi_id)
        art = uow.get(Art, pi.art_id)
        scope = (
            uow.get(Team, vote.team_id).name
            if vote.team_id is not None
            else f"Whole ART ({art.name})"
        )
        return PhoneVote(phone, vote, scope, art.name, pi.name)

"""What the vote service returns, the checks it applies, and its small storage helpers.

Kept apart from ``votes.py`` so the use cases read on one screen; everything here is used by
``VoteService`` and by the code that shows its results.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rte_desktop.domain.confidence import VoteStats
from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.model import (
    Art,
    Ballot,
    Concern,
    PlanningInterval,
    RoamStatus,
    Team,
    VoteMode,
    VoteRound,
)

if TYPE_CHECKING:
    from rte_desktop.services.common.context import ServiceContext
    from rte_desktop.storage.unit_of_work import UnitOfWork

MAX_ELIGIBLE = 10_000
MAX_TEXT = 2_000


@dataclass(frozen=True)
class RoundView:
    """One round with everything a display needs (read in one transaction)."""

    round: VoteRound
    stats: VoteStats
    ballots: list[Ballot]
    concerns: list[Concern]
    history: list[VoteRound]  # every round of the same scope, oldest first
    risk_status: dict[int, RoamStatus]  # ROAM status of each concern's risk, by risk id

    @property
    def hidden(self) -> bool:
        """True while the counts must not be shown anywhere (hidden mode, not revealed)."""
        return self.round.mode is VoteMode.HIDDEN and not self.round.revealed

    @property
    def is_latest(self) -> bool:
        return self.history[-1].id == self.round.id


@dataclass(frozen=True)
class ScopeSummary:
    """A team (or the ART, ``team_id`` None) with its rounds in this PI, oldest first."""

    team_id: int | None
    name: str
    eligible: int
    rounds: list[tuple[VoteRound, VoteStats]]
    concerns: int = 0  # over every round of the scope
    risks: int = 0  # concerns that became risks

    @property
    def latest(self) -> tuple[VoteRound, VoteStats] | None:
        return self.rounds[-1] if self.rounds else None


@dataclass(frozen=True)
class TrendPoint:
    """The ART round of one PI (the latest one), for the chart across PIs."""

    pi_name: str
    stats: VoteStats | None  # None: no ART vote in that PI, or still hidden
    rounds: int


def utc_now(ctx: ServiceContext) -> dt.datetime:
    """The workspace clock as naive UTC (how timestamps are stored)."""
    return ctx.clock.now().astimezone(dt.UTC).replace(tzinfo=None)


def check_eligible(eligible: int) -> int:
    if not 0 <= eligible <= MAX_ELIGIBLE:
        raise ValidationError(
            f"Eligible voters must be between 0 and {MAX_ELIGIBLE}, not {eligible}."
        )
    return eligible


def check_threshold(threshold: float) -> float:
    if not 1.0 <= threshold <= 5.0:
        raise ValidationError(f"The pass threshold must be between 1.00 and 5.00, not {threshold}.")
    return round(threshold, 2)


def clean_text(text: str, what: str, required: bool = True) -> str:
    cleaned = text.strip()
    if required and not cleaned:
        raise ValidationError(f"{what} must not be empty.")
    if len(cleaned) > MAX_TEXT:
        raise ValidationError(f"{what} is {len(cleaned)} characters long; the limit is {MAX_TEXT}.")
    return cleaned


def art_of(uow: UnitOfWork, pi_id: int) -> Art:
    return uow.get(Art, uow.get(PlanningInterval, pi_id).art_id)


def scope_rounds(uow: UnitOfWork, pi_id: int, team_id: int | None) -> list[VoteRound]:
    return uow.find(VoteRound, pi_id=pi_id, team_id=team_id, order_by=["round_no", "opened_at"])


def default_eligible(uow: UnitOfWork, pi_id: int, team_id: int | None) -> int:
    if team_id is not None:
        return uow.get(Team, team_id).size
    return sum(t.size for t in uow.find(Team, art_id=art_of(uow, pi_id).id))


def open_round(uow: UnitOfWork, round_id: int) -> VoteRound:
    vote = uow.get(VoteRound, round_id)
    if not vote.is_open:
        raise ValidationError(
            f"Round {vote.round_no} is closed; reopen it (or start a re-vote) to take ballots."
        )
    return vote


def is_hidden(vote: VoteRound) -> bool:
    return vote.mode is VoteMode.HIDDEN and not vote.revealed

"""Concerns from the confidence vote become unROAMed risks (and the undo of that).

Runs inside the caller's unit of work so the risk, its first status entry and the concern's link
are written together or not at all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.model import (
    Ballot,
    Concern,
    Risk,
    RiskSource,
    RiskStatusChange,
    RoamStatus,
    Team,
    VoteRound,
)

if TYPE_CHECKING:
    from rte_desktop.storage.unit_of_work import UnitOfWork

TITLE_LIMIT = 120


@dataclass(frozen=True)
class ConcernRisk:
    """A risk made from a concern as ``remove_risk`` took it away; ``restore_risk`` puts it back."""

    concern_id: int
    risk: Risk
    history: list[RiskStatusChange]


def risk_title(text: str) -> str:
    """The concern's first line, shortened to fit a risk card."""
    first = " ".join(text.strip().splitlines()[0].split()) if text.strip() else ""
    if len(first) <= TITLE_LIMIT:
        return first
    return first[: TITLE_LIMIT - 1].rstrip() + "…"


def create_risk(uow: UnitOfWork, concern_id: int, now: dt.datetime) -> Concern:
    """Add an unROAMed risk (source: vote concern) for ``concern_id`` and link it."""
    concern = uow.get(Concern, concern_id)
    if concern.risk_id is not None:
        raise ValidationError("This concern is already a risk on the Risks board.")
    vote = uow.get(VoteRound, concern.round_id)
    scope = uow.get(Team, vote.team_id).name if vote.team_id is not None else "the whole ART"
    origin = f"Raised in the confidence vote of {scope}, round {vote.round_no}"
    if concern.ballot_id is not None:
        ballot = uow.get(Ballot, concern.ballot_id)
        voter = f" by {ballot.voter}" if ballot.voter else ""
        origin += f" (a vote of {ballot.value}{voter})"
    risk = uow.add(
        Risk(
            pi_id=vote.pi_id,
            team_id=vote.team_id,
            title=risk_title(concern.text),
            description=f"{concern.text}\n\n{origin}.",
            status=RoamStatus.UNROAMED,
            source=RiskSource.VOTE_CONCERN,
            created_at=now,
            position=uow.count(Risk, pi_id=vote.pi_id),
        )
    )
    assert risk.id is not None
    uow.add(RiskStatusChange(risk_id=risk.id, to_status=RoamStatus.UNROAMED, at=now))
    return uow.patch(Concern, concern_id, risk_id=risk.id)


def remove_risk(uow: UnitOfWork, concern_id: int) -> ConcernRisk:
    """Delete the risk made from ``concern_id`` and clear the link; returns what was removed.

    Raises:
        ValidationError: the concern has no risk, or the risk was ROAMed since.
    """
    concern = uow.get(Concern, concern_id)
    if concern.risk_id is None:
        raise ValidationError("This concern is not a risk.")
    risk = uow.get(Risk, concern.risk_id)
    if risk.status is not RoamStatus.UNROAMED:
        raise ValidationError(
            f"The risk '{risk.title}' was already ROAMed ({risk.status.value}); it stays."
        )
    history = uow.find(RiskStatusChange, risk_id=risk.id, order_by=["id"])
    uow.delete(Risk, risk.id or 0)  # its status history goes with it (ON DELETE CASCADE)
    uow.patch(Concern, concern_id, risk_id=None)
    return ConcernRisk(concern_id, risk, history)


def restore_risk(uow: UnitOfWork, kept: ConcernRisk) -> Concern:
    """Put a removed risk back with its ids (risk and status history) and link it again.

    Raises:
        ValidationError: the concern became a risk again meanwhile.
    """
    if uow.get(Concern, kept.concern_id).risk_id is not None:
        raise ValidationError("This concern is already a risk on the Risks board.")
    risk = uow.add(kept.risk)
    for change in kept.history:
        uow.add(change)
    return uow.patch(Concern, kept.concern_id, risk_id=risk.id)

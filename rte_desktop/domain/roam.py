"""ROAM rules for ART PI risks (DOMAIN.md §4): columns, owners, scores and filtering."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace
from enum import StrEnum

from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.model import Risk, RiskSource, RoamStatus
from rte_desktop.domain.train import clean_name

# Board columns, left to right: the new risks first, then R, O, A, M as in the acronym.
COLUMNS: tuple[RoamStatus, ...] = (
    RoamStatus.UNROAMED,
    RoamStatus.RESOLVED,
    RoamStatus.OWNED,
    RoamStatus.ACCEPTED,
    RoamStatus.MITIGATED,
)

# SAFe: a named person follows an Owned risk; a Mitigated risk has someone carrying the plan.
NEEDS_OWNER: frozenset[RoamStatus] = frozenset({RoamStatus.OWNED, RoamStatus.MITIGATED})

STATUS_TITLE: dict[RoamStatus, str] = {
    RoamStatus.UNROAMED: "Unroamed",
    RoamStatus.RESOLVED: "Resolved",
    RoamStatus.OWNED: "Owned",
    RoamStatus.ACCEPTED: "Accepted",
    RoamStatus.MITIGATED: "Mitigated",
}

SOURCE_TITLE: dict[RiskSource, str] = {
    RiskSource.PI_PLANNING: "PI Planning",
    RiskSource.ART_SYNC: "ART Sync",
    RiskSource.VOTE_CONCERN: "Vote concern",
    RiskSource.OTHER: "Other",
}

# One key per column for moving a risk from the keyboard (U, R, O, A, M).
STATUS_KEYS: dict[str, RoamStatus] = {
    "U": RoamStatus.UNROAMED,
    "R": RoamStatus.RESOLVED,
    "O": RoamStatus.OWNED,
    "A": RoamStatus.ACCEPTED,
    "M": RoamStatus.MITIGATED,
}

SCALE = range(1, 6)


class Severity(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


def severity(score: int) -> Severity:
    """Band of a likelihood x impact score (1-25): low up to 4, high from 15, medium between."""
    if score >= 15:
        return Severity.HIGH
    if score >= 5:
        return Severity.MEDIUM
    return Severity.LOW


def owner_required_message(status: RoamStatus) -> str:
    return f"A risk moved to {STATUS_TITLE[status]} needs an owner: name who follows it up."


def check_risk(risk: Risk) -> Risk:
    """Return ``risk`` with a clean title and owner, or raise ValidationError saying what is wrong.

    Raises:
        ValidationError: empty title, likelihood or impact outside 1-5, or no owner for an
            Owned or Mitigated risk.
    """
    title = clean_name(risk.title, "The risk's title")
    for name, value in (("Likelihood", risk.likelihood), ("Impact", risk.impact)):
        if value not in SCALE:
            raise ValidationError(f"{name} must be 1 to 5, not {value}.")
    owner = " ".join(risk.owner.split())
    if risk.status in NEEDS_OWNER and not owner:
        raise ValidationError(owner_required_message(risk.status))
    if len(owner) > 200:
        raise ValidationError(f"The owner is {len(owner)} characters long; the limit is 200.")
    return replace(risk, title=title, owner=owner)


def neighbour(status: RoamStatus, step: int) -> RoamStatus:
    """The column ``step`` places to the right (negative: left), stopping at the ends."""
    index = COLUMNS.index(status) + step
    return COLUMNS[max(0, min(len(COLUMNS) - 1, index))]


def matches(
    risk: Risk, team_id: int | None, text: str, team_names: Mapping[int, str] | None = None
) -> bool:
    """True when ``risk`` passes the board's filters.

    Args:
        risk: the risk.
        team_id: only this team's risks (None: every team).
        text: words that must all appear in the title, description, owner, mitigation or team
            name (case-insensitive; empty: no text filter).
        team_names: team names by id, so a team's name can be searched too.
    """
    if team_id is not None and risk.team_id != team_id:
        return False
    words = text.casefold().split()
    if not words:
        return True
    team = (team_names or {}).get(risk.team_id or -1, "")
    haystack = " ".join(
        (risk.title, risk.description, risk.owner, risk.mitigation, team)
    ).casefold()
    return all(word in haystack for word in words)


def due_state(risk: Risk, today: dt.date) -> str:
    """The due date's state in words: overdue, due soon (7 days), due, or "" without a date."""
    if risk.due is None:
        return ""
    if risk.status is not RoamStatus.RESOLVED and risk.due < today:
        return "overdue"
    if risk.status is not RoamStatus.RESOLVED and risk.due <= today + dt.timedelta(days=7):
        return "due soon"
    return "due"

"""Adding a feature to a PI's ART backlog: shared by the backlog and the System Demo (feedback).

The ART Planning Board adds features its own way (with a team and an iteration); here a new
feature enters the backlog's funnel, last in the backlog's order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.kinds import BacklogState, WorkKind
from rte_desktop.domain.model import Feature
from rte_desktop.domain.train import clean_name

if TYPE_CHECKING:
    from rte_desktop.storage.unit_of_work import UnitOfWork


def clean_key(key: str) -> str:
    """A feature key: one word of at most 64 characters (empty is allowed)."""
    key = key.strip()
    if len(key) > 64 or any(ch.isspace() for ch in key):
        raise ValidationError(f"A feature key is one word of at most 64 characters, not '{key}'.")
    return key


def next_key(uow: UnitOfWork, pi_id: int, prefix: str) -> str:
    """The first free ``PREFIX-n`` key of the PI (keys compare case-insensitively)."""
    used = {f.key.casefold() for f in uow.find(Feature, pi_id=pi_id)}
    number = 1
    while f"{prefix}-{number}".casefold() in used:
        number += 1
    return f"{prefix}-{number}"


def add_backlog_feature(
    uow: UnitOfWork,
    pi_id: int,
    title: str,
    *,
    key: str = "",
    kind: WorkKind = WorkKind.FEATURE,
    epic: str = "",
    acceptance_criteria: str = "",
) -> Feature:
    """Store a new funnel feature of the PI, last in the backlog's order.

    Raises:
        ValidationError: an empty or too long title, a bad key, or a key already used in the PI.
    """
    name = clean_name(title, "The feature's title")
    key = clean_key(key)
    features = uow.find(Feature, pi_id=pi_id)
    if key and any(f.key.casefold() == key.casefold() for f in features):
        raise ValidationError(f"Key {key} is already used in this PI.")
    return uow.add(
        Feature(
            pi_id=pi_id,
            key=key,
            title=name,
            kind=kind,
            state=BacklogState.FUNNEL,
            position=max((f.position for f in features), default=-1) + 1,
            backlog_position=max((f.backlog_position for f in features), default=-1) + 1,
            epic=" ".join(epic.split()),
            acceptance_criteria=acceptance_criteria.strip(),
        )
    )

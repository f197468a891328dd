"""Aggregate queries that would otherwise load thousands of rows (portable SQL, no SQLite-isms).

SQLAlchemy is imported when a query runs, after its unit of work gave its session: services
import this module freely, and one asking before start-up's early reads end waits
(``StillOpeningError``) without loading SQLAlchemy first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rte_desktop.storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class BvTotals:
    """One team's business value in one PI, summed the way DOMAIN.md's formula needs."""

    pi_id: int
    team_id: int
    planned_committed: int
    actual: int
    objectives: int
    scored: int  # objectives with an actual value


def business_value_totals(uow: UnitOfWork, pi_ids: Sequence[int]) -> list[BvTotals]:
    """Per PI and team: committed planned BV, actual BV of all objectives, counts."""
    session = uow.session
    from sqlalchemy import case, func, select

    from rte_desktop.storage.orm import ObjectiveRecord as o  # noqa: N813

    stmt = (
        select(
            o.pi_id,
            o.team_id,
            func.sum(case((o.committed, func.coalesce(o.planned_bv, 0)), else_=0)),
            func.sum(func.coalesce(o.actual_bv, 0)),
            func.count(o.id),
            func.count(o.actual_bv),
        )
        .where(o.pi_id.in_(list(pi_ids)))
        .group_by(o.pi_id, o.team_id)
    )
    return [
        BvTotals(int(a), int(b), int(c or 0), int(d or 0), int(e), int(f))
        for a, b, c, d, e, f in session.execute(stmt)
    ]


def ballot_values(uow: UnitOfWork, round_ids: Sequence[int]) -> dict[int, list[int]]:
    """Each round's ballot values, counted in SQL (a trend over years reads thousands)."""
    session = uow.session
    from sqlalchemy import func, select

    from rte_desktop.storage.orm import BallotRecord as b  # noqa: N813

    stmt = (
        select(b.round_id, b.value, func.count(b.id))
        .where(b.round_id.in_(list(round_ids)))
        .group_by(b.round_id, b.value)
    )
    values: dict[int, list[int]] = {}
    for round_id, value, count in session.execute(stmt):
        values.setdefault(int(round_id), []).extend([int(value)] * int(count))
    return values

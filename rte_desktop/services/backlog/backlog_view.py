"""What the backlog service reads out: the ranked rows of a PI's backlog and their context."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from rte_desktop.domain import backlog as rules
from rte_desktop.domain.errors import NotFoundError
from rte_desktop.domain.kinds import WsjfColumn
from rte_desktop.domain.model import Art, DorItem, Feature, Iteration, PlanningInterval, WsjfSession
from rte_desktop.domain.wsjf import Estimate


def estimate_of(feature: Feature) -> Estimate:
    return Estimate(
        business_value=feature.business_value,
        time_criticality=feature.time_criticality,
        risk_reduction=feature.risk_reduction,
        job_size=feature.job_size,
    )


def name_of(feature: Feature) -> str:
    return feature.key or f"'{feature.title}'"


@dataclass(frozen=True)
class BacklogRow:
    """One feature in backlog order; ``rank`` is shared by ties (``tied``)."""

    feature: Feature
    rank: int | None
    wsjf: Fraction | None
    tied: bool
    met: frozenset[int]  # ids of the Definition of Ready items it meets
    team: str  # the board's team, if any

    @property
    def cost_of_delay(self) -> int | None:
        return estimate_of(self.feature).cost_of_delay


@dataclass(frozen=True)
class BacklogView:
    """A PI's backlog: ranked backlog rows, then planned and done; the ART's DoR; readiness."""

    art: Art
    pi: PlanningInterval
    rows: list[BacklogRow]  # the backlog (funnel, analysing, ready) by WSJF
    later: list[BacklogRow]  # planned and done, in backlog order
    definition: list[DorItem]
    readiness: rules.Readiness
    session: WsjfSession | None  # the latest WSJF session
    missing_ones: list[WsjfColumn]  # columns whose smallest estimate is not 1
    iterations: dict[int, Iteration]

    def row(self, feature_id: int) -> BacklogRow:
        for row in self.rows + self.later:
            if row.feature.id == feature_id:
                return row
        raise NotFoundError(f"Feature {feature_id} is not in this PI.")

"""What predictability looks like for one PI: every team's line and the ART's measure."""

from __future__ import annotations

from dataclasses import dataclass

from rte_desktop.domain.model import PlanningInterval, Team
from rte_desktop.domain.predictability import Performance


@dataclass(frozen=True)
class TeamLine:
    """One team's PI performance."""

    team: Team
    performance: Performance
    objectives: int
    scored: bool  # any actual business value entered for this team


@dataclass(frozen=True)
class PiPredictability:
    """Every team's performance in one PI and the ART measure (ratio of sums)."""

    pi: PlanningInterval
    teams: list[TeamLine]
    art: Performance
    assessed: bool  # any actual business value entered in this PI

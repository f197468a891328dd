"""What the planning board shows for one PI: the ``BoardData`` snapshot and its naming helpers.

Plain data read by ``services.board.BoardService``, drawn by the board panel and the poster.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rte_desktop.domain import dependency_health as dh
from rte_desktop.domain.model import (
    Art,
    Dependency,
    Feature,
    Iteration,
    Milestone,
    PlanningInterval,
    Team,
)


@dataclass(frozen=True)
class BoardData:
    """Everything the board shows for one PI."""

    art: Art
    pi: PlanningInterval
    teams: list[Team]
    iterations: list[Iteration]  # this PI's, by date
    features: list[Feature]  # this PI's
    milestones: list[Milestone]  # this PI's
    dependencies: list[Dependency]  # every dependency touching this PI's features or milestones
    healths: dict[int, dh.DependencyHealth]  # by dependency id
    other_features: dict[int, Feature] = field(default_factory=dict)  # ends in other PIs
    all_iterations: dict[int, Iteration] = field(default_factory=dict)  # the ART's, by id

    @property
    def problems(self) -> list[dh.DependencyHealth]:
        return dh.problems(self.healths.values())

    def feature(self, feature_id: int) -> Feature | None:
        for feature in self.features:
            if feature.id == feature_id:
                return feature
        return self.other_features.get(feature_id)

    def milestone(self, milestone_id: int) -> Milestone | None:
        return next((m for m in self.milestones if m.id == milestone_id), None)

    def iteration_name(self, iteration_id: int | None) -> str:
        """Short name (I3) in this PI, the full name in another PI, "unplanned" for none."""
        if iteration_id is None or iteration_id not in self.all_iterations:
            return "unplanned"
        iteration = self.all_iterations[iteration_id]
        if iteration.pi_id == self.pi.id:
            return short_iteration_name(iteration, self.pi.name)
        return iteration.name

    def team_name(self, team_id: int | None) -> str:
        return next((t.name for t in self.teams if t.id == team_id), "no team")

    def feature_label(self, feature_id: int) -> str:
        feature = self.feature(feature_id)
        if feature is None:
            return f"feature {feature_id}"
        return f"{feature.key} {feature.title}".strip()

    def describe(self, health: dh.DependencyHealth) -> str:
        """One line for the problem list: what, who provides, who needs it and when."""
        dep = health.dependency
        provider = self.feature(dep.provider_id)
        provider_at = self.iteration_name(provider.iteration_id if provider else None)
        if dep.consumer_milestone_id is not None:
            milestone = self.milestone(dep.consumer_milestone_id)
            consumer = f"milestone {milestone.title}" if milestone else "a milestone"
        else:
            consumer = self.feature_label(dep.consumer_feature_id or 0)
        need = "no date"
        if health.need_span is not None:
            need = f"{health.need_span.start:%d %b}"
            for iteration in self.all_iterations.values():
                if (iteration.start, iteration.end) == (
                    health.need_span.start,
                    health.need_span.end,
                ):
                    need = self.iteration_name(iteration.id)
        return (
            f"{health.label}: {self.feature_label(dep.provider_id)} "
            f"({self.team_name(provider.team_id if provider else None)}, {provider_at}) "
            f"→ {consumer}, needed by {need}"
        )


def short_iteration_name(iteration: Iteration, pi_name: str) -> str:
    """The iteration's name without its PI's ("I3" from "PI 2026.2 I3")."""
    name = iteration.name
    if name.casefold().startswith(pi_name.casefold()) and len(name) > len(pi_name):
        return name[len(pi_name) :].strip() or name
    return name

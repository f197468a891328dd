"""Inspect & Adapt beside the workshop: the PI's measurement, and the workshop report.

The measurement (I&A part 2) is the PI's predictability per team and for the ART
(``domain/predictability``) and the latest ART confidence vote (``domain/confidence``).
The report prints each workshop: problem statement, fishbone and Pareto chart as vector
graphics, the vote table, restated problem, solutions and improvement items.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rte_desktop.domain.confidence import VoteStats, vote_stats
from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.fishbone import build_tree
from rte_desktop.domain.model import (
    Art,
    Ballot,
    Bone,
    ImprovementItem,
    Objective,
    PlanningInterval,
    Solution,
    Team,
    VoteRound,
    Workshop,
)
from rte_desktop.domain.pareto import Category, DotBudget, pareto
from rte_desktop.domain.predictability import (
    Performance,
    art_predictability,
    has_actuals,
    team_performance,
)
from rte_desktop.services.common.files import write_atomically
from rte_desktop.services.workshop.workshop import counted_causes

if TYPE_CHECKING:
    from rte_desktop.reports.workshop_report import WorkshopSection
    from rte_desktop.services.common.context import ServiceContext
    from rte_desktop.storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class TeamResult:
    team: Team
    performance: Performance


@dataclass(frozen=True)
class Measurement:
    """What I&A part 2 shows for a PI."""

    pi: PlanningInterval
    teams: list[TeamResult]
    art: Performance
    assessed: bool  # some actual business value has been scored
    vote: VoteStats | None  # the latest ART confidence vote of the PI
    vote_round: VoteRound | None


class InspectAdaptService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def measurement(self, pi_id: int) -> Measurement:
        """Predictability per team and for the ART, and the latest ART vote, for one PI."""
        with self._ctx.uow() as uow:
            pi = uow.get(PlanningInterval, pi_id)
            art = uow.get(Art, pi.art_id)
            objectives = uow.find(Objective, pi_id=pi_id)
            teams = [
                TeamResult(team, team_performance(o for o in objectives if o.team_id == team.id))
                for team in uow.find(Team, art_id=art.id)
            ]
            rounds = uow.find(VoteRound, pi_id=pi_id, team_id=None)
            latest = max(rounds, key=lambda r: (r.round_no, r.opened_at, r.id or 0), default=None)
            stats = None
            if latest is not None:
                ballots = uow.find(Ballot, round_id=latest.id)
                stats = vote_stats((b.value for b in ballots), latest.eligible, art.vote_threshold)
        return Measurement(
            pi,
            teams,
            art_predictability([t.performance for t in teams]),
            has_actuals(objectives),
            stats,
            latest,
        )

    def sections(self, pi_id: int, workshop_ids: list[int] | None = None) -> list[WorkshopSection]:
        """The report's data for the PI's workshops (all of them, or the ones named)."""
        from rte_desktop.reports.workshop_report import WorkshopSection

        with self._ctx.uow() as uow:
            pi = uow.get(PlanningInterval, pi_id)
            shops = uow.find(Workshop, pi_id=pi_id, order_by=["id"])
            if workshop_ids is not None:
                shops = [s for s in shops if s.id in workshop_ids]
            if not shops:
                raise ValidationError(_no_workshop_message(uow, pi))
            pis = {p.id: p.name for p in uow.find(PlanningInterval, art_id=pi.art_id)}
            titles = {w.id: w.title for w in uow.find(Workshop, pi_id=pi_id)}
            art_name = uow.get(Art, pi.art_id).name
            sections = []
            for shop in shops:
                assert shop.id is not None
                causes = counted_causes(uow, shop.id)
                items = uow.find(ImprovementItem, workshop_id=shop.id)
                sections.append(
                    WorkshopSection(
                        workshop=shop,
                        pi_name=pi.name,
                        parent_title=titles.get(shop.parent_id, "") if shop.parent_id else "",
                        tree=build_tree(uow.find(Bone, workshop_id=shop.id), causes),
                        pareto=pareto(Category(c.text, c.votes, c.id) for c in causes),
                        budget=DotBudget(
                            shop.participants,
                            shop.dots_per_participant,
                            sum(c.votes for c in causes),
                        ),
                        solutions=uow.find(Solution, workshop_id=shop.id),
                        items=[
                            (item, pis.get(item.target_pi_id, "") if item.target_pi_id else "")
                            for item in items
                        ],
                        art_name=art_name,
                    )
                )
        return sections

    def workshop_pi(self, pi: PlanningInterval) -> PlanningInterval:
        """``pi`` if it has a workshop, else the latest earlier PI of its ART that has one.

        Right after a PI starts, the last I&A belongs to the PI before it.
        """
        with self._ctx.uow() as uow:
            if uow.count(Workshop, pi_id=pi.id):
                return pi
            earlier = [
                p
                for p in uow.find(PlanningInterval, art_id=pi.art_id, order_by=["start"])
                if p.start < pi.start and uow.count(Workshop, pi_id=p.id)
            ]
        return earlier[-1] if earlier else pi

    def render_report(
        self,
        path: Path,
        pi_id: int,
        workshop_ids: list[int] | None = None,
        paper: str = "a4",
    ) -> Path:
        """Write the workshop report PDF (every workshop of the PI, or the ones named)."""
        from rte_desktop.reports.workshop_report import render_workshop_report

        data = render_workshop_report(self.sections(pi_id, workshop_ids), paper=paper)
        return write_atomically(path, data)


def _no_workshop_message(uow: UnitOfWork, pi: PlanningInterval) -> str:
    others = [
        p.name
        for p in uow.find(PlanningInterval, art_id=pi.art_id, order_by=["start"])
        if p.id != pi.id and uow.count(Workshop, pi_id=p.id)
    ]
    hint = f" Workshops exist in: {', '.join(others)} (use --pi)." if others else ""
    return f"{pi.name} has no problem-solving workshop yet.{hint}"

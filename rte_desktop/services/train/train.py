"""The train itself: ARTs, teams, PIs and iterations, and the create-a-train wizard."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rte_desktop.domain import cadence
from rte_desktop.domain.backlog import DEFAULT_DEFINITION_OF_READY
from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.model import Art, DorItem, Iteration, PlanningInterval, Team
from rte_desktop.domain.train import clean_name, current_pi
from rte_desktop.services.common.changes import Area, Changes, Outcome
from rte_desktop.services.common.dates import art_today
from rte_desktop.services.common.pis import add_pi

if TYPE_CHECKING:
    from rte_desktop.services.common.context import ServiceContext


@dataclass(frozen=True)
class NewTrain:
    """What the "Create a train" wizard asks for."""

    name: str
    teams: list[str]
    first_pi_start: dt.date
    iteration_weeks: int = 2
    dev_iterations: int = 4
    ip_iteration: bool = True
    pi_count: int = 1
    time_zone: str = "UTC"


class TrainService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    # -- reading --------------------------------------------------------------------------------

    def arts(self) -> list[Art]:
        with self._ctx.uow() as uow:
            return uow.find(Art, order_by=["name"])

    def art(self, art_id: int) -> Art:
        with self._ctx.uow() as uow:
            return uow.get(Art, art_id)

    def teams(self, art_id: int) -> list[Team]:
        with self._ctx.uow() as uow:
            return uow.find(Team, art_id=art_id)

    def pis(self, art_id: int) -> list[PlanningInterval]:
        with self._ctx.uow() as uow:
            return uow.find(PlanningInterval, art_id=art_id, order_by=["start"])

    def pi(self, pi_id: int) -> PlanningInterval:
        with self._ctx.uow() as uow:
            return uow.get(PlanningInterval, pi_id)

    def iterations(self, pi_id: int) -> list[Iteration]:
        with self._ctx.uow() as uow:
            return uow.find(Iteration, pi_id=pi_id, order_by=["number"])

    def is_empty(self) -> bool:
        with self._ctx.uow() as uow:
            return uow.count(Art) == 0

    def today(self, art_id: int | None) -> dt.date:
        """Today's date in the ART's time zone (UTC when there is no ART or the zone is unknown)."""
        return art_today(self._ctx, art_id)

    def current_pi(self, art_id: int) -> PlanningInterval | None:
        """The PI containing today, else the next, else the latest (today in the ART's zone)."""
        return current_pi(self.pis(art_id), self.today(art_id))

    def find_pi(self, art_id: int | None, name: str | None) -> PlanningInterval | None:
        """A PI by name (any ART when ``art_id`` is None), or the current PI when no name is given.

        Raises:
            ValidationError: no PI has that name.
        """
        with self._ctx.uow() as uow:
            art_ids = [art_id] if art_id is not None else [a.id for a in uow.find(Art)]
            pis = uow.find(PlanningInterval, art_id=art_ids, order_by=["start"])
        if name is None:
            return current_pi(pis, self.today(art_ids[0] if art_ids else None))
        for pi in pis:
            if pi.name.casefold() == name.strip().casefold():
                return pi
        known = ", ".join(pi.name for pi in pis) or "none"
        raise ValidationError(f"No PI is named '{name}'. Known PIs: {known}.")

    # -- writing --------------------------------------------------------------------------------

    def create_train(self, spec: NewTrain) -> Outcome[Art]:
        """Create an ART with its teams and first PI(s)."""
        name = clean_name(spec.name, "ART name")
        if not spec.teams:
            raise ValidationError("A train needs at least one team.")
        plans = cadence.plan_pis(
            spec.first_pi_start,
            spec.iteration_weeks,
            spec.dev_iterations,
            spec.ip_iteration,
            spec.pi_count,
        )
        with self._ctx.uow() as uow:
            art = uow.add(
                Art(
                    name=name,
                    time_zone=spec.time_zone,
                    iteration_weeks=spec.iteration_weeks,
                    dev_iterations=spec.dev_iterations,
                    ip_iteration=spec.ip_iteration,
                )
            )
            assert art.id is not None
            for position, team in enumerate(spec.teams):
                uow.add(Team(art_id=art.id, name=clean_name(team, "Team name"), position=position))
            for position, text in enumerate(DEFAULT_DEFINITION_OF_READY):
                uow.add(DorItem(art_id=art.id, text=text, position=position))
            for plan in plans:
                add_pi(uow, art.id, plan)
        return Outcome(art, self._ctx.publish(Changes.of(Area.TRAIN)))

    def add_team(self, art_id: int, name: str, size: int = 8) -> Outcome[Team]:
        with self._ctx.uow() as uow:
            position = uow.count(Team, art_id=art_id)
            team = uow.add(
                Team(
                    art_id=art_id, name=clean_name(name, "Team name"), size=size, position=position
                )
            )
        return Outcome(team, self._ctx.publish(Changes.of(Area.TRAIN)))

    def rename_team(self, team_id: int, name: str) -> Outcome[Team]:
        """Rename a team; the name must be unique within its ART."""
        cleaned = clean_name(name, "Team name")
        with self._ctx.uow() as uow:
            team = uow.get(Team, team_id)
            for other in uow.find(Team, art_id=team.art_id):
                if other.id != team_id and other.name.casefold() == cleaned.casefold():
                    raise ValidationError(f"Another team is already named '{other.name}'.")
            team = uow.patch(Team, team_id, name=cleaned)
        return Outcome(team, self._ctx.publish(Changes.of(Area.TRAIN)))

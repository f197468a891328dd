"""PI objectives per PI and team: editing, ordering, moving, and predictability.

Every write validates first (a business value of 11 changes nothing), keeps positions dense
(0..n-1 per PI and team) and publishes ``Area.OBJECTIVES``. Import, the template and the PDF live
in ``services/objectives/objectives_io.py``; this service offers them as methods.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rte_desktop.domain.concurrency import check_fields_unchanged, check_unchanged
from rte_desktop.domain.errors import ConflictError, ValidationError
from rte_desktop.domain.model import Objective, PlanningInterval, Team
from rte_desktop.domain.objectives import check_bv, clean_text
from rte_desktop.domain.predictability import (
    art_predictability,
    has_actuals,
    performance,
    team_performance,
)
from rte_desktop.services.common.changes import Area, Changes, Outcome
from rte_desktop.services.common.seen import current
from rte_desktop.services.objectives.summary import PiPredictability, TeamLine

if TYPE_CHECKING:
    from rte_desktop.services.common.context import ServiceContext
    from rte_desktop.services.objectives.objectives_io import ImportResult
    from rte_desktop.storage.unit_of_work import UnitOfWork

EDITABLE = ("text", "committed", "planned_bv", "actual_bv", "notes")


def _validated(objective: Objective) -> Objective:
    return dataclasses.replace(
        objective,
        text=clean_text(objective.text),
        committed=bool(objective.committed),
        planned_bv=check_bv(objective.planned_bv, actual=False),
        actual_bv=check_bv(objective.actual_bv, actual=True),
        notes=objective.notes.strip(),
    )


def renumber(uow: UnitOfWork, pi_id: int, team_id: int, order: list[int] | None = None) -> None:
    """Make the positions of one team's objectives 0..n-1, in ``order`` (ids) if given."""
    items = uow.find(Objective, pi_id=pi_id, team_id=team_id)
    if order is not None:
        index = {id_: i for i, id_ in enumerate(order)}
        items.sort(key=lambda o: index.get(o.id or 0, len(index)))
    for position, item in enumerate(items):
        if item.position != position:
            uow.patch(Objective, item.id or 0, position=position)


class ObjectiveService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def _done(self, value: Any, *areas: Area) -> Outcome[Any]:
        return Outcome(value, self._ctx.publish(Changes.of(Area.OBJECTIVES, *areas)))

    # -- reading --------------------------------------------------------------------------------

    def objectives(self, pi_id: int, team_id: int | None = None) -> list[Objective]:
        """Objectives of a PI (one team's, or every team's in team order), by position."""
        with self._ctx.uow() as uow:
            if team_id is not None:
                return uow.find(Objective, pi_id=pi_id, team_id=team_id)
            pi = uow.get(PlanningInterval, pi_id)
            teams = uow.find(Team, art_id=pi.art_id)
            found = uow.find(Objective, pi_id=pi_id)
        rank = {t.id: i for i, t in enumerate(teams)}
        return sorted(found, key=lambda o: (rank.get(o.team_id, len(rank)), o.position))

    def get(self, objective_id: int) -> Objective:
        with self._ctx.uow() as uow:
            return uow.get(Objective, objective_id)

    def predictability(self, pi_id: int) -> PiPredictability:
        """Each team's PI performance and the ART predictability measure for one PI."""
        with self._ctx.uow() as uow:
            pi = uow.get(PlanningInterval, pi_id)
            teams = uow.find(Team, art_id=pi.art_id)
            objectives = uow.find(Objective, pi_id=pi_id)
        return _predictability(pi, teams, objectives)

    def history(self, art_id: int) -> list[PiPredictability]:
        """Predictability of every PI of the ART, oldest first (for the chart).

        Summed in the database: ten years of objectives are thousands of rows.
        """
        from rte_desktop.storage.queries import business_value_totals

        with self._ctx.uow() as uow:
            pis = uow.find(PlanningInterval, art_id=art_id, order_by=["start"])
            teams = uow.find(Team, art_id=art_id)
            totals = business_value_totals(uow, [p.id for p in pis if p.id is not None])
        by_key = {(t.pi_id, t.team_id): t for t in totals}
        result = []
        for pi in pis:
            lines = []
            for team in teams:
                got = by_key.get((pi.id or 0, team.id or 0))
                perf = performance(got.planned_committed, got.actual) if got else performance(0, 0)
                lines.append(
                    TeamLine(team, perf, got.objectives if got else 0, bool(got and got.scored))
                )
            result.append(
                PiPredictability(
                    pi=pi,
                    teams=lines,
                    art=art_predictability([line.performance for line in lines]),
                    assessed=any(line.scored for line in lines),
                )
            )
        return result

    # -- writing --------------------------------------------------------------------------------

    def add(
        self,
        pi_id: int,
        team_id: int,
        text: str,
        *,
        committed: bool = True,
        planned_bv: int | None = None,
        actual_bv: int | None = None,
        notes: str = "",
    ) -> Outcome[Objective]:
        """Append an objective to a team's list."""
        value = _validated(
            Objective(
                pi_id=pi_id,
                team_id=team_id,
                text=text,
                committed=committed,
                planned_bv=planned_bv,
                actual_bv=actual_bv,
                notes=notes,
            )
        )
        with self._ctx.uow() as uow:
            _check_team_in_pi_art(uow, pi_id, team_id)
            # Locked: two clients adding at once must not both take the next position.
            uow.get(Team, team_id, for_update=True)
            position = uow.count(Objective, pi_id=pi_id, team_id=team_id)
            stored = uow.add(dataclasses.replace(value, position=position))
        return self._done(stored)

    def update(
        self, objective_id: int, seen: Objective | None = None, **fields: Any
    ) -> Outcome[Objective]:
        """Change text, committed, planned_bv, actual_bv or notes.

        Args:
            objective_id: the objective.
            seen: the objective as the caller read it; when another client has changed one of
                the same fields since, the edit is refused (no lost update).
            **fields: the new values.

        Raises:
            ValidationError: an unknown field or a bad value (nothing is changed).
            ConflictError: another client changed one of these fields meanwhile.
        """
        unknown = sorted(set(fields) - set(EDITABLE))
        if unknown:
            raise ValidationError(f"Objectives have no field {', '.join(unknown)}.")
        with self._ctx.uow() as uow:
            what = f"the objective “{seen.text}”" if seen else f"objective {objective_id}"
            now = current(uow, Objective, objective_id, what)
            if seen is not None:
                check_fields_unchanged(seen, now, fields, what)
            stored = uow.update(_validated(dataclasses.replace(now, **fields)))
        return self._done(stored)

    def delete(self, objective_id: int, seen: Objective | None = None) -> Outcome[Objective]:
        """Delete an objective; returns it as it was (``restore`` puts it back).

        Raises:
            ConflictError: another client changed the objective since ``seen``; it stays.
            NotFoundError: it is already deleted; nothing changes.
        """
        with self._ctx.uow() as uow:
            what = f"the objective “{seen.text}”" if seen else f"objective {objective_id}"
            old = current(uow, Objective, objective_id, what)
            if seen is not None:
                check_unchanged(seen, old, what)
            uow.delete(Objective, objective_id)
            renumber(uow, old.pi_id, old.team_id)
        return self._done(old)

    def restore(self, objective: Objective) -> Outcome[Objective]:
        """Put a deleted objective back with its id, team and position (undo of delete)."""
        with self._ctx.uow() as uow:
            order = [
                o.id or 0
                for o in uow.find(Objective, pi_id=objective.pi_id, team_id=objective.team_id)
            ]
            stored = uow.add(objective)
            order.insert(min(objective.position, len(order)), stored.id or 0)
            renumber(uow, objective.pi_id, objective.team_id, order)
            stored = uow.get(Objective, stored.id or 0)
        return self._done(stored)

    def reorder(
        self, pi_id: int, team_id: int, order: list[int], seen: list[int] | None = None
    ) -> Outcome[list[int]]:
        """Put a team's objectives in the order of ``order`` (ids); returns the previous order.

        Args:
            pi_id: the PI.
            team_id: the team.
            order: the team's objective ids in their new order.
            seen: the order the caller showed: when another client has reordered, added or
                removed one of the team's objectives since, the new order is refused.

        Raises:
            ValidationError: ``order`` is not exactly that team's objectives.
            ConflictError: the stored order is no longer ``seen``.
        """
        with self._ctx.uow() as uow:
            # Locked: two clients reordering at once must not interleave their renumbering.
            uow.get(PlanningInterval, pi_id, for_update=True)
            before = [o.id or 0 for o in uow.find(Objective, pi_id=pi_id, team_id=team_id)]
            if seen is not None and before != seen and before != order:
                team = uow.get(Team, team_id).name
                raise ConflictError(
                    f"Another facilitator changed the order of {team}'s objectives since you "
                    "opened them (moved, added or removed one). Your move was not saved; the "
                    "panel shows their order now (reload): move it again if you still mean to.",
                    ("position",),
                )
            if sorted(before) != sorted(order):
                raise ValidationError("The new order must list each of the team's objectives once.")
            renumber(uow, pi_id, team_id, order)
        return self._done(before)

    def move(
        self, objective_id: int, offset: int, seen: list[int] | None = None
    ) -> Outcome[list[int]]:
        """Move an objective up (negative) or down within its team; returns the previous order.

        With ``seen`` (the team's order as the caller showed it) the move is made in that order
        and refused when another client has changed it since (ConflictError).
        """
        current = self.get(objective_id)
        ids = list(seen) if seen is not None else []
        if objective_id not in ids:
            ids = [o.id or 0 for o in self.objectives(current.pi_id, current.team_id)]
        index = ids.index(objective_id)
        target = max(0, min(len(ids) - 1, index + offset))
        ids.insert(target, ids.pop(index))
        return self.reorder(current.pi_id, current.team_id, ids, seen)

    def move_to_team(
        self,
        objective_id: int,
        team_id: int,
        position: int | None = None,
        seen: Objective | None = None,
    ) -> Outcome[Objective]:
        """Give an objective to another team of the same ART, at ``position`` (default: last).

        Returns the objective as it was before the move (so undo can move it back). With
        ``seen`` (the objective as the caller showed it), one another client has given to
        another team since is not moved again (ConflictError).
        """
        with self._ctx.uow() as uow:
            what = f"the objective “{seen.text}”" if seen else f"objective {objective_id}"
            old = current(uow, Objective, objective_id, what)
            if seen is not None:
                names = {t.id: t.name for t in uow.find(Team, id=[old.team_id, seen.team_id])}
                check_fields_unchanged(
                    seen,
                    old,
                    {"team_id": team_id},
                    what,
                    lambda field, value: names.get(value) if field == "team_id" else None,
                )
            _check_team_in_pi_art(uow, old.pi_id, team_id)
            order = [
                o.id or 0
                for o in uow.find(Objective, pi_id=old.pi_id, team_id=team_id)
                if o.id != objective_id
            ]
            order.insert(
                len(order) if position is None else min(position, len(order)), objective_id
            )
            uow.patch(Objective, objective_id, team_id=team_id)
            renumber(uow, old.pi_id, team_id, order)
            if old.team_id != team_id:
                renumber(uow, old.pi_id, old.team_id)
        return self._done(old)

    # -- files (services/objectives/objectives_io.py) ----------------------------------------

    def import_file(
        self, path: Path, pi_id: int, create_teams: bool = False
    ) -> Outcome[ImportResult]:
        """Import objectives from CSV or XLSX into a PI, all or nothing."""
        from rte_desktop.services.objectives.objectives_io import import_objectives

        result = import_objectives(self._ctx, Path(path), pi_id, create_teams)
        areas = (Area.TRAIN,) if result.created_teams else ()
        return self._done(result, *areas)

    def write_template(self, path: Path, art_id: int | None = None) -> Path:
        """Write the import template (CSV or XLSX by the file's suffix)."""
        from rte_desktop.services.objectives.objectives_io import write_template

        return write_template(self._ctx, Path(path), art_id)

    def render_pdf(self, pi_id: int, paper: str = "a4") -> bytes:
        """The PI objectives PDF (ART summary + one wall page per team) as bytes."""
        from rte_desktop.services.objectives.objectives_io import render_objectives_pdf

        return render_objectives_pdf(self._ctx, self.predictability(pi_id), paper)

    def export_pdf(self, pi_id: int, path: Path, paper: str = "a4") -> Path:
        """Write the PI objectives PDF atomically and return its path."""
        from rte_desktop.services.common.files import write_atomically

        return write_atomically(Path(path), self.render_pdf(pi_id, paper))


def _check_team_in_pi_art(uow: UnitOfWork, pi_id: int, team_id: int) -> None:
    pi = uow.get(PlanningInterval, pi_id)
    team = uow.get(Team, team_id)
    if team.art_id != pi.art_id:
        raise ValidationError(f"Team {team.name} belongs to another ART than {pi.name}.")


def _predictability(
    pi: PlanningInterval, teams: list[Team], objectives: list[Objective]
) -> PiPredictability:
    lines = []
    for team in teams:
        own = [o for o in objectives if o.team_id == team.id]
        lines.append(TeamLine(team, team_performance(own), len(own), has_actuals(own)))
    return PiPredictability(
        pi=pi,
        teams=lines,
        art=art_predictability([line.performance for line in lines]),
        assessed=has_actuals(objectives),
    )

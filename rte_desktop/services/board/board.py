"""The ART planning board of a PI: features by team and iteration, milestones, dependencies.

Reading returns a ``BoardData`` snapshot with every dependency's health already judged
(``domain.dependency_health``); writing places features, and adds or edits features, milestones
and dependencies. Import from CSV lives in ``services/board/feature_import.py``, the poster in
``services/board/board_poster.py``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rte_desktop.domain import dependency_health as dh
from rte_desktop.domain.backlog import state_after_placement
from rte_desktop.domain.concurrency import Describe, check_unchanged, merge_edit
from rte_desktop.domain.errors import ConflictError, ValidationError
from rte_desktop.domain.model import (
    Art,
    Dependency,
    Feature,
    Iteration,
    Milestone,
    PlanningInterval,
    Team,
    WorkKind,
)
from rte_desktop.domain.train import clean_name, local_date
from rte_desktop.services.board.board_data import BoardData
from rte_desktop.services.common.changes import Area, Changes, Outcome
from rte_desktop.services.common.seen import current

if TYPE_CHECKING:
    from rte_desktop.services.board.feature_import import ImportSummary
    from rte_desktop.services.common.context import ServiceContext
    from rte_desktop.storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class DeletedFeature:
    feature: Feature
    dependencies: tuple[Dependency, ...]


@dataclass(frozen=True)
class DeletedMilestone:
    milestone: Milestone
    dependencies: tuple[Dependency, ...]


class BoardService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def _done(self, value: object) -> Changes:
        return self._ctx.publish(Changes.of(Area.BOARD))

    # -- reading --------------------------------------------------------------------------------

    def board(self, pi_id: int) -> BoardData:
        """The PI's board with every dependency's health."""
        with self._ctx.uow() as uow:
            pi = uow.get(PlanningInterval, pi_id)
            art = uow.get(Art, pi.art_id)
            teams = uow.find(Team, art_id=art.id)
            pis = {p.id: p for p in uow.find(PlanningInterval, art_id=art.id)}
            all_iterations = {
                it.id: it for it in uow.find(Iteration, pi_id=list(pis)) if it.id is not None
            }
            features = uow.find(Feature, pi_id=pi_id)
            milestones = uow.find(Milestone, pi_id=pi_id, order_by=["day"])
            feature_ids = [f.id for f in features]
            milestone_ids = [m.id for m in milestones]
            deps = {
                d.id: d
                for d in uow.find(Dependency, provider_id=feature_ids)
                + uow.find(Dependency, consumer_feature_id=feature_ids)
                + uow.find(Dependency, consumer_milestone_id=milestone_ids)
            }
            dependencies = sorted(deps.values(), key=lambda d: d.id or 0)
            wanted = {d.provider_id for d in dependencies} | {
                d.consumer_feature_id for d in dependencies if d.consumer_feature_id
            }
            other_ids = wanted - set(feature_ids)
            others = {f.id: f for f in uow.find(Feature, id=list(other_ids)) if f.id is not None}
            other_milestones = [
                d.consumer_milestone_id
                for d in dependencies
                if d.consumer_milestone_id and d.consumer_milestone_id not in milestone_ids
            ]
            all_milestones = milestones + uow.find(Milestone, id=other_milestones)
        by_feature = {f.id: f for f in features if f.id is not None} | others
        by_milestone = {m.id: m for m in all_milestones if m.id is not None}
        healths = {
            d.id: dh.assess(d, by_feature, by_milestone, all_iterations)
            for d in dependencies
            if d.id is not None
        }
        return BoardData(
            art=art,
            pi=pi,
            teams=teams,
            iterations=sorted(
                (it for it in all_iterations.values() if it.pi_id == pi_id),
                key=lambda it: it.start,
            ),
            features=features,
            milestones=milestones,
            dependencies=dependencies,
            healths=healths,
            other_features=others,
            all_iterations=all_iterations,
        )

    # -- features -------------------------------------------------------------------------------

    def place_feature(
        self,
        feature_id: int,
        team_id: int | None,
        iteration_id: int | None,
        seen: Feature | None = None,
    ) -> Outcome[Feature]:
        """Put a feature in a team's row and an iteration of its PI (None: unplanned).

        Args:
            feature_id: the feature.
            team_id: the row's team (None: no team).
            iteration_id: the column's iteration (None: unplanned).
            seen: the feature as the caller showed it: when another client has moved it
                since (to another cell than this one), the move is refused.

        Raises:
            ValidationError: the team is not of this train, or the iteration not of the PI.
            ConflictError: another client moved the feature meanwhile; it stays where they put
                it.
            NotFoundError: the feature was deleted meanwhile.
        """
        with self._ctx.uow() as uow:
            what = _feature_name(seen, feature_id)
            feature = current(uow, Feature, feature_id, what)
            now = (feature.team_id, feature.iteration_id)
            if seen is not None and now not in (
                (seen.team_id, seen.iteration_id),
                (team_id, iteration_id),
            ):
                describe = _describer(uow)
                raise ConflictError(
                    f"Another facilitator moved {what} to {describe('team_id', now[0])}, "
                    f"{describe('iteration_id', now[1])} since you opened the board. Your move "
                    "was not saved; the board shows where it is now (reload): move it again to "
                    "put it elsewhere.",
                    ("team_id", "iteration_id"),
                )
            _check_place(uow, feature.pi_id, team_id, iteration_id)
            cell = uow.find(
                Feature, pi_id=feature.pi_id, team_id=team_id, iteration_id=iteration_id
            )
            position = max((f.position for f in cell if f.id != feature_id), default=-1) + 1
            if (feature.team_id, feature.iteration_id) == (team_id, iteration_id):
                position = feature.position
            saved = uow.update(
                dataclasses.replace(
                    feature,
                    team_id=team_id,
                    iteration_id=iteration_id,
                    position=position,
                    # planning it on the board takes it out of the ART backlog (and back)
                    state=state_after_placement(feature.state, iteration_id),
                )
            )
        return Outcome(saved, self._done(saved))

    def add_feature(
        self,
        pi_id: int,
        title: str,
        *,
        key: str = "",
        team_id: int | None = None,
        iteration_id: int | None = None,
        kind: WorkKind = WorkKind.FEATURE,
    ) -> Outcome[Feature]:
        draft = Feature(
            pi_id=pi_id,
            title=clean_name(title, "The feature's title"),
            key=_clean_key(key),
            team_id=team_id,
            iteration_id=iteration_id,
            kind=kind,
        )
        with self._ctx.uow() as uow:
            _check_place(uow, pi_id, team_id, iteration_id)
            _check_unique_key(uow, pi_id, draft.key, None)
            everything = uow.find(Feature, pi_id=pi_id)
            position = max((f.position for f in everything), default=-1) + 1
            backlog_position = max((f.backlog_position for f in everything), default=-1) + 1
            feature = uow.add(
                dataclasses.replace(
                    draft,
                    position=position,
                    backlog_position=backlog_position,
                    state=state_after_placement(draft.state, iteration_id),
                )
            )
        return Outcome(feature, self._done(feature))

    def update_feature(self, feature: Feature, seen: Feature | None = None) -> Outcome[Feature]:
        """Write a feature.

        With ``seen`` (the feature as the caller read it), only the fields the caller changed are
        written, and a field another client changed meanwhile refuses the edit (ConflictError).
        """
        feature_id = feature.id
        assert feature_id is not None
        feature = dataclasses.replace(
            feature,
            title=clean_name(feature.title, "The feature's title"),
            key=_clean_key(feature.key),
        )
        with self._ctx.uow() as uow:
            old = current(uow, Feature, feature_id, _feature_name(seen, feature_id))
            if seen is not None:
                feature = merge_edit(
                    seen, feature, old, _feature_name(seen, feature_id), _describer(uow)
                )
            _check_place(uow, old.pi_id, feature.team_id, feature.iteration_id)
            _check_unique_key(uow, old.pi_id, feature.key, feature_id)
            state = state_after_placement(feature.state, feature.iteration_id)
            saved = uow.update(dataclasses.replace(feature, pi_id=old.pi_id, state=state))
        return Outcome(saved, self._done(saved))

    def delete_feature(
        self, feature_id: int, seen: Feature | None = None
    ) -> Outcome[DeletedFeature]:
        """Delete a feature with the dependencies it takes part in (undo with ``restore``).

        Raises:
            ConflictError: another client changed the feature since ``seen``; it stays.
            NotFoundError: it is already deleted; nothing changes.
        """
        with self._ctx.uow() as uow:
            what = _feature_name(seen, feature_id)
            feature = current(uow, Feature, feature_id, what)
            if seen is not None:
                check_unchanged(seen, feature, what, describe=_describer(uow), ignore=_DERIVED)
            deps = {
                d.id or 0: d
                for d in uow.find(Dependency, provider_id=feature_id)
                + uow.find(Dependency, consumer_feature_id=feature_id)
            }
            snapshot = DeletedFeature(feature, tuple(deps.values()))
            for dep_id in deps:
                uow.delete(Dependency, dep_id)
            uow.delete(Feature, feature_id)
        return Outcome(snapshot, self._done(snapshot))

    def restore_feature(self, snapshot: DeletedFeature) -> Outcome[Feature]:
        with self._ctx.uow() as uow:
            feature = uow.add(snapshot.feature)
            for dep in snapshot.dependencies:
                uow.add(dep)
        return Outcome(feature, self._done(feature))

    # -- milestones -----------------------------------------------------------------------------

    def add_milestone(
        self, pi_id: int, title: str, *, iteration_id: int | None = None, day: dt.date | None = None
    ) -> Outcome[Milestone]:
        with self._ctx.uow() as uow:
            _check_place(uow, pi_id, None, iteration_id)
            milestone = uow.add(
                Milestone(
                    pi_id=pi_id,
                    title=clean_name(title, "The milestone's title"),
                    iteration_id=iteration_id,
                    day=day,
                )
            )
        return Outcome(milestone, self._done(milestone))

    def update_milestone(
        self, milestone: Milestone, seen: Milestone | None = None
    ) -> Outcome[Milestone]:
        """Write a milestone (its title, iteration and date).

        With ``seen`` (the milestone as the caller showed it) only the fields the caller changed
        are written, and a field another client changed meanwhile refuses the edit.

        Raises:
            ValidationError: no title, or an iteration not of the PI.
            ConflictError: another client changed one of the same fields meanwhile.
            NotFoundError: the milestone was deleted meanwhile.
        """
        milestone_id = milestone.id
        assert milestone_id is not None
        with self._ctx.uow() as uow:
            what = _milestone_name(seen, milestone_id)
            old = current(uow, Milestone, milestone_id, what)
            if seen is not None:
                milestone = merge_edit(seen, milestone, old, what, _describer(uow))
            _check_place(uow, old.pi_id, None, milestone.iteration_id)
            saved = uow.update(
                dataclasses.replace(
                    milestone,
                    pi_id=old.pi_id,
                    title=clean_name(milestone.title, "The milestone's title"),
                )
            )
        return Outcome(saved, self._done(saved))

    def delete_milestone(
        self, milestone_id: int, seen: Milestone | None = None
    ) -> Outcome[DeletedMilestone]:
        """Delete a milestone with the dependencies on it (undo with ``restore_milestone``).

        Raises:
            ConflictError: another client changed the milestone since ``seen``; it stays.
            NotFoundError: it is already deleted; nothing changes.
        """
        with self._ctx.uow() as uow:
            what = _milestone_name(seen, milestone_id)
            milestone = current(uow, Milestone, milestone_id, what)
            if seen is not None:
                check_unchanged(seen, milestone, what, describe=_describer(uow))
            deps = tuple(uow.find(Dependency, consumer_milestone_id=milestone_id))
            uow.delete_where(Dependency, consumer_milestone_id=milestone_id)
            uow.delete(Milestone, milestone_id)
        snapshot = DeletedMilestone(milestone, deps)
        return Outcome(snapshot, self._done(snapshot))

    def restore_milestone(self, snapshot: DeletedMilestone) -> Outcome[Milestone]:
        with self._ctx.uow() as uow:
            milestone = uow.add(snapshot.milestone)
            for dep in snapshot.dependencies:
                uow.add(dep)
        return Outcome(milestone, self._done(milestone))

    # -- dependencies ---------------------------------------------------------------------------

    def add_dependency(
        self,
        provider_id: int,
        *,
        consumer_feature_id: int | None = None,
        consumer_milestone_id: int | None = None,
        needed_iteration_id: int | None = None,
        description: str = "",
    ) -> Outcome[Dependency]:
        """Record that ``provider_id`` delivers what a feature or a milestone needs.

        Raises:
            ValidationError: no consumer or two, a feature depending on itself, or the same
                dependency twice.
        """
        dep = Dependency(
            provider_id=provider_id,
            consumer_feature_id=consumer_feature_id,
            consumer_milestone_id=consumer_milestone_id,
            needed_iteration_id=needed_iteration_id,
            description=description.strip(),
        )
        with self._ctx.uow() as uow:
            _check_dependency(uow, dep)
            saved = uow.add(dep)
        return Outcome(saved, self._done(saved))

    def update_dependency(
        self, dep: Dependency, seen: Dependency | None = None
    ) -> Outcome[Dependency]:
        """Write a dependency (retarget it, change when it is needed or its description).

        With ``seen`` (the dependency as the caller showed it) only the fields the caller
        changed are written, and a field another client changed meanwhile refuses the edit.

        Raises:
            ValidationError: see ``add_dependency``.
            ConflictError: another client changed one of the same fields meanwhile.
            NotFoundError: the dependency was deleted meanwhile.
        """
        dep_id = dep.id
        assert dep_id is not None
        dep = dataclasses.replace(dep, description=dep.description.strip())
        with self._ctx.uow() as uow:
            what = _dependency_name(uow, seen, dep_id)
            old = current(uow, Dependency, dep_id, what)
            if seen is not None:
                dep = merge_edit(seen, dep, old, what, _describer(uow))
            _check_dependency(uow, dep)
            saved = uow.update(dep)
        return Outcome(saved, self._done(saved))

    def delete_dependency(self, dep_id: int, seen: Dependency | None = None) -> Outcome[Dependency]:
        """Delete a dependency and return it (undo with ``restore_dependency``).

        Raises:
            ConflictError: another client changed the dependency since ``seen``; it stays.
            NotFoundError: it is already deleted; nothing changes.
        """
        with self._ctx.uow() as uow:
            what = _dependency_name(uow, seen, dep_id)
            dep = current(uow, Dependency, dep_id, what)
            if seen is not None:
                check_unchanged(seen, dep, what, describe=_describer(uow))
            uow.delete(Dependency, dep_id)
        return Outcome(dep, self._done(dep))

    def restore_dependency(self, dep: Dependency) -> Outcome[Dependency]:
        with self._ctx.uow() as uow:
            saved = uow.add(dep)
        return Outcome(saved, self._done(saved))

    # -- files ----------------------------------------------------------------------------------

    def import_features(self, path: Path, pi_id: int) -> Outcome[ImportSummary]:
        """Import features and dependencies from a CSV file (all or nothing)."""
        from rte_desktop.services.board.feature_import import import_features

        summary = import_features(self._ctx, Path(path), pi_id)
        return Outcome(summary, self._done(summary))

    def poster(self, pi_id: int, out: Path, paper: str = "a3") -> Path:
        """Write the board as a PDF poster, tiled over several pages when it does not fit."""
        from rte_desktop.services.board.board_poster import write_board_poster

        data = self.board(pi_id)
        return write_board_poster(
            data, out, paper, local_date(self._ctx.clock.now(), data.art.time_zone)
        )


def _clean_key(key: str) -> str:
    key = key.strip()
    if len(key) > 64 or any(ch.isspace() for ch in key):
        raise ValidationError(f"A feature key is one word of at most 64 characters, not '{key}'.")
    return key


def _check_unique_key(uow: UnitOfWork, pi_id: int, key: str, feature_id: int | None) -> None:
    if not key:
        return
    for other in uow.find(Feature, pi_id=pi_id):
        if other.key.casefold() == key.casefold() and other.id != feature_id:
            raise ValidationError(f"Key {key} is already used by '{other.title}' in this PI.")


def _check_place(
    uow: UnitOfWork, pi_id: int, team_id: int | None, iteration_id: int | None
) -> None:
    pi = uow.get(PlanningInterval, pi_id)
    if team_id is not None and team_id not in {t.id for t in uow.find(Team, art_id=pi.art_id)}:
        raise ValidationError(f"Team {team_id} is not a team of this train.")
    if iteration_id is not None and iteration_id not in {
        it.id for it in uow.find(Iteration, pi_id=pi_id)
    }:
        raise ValidationError(f"Iteration {iteration_id} is not an iteration of {pi.name}.")


def _check_dependency(uow: UnitOfWork, dep: Dependency) -> None:
    if (dep.consumer_feature_id is None) == (dep.consumer_milestone_id is None):
        raise ValidationError("A dependency needs exactly one consumer: a feature or a milestone.")
    provider = uow.get(Feature, dep.provider_id)
    if dep.consumer_feature_id == dep.provider_id:
        raise ValidationError(f"'{provider.title}' cannot depend on itself.")
    if dep.consumer_feature_id is not None:
        uow.get(Feature, dep.consumer_feature_id)
    if dep.consumer_milestone_id is not None:
        uow.get(Milestone, dep.consumer_milestone_id)
    if dep.needed_iteration_id is not None:
        uow.get(Iteration, dep.needed_iteration_id)
    for other in uow.find(Dependency, provider_id=dep.provider_id):
        same = (other.consumer_feature_id, other.consumer_milestone_id) == (
            dep.consumer_feature_id,
            dep.consumer_milestone_id,
        )
        if same and other.id != dep.id:
            raise ValidationError(f"'{provider.title}' already provides for that consumer.")


# Fields of a feature the app derives from others (its state follows its iteration).
_DERIVED = frozenset({"backlog_position"})


def _feature_name(seen: Feature | None, feature_id: int) -> str:
    return f"the feature “{seen.title}”" if seen is not None else f"feature {feature_id}"


def _milestone_name(seen: Milestone | None, milestone_id: int) -> str:
    return f"the milestone “{seen.title}”" if seen is not None else f"milestone {milestone_id}"


def _dependency_name(uow: UnitOfWork, seen: Dependency | None, dep_id: int) -> str:
    if seen is None:
        return f"dependency {dep_id}"
    titles = {
        f.id: f.title
        for f in uow.find(Feature, id=[seen.provider_id, seen.consumer_feature_id or 0])
    }
    provider = titles.get(seen.provider_id, "a deleted feature")
    if seen.consumer_feature_id is not None:
        consumer = f"“{titles.get(seen.consumer_feature_id, 'a deleted feature')}”"
    else:
        found = uow.find(Milestone, id=[seen.consumer_milestone_id or 0])
        consumer = f"the milestone “{found[0].title}”" if found else "a deleted milestone"
    return f"the dependency of {consumer} on “{provider}”"


def _describer(uow: UnitOfWork) -> Describe:
    """How a board record's ids read in a conflict message: names, looked up when asked."""

    def describe(field: str, value: object) -> str | None:
        if field == "team_id":
            found = uow.find(Team, id=[value]) if value is not None else []
            return found[0].name if found else "no team"
        if field in ("iteration_id", "needed_iteration_id"):
            its = uow.find(Iteration, id=[value]) if value is not None else []
            return its[0].name if its else "unplanned"
        if field in ("provider_id", "consumer_feature_id"):
            features = uow.find(Feature, id=[value]) if value is not None else []
            return f"“{features[0].title}”" if features else "none"
        if field == "consumer_milestone_id":
            milestones = uow.find(Milestone, id=[value]) if value is not None else []
            return f"“{milestones[0].title}”" if milestones else "none"
        return None

    return describe

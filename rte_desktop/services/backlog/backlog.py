"""The ART backlog of a PI: ordered by WSJF, states, Definition of Ready, readiness, sessions.

The features are the ART Planning Board's own records (``Feature``); the backlog is the PI's
features in the funnel, analysing or ready, ranked by ``domain.wsjf.rank`` over their backlog
order (so ties keep it). Planned and done features are listed after them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

from rte_desktop.domain import backlog as rules
from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.kinds import BacklogState, WorkKind, WsjfColumn
from rte_desktop.domain.model import (
    Art,
    DorItem,
    Feature,
    FeatureDorTick,
    Iteration,
    PlanningInterval,
    Team,
    WsjfSession,
)
from rte_desktop.domain.train import local_date
from rte_desktop.domain.wsjf import (
    LABELS,
    check_value,
    columns_without_a_one,
    rank,
)
from rte_desktop.services.backlog.backlog_view import (
    BacklogRow,
    BacklogView,
    estimate_of,
    name_of,
)
from rte_desktop.services.common.changes import Area, Changes, Outcome
from rte_desktop.services.common.features import add_backlog_feature

if TYPE_CHECKING:
    from rte_desktop.services.common.context import ServiceContext
    from rte_desktop.storage.unit_of_work import UnitOfWork

MAX_TEXT = 500
MAX_CRITERIA = 5000


class BacklogService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def _done(self) -> Changes:
        return self._ctx.publish(Changes.of(Area.BACKLOG, Area.BOARD, Area.READINESS))

    # -- reading --------------------------------------------------------------------------------

    def view(self, pi_id: int) -> BacklogView:
        """The PI's backlog, ranked by WSJF (ties keep the backlog order)."""
        with self._ctx.uow() as uow:
            pi = uow.get(PlanningInterval, pi_id)
            art = uow.get(Art, pi.art_id)
            features = sorted(
                uow.find(Feature, pi_id=pi_id), key=lambda f: (f.backlog_position, f.id or 0)
            )
            definition = uow.find(DorItem, art_id=art.id, order_by=["position"])
            ticks = uow.find(FeatureDorTick, feature_id=[f.id for f in features])
            teams = {t.id: t.name for t in uow.find(Team, art_id=art.id)}
            sessions = uow.find(WsjfSession, pi_id=pi_id, order_by=["started_at"])
            iterations = {it.id: it for it in uow.find(Iteration, pi_id=pi_id) if it.id is not None}
        met: dict[int, set[int]] = {}
        for tick in ticks:
            met.setdefault(tick.feature_id, set()).add(tick.dor_item_id)
        backlog = [f for f in features if rules.in_backlog(f.state)]
        later = [f for f in features if not rules.in_backlog(f.state)]

        def row(f: Feature, place: int | None, value: Fraction | None, tied: bool) -> BacklogRow:
            return BacklogRow(
                f, place, value, tied, frozenset(met.get(f.id or 0, ())), teams.get(f.team_id, "")
            )

        estimates = [estimate_of(f) for f in backlog]
        rows = [row(backlog[r.index], r.rank, r.wsjf, r.tied) for r in rank(estimates)]
        entries = [rules.BacklogEntry(name_of(f), f.state, estimate_of(f)) for f in features]
        return BacklogView(
            art=art,
            pi=pi,
            rows=rows,
            later=[row(f, None, estimate_of(f).wsjf, False) for f in later],
            definition=definition,
            readiness=rules.readiness(entries, art.pi_capacity_features),
            session=sessions[-1] if sessions else None,
            missing_ones=columns_without_a_one(estimates),
            iterations=iterations,
        )

    def feature(self, feature_id: int) -> Feature:
        """One stored feature.

        Raises:
            NotFoundError: no feature has that id.
        """
        with self._ctx.uow() as uow:
            return uow.get(Feature, feature_id)

    def readiness(self, pi_id: int) -> rules.Readiness:
        """How many of the top-N backlog features by WSJF are ready (N: the ART's capacity)."""
        return self.view(pi_id).readiness

    # -- files ----------------------------------------------------------------------------------

    def export(self, pi_id: int, out: Path) -> Path:
        """The backlog in WSJF order as CSV or XLSX (by suffix), readable by import features."""
        from rte_desktop.services.backlog.backlog_files import export_backlog

        return export_backlog(self.view(pi_id), out)

    def report(self, pi_id: int, out: Path, paper: str = "a4") -> Path:
        """The PI Planning pre-read: the ordered backlog with its WSJF parts, as PDF."""
        from rte_desktop.services.backlog.backlog_files import write_backlog_report

        view = self.view(pi_id)
        today = local_date(self._ctx.clock.now(), view.art.time_zone)
        return write_backlog_report(view, out, f"{today:%d %b %Y}", paper)

    # -- features -------------------------------------------------------------------------------

    def add_feature(
        self,
        pi_id: int,
        title: str,
        *,
        key: str = "",
        kind: WorkKind = WorkKind.FEATURE,
        epic: str = "",
    ) -> Outcome[Feature]:
        """A new funnel feature, last in the backlog."""
        with self._ctx.uow() as uow:
            uow.get(PlanningInterval, pi_id)
            feature = add_backlog_feature(uow, pi_id, title, key=key, kind=kind, epic=epic)
        return Outcome(feature, self._done())

    def set_estimate(
        self, feature_id: int, column: WsjfColumn, value: int | None
    ) -> Outcome[Feature]:
        """Set one WSJF part (``None`` clears it).

        Raises:
            ValidationError: the value is not on the scale, or a job size of 0.
        """
        with self._ctx.uow() as uow:
            feature = uow.get(Feature, feature_id)
            check_value(column, value, name_of(feature))
            saved = uow.patch(Feature, feature_id, **{column.value: value})
        return Outcome(saved, self._done())

    def set_state(self, feature_id: int, state: BacklogState) -> Outcome[Feature]:
        """Move a feature along the backlog's states.

        Raises:
            ValidationError: a backlog state for a feature planned on the board, or "planned"
                for one that is not (planning happens on the ART Planning Board).
        """
        with self._ctx.uow() as uow:
            feature = uow.get(Feature, feature_id)
            rules.check_placement(state, feature.iteration_id, name_of(feature))
            saved = uow.update(dataclasses.replace(feature, state=state))
        return Outcome(saved, self._done())

    def update_details(
        self,
        feature_id: int,
        *,
        epic: str | None = None,
        acceptance_criteria: str | None = None,
        candidate_teams: str | None = None,
    ) -> Outcome[Feature]:
        """Change the epic, acceptance criteria or likely teams (``None`` keeps a field)."""
        changes: dict[str, str] = {}
        if epic is not None:
            changes["epic"] = _short(epic, "The epic")
        if candidate_teams is not None:
            changes["candidate_teams"] = _short(candidate_teams, "The likely teams")
        if acceptance_criteria is not None:
            text = acceptance_criteria.strip()
            if len(text) > MAX_CRITERIA:
                raise ValidationError(f"Acceptance criteria are {MAX_CRITERIA} characters at most.")
            changes["acceptance_criteria"] = text
        with self._ctx.uow() as uow:
            saved = uow.patch(Feature, feature_id, **changes)
        return Outcome(saved, self._done())

    def move(self, feature_id: int, delta: int) -> Outcome[Feature]:
        """Move a feature up (-1) or down (+1) in the backlog's own order (the tie-breaker)."""
        with self._ctx.uow() as uow:
            feature = uow.get(Feature, feature_id)
            order = sorted(
                uow.find(Feature, pi_id=feature.pi_id),
                key=lambda f: (f.backlog_position, f.id or 0),
            )
            index = next(i for i, f in enumerate(order) if f.id == feature_id)
            target = max(0, min(len(order) - 1, index + delta))
            order.insert(target, order.pop(index))
            for position, item in enumerate(order):
                if item.backlog_position != position:
                    uow.update(dataclasses.replace(item, backlog_position=position))
            saved = uow.get(Feature, feature_id)
        return Outcome(saved, self._done())

    # -- Definition of Ready --------------------------------------------------------------------

    def set_met(self, feature_id: int, item_id: int, met: bool) -> Outcome[bool]:
        """Tick (or untick) one Definition of Ready item for a feature.

        Raises:
            ValidationError: the item is not of the feature's ART.
        """
        with self._ctx.uow() as uow:
            feature = uow.get(Feature, feature_id)
            item = uow.get(DorItem, item_id)
            pi = uow.get(PlanningInterval, feature.pi_id)
            if item.art_id != pi.art_id:
                raise ValidationError("That Definition of Ready item belongs to another ART.")
            uow.delete_where(FeatureDorTick, feature_id=feature_id, dor_item_id=item_id)
            if met:
                uow.add(FeatureDorTick(feature_id=feature_id, dor_item_id=item_id))
        return Outcome(met, self._done())

    def set_definition(self, art_id: int, items: list[str]) -> Outcome[list[DorItem]]:
        """Replace the ART's Definition of Ready; ticks of items kept (same text) stay.

        Raises:
            ValidationError: nothing left after trimming, or an item too long.
        """
        cleaned = rules.clean_definition(items)
        with self._ctx.uow() as uow:
            uow.get(Art, art_id)
            old = {i.text.casefold(): i for i in uow.find(DorItem, art_id=art_id)}
            kept: list[DorItem] = []
            for position, text in enumerate(cleaned):
                existing = old.pop(text.casefold(), None)
                if existing is not None:
                    kept.append(uow.update(dataclasses.replace(existing, position=position)))
                else:
                    kept.append(uow.add(DorItem(art_id=art_id, text=text, position=position)))
            for gone in old.values():
                assert gone.id is not None
                uow.delete(DorItem, gone.id)
        return Outcome(kept, self._done())

    def reset_definition(self, art_id: int) -> Outcome[list[DorItem]]:
        """SAFe's default Definition of Ready for the ART."""
        return self.set_definition(art_id, list(rules.DEFAULT_DEFINITION_OF_READY))

    def set_capacity(self, art_id: int, features: int) -> Outcome[Art]:
        """The number of features the ART expects to take in a PI (readiness counts that many)."""
        rules.check_pi_capacity(features)
        with self._ctx.uow() as uow:
            art = uow.update(
                dataclasses.replace(uow.get(Art, art_id), pi_capacity_features=features)
            )
        return Outcome(art, self._done())

    # -- WSJF sessions --------------------------------------------------------------------------

    def start_session(self, pi_id: int) -> Outcome[WsjfSession]:
        """Open a WSJF session on the PI's backlog (an open one is reused)."""
        with self._ctx.uow() as uow:
            uow.get(PlanningInterval, pi_id)
            open_ = [s for s in uow.find(WsjfSession, pi_id=pi_id) if s.finished_at is None]
            session = (
                open_[-1]
                if open_
                else uow.add(WsjfSession(pi_id=pi_id, started_at=_utc_now(self._ctx)))
            )
        return Outcome(session, self._done())

    def finish_session(self, session_id: int) -> Outcome[WsjfSession]:
        """Close a session once every column's smallest estimate is 1 (SAFe's rule).

        Raises:
            ValidationError: a column has no 1; the message names the columns.
        """
        with self._ctx.uow() as uow:
            session = uow.get(WsjfSession, session_id)
            features = [
                f for f in uow.find(Feature, pi_id=session.pi_id) if rules.in_backlog(f.state)
            ]
            missing = columns_without_a_one([estimate_of(f) for f in features])
            if missing:
                names = ", ".join(LABELS[c].lower() for c in missing)
                raise ValidationError(
                    f"The smallest item of each column is 1; set a 1 in: {names}."
                )
            saved = uow.update(dataclasses.replace(session, finished_at=_utc_now(self._ctx)))
        return Outcome(saved, self._done())


def _utc_now(ctx: ServiceContext) -> dt.datetime:
    """The clock as a naive UTC instant (how instants are stored)."""
    return ctx.clock.now().astimezone(dt.UTC).replace(tzinfo=None)


def _short(text: str, what: str) -> str:
    cleaned = " ".join(text.split())
    if len(cleaned) > MAX_TEXT:
        raise ValidationError(f"{what} is {MAX_TEXT} characters at most.")
    return cleaned


def backlog_features(uow: UnitOfWork, pi_id: int) -> list[Feature]:
    """The PI's backlog features in backlog order (for exports and reports)."""
    return sorted(
        (f for f in uow.find(Feature, pi_id=pi_id) if rules.in_backlog(f.state)),
        key=lambda f: (f.backlog_position, f.id or 0),
    )

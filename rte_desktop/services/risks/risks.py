"""ART PI risks on the ROAM board: add, edit, move between columns, history, poster.

Every status move is kept as a ``RiskStatusChange`` stamped with the workspace clock (naive UTC,
as every stored instant), so the board's history shows who moved what and when it was ROAMed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rte_desktop.domain import roam
from rte_desktop.domain.concurrency import check_unchanged, merge_edit
from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.model import (
    Art,
    ArtSyncAction,
    Concern,
    PlanningInterval,
    Risk,
    RiskSource,
    RiskStatusChange,
    RoamStatus,
    Team,
)
from rte_desktop.domain.train import local_date
from rte_desktop.services.common.changes import Area, Changes, Outcome
from rte_desktop.services.common.files import write_atomically
from rte_desktop.services.common.seen import current

if TYPE_CHECKING:
    from rte_desktop.services.common.context import ServiceContext
    from rte_desktop.storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class HistoryEntry:
    """One status move, with the risk's title for the history view."""

    change: RiskStatusChange
    risk_title: str
    team_id: int | None


@dataclass(frozen=True)
class DeletedRisk:
    """Everything a deletion removed or unlinked, so undo can put it back exactly."""

    risk: Risk
    history: tuple[RiskStatusChange, ...]
    concern_ids: tuple[int, ...]
    action_ids: tuple[int, ...]


def utc_now(ctx: ServiceContext) -> dt.datetime:
    """The workspace clock as a naive UTC instant (how instants are stored)."""
    return ctx.clock.now().astimezone(dt.UTC).replace(tzinfo=None)


class RiskService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    # -- reading --------------------------------------------------------------------------------

    def risks(self, pi_id: int, team_id: int | None = None, text: str = "") -> list[Risk]:
        """The PI's risks passing the filters, by column, then highest score first."""
        with self._ctx.uow() as uow:
            found = uow.find(Risk, pi_id=pi_id)
            names = _team_names(uow, pi_id)
        kept = [r for r in found if roam.matches(r, team_id, text, names)]
        return sorted(
            kept, key=lambda r: (roam.COLUMNS.index(r.status), -r.score, r.position, r.id or 0)
        )

    def risk(self, risk_id: int) -> Risk:
        with self._ctx.uow() as uow:
            return uow.get(Risk, risk_id)

    def history(self, pi_id: int, risk_id: int | None = None) -> list[HistoryEntry]:
        """Status moves of the PI's risks (or of one risk), newest first."""
        with self._ctx.uow() as uow:
            risks = {r.id: r for r in uow.find(Risk, pi_id=pi_id)}
            ids = [risk_id] if risk_id is not None else list(risks)
            changes = uow.find(RiskStatusChange, risk_id=ids, order_by=["at"])
        entries = [
            HistoryEntry(c, risks[c.risk_id].title, risks[c.risk_id].team_id)
            for c in changes
            if c.risk_id in risks
        ]
        return sorted(entries, key=lambda e: (e.change.at, e.change.id or 0), reverse=True)

    # -- writing --------------------------------------------------------------------------------

    def add(
        self,
        pi_id: int,
        title: str,
        *,
        team_id: int | None = None,
        description: str = "",
        status: RoamStatus = RoamStatus.UNROAMED,
        owner: str = "",
        likelihood: int = 3,
        impact: int = 3,
        mitigation: str = "",
        due: dt.date | None = None,
        source: RiskSource = RiskSource.PI_PLANNING,
    ) -> Outcome[Risk]:
        """Add a risk (recorded in the history as created in its first column).

        Raises:
            ValidationError: an empty title, a value outside 1-5, or no owner for Owned or
                Mitigated (nothing is stored then).
        """
        now = utc_now(self._ctx)
        draft = roam.check_risk(
            Risk(
                pi_id=pi_id,
                team_id=team_id,
                title=title,
                description=description.strip(),
                status=status,
                owner=owner,
                likelihood=likelihood,
                impact=impact,
                mitigation=mitigation.strip(),
                due=due,
                source=source,
                created_at=now,
            )
        )
        with self._ctx.uow() as uow:
            # Locked: two clients adding at once must not both take the next position.
            uow.get(PlanningInterval, pi_id, for_update=True)
            _check_team(uow, pi_id, team_id)
            draft = dataclasses.replace(draft, position=_next_position(uow, pi_id, status))
            risk = uow.add(draft)
            assert risk.id is not None
            uow.add(RiskStatusChange(risk_id=risk.id, to_status=status, at=now, note="created"))
        return Outcome(risk, self._ctx.publish(Changes.of(Area.RISKS)))

    def update(self, risk: Risk, note: str = "", seen: Risk | None = None) -> Outcome[Risk]:
        """Write every field of ``risk``; a changed status is recorded in the history.

        Args:
            risk: the risk as it should be stored.
            note: why the status changed (history).
            seen: the risk as the caller read it: only the fields the caller changed are
                written, and a field another client changed meanwhile refuses the edit.

        Raises:
            ValidationError: see ``add``.
            NotFoundError: the risk was deleted meanwhile.
            ConflictError: another client changed one of the same fields meanwhile.
        """
        risk = roam.check_risk(risk)
        risk_id = risk.id
        assert risk_id is not None
        with self._ctx.uow() as uow:
            what = _risk_name(seen, risk_id)
            old = current(uow, Risk, risk_id, what)
            if seen is not None:
                risk = merge_edit(seen, risk, old, what, _describe_risk)
            _check_team(uow, old.pi_id, risk.team_id)
            risk = dataclasses.replace(risk, pi_id=old.pi_id, created_at=old.created_at)
            if risk.status is not old.status:
                uow.get(PlanningInterval, old.pi_id, for_update=True)  # see add
                risk = dataclasses.replace(
                    risk, position=_next_position(uow, old.pi_id, risk.status)
                )
                uow.add(
                    RiskStatusChange(
                        risk_id=risk_id,
                        from_status=old.status,
                        to_status=risk.status,
                        at=utc_now(self._ctx),
                        note=note,
                    )
                )
            saved = uow.update(risk)
        return Outcome(saved, self._ctx.publish(Changes.of(Area.RISKS)))

    def move(
        self,
        risk_id: int,
        status: RoamStatus,
        *,
        owner: str | None = None,
        note: str = "",
        seen: Risk | None = None,
    ) -> Outcome[Risk]:
        """Move a risk to another ROAM column (optionally naming its owner at the same time).

        With ``seen`` (the risk as the caller showed it), a risk another client has re-ROAMed
        (or given another owner) since is not moved again: ConflictError says where it is now.

        Raises:
            ValidationError: Owned or Mitigated without an owner; the message says so.
            ConflictError: another client moved the risk (or changed its owner) meanwhile.
            NotFoundError: the risk was deleted meanwhile.
        """
        risk = seen or self.risk(risk_id)
        changed = dataclasses.replace(risk, status=status)
        if owner is not None:
            changed = dataclasses.replace(changed, owner=owner)
        if changed == risk:
            return Outcome(risk, Changes())
        return self.update(changed, note=note, seen=seen)

    def delete(self, risk_id: int, seen: Risk | None = None) -> Outcome[DeletedRisk]:
        """Delete a risk and its history; concerns and ART Sync actions lose their link.

        Raises:
            ConflictError: another client changed the risk since ``seen``; it stays.
            NotFoundError: it is already deleted; nothing changes.
        """
        with self._ctx.uow() as uow:
            what = _risk_name(seen, risk_id)
            risk = current(uow, Risk, risk_id, what)
            if seen is not None:
                check_unchanged(seen, risk, what, describe=_describe_risk)
            snapshot = DeletedRisk(
                risk,
                tuple(uow.find(RiskStatusChange, risk_id=risk_id, order_by=["id"])),
                tuple(c.id for c in uow.find(Concern, risk_id=risk_id) if c.id is not None),
                tuple(a.id for a in uow.find(ArtSyncAction, risk_id=risk_id) if a.id is not None),
            )
            for concern_id in snapshot.concern_ids:
                uow.patch(Concern, concern_id, risk_id=None)
            for action_id in snapshot.action_ids:
                uow.patch(ArtSyncAction, action_id, risk_id=None)
            uow.delete_where(RiskStatusChange, risk_id=risk_id)
            uow.delete(Risk, risk_id)
        return Outcome(snapshot, self._ctx.publish(Changes.of(Area.RISKS, Area.ART_SYNC)))

    def restore(self, snapshot: DeletedRisk) -> Outcome[Risk]:
        """Undo ``delete``: the same risk (same id), history and links come back."""
        with self._ctx.uow() as uow:
            risk = uow.add(snapshot.risk)
            for change in snapshot.history:
                uow.add(change)
            for concern_id in snapshot.concern_ids:
                if uow.count(Concern, id=concern_id):
                    uow.patch(Concern, concern_id, risk_id=risk.id)
            for action_id in snapshot.action_ids:
                if uow.count(ArtSyncAction, id=action_id):
                    uow.patch(ArtSyncAction, action_id, risk_id=risk.id)
        return Outcome(risk, self._ctx.publish(Changes.of(Area.RISKS, Area.ART_SYNC)))

    # -- poster ---------------------------------------------------------------------------------

    def poster(self, pi_id: int, out: Path, paper: str = "a3") -> Path:
        """Write the ROAM board of a PI as a landscape poster PDF."""
        from rte_desktop.reports.risk_poster import RiskCard, RiskPoster, render_risk_poster

        if paper.lower() not in ("a3", "a4", "letter"):
            raise ValidationError(f"Unknown paper '{paper}'; use a3, a4 or letter.")
        with self._ctx.uow() as uow:
            pi = uow.get(PlanningInterval, pi_id)
            art = uow.get(Art, pi.art_id)
            names = _team_names(uow, pi_id)
        today = local_date(self._ctx.clock.now(), art.time_zone)
        columns: list[tuple[str, list[RiskCard]]] = []
        risks = self.risks(pi_id)
        for status in roam.COLUMNS:
            cards = [
                RiskCard(
                    title=r.title,
                    team=names.get(r.team_id or -1, ""),
                    owner=r.owner,
                    likelihood=r.likelihood,
                    impact=r.impact,
                    severity=roam.severity(r.score).value,
                    due=r.due,
                    due_state=roam.due_state(r, today),
                    source=roam.SOURCE_TITLE[r.source],
                    mitigation=r.mitigation,
                )
                for r in risks
                if r.status is status
            ]
            columns.append((roam.STATUS_TITLE[status], cards))
        data = RiskPoster(art_name=art.name, pi_name=pi.name, printed=today, columns=columns)
        return write_atomically(out, render_risk_poster(data, paper=paper.lower()))


def _team_names(uow: UnitOfWork, pi_id: int) -> dict[int, str]:
    pi = uow.get(PlanningInterval, pi_id)
    return {t.id: t.name for t in uow.find(Team, art_id=pi.art_id) if t.id is not None}


def _check_team(uow: UnitOfWork, pi_id: int, team_id: int | None) -> None:
    if team_id is not None and team_id not in _team_names(uow, pi_id):
        raise ValidationError(f"Team {team_id} is not a team of this train.")


def _next_position(uow: UnitOfWork, pi_id: int, status: RoamStatus) -> int:
    found = uow.find(Risk, pi_id=pi_id, status=status)
    return max((r.position for r in found), default=-1) + 1


def _risk_name(seen: Risk | None, risk_id: int) -> str:
    return f"the risk “{seen.title}”" if seen is not None else f"risk {risk_id}"


def _describe_risk(field: str, value: object) -> str | None:
    """The ROAM column by its title in a conflict message ("Owned", not "owned")."""
    if field == "status" and isinstance(value, RoamStatus):
        return roam.STATUS_TITLE[value]
    return None

"""Flow use cases: import work items, edit the mappings, compute the figures and forecasts.

The ART's items and history are read once and kept (``_data``) until something of the flow area
changes, so switching team or window in the Flow panel only recomputes, it does not reload.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any

from rte_desktop.domain.errors import NotFoundError, ValidationError
from rte_desktop.domain.flow_forecast import Forecast, how_many, when_done
from rte_desktop.domain.flow_import import guess_work_type
from rte_desktop.domain.flow_metrics import (
    AgingItem,
    Change,
    FlowItem,
    ItemTimes,
    ScopeIndex,
    Stage,
    StageKind,
    TimeStats,
    Workflow,
    WorkType,
    aging,
    distribution,
    efficiency_percent,
    time_stats,
    times_and_reaches,
)
from rte_desktop.domain.model import (
    Art,
    FlowStage,
    FlowTeamMap,
    FlowTypeMap,
    Iteration,
    PlanningInterval,
    Team,
    WorkItem,
)
from rte_desktop.domain.train import local_date
from rte_desktop.services.common.changes import Area, Changes, Outcome
from rte_desktop.services.common.context import ServiceContext
from rte_desktop.services.flow.work_item_import import (
    ImportSummary,
    collector_paused,
    read_export,
    store_export,
)

UNMAPPED = "unmapped"
LEAD_TIME = "lead time (created → resolved)"
FLOW_TIME = "flow time"


@dataclass(frozen=True)
class FlowData:
    """An ART's items, as the metrics see them, and its workflow."""

    art: Art
    workflow: Workflow
    items: tuple[FlowItem, ...]
    teams: tuple[str, ...]
    times: dict[str, ItemTimes] = field(default_factory=dict)
    reaches: dict[str, list[dt.date | None]] = field(default_factory=dict)  # per stage
    # the whole ART's items by key and index, when ``read`` built them (on the worker thread)
    whole: tuple[dict[str, FlowItem], ScopeIndex] | None = None


@dataclass(frozen=True)
class FinishedItem:
    """A point of the flow-time scatter plot."""

    key: str
    title: str
    work_type: str
    team: str | None
    done: dt.date
    days: int


@dataclass(frozen=True)
class FlowFigures:
    """Everything the Flow panel, the report and the command line show for one scope."""

    art: str
    team: str | None
    first: dt.date
    last: dt.date
    today: dt.date
    basis: str  # FLOW_TIME, or LEAD_TIME when no item in scope has a status history
    velocity: int
    distribution: dict[str, float]
    flow_time: TimeStats
    load: dict[dt.date, int]
    efficiency_percent: float | None
    finished: list[FinishedItem]
    aging: list[AgingItem]
    cfd: dict[str, list[int]]
    velocity_by_iteration: list[tuple[str, int]]
    throughput: list[int]

    def summary(self) -> list[str]:
        """The figures as short lines (the I&A measurement view, the text of the report)."""
        stats = self.flow_time
        label = "Flow time" if self.basis == FLOW_TIME else "Lead time (created → resolved)"
        shares = ", ".join(f"{k} {v:g}%" for k, v in self.distribution.items())
        return [
            f"Flow Velocity: {self.velocity} items finished",
            f"Flow Distribution: {shares or 'nothing finished'}",
            f"{label}: p50 {stats.p50:g} · p85 {stats.p85:g} · p95 {stats.p95:g} days"
            if stats.count
            else f"{label}: no item finished",
            f"Flow Load: {self.mean_load:.1f} items in progress on average",
            f"Flow Efficiency: {self.efficiency_text()}",
        ]

    def efficiency_text(self) -> str:
        """Efficiency as printed: "74%", or "n/a" with the reason (never a guess)."""
        if self.efficiency_percent is not None:
            return f"{self.efficiency_percent:.0f}%"
        if self.velocity == 0:
            return "n/a (nothing finished)"
        return "n/a (no status history)"

    def elapsed(self) -> list[dt.date]:
        """The window's days up to today (a window may reach into the future)."""
        return [day for day in self.load if day <= self.today]

    @property
    def mean_load(self) -> float:
        """Average items in progress over the window's days so far."""
        days = self.elapsed()
        return sum(self.load[day] for day in days) / len(days) if days else 0.0

    def little_law(self) -> str:
        """Little's law in one line: average flow time = average load / average throughput."""
        days = len(self.elapsed()) or 1
        per_day = self.velocity / days
        if per_day == 0:
            return "Little's law: no item finished in this window, so no flow time to expect."
        return (
            f"Little's law: an average load of {self.mean_load:.1f} items at "
            f"{per_day:.2f} items a day means about {self.mean_load / per_day:.0f} days "
            "of flow time; less work in progress means shorter flow time."
        )

    def to_json(self) -> dict[str, Any]:
        """The command line's JSON object (keys and definitions of issue 14)."""
        stats = self.flow_time
        return {
            "art": self.art,
            "team": self.team,
            "from": self.first.isoformat(),
            "to": self.last.isoformat(),
            "basis": self.basis,
            "velocity": self.velocity,
            "velocity_by_iteration": dict(self.velocity_by_iteration),
            "distribution": self.distribution,
            "flow_time_days": {
                "count": stats.count,
                "mean": _round(stats.mean),
                "p50": _round(stats.p50),
                "p85": _round(stats.p85),
                "p95": _round(stats.p95),
            },
            "load": {day.isoformat(): value for day, value in self.load.items()},
            "efficiency_percent": _round(self.efficiency_percent),
            "aging": [{"key": a.key, "age_days": a.age_days, "band": a.band} for a in self.aging],
        }


def _scope_of(data: FlowData, folded: str | None) -> tuple[dict[str, FlowItem], ScopeIndex]:
    """The items of the ART (``folded`` None) or of one team (case-folded name), and their index."""
    items = [i for i in data.items if folded is None or (i.team or "").casefold() == folded]
    times = [data.times[i.key] for i in items]
    reaches = [data.reaches[i.key] for i in items]
    return {i.key: i for i in items}, ScopeIndex.build(items, data.workflow, times, reaches)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


class FlowService:
    """Work items of an ART and the SAFe flow metrics over them."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx
        self._cache: dict[int, FlowData] = {}
        self._indexes: dict[tuple[int, str | None], tuple[dict[str, FlowItem], ScopeIndex]] = {}
        self._generation = 0  # counts forget(): a read begun before one is stale

    # -- import and mappings --------------------------------------------------------------------

    def import_work_items(
        self, art_id: int, path: Path, *, add_statuses: bool = False
    ) -> Outcome[ImportSummary]:
        """Import an export file into the ART in one transaction.

        Raises:
            ImportFormatError: the file is not a work-item export or has bad cells (located);
                nothing is written then.
        """
        with collector_paused():
            parsed = read_export(Path(path))
            with self._ctx.uow() as uow:
                uow.get(Art, art_id)
                summary = store_export(uow, art_id, parsed, add_statuses=add_statuses)
            del parsed
        return Outcome(summary, self._changed(art_id))

    def workflow(self, art_id: int) -> list[FlowStage]:
        """The ART's workflow stages in order."""
        with self._ctx.uow() as uow:
            return uow.find(FlowStage, art_id=art_id, order_by=["position"])

    def set_workflow(self, art_id: int, stages: list[tuple[str, StageKind]]) -> Outcome[int]:
        """Replace the workflow by these stages (names unique, at least one done stage).

        Raises:
            ValidationError: an empty or repeated name, or no done stage.
        """
        names = [name.strip() for name, _ in stages]
        if any(not name for name in names):
            raise ValidationError("A workflow status needs a name.")
        if len({n.casefold() for n in names}) != len(names):
            raise ValidationError("Each workflow status may appear only once.")
        if not any(kind is StageKind.DONE for _, kind in stages):
            raise ValidationError("The workflow needs at least one done status.")
        with self._ctx.uow() as uow:
            uow.delete_where(FlowStage, art_id=art_id)
            for position, (name, kind) in enumerate(stages):
                uow.add(FlowStage(art_id=art_id, name=name.strip(), kind=kind, position=position))
        return Outcome(len(stages), self._changed(art_id))

    def set_stage_kind(self, art_id: int, name: str, kind: StageKind) -> Outcome[FlowStage]:
        """Give a workflow status another kind; a status not in the workflow is added last.

        Raises:
            ValidationError: an empty name, or the change would leave no done status.
        """
        name = name.strip()
        if not name:
            raise ValidationError("A workflow status needs a name.")
        with self._ctx.uow() as uow:
            stages = uow.find(FlowStage, art_id=art_id, order_by=["position"])
            found = next((s for s in stages if s.name.casefold() == name.casefold()), None)
            others_done = any(s.kind is StageKind.DONE for s in stages if s is not found)
            if kind is not StageKind.DONE and not others_done:
                raise ValidationError("The workflow needs at least one done status.")
            if found is None:
                position = max((s.position for s in stages), default=-1) + 1
                stage = uow.add(FlowStage(art_id=art_id, name=name, kind=kind, position=position))
            else:
                stage = uow.patch(FlowStage, found.id, kind=kind)  # type: ignore[arg-type]
        return Outcome(stage, self._changed(art_id))

    def team_sources(self, art_id: int) -> dict[str, str | None]:
        """Every team value of the ART's items and the team it belongs to (None: no team)."""
        from rte_desktop.storage import flow_store  # bulk rows; loads SQLAlchemy on first use

        data = self.data(art_id)
        with self._ctx.uow() as uow:
            rows = flow_store.load_items(uow, art_id)
        by_key = {i.key: i.team for i in data.items}
        found: dict[str, str | None] = {}
        for row in rows:
            source = row[5]
            if source and source not in found:
                found[source] = by_key.get(row[1])
        return dict(sorted(found.items()))

    def type_mapping(self, art_id: int) -> dict[str, WorkType | None]:
        """Every item type of the ART and the flow type it counts as (None: unmapped)."""
        from rte_desktop.storage import flow_store  # bulk rows; loads SQLAlchemy on first use

        with self._ctx.uow() as uow:
            stored = {
                m.raw_type.casefold(): m.work_type for m in uow.find(FlowTypeMap, art_id=art_id)
            }
            raw = sorted({row[3] for row in flow_store.load_items(uow, art_id)})
        return {name: stored.get(name.casefold(), guess_work_type(name)) for name in raw}

    def map_type(self, art_id: int, raw_type: str, work_type: WorkType) -> Outcome[None]:
        """Count items of ``raw_type`` as ``work_type`` from now on."""
        with self._ctx.uow() as uow:
            for found in uow.find(FlowTypeMap, art_id=art_id):
                if found.raw_type.casefold() == raw_type.casefold():
                    uow.delete(FlowTypeMap, found.id)  # type: ignore[arg-type]
            uow.add(FlowTypeMap(art_id=art_id, raw_type=raw_type, work_type=work_type))
        return Outcome(None, self._changed(art_id))

    def map_team(self, art_id: int, source_value: str, team_id: int) -> Outcome[None]:
        """Items whose team field reads ``source_value`` belong to the team ``team_id``."""
        with self._ctx.uow() as uow:
            team = uow.get(Team, team_id)
            if team.art_id != art_id:
                raise NotFoundError(f"Team {team.name} is not on this ART.")
            for found in uow.find(FlowTeamMap, art_id=art_id):
                if found.source_value.casefold() == source_value.casefold():
                    uow.delete(FlowTeamMap, found.id)  # type: ignore[arg-type]
            uow.add(FlowTeamMap(art_id=art_id, source_value=source_value, team_id=team_id))
        return Outcome(None, self._changed(art_id))

    def _changed(self, art_id: int) -> Changes:
        self.forget()
        return self._ctx.publish(Changes.of(Area.FLOW))

    def forget(self) -> None:
        """Drop the cached data (another part of the app changed the train).

        A read under way (``read`` on a worker thread) is stale from now on: ``keep`` drops it.
        """
        self._cache.clear()
        self._indexes.clear()
        self._generation += 1

    def _scope(self, art_id: int, team: str | None) -> tuple[dict[str, FlowItem], ScopeIndex]:
        """The items of the ART or one team by key, and their index (cached like the data)."""
        folded = team.casefold() if team else None
        found = self._indexes.get((art_id, folded))
        if found is None:
            data = self.data(art_id)
            found = data.whole if folded is None and data.whole else _scope_of(data, folded)
            self._indexes[(art_id, folded)] = found
        return found

    # -- reading ----------------------------------------------------------------------------------

    def data(self, art_id: int) -> FlowData:
        """The ART's items with team names and flow types resolved (cached until a change)."""
        if art_id in self._cache:
            return self._cache[art_id]
        data = self.read(art_id)
        self._keep(art_id, data)
        return data

    def loaded(self, art_id: int) -> FlowData | None:
        """The ART's cached data, None when it has not been read since the last change."""
        return self._cache.get(art_id)

    @property
    def generation(self) -> int:
        """Changes with every ``forget``: pass it to ``keep`` with what ``read`` returned."""
        return self._generation

    def item_count(self, art_id: int) -> int:
        """How many work items the ART has (a quick count, for "loading N items")."""
        with self._ctx.uow(read_only=True) as uow:
            return uow.count(WorkItem, art_id=art_id)

    def read(self, art_id: int, *, index: bool = False) -> FlowData:
        """Read the ART's flow data from the database without caching it.

        Safe on a worker thread: it uses its own read-only unit of work (its own connection)
        and touches nothing the service keeps. Hand the result to ``keep`` on the thread that
        uses the service, with the ``generation`` taken before the read began. ``index``: also
        build the whole ART's index (what the first figures need), off the caller's thread.
        """
        with collector_paused():
            data = self._load(art_id)
            if index:
                data = replace(data, whole=_scope_of(data, None))
            return data

    def keep(self, art_id: int, data: FlowData, generation: int) -> bool:
        """Cache data from ``read`` unless the train changed since ``generation`` (then False)."""
        if generation != self._generation:
            return False
        self._keep(art_id, data)
        return True

    def _keep(self, art_id: int, data: FlowData) -> None:
        self._cache[art_id] = data
        # A ten-year history is hundreds of thousands of long-lived objects: keep the cyclic
        # garbage collector from walking them again and again (pauses of a second when the
        # panel redraws). They are still freed by reference counting when the data is dropped.
        gc.freeze()

    def _load(self, art_id: int) -> FlowData:
        from rte_desktop.storage import flow_store  # bulk rows; loads SQLAlchemy on first use

        with self._ctx.uow(snapshot=True, read_only=True) as uow:
            art = uow.get(Art, art_id)
            stages = uow.find(FlowStage, art_id=art_id, order_by=["position"])
            teams = uow.find(Team, art_id=art_id)
            team_maps = uow.find(FlowTeamMap, art_id=art_id)
            type_maps = uow.find(FlowTypeMap, art_id=art_id)
            rows = flow_store.load_flow_items(uow, art_id)
            changes = flow_store.load_changes(uow, art_id)
        team_name = {t.id: t.name for t in teams}
        by_source = {t.name.casefold(): t.name for t in teams}
        by_source.update({m.source_value.casefold(): team_name[m.team_id] for m in team_maps})
        teams_of = {s: by_source.get(s.casefold()) for s in {r[4] for r in rows} if s}
        types = {m.raw_type.casefold(): m.work_type for m in type_maps}
        # Every distinct day is parsed once (a few thousand, against 400,000 changes). A change
        # is an immutable (day, status) pair and the same pair recurs across items, so each
        # distinct pair is built once and shared (a tenth of the objects on a ten-year history).
        on_day: dict[str, tuple[dt.date, dict[str, Change]]] = {
            text: (dt.date.fromisoformat(text), {}) for text in {row[1] for row in changes}
        }
        history: dict[int, tuple[Change, ...]] = {}
        for item_id, group in groupby(changes, itemgetter(0)):  # ordered by item: one run each
            run = []
            for _, text, status in group:
                day, made = on_day[text]
                change = made.get(status)
                if change is None:
                    change = made[status] = Change(day, status)
                run.append(change)
            history[item_id] = tuple(run)
        texts = {row[5] for row in rows} | {row[6] for row in rows}
        days = {text: dt.date.fromisoformat(text) for text in texts if text}
        kinds: dict[str, WorkType | None] = {}
        items = []
        for item_id, key, title, raw_type, source, created, resolved, has_history, known in rows:
            if raw_type not in kinds:
                folded = raw_type.casefold()
                kinds[raw_type] = types[folded] if folded in types else guess_work_type(raw_type)
            items.append(
                FlowItem(
                    key=key,
                    title=title,
                    work_type=kinds[raw_type],
                    team=teams_of[source] if source else None,
                    created=days[created] if created else None,
                    resolved=days[resolved] if resolved else None,
                    history=history.get(item_id, ()) if has_history else (),
                    active_known=bool(known),
                )
            )
        workflow = Workflow(tuple(Stage(s.name, s.kind) for s in stages))
        all_times, all_reaches = times_and_reaches(items, workflow)
        times = {item.key: t for item, t in zip(items, all_times, strict=True)}
        reaches = {item.key: r for item, r in zip(items, all_reaches, strict=True)}
        return FlowData(art, workflow, tuple(items), tuple(t.name for t in teams), times, reaches)

    def today(self, art_id: int) -> dt.date:
        """Today in the ART's time zone (does not load the history)."""
        data = self._cache.get(art_id)
        if data is not None:
            art = data.art
        else:
            with self._ctx.uow(read_only=True) as uow:
                art = uow.get(Art, art_id)
        return local_date(self._ctx.clock.now(), art.time_zone)

    def window_of_pi(self, art_id: int, pi_name: str | None) -> tuple[dt.date, dt.date]:
        """The dates of the named PI, or of the current one (the latest that started)."""
        with self._ctx.uow() as uow:
            pis = uow.find(PlanningInterval, art_id=art_id, order_by=["start"])
        if not pis:
            raise ValidationError("The ART has no PI; give a window with --from and --to.")
        if pi_name is None:
            today = self.today(art_id)
            started = [pi for pi in pis if pi.start <= today] or pis[:1]
            pi = started[-1]
            return pi.start, pi.end
        for pi in pis:
            if pi.name.casefold() == pi_name.strip().casefold():
                return pi.start, pi.end
        known = ", ".join(pi.name for pi in pis)
        raise ValidationError(f"No PI is named '{pi_name}'. Known PIs: {known}.")

    def figures(self, art_id: int, team: str | None, first: dt.date, last: dt.date) -> FlowFigures:
        """The flow figures of the ART (or one team) for a window, both ends included.

        Raises:
            ValidationError: the window ends before it starts, or the team is unknown.
        """
        if last < first:
            raise ValidationError(f"The window ends ({last}) before it starts ({first}).")
        if (last - first).days > 3700:
            raise ValidationError("Choose a window of at most ten years.")
        data = self.data(art_id)
        if team is not None and team.casefold() not in {t.casefold() for t in data.teams}:
            known = ", ".join(data.teams) or "none"
            raise ValidationError(f"The ART has no team '{team}'. Teams: {known}.")
        by_key, index = self._scope(art_id, team)
        finished = index.finished_in(first, last)
        durations = [t.flow_days for t in finished if t.flow_days is not None]
        stats = time_stats(durations)
        history = any(t.history for t in index.times)
        scatter = [
            FinishedItem(
                t.key,
                by_key[t.key].title,
                (by_key[t.key].work_type or UNMAPPED),
                by_key[t.key].team,
                t.done,  # type: ignore[arg-type]
                t.flow_days or 0,
            )
            for t in finished
        ]
        today = self.today(art_id)
        return FlowFigures(
            art=data.art.name,
            team=team,
            first=first,
            last=last,
            today=today,
            basis=FLOW_TIME if history else LEAD_TIME,
            velocity=len(finished),
            distribution=distribution(str(by_key[t.key].work_type or UNMAPPED) for t in finished),
            flow_time=stats,
            load=index.load(first, last),
            efficiency_percent=efficiency_percent(finished),
            finished=scatter,
            aging=aging(index.unfinished, stats, min(today, last)),
            cfd=index.cumulative_flow(data.workflow, first, last) if history else {},
            velocity_by_iteration=self._by_iteration(art_id, finished, first, last),
            throughput=index.throughput(first, last),
        )

    def _by_iteration(
        self, art_id: int, finished: list[ItemTimes], first: dt.date, last: dt.date
    ) -> list[tuple[str, int]]:
        """Items finished in each iteration that overlaps the window."""
        with self._ctx.uow() as uow:
            pis = uow.find(PlanningInterval, art_id=art_id, order_by=["start"])
            iterations = uow.find(Iteration, pi_id=[p.id for p in pis], order_by=["start"])
        pi_name = {p.id: p.name for p in pis}
        done = Counter(t.done for t in finished if t.done is not None)
        return [
            (
                # names made by the cadence carry their PI ("PI 2026.2 I1"); a custom one may not
                it.name if pi_name[it.pi_id] in it.name else f"{pi_name[it.pi_id]} {it.name}",
                sum(n for day, n in done.items() if it.start <= day <= it.end),
            )
            for it in iterations
            if it.start <= last and it.end >= first
        ]

    def forecast(
        self,
        art_id: int,
        team: str | None,
        *,
        items: int | None = None,
        until: dt.date | None = None,
        history_days: int = 90,
        seed: int = 1,
    ) -> Forecast:
        """Monte Carlo over the daily throughput of the last ``history_days`` days.

        Give ``items`` for "when will these N be done" (answers in days from today) or ``until``
        for "how many by this date".

        Raises:
            ValidationError: neither or both questions, a date not after today, or no past data.
        """
        if (items is None) == (until is None):
            raise ValidationError("Ask either how long N items take or how many by a date.")
        today = self.today(art_id)
        _items, index = self._scope(art_id, team)
        throughput = index.throughput(today - dt.timedelta(days=history_days - 1), today)
        if items is not None:
            return when_done(throughput, items, seed=seed)
        assert until is not None
        if until <= today:
            raise ValidationError(f"Choose a date after today ({today}).")
        return how_many(throughput, (until - today).days, seed=seed)

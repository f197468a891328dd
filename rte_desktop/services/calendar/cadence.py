"""Generate the ART's cadence: PIs, iterations and events, and say first what would change."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rte_desktop.domain import cadence
from rte_desktop.domain.calendar_rules import CalendarRules, event_uid
from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.event_placement import Placement, place_events
from rte_desktop.domain.model import (
    Art,
    Event,
    Feature,
    Holiday,
    Iteration,
    Milestone,
    PlanningInterval as Pi,
)
from rte_desktop.domain.regeneration import EventDiff, PiMatch, diff_events, match_pis
from rte_desktop.services.common.changes import Area, Changes, Outcome
from rte_desktop.services.common.pis import add_pi

if TYPE_CHECKING:
    from rte_desktop.services.common.context import ServiceContext
    from rte_desktop.storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class CadenceRequest:
    """What the "Generate cadence" dialog asks for."""

    first_start: dt.date
    pi_count: int = 5
    iteration_weeks: int = 2
    dev_iterations: int = 4
    ip_iteration: bool = True
    naming: str = cadence.DEFAULT_PI_NAMING
    iteration_naming: str = cadence.DEFAULT_ITERATION_NAMING
    ip_naming: str = cadence.DEFAULT_IP_NAMING
    working_days: str = "01234"
    time_zone: str = "UTC"
    rules: CalendarRules = field(default_factory=CalendarRules)


@dataclass(frozen=True)
class CadencePreview:
    """Everything generating would do, in words and in values."""

    matches: tuple[PiMatch, ...]
    events: EventDiff
    skipped: tuple[str, ...]
    removed_iterations: tuple[str, ...]
    unplanned_items: int  # features and milestones that lose their iteration

    @property
    def replaces_anything(self) -> bool:
        """True when stored data would change or go (then the user is asked first)."""
        redated = any(m.existing and _pi_differs(m) for m in self.matches)
        return (
            self.events.replaces_anything
            or redated
            or bool(self.removed_iterations)
            or self.unplanned_items > 0
        )

    def summary(self) -> list[str]:
        """One line per fact, for the dialog and the confirmation."""
        lines: list[str] = []
        new = [m.plan.name for m in self.matches if m.existing is None]
        if new:
            lines.append(f"Adds {len(new)} PI(s): {', '.join(new)}.")
        for m in self.matches:
            if m.existing is not None and _pi_differs(m):
                lines.append(
                    f"Re-plans {m.existing.name} ({_dates(m.existing)}) as {m.plan.name} "
                    f"({_dates(m.plan)})."
                )
        for name in self.removed_iterations:
            lines.append(f"Removes iteration {name}.")
        if self.unplanned_items:
            lines.append(
                f"{self.unplanned_items} feature(s)/milestone(s) planned in removed iterations "
                "become unplanned."
            )
        ev = self.events
        lines.append(
            f"Events: {len(ev.added)} new, {len(ev.updated)} changed, {len(ev.removed)} removed, "
            f"{ev.unchanged} unchanged, {len(ev.kept_manual)} edited by hand kept."
        )
        for old, new_value in ev.updated:
            change = f"  Changes {_event_line(old)} → {_event_line(new_value)}"
            if old.note != new_value.note:
                change += f" (note: {new_value.note or 'none'})"
            lines.append(change)
        for old in ev.removed:
            lines.append(f"  Removes {_event_line(old)}")
        for kept in ev.kept_manual:
            lines.append(f"  Keeps (edited by hand) {_event_line(kept)}")
        lines.extend(f"  Skipped: {text}" for text in self.skipped)
        return lines

    def replacements(self) -> list[str]:
        """Exactly what would be replaced or removed (the confirmation's list)."""
        return [line for line in self.summary() if not line.startswith(("Adds", "Events:"))]


def _dates(pi: Pi | cadence.PiPlan) -> str:
    return f"{cadence.short_date(pi.start)} – {cadence.short_date(pi.end)}"


def _event_line(event: Event) -> str:
    return f"{event.title}, {cadence.describe_day(event.start.date())} {event.start:%H:%M}"


def _pi_differs(match: PiMatch) -> bool:
    old = match.existing
    assert old is not None
    return (old.name, old.start, old.end) != (match.plan.name, match.plan.start, match.plan.end)


def check_time_zone(name: str) -> str:
    """The IANA zone name, checked against the bundled tz database."""
    import zoneinfo

    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            f"Unknown time zone '{name}'; use an IANA name such as Europe/Berlin."
        ) from None
    return name


@dataclass
class _Plan:
    plans: list[cadence.PiPlan]
    matches: list[PiMatch]
    placement: Placement
    current: list[Event]


class CadenceService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def preview(self, art_id: int, request: CadenceRequest) -> CadencePreview:
        """What ``generate`` would do; writes nothing.

        Raises:
            ValidationError: impossible input (lengths, counts, naming, holidays, overlaps).
        """
        with self._ctx.uow() as uow:
            plan = self._plan(uow, art_id, request)
            pi_ids = {
                i: (m.existing.id if m.existing and m.existing.id else -1 - i)
                for i, m in enumerate(plan.matches)
            }
            return self._preview(uow, art_id, plan, pi_ids)

    def generate(self, art_id: int, request: CadenceRequest) -> Outcome[CadencePreview]:
        """Write the cadence in one transaction and return what was done.

        Raises:
            ValidationError: impossible input; nothing is written then.
        """
        with self._ctx.uow() as uow:
            plan = self._plan(uow, art_id, request)
            pi_ids: dict[int, int] = {}
            for index, match in enumerate(plan.matches):
                pi_ids[index] = _store_pi(uow, art_id, match)
            result = self._preview(uow, art_id, plan, pi_ids)
            for event in result.events.removed:
                uow.delete(Event, event.id or 0)
            for _old, new in result.events.updated:
                uow.update(new)
            for event in result.events.added:
                uow.add(event)
            rules = request.rules
            art = uow.get(Art, art_id)
            uow.update(
                dataclasses.replace(
                    art,
                    time_zone=request.time_zone,
                    iteration_weeks=request.iteration_weeks,
                    dev_iterations=request.dev_iterations,
                    ip_iteration=request.ip_iteration,
                    working_days=request.working_days,
                    art_sync_weekday=rules.sync.weekday,
                    art_sync_time=rules.sync.start,
                )
            )
        return Outcome(result, self._ctx.publish(Changes.of(Area.TRAIN, Area.CALENDAR)))

    # -- internals ------------------------------------------------------------------------------

    def _plan(self, uow: UnitOfWork, art_id: int, request: CadenceRequest) -> _Plan:
        if not 1 <= request.pi_count <= cadence.MAX_PIS:
            raise ValidationError(
                f"Generate 1 to {cadence.MAX_PIS} PIs at a time, not {request.pi_count}."
            )
        check_time_zone(request.time_zone)
        working = cadence.parse_working_days(request.working_days)
        if request.first_start.weekday() not in working:
            raise ValidationError(
                f"The first PI would start on {cadence.describe_day(request.first_start)}, "
                "which is not a working day."
            )
        uow.get(Art, art_id)
        stored = uow.find(Pi, art_id=art_id, order_by=["start"])
        earlier = [pi.start for pi in stored]
        plans = cadence.plan_pis(
            request.first_start,
            request.iteration_weeks,
            request.dev_iterations,
            request.ip_iteration,
            request.pi_count,
            request.naming,
            iteration_naming=request.iteration_naming,
            ip_naming=request.ip_naming,
            earlier_starts=earlier,
        )
        # the PI after the last one, only for its name: the last PI Planning plans it
        following = cadence.plan_pis(
            plans[-1].end + dt.timedelta(days=1),
            request.iteration_weeks,
            request.dev_iterations,
            request.ip_iteration,
            1,
            request.naming,
            iteration_naming=request.iteration_naming,
            ip_naming=request.ip_naming,
            earlier_starts=[
                *(d for d in earlier if d < request.first_start),
                *(p.start for p in plans),
            ],
        )[0]
        matches = match_pis(stored, plans)
        kept_names = {
            pi.name.casefold(): pi
            for pi in stored
            if pi.id not in {m.existing.id for m in matches if m.existing}
        }
        for plan in plans:
            if plan.name.casefold() in kept_names:
                raise ValidationError(
                    f"The name {plan.name} is taken by the PI of "
                    f"{_dates(kept_names[plan.name.casefold()])}; change the naming scheme."
                )
        holidays = uow.find(Holiday, art_id=art_id, order_by=["start"])
        calendar = cadence.WorkingCalendar(
            working, [cadence.Blackout(h.name, h.start, h.end) for h in holidays]
        )
        cadence.check_workable(plans, calendar)
        placement = place_events(plans, request.rules, calendar, following.name)
        replanned = [m.existing.id for m in matches if m.existing and m.existing.id]
        current = uow.find(Event, art_id=art_id, pi_id=replanned, order_by=["start"])
        return _Plan(plans, matches, placement, current)

    def _preview(
        self, uow: UnitOfWork, art_id: int, plan: _Plan, pi_ids: dict[int, int]
    ) -> CadencePreview:
        wanted = [
            Event(
                art_id=art_id,
                pi_id=pi_ids[e.pi_index],
                kind=e.kind,
                title=e.title,
                start=e.start,
                end=e.end,
                uid=event_uid(art_id, pi_ids[e.pi_index], e.slot),
                note=e.note,
            )
            for e in plan.placement.events
        ]
        removed_names: list[str] = []
        removed_ids: list[int] = []
        for match in plan.matches:
            if match.existing is None:
                continue
            stored = uow.find(Iteration, pi_id=match.existing.id, order_by=["number"])
            for it in pair_iterations(stored, match.plan)[1]:
                removed_names.append(it.name)
                removed_ids.append(it.id or 0)
        unplanned = 0
        if removed_ids:
            unplanned = uow.count(Feature, iteration_id=removed_ids) + uow.count(
                Milestone, iteration_id=removed_ids
            )
        return CadencePreview(
            tuple(plan.matches),
            diff_events(plan.current, wanted),
            plan.placement.skipped,
            tuple(removed_names),
            unplanned,
        )


def _store_pi(uow: UnitOfWork, art_id: int, match: PiMatch) -> int:
    """Add a new PI, or re-date an existing one and its iterations (matched by number)."""
    plan = match.plan
    if match.existing is None:
        pi = add_pi(uow, art_id, plan)
        assert pi.id is not None
        return pi.id
    pi_id = match.existing.id
    assert pi_id is not None
    uow.update(dataclasses.replace(match.existing, name=plan.name, start=plan.start, end=plan.end))
    stored = uow.find(Iteration, pi_id=pi_id, order_by=["number"])
    pairs, leftovers = pair_iterations(stored, plan)
    for leftover in leftovers:
        uow.delete(Iteration, leftover.id or 0)
    for it, old in pairs:
        value = Iteration(
            pi_id=pi_id, number=it.number, name=it.name, start=it.start, end=it.end, is_ip=it.is_ip
        )
        if old is not None:
            uow.update(dataclasses.replace(value, id=old.id))
        else:
            uow.add(value)
    return pi_id


def pair_iterations(
    stored: list[Iteration], plan: cadence.PiPlan
) -> tuple[list[tuple[cadence.IterationPlan, Iteration | None]], list[Iteration]]:
    """Pair planned iterations with stored ones: development iterations in order, IP with IP.

    A development iteration never turns into the IP iteration (features planned in it would
    silently land in the IP iteration); the leftovers are removed.
    """
    dev = [it for it in stored if not it.is_ip]
    ip = [it for it in stored if it.is_ip]
    pairs: list[tuple[cadence.IterationPlan, Iteration | None]] = []
    for planned in plan.iterations:
        pool = ip if planned.is_ip else dev
        pairs.append((planned, pool.pop(0) if pool else None))
    return pairs, dev + ip

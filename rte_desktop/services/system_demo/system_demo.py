"""The System Demo of each iteration: its demo plan, live marks and feedback, and its agenda.

A demo plan belongs to a System Demo event of the calendar; its iteration is the one whose dates
hold the event's day. The plan is timeboxed with the agenda timer: ``build_agenda`` writes the
System Demo agenda template for the event with the template's "Feature demos" slot replaced by
one item per planned demo, so the existing timer (and presenter view) runs it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from rte_desktop.domain import system_demo as rules
from rte_desktop.domain.agenda_plan import clock_time, minutes
from rte_desktop.domain.agenda_templates import template
from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.kinds import EventKind, RiskSource
from rte_desktop.domain.model import (
    Agenda,
    AgendaItem,
    Art,
    DemoFeedback,
    DemoItem,
    Event,
    Feature,
    Iteration,
    PlanningInterval,
    Risk,
    Team,
)
from rte_desktop.domain.train import clean_name, local_date
from rte_desktop.services.common.changes import Area, Changes, Outcome
from rte_desktop.services.common.features import add_backlog_feature, next_key
from rte_desktop.services.system_demo.demo_plan import DemoPlan, DemoSlot, DemoSummary

if TYPE_CHECKING:
    from rte_desktop.services.common.context import ServiceContext
    from rte_desktop.storage.unit_of_work import UnitOfWork

TEMPLATE_KEY = "system_demo"
DEMO_SLOT_TITLE = "Feature demos, end to end"  # the template item the demo slots replace


def _utc_now(ctx: ServiceContext) -> dt.datetime:
    return ctx.clock.now().astimezone(dt.UTC).replace(tzinfo=None)


def iteration_of(event: Event, iterations: list[Iteration]) -> Iteration | None:
    day = event.start.date()
    return next((it for it in iterations if it.start <= day <= it.end), None)


class SystemDemoService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def _done(self, *more: Area) -> Changes:
        return self._ctx.publish(Changes.of(Area.SYSTEM_DEMO, *more))

    # -- reading --------------------------------------------------------------------------------

    def demos(self, pi_id: int) -> list[DemoSummary]:
        """The PI's System Demo events by date, each with its plan's counts."""
        with self._ctx.uow() as uow:
            events = uow.find(
                Event, pi_id=pi_id, kind=EventKind.SYSTEM_DEMO.value, order_by=["start"]
            )
            iterations = uow.find(Iteration, pi_id=pi_id, order_by=["number"])
            items = uow.find(DemoItem, event_id=[e.id for e in events])
            feedback = uow.find(DemoFeedback, demo_item_id=[i.id for i in items])
        per_item: dict[int, int] = {}
        for f in feedback:
            per_item[f.demo_item_id] = per_item.get(f.demo_item_id, 0) + 1
        result = []
        for event in events:
            mine = [i for i in items if i.event_id == event.id]
            result.append(
                DemoSummary(
                    event,
                    iteration_of(event, iterations),
                    len(mine),
                    sum(1 for i in mine if i.demoed),
                    sum(1 for i in mine if i.accepted),
                    sum(per_item.get(i.id or 0, 0) for i in mine),
                )
            )
        return result

    def plan(self, event_id: int) -> DemoPlan:
        """A System Demo's plan in running order, with each slot's feature and feedback."""
        with self._ctx.uow() as uow:
            event = _demo_event(uow, event_id)
            iterations = uow.find(Iteration, pi_id=event.pi_id) if event.pi_id else []
            items = uow.find(DemoItem, event_id=event_id, order_by=["position", "id"])
            features = {
                f.id: f for f in uow.find(Feature, id=[i.feature_id for i in items if i.feature_id])
            }
            feedback = uow.find(
                DemoFeedback, demo_item_id=[i.id for i in items], order_by=["at", "id"]
            )
            agenda = uow.first(Agenda, event_id=event_id, order_by=["id"])
        slots = [
            DemoSlot(
                item,
                features.get(item.feature_id) if item.feature_id else None,
                [f for f in feedback if f.demo_item_id == item.id],
            )
            for item in items
        ]
        return DemoPlan(event, iteration_of(event, iterations), slots, agenda)

    def shares(self, pi_id: int) -> list[rules.DemoShare]:
        """Per development iteration whose System Demo has begun: planned features demoed.

        Iterations whose demo is still ahead (in the ART's time zone) are left out.
        """
        with self._ctx.uow() as uow:
            pi = uow.get(PlanningInterval, pi_id)
            today = local_date(self._ctx.clock.now(), uow.get(Art, pi.art_id).time_zone)
            iterations = uow.find(Iteration, pi_id=pi_id, order_by=["number"])
            events = uow.find(Event, pi_id=pi_id, kind=EventKind.SYSTEM_DEMO.value)
            items = uow.find(DemoItem, event_id=[e.id for e in events])
            features = uow.find(Feature, pi_id=pi_id)
        result = []
        for it in iterations:
            if it.is_ip:
                continue
            its_events = {e.id for e in events if iteration_of(e, [it]) is it}
            if not any(e.start.date() <= today for e in events if e.id in its_events):
                continue
            planned = [f.id for f in features if f.iteration_id == it.id and f.id is not None]
            demoed = [
                i.feature_id
                for i in items
                if i.event_id in its_events and i.demoed and i.feature_id is not None
            ]
            result.append(rules.demo_share(it.name, planned, demoed))
        return result

    def report(
        self, pi_id: int, out: Path, iteration: int | None = None, paper: str = "a4"
    ) -> Path:
        """What was shown, accepted and said: one iteration's demo, or every demo of the PI.

        Raises:
            ValidationError: the PI has no iteration ``iteration``.
        """
        from rte_desktop.reports.demo_report import DemoReport
        from rte_desktop.services.system_demo.demo_files import (
            section,
            share_text,
            write_demo_report,
        )

        with self._ctx.uow() as uow:
            pi = uow.get(PlanningInterval, pi_id)
            art = uow.get(Art, pi.art_id)
            numbers = [it.number for it in uow.find(Iteration, pi_id=pi_id)]
        if iteration is not None and iteration not in numbers:
            known = ", ".join(str(n) for n in sorted(numbers))
            raise ValidationError(f"{pi.name} has no iteration {iteration} (it has {known}).")
        summaries = [
            s
            for s in self.demos(pi_id)
            if iteration is None or (s.iteration is not None and s.iteration.number == iteration)
        ]
        plans = [self.plan(s.event.id or 0) for s in summaries]
        with self._ctx.uow() as uow:
            ids = [
                fb.feature_id for p in plans for s in p.slots for fb in s.feedback if fb.feature_id
            ]
            features = {f.id or 0: f.key or f.title for f in uow.find(Feature, id=ids)}
            risk_ids = [
                fb.risk_id for p in plans for s in p.slots for fb in s.feedback if fb.risk_id
            ]
            risks = {r.id or 0 for r in uow.find(Risk, id=risk_ids)}
        shares = self.shares(pi_id)
        if iteration is not None:
            wanted = {s.iteration.name for s in summaries if s.iteration is not None}
            shares = [s for s in shares if s.iteration in wanted]
        today = local_date(self._ctx.clock.now(), art.time_zone)
        report = DemoReport(
            art_name=art.name,
            pi_name=pi.name if iteration is None else f"{pi.name}, iteration {iteration}",
            printed_on=f"{today:%d %b %Y}",
            sections=[section(p, features, risks) for p in plans],
            shares=[(s.iteration, share_text(s)) for s in shares],
        )
        return write_demo_report(report, out, paper)

    # -- the plan -------------------------------------------------------------------------------

    def add_item(
        self,
        event_id: int,
        *,
        feature_id: int | None = None,
        title: str = "",
        presenter: str = "",
        minutes_: int = 5,
    ) -> Outcome[DemoItem]:
        """Add a slot at the end of the plan: a feature (its title by default) or a free title."""
        rules.check_minutes(minutes_)
        with self._ctx.uow() as uow:
            event = _demo_event(uow, event_id)
            if feature_id is not None:
                feature = uow.get(Feature, feature_id)
                if feature.pi_id != event.pi_id:
                    raise ValidationError(f"{feature.title} is a feature of another PI.")
                title = title or feature.title
            item = uow.add(
                DemoItem(
                    event_id=event_id,
                    feature_id=feature_id,
                    title=clean_name(title, "The demo's title"),
                    presenter=" ".join(presenter.split()),
                    minutes=minutes_,
                    position=_next_position(uow, event_id),
                )
            )
        return Outcome(item, self._done())

    def plan_from_board(self, event_id: int) -> Outcome[list[DemoItem]]:
        """Add every feature planned in the demo's iteration that the plan lacks (team presents)."""
        with self._ctx.uow() as uow:
            event = _demo_event(uow, event_id)
            iteration = iteration_of(event, uow.find(Iteration, pi_id=event.pi_id))
            if iteration is None:
                raise ValidationError(
                    f"{event.title} ({event.start:%d %b}) is in no iteration of its PI."
                )
            have = {i.feature_id for i in uow.find(DemoItem, event_id=event_id)}
            teams = {t.id: t.name for t in uow.find(Team)}
            position = _next_position(uow, event_id)
            added = []
            for feature in uow.find(Feature, iteration_id=iteration.id, order_by=["position"]):
                if feature.id in have:
                    continue
                added.append(
                    uow.add(
                        DemoItem(
                            event_id=event_id,
                            feature_id=feature.id,
                            title=feature.title,
                            presenter=teams.get(feature.team_id, ""),
                            position=position,
                        )
                    )
                )
                position += 1
        return Outcome(added, self._done())

    def edit_item(
        self,
        item_id: int,
        *,
        title: str | None = None,
        presenter: str | None = None,
        minutes_: int | None = None,
    ) -> Outcome[DemoItem]:
        changes: dict[str, object] = {}
        if title is not None:
            changes["title"] = clean_name(title, "The demo's title")
        if presenter is not None:
            changes["presenter"] = " ".join(presenter.split())
        if minutes_ is not None:
            rules.check_minutes(minutes_)
            changes["minutes"] = minutes_
        with self._ctx.uow() as uow:
            saved = uow.patch(DemoItem, item_id, **changes)
        return Outcome(saved, self._done())

    def move_item(self, item_id: int, delta: int) -> Outcome[DemoItem]:
        """Move a slot up (-1) or down (+1) in the running order."""
        with self._ctx.uow() as uow:
            item = uow.get(DemoItem, item_id)
            order = uow.find(DemoItem, event_id=item.event_id, order_by=["position", "id"])
            index = next(i for i, x in enumerate(order) if x.id == item_id)
            target = max(0, min(len(order) - 1, index + delta))
            order.insert(target, order.pop(index))
            for position, x in enumerate(order):
                if x.position != position:
                    uow.update(dataclasses.replace(x, position=position))
            saved = uow.get(DemoItem, item_id)
        return Outcome(saved, self._done())

    def delete_item(self, item_id: int) -> Outcome[DemoItem]:
        with self._ctx.uow() as uow:
            item = uow.get(DemoItem, item_id)
            uow.delete(DemoItem, item_id)
        return Outcome(item, self._done())

    # -- during the demo ------------------------------------------------------------------------

    def set_demoed(self, item_id: int, demoed: bool) -> Outcome[DemoItem]:
        with self._ctx.uow() as uow:
            saved = uow.update(dataclasses.replace(uow.get(DemoItem, item_id), demoed=demoed))
        return Outcome(saved, self._done())

    def set_accepted(self, item_id: int, accepted: bool | None) -> Outcome[DemoItem]:
        """Accepted (True), not accepted (False) or undecided (None) by PM / Business Owners."""
        with self._ctx.uow() as uow:
            item = uow.get(DemoItem, item_id)
            if accepted is not None and not item.demoed:
                raise ValidationError(
                    f"'{item.title}' was not demoed; mark it demoed before accepting it."
                )
            saved = uow.update(dataclasses.replace(item, accepted=accepted))
        return Outcome(saved, self._done())

    def add_feedback(self, item_id: int, text: str) -> Outcome[DemoFeedback]:
        """Stakeholder feedback on a slot, as typed during the demo."""
        cleaned = rules.clean_feedback(text)
        with self._ctx.uow() as uow:
            uow.get(DemoItem, item_id)
            saved = uow.add(
                DemoFeedback(demo_item_id=item_id, text=cleaned, at=_utc_now(self._ctx))
            )
        return Outcome(saved, self._done())

    def feedback_to_feature(self, feedback_id: int) -> Outcome[Feature]:
        """Turn feedback into a new funnel feature of the next PI's backlog (else this PI's).

        Raises:
            ValidationError: the feedback already became a feature.
        """
        with self._ctx.uow() as uow:
            feedback = uow.get(DemoFeedback, feedback_id)
            if feedback.feature_id is not None:
                raise ValidationError("This feedback is already a backlog feature.")
            event = uow.get(Event, uow.get(DemoItem, feedback.demo_item_id).event_id)
            pi_id = _backlog_pi(uow, event)
            feature = add_backlog_feature(
                uow,
                pi_id,
                _title_of(feedback.text),
                key=next_key(uow, pi_id, "FB"),
                acceptance_criteria=f"From the System Demo on {event.start:%d %b %Y}: "
                f"{feedback.text}",
            )
            uow.update(dataclasses.replace(feedback, feature_id=feature.id))
        return Outcome(feature, self._done(Area.BACKLOG, Area.BOARD))

    def feedback_to_risk(self, feedback_id: int) -> Outcome[Risk]:
        """Turn feedback into an unROAMed ART PI risk of the demo's PI.

        Raises:
            ValidationError: the feedback already became a risk.
        """
        with self._ctx.uow() as uow:
            feedback = uow.get(DemoFeedback, feedback_id)
            if feedback.risk_id is not None:
                raise ValidationError("This feedback is already a risk.")
            item = uow.get(DemoItem, feedback.demo_item_id)
            event = uow.get(Event, item.event_id)
            if event.pi_id is None:
                raise ValidationError(f"{event.title} belongs to no PI.")
            risk = uow.add(
                Risk(
                    pi_id=event.pi_id,
                    title=_title_of(feedback.text),
                    description=f"System Demo {event.start:%d %b %Y}, '{item.title}': "
                    f"{feedback.text}",
                    source=RiskSource.OTHER,
                    created_at=_utc_now(self._ctx),
                    position=_next_risk_position(uow, event.pi_id),
                )
            )
            uow.update(dataclasses.replace(feedback, risk_id=risk.id))
        return Outcome(risk, self._done(Area.RISKS))

    # -- the timebox ----------------------------------------------------------------------------

    def build_agenda(self, event_id: int) -> Outcome[Agenda]:
        """Write (or rewrite) the event's System Demo agenda with one item per demo slot.

        The template's items keep their order and lengths; its "Feature demos" item becomes the
        plan's slots (title, presenter, minutes); times run back to back from the event's start.
        """
        tpl = template(TEMPLATE_KEY)
        with self._ctx.uow() as uow:
            event = _demo_event(uow, event_id)
            if event.pi_id is None:
                raise ValidationError(f"{event.title} belongs to no PI.")
            slots = uow.find(DemoItem, event_id=event_id, order_by=["position", "id"])
            features = {
                f.id: f for f in uow.find(Feature, id=[s.feature_id for s in slots if s.feature_id])
            }
            agenda = uow.first(Agenda, event_id=event_id, order_by=["id"])
            if agenda is None:
                agenda = uow.add(
                    Agenda(
                        pi_id=event.pi_id,
                        event_id=event_id,
                        title=event.title,
                        template=TEMPLATE_KEY,
                    )
                )
            else:
                uow.delete_where(AgendaItem, agenda_id=agenda.id)
            assert agenda.id is not None
            rows: list[tuple[str, int, str, bool]] = []
            for t in tpl.items:
                if t.title == DEMO_SLOT_TITLE and slots:
                    for s in slots:
                        feature = features.get(s.feature_id) if s.feature_id else None
                        key = f"{feature.key} " if feature is not None and feature.key else ""
                        rows.append((f"Demo: {key}{s.title}", s.minutes, s.presenter, False))
                else:
                    rows.append((t.title, t.duration_min or 0, t.presenter, t.is_break))
            start = minutes(event.start.time())
            for position, (title, length, presenter, is_break) in enumerate(rows):
                uow.add(
                    AgendaItem(
                        agenda_id=agenda.id,
                        position=position,
                        title=title[:200],
                        start=clock_time(start, title),
                        duration_min=length,
                        presenter=presenter,
                        is_break=is_break,
                    )
                )
                start += length
        return Outcome(agenda, self._done(Area.AGENDA))


def _demo_event(uow: UnitOfWork, event_id: int) -> Event:
    event = uow.get(Event, event_id)
    if event.kind is not EventKind.SYSTEM_DEMO:
        raise ValidationError(f"{event.title} is not a System Demo.")
    return event


def _next_position(uow: UnitOfWork, event_id: int) -> int:
    return max((i.position for i in uow.find(DemoItem, event_id=event_id)), default=-1) + 1


def _next_risk_position(uow: UnitOfWork, pi_id: int) -> int:
    return max((r.position for r in uow.find(Risk, pi_id=pi_id)), default=-1) + 1


def _title_of(text: str) -> str:
    """The feedback's first line, cut to a title's length."""
    first = " ".join(text.splitlines()[0].split())
    return first if len(first) <= 120 else first[:117] + "..."


def _backlog_pi(uow: UnitOfWork, event: Event) -> int:
    """The PI whose backlog takes new work: the one after the demo's PI, else the demo's."""
    if event.pi_id is None:
        raise ValidationError(f"{event.title} belongs to no PI.")
    pi = uow.get(PlanningInterval, event.pi_id)
    later = [p for p in uow.find(PlanningInterval, art_id=pi.art_id) if p.start > pi.start]
    if not later:
        return event.pi_id
    return min(later, key=lambda p: p.start).id or event.pi_id

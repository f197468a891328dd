"""Running an agenda: each timer command is one ``TimerEvent`` written at once.

The state is never stored, only the log. ``run_data`` reads the agenda, its items and the log;
``AgendaRunData.run()`` replays it (``domain/agenda_timer.py``), so closing, crashing or rebooting
the laptop resumes exactly where the log says. Every event names the item it concerns (for NEXT,
PREVIOUS and JUMP the item that became current), so the replay stays faithful when the items are
later reordered.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from rte_desktop.domain import agenda_plan as plan
from rte_desktop.domain.agenda_schedule import project, timing
from rte_desktop.domain.agenda_timer import (
    DEFAULT_WRAP_UP_S,
    Reading,
    TimerRun,
    TimerSnapshot,
    TimerState,
    replay,
)
from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.model import (
    Agenda,
    AgendaItem,
    Art,
    PlanningInterval,
    TimerAction,
    TimerEvent,
)
from rte_desktop.services.agenda.agenda import zone
from rte_desktop.services.common.changes import Area, Changes, Outcome
from rte_desktop.services.common.files import write_atomically

if TYPE_CHECKING:
    from rte_desktop.services.common.context import ServiceContext
    from rte_desktop.storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class AgendaRunData:
    """What a display needs, read once: replay it and ask it for any moment."""

    agenda: Agenda
    items: tuple[AgendaItem, ...]
    events: tuple[TimerEvent, ...]
    time_zone: str
    art_name: str
    pi_name: str

    def run(self) -> TimerRun:
        return replay(self.items, self.events)

    @property
    def tz(self) -> ZoneInfo:
        return zone(self.time_zone)

    @property
    def second_tz(self) -> ZoneInfo | None:
        name = self.agenda.second_time_zone
        return zone(name) if name else None


class AgendaTimerService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def now(self) -> Reading:
        clock = self._ctx.clock
        return Reading.of(clock.now(), clock.monotonic())

    def run_data(self, agenda_id: int) -> AgendaRunData:
        with self._ctx.uow() as uow:
            return _run_data(uow, agenda_id)

    def snapshot(self, agenda_id: int, wrap_up_s: float = DEFAULT_WRAP_UP_S) -> TimerSnapshot:
        """The timer now, rebuilt from the database."""
        return self.run_data(agenda_id).run().at(self.now(), wrap_up_s)

    # -- commands: one event each ----------------------------------------------------------------

    def command(
        self, agenda_id: int, action: TimerAction, item_id: int | None = None, amount_s: int = 0
    ) -> Outcome[TimerEvent]:
        """Append one event to the log (the item it concerns is resolved and written with it).

        Raises:
            ValidationError: the agenda has no items, or the item is not on this agenda.
        """
        with self._ctx.uow() as uow:
            data = _run_data(uow, agenda_id)
            if not data.items:
                raise ValidationError("This agenda has no items yet; add one first.")
            run = data.run()
            if item_id is not None and run.item(item_id) is None:
                raise ValidationError(f"Item {item_id} is not on the agenda '{data.agenda.title}'.")
            target = self._target(run, action, item_id)
            if action in (TimerAction.NEXT, TimerAction.PREVIOUS) and (
                not run.started or run.finished
            ):
                action = TimerAction.JUMP  # before the start, N and P choose where to begin
            last = data.events[-1].seq if data.events else 0
            event = uow.add(
                TimerEvent(
                    agenda_id=agenda_id,
                    seq=last + 1,
                    action=action,
                    item_id=target,
                    amount_s=int(amount_s),
                    wall=self._ctx.clock.now(),
                    mono=self._ctx.clock.monotonic(),
                )
            )
        return Outcome(event, self._ctx.publish(Changes.of(Area.TIMER)))

    @staticmethod
    def _target(run: TimerRun, action: TimerAction, item_id: int | None) -> int | None:
        current = run.current
        if action is TimerAction.RESET:
            return None
        if action is TimerAction.NEXT:
            following = run.following(current)
            return following.id if following else None
        if action is TimerAction.PREVIOUS:
            k = run.items.index(current) if current in run.items else 0
            return run.items[k - 1].id if k > 0 else (current.id if current else None)
        if item_id is not None:
            return item_id
        return current.id if current else None

    def start(self, agenda_id: int, item_id: int | None = None) -> Outcome[TimerEvent]:
        return self.command(agenda_id, TimerAction.START, item_id)

    def pause(self, agenda_id: int) -> Outcome[TimerEvent]:
        return self.command(agenda_id, TimerAction.PAUSE)

    def resume(self, agenda_id: int) -> Outcome[TimerEvent]:
        return self.command(agenda_id, TimerAction.RESUME)

    def next(self, agenda_id: int) -> Outcome[TimerEvent]:
        return self.command(agenda_id, TimerAction.NEXT)

    def previous(self, agenda_id: int) -> Outcome[TimerEvent]:
        return self.command(agenda_id, TimerAction.PREVIOUS)

    def jump(self, agenda_id: int, item_id: int) -> Outcome[TimerEvent]:
        return self.command(agenda_id, TimerAction.JUMP, item_id)

    def extend(self, agenda_id: int, seconds: int) -> Outcome[TimerEvent]:
        """Add (negative: take) time to the current item's plan."""
        return self.command(agenda_id, TimerAction.EXTEND, amount_s=seconds)

    def reset(self, agenda_id: int) -> Outcome[TimerEvent]:
        return self.command(agenda_id, TimerAction.RESET)

    def toggle(self, agenda_id: int) -> Outcome[TimerEvent] | None:
        """Space: pause when running, resume when paused or waiting, start when not started.

        It always acts on the current item (the first, or where N / P / J put it before the
        start): it never moves the timer. Does nothing (returns None) once the run has
        finished; jump to an item to go on.
        """
        run = self.run_data(agenda_id).run()
        if run.finished:
            return None
        if run.running:
            return self.pause(agenda_id)
        if run.started:
            return self.resume(agenda_id)
        return self.start(agenda_id)

    # -- the timing report -----------------------------------------------------------------------

    def timing_report(self, agenda_id: int, out: Path, paper: str = "a4") -> Path:
        """Write the planned-vs-actual PDF of an agenda's run to ``out``."""
        from rte_desktop.reports.agenda_report import TimingReport, render_timing

        data = self.run_data(agenda_id)
        now = self.now()
        run = data.run()
        tz = data.tz
        report = TimingReport(
            title=data.agenda.title,
            art_name=data.art_name,
            pi_name=data.pi_name,
            time_zone=data.time_zone,
            days=timing(run, now, tz),
            schedules=project(run, now, tz),
            finished=run.finished,
            running=run.at(now).state
            in (TimerState.RUNNING, TimerState.WRAP_UP, TimerState.OVERRUN),
            printed=now.wall.astimezone(tz),
        )
        return write_atomically(out, render_timing(report, paper=paper))


def _run_data(uow: UnitOfWork, agenda_id: int) -> AgendaRunData:
    agenda = uow.get(Agenda, agenda_id)
    pi = uow.get(PlanningInterval, agenda.pi_id)
    art = uow.get(Art, pi.art_id)
    return AgendaRunData(
        agenda=agenda,
        items=tuple(plan.ordered(uow.find(AgendaItem, agenda_id=agenda_id))),
        events=tuple(uow.find(TimerEvent, agenda_id=agenda_id, order_by=["seq"])),
        time_zone=art.time_zone,
        art_name=art.name,
        pi_name=pi.name,
    )

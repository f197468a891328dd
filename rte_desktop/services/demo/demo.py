"""A realistic demo train: eight teams, a finished, a current and a planned PI.

Names use several scripts on purpose ("Ωmega", "Zoë Ñúñez", "李雷") so Unicode stays honest in
every panel and PDF. The data is deterministic for a given "today".
"""

from __future__ import annotations

import datetime as dt
import random
from typing import TYPE_CHECKING

from rte_desktop.domain import cadence, model as m
from rte_desktop.domain.calendar_rules import CalendarRules, event_uid
from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.event_placement import place_events
from rte_desktop.domain.train import local_date, zone_or_utc
from rte_desktop.services.common.changes import Changes, Outcome
from rte_desktop.services.common.pis import add_pi
from rte_desktop.services.demo import demo_backlog, demo_content as content
from rte_desktop.services.demo.demo_content import DEMO_TIME_ZONE, TEAMS, monday_on_or_before

if TYPE_CHECKING:
    from rte_desktop.services.common.context import ServiceContext
    from rte_desktop.storage.unit_of_work import UnitOfWork


class DemoService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def create(self, years: int | None = None, teams: int = 8) -> Outcome[int]:
        """Write the demo train into this database and return the ART's id.

        With ``years``, write that many years of history instead (for speed work).
        """
        if not 1 <= teams <= 40 or (years is not None and not 1 <= years <= 30):
            raise ValidationError("The demo takes 1 to 40 teams and 1 to 30 years.")
        today = local_date(self._ctx.clock.now(), DEMO_TIME_ZONE)
        now = self._ctx.clock.now().replace(tzinfo=None)
        with self._ctx.uow() as uow:
            if years is None:
                art_id = build_demo(uow, today, now, teams)
            else:
                from rte_desktop.services.demo.demo_history import build_history

                art_id = build_history(uow, today, now, years, teams)
        return Outcome(art_id, self._ctx.publish(Changes.everything()))


def build_demo(uow: UnitOfWork, today: dt.date, now: dt.datetime, teams: int = 8) -> int:
    """Fill ``uow`` with a demo ART whose second PI contains ``today``."""
    rng = random.Random(20261125)
    first_start = monday_on_or_before(today) - dt.timedelta(weeks=13)
    art = uow.add(
        m.Art(name="Aurora ART", time_zone=DEMO_TIME_ZONE, second_time_zone="Asia/Shanghai")
    )
    assert art.id is not None
    team_list = [
        uow.add(m.Team(art_id=art.id, name=name, size=rng.randint(6, 10), position=i))
        for i, name in enumerate((TEAMS * 2)[:teams])
    ]
    plans = cadence.plan_pis(first_start, 2, 4, True, 3)
    pis = [add_pi(uow, art.id, plan) for plan in plans]
    uow.add(
        m.Holiday(
            art_id=art.id,
            name="Winter break",
            start=dt.date(today.year, 12, 24),
            end=dt.date(today.year, 12, 26),
        )
    )
    uow.add(
        m.Holiday(
            art_id=art.id,
            name="New Year's Day",
            start=dt.date(today.year + 1, 1, 1),
            end=dt.date(today.year + 1, 1, 1),
        )
    )
    _events(uow, art.id, plans, pis)
    for index, pi in enumerate(pis):
        assert pi.id is not None
        iterations = uow.find(m.Iteration, pi_id=pi.id, order_by=["number"])
        content.objectives(uow, rng, pi.id, team_list, finished=index == 0)
        if index < 2:
            content.votes(
                uow, rng, pi.id, team_list, now - dt.timedelta(weeks=10 * (1 - index) + 3)
            )
            content.risks(uow, rng, pi.id, team_list, now)
            content.board(uow, pi.id, team_list, iterations)
    current = pis[1]
    assert current.id is not None
    dor = demo_backlog.definition(uow, art.id)
    demo_backlog.backlog(uow, pis[2].id or 0, dor, now - dt.timedelta(days=6, hours=-1))
    demo_backlog.system_demos(uow, [p.id or 0 for p in pis[:2]], pis[2].id, today)
    content.agenda(uow, current.id)
    content.readiness(uow, pis[2].id or 0)
    content.workshop(uow, pis[0].id or 0, pis[1].id)
    # A meeting's time is the ART's wall clock (naive local), unlike the UTC log times above.
    local = now.replace(tzinfo=dt.UTC).astimezone(zone_or_utc(DEMO_TIME_ZONE))
    content.art_sync(uow, current.id, local.replace(tzinfo=None, second=0, microsecond=0), today)
    from rte_desktop.services.demo.demo_flow import add_work_items

    add_work_items(uow, rng, art.id, team_list, first_start - dt.timedelta(weeks=8), today, 2.5)
    return art.id


def _events(
    uow: UnitOfWork, art_id: int, plans: list[cadence.PiPlan], pis: list[m.PlanningInterval]
) -> None:
    """The cadence generator's events with the default rules, plus one event added by hand."""
    holidays = uow.find(m.Holiday, art_id=art_id)
    calendar = cadence.WorkingCalendar(
        range(5), [cadence.Blackout(h.name, h.start, h.end) for h in holidays]
    )
    following = cadence.plan_pis(plans[0].start, 2, 4, True, len(plans) + 1)[-1].name
    placement = place_events(plans, CalendarRules(), calendar, following)
    for planned in placement.events:
        pi_id = pis[planned.pi_index].id
        assert pi_id is not None
        uow.add(
            m.Event(
                art_id=art_id,
                pi_id=pi_id,
                kind=planned.kind,
                title=planned.title,
                start=planned.start,
                end=planned.end,
                uid=event_uid(art_id, pi_id, planned.slot),
                note=planned.note,
            )
        )
    current = pis[1]
    day = current.start + dt.timedelta(days=32)  # the first Friday of iteration 3
    begin = dt.datetime.combine(day, dt.time(13, 0))
    uow.add(
        m.Event(
            art_id=art_id,
            pi_id=current.id,
            kind=m.EventKind.OTHER,
            title="Business Owners: PI Planning preparation",
            start=begin,
            end=begin + dt.timedelta(hours=2),
            uid=f"bo-preparation.art{art_id}@rte-desktop",
            manual=True,
            note="Agree the top 10 features and the business context briefing.",
        )
    )

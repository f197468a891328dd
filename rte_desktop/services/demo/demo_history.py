"""A long train history for speed work: ``rte-desktop demo --years 10 --teams 12``.

About 50 PIs, 6,000 objectives, 3,000 risks, 20,000 ballots, 500 workshops and an agenda with a
timer log per PI; the current PI contains today, as in the small demo. Rows are written in bulk
(one flush per type and PI) so ten years take seconds, not minutes.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import TYPE_CHECKING

from rte_desktop.domain import cadence, model as m
from rte_desktop.domain.agenda_templates import PI_PLANNING_2_DAY
from rte_desktop.services.common.pis import add_pi
from rte_desktop.services.demo import demo_backlog
from rte_desktop.services.demo.demo_content import (
    DEMO_TIME_ZONE,
    FEATURES,
    OBJECTIVES,
    PEOPLE,
    RISKS,
    TEAMS,
    monday_on_or_before,
)

if TYPE_CHECKING:
    from rte_desktop.storage.unit_of_work import UnitOfWork

PIS_PER_YEAR = 5
BONES = ("People", "Process", "Tools", "Program", "Environment")


def build_history(uow: UnitOfWork, today: dt.date, now: dt.datetime, years: int, teams: int) -> int:
    """Fill ``uow`` with ``years`` of PIs for ``teams`` teams; returns the ART id."""
    rng = random.Random(years * 1000 + teams)
    count = max(3, years * PIS_PER_YEAR)
    first = monday_on_or_before(today) - dt.timedelta(weeks=10 * (count - 2) + 3)
    art = uow.add(m.Art(name="Aurora ART", time_zone=DEMO_TIME_ZONE))
    assert art.id is not None
    demo_backlog.definition(uow, art.id)
    names = [
        TEAMS[i % len(TEAMS)] + ("" if i < len(TEAMS) else f" {i // len(TEAMS) + 1}")
        for i in range(teams)
    ]
    team_list = uow.add_many(
        [
            m.Team(art_id=art.id, name=n, size=rng.randint(9, 13), position=i)
            for i, n in enumerate(names)
        ]
    )
    for index, plan in enumerate(cadence.plan_pis(first, 2, 4, True, count)):
        pi = add_pi(uow, art.id, plan)
        assert pi.id is not None
        finished = plan.end < today
        when = dt.datetime.combine(plan.start, dt.time(14, 0))
        _pi_rows(uow, rng, art.id, pi, team_list, finished, when, index)
    from rte_desktop.services.demo.demo_flow import add_work_items

    add_work_items(uow, rng, art.id, team_list, first, today)
    return art.id


def _pi_rows(
    uow: UnitOfWork,
    rng: random.Random,
    art_id: int,
    pi: m.PlanningInterval,
    teams: list[m.Team],
    finished: bool,
    when: dt.datetime,
    index: int,
) -> None:
    assert pi.id is not None
    pi_id = pi.id
    iterations = uow.find(m.Iteration, pi_id=pi_id, order_by=["number"])
    uow.add_many(
        [
            m.Event(
                art_id=art_id,
                pi_id=pi_id,
                kind=m.EventKind.SYSTEM_DEMO,
                title=f"System Demo {it.name}",
                start=dt.datetime.combine(it.end, dt.time(14)),
                end=dt.datetime.combine(it.end, dt.time(15, 30)),
                uid=f"hist-{pi_id}-{it.number}@rte-desktop",
            )
            for it in iterations
            if not it.is_ip
        ]
    )
    objectives = []
    for team in teams:
        for position in range(10):
            committed = position < 8
            planned = rng.randint(2, 10)
            actual = rng.randint(max(0, planned - 4), planned) if finished else None
            objectives.append(
                m.Objective(
                    pi_id=pi_id,
                    team_id=team.id or 0,
                    position=position,
                    committed=committed,
                    text=OBJECTIVES[(position + index) % len(OBJECTIVES)],
                    planned_bv=planned,
                    actual_bv=actual,
                )
            )
    uow.add_many(objectives)
    risks = uow.add_many(
        [
            m.Risk(
                pi_id=pi_id,
                team_id=teams[i % len(teams)].id,
                title=f"{RISKS[i % len(RISKS)][0]} ({i + 1})",
                status=RISKS[i % len(RISKS)][1],
                owner=PEOPLE[i % len(PEOPLE)],
                likelihood=rng.randint(1, 5),
                impact=rng.randint(1, 5),
                created_at=when,
                position=i,
            )
            for i in range(60)
        ]
    )
    uow.add_many(
        [m.RiskStatusChange(risk_id=r.id or 0, to_status=r.status, at=when) for r in risks]
    )
    rounds = uow.add_many(
        [
            m.VoteRound(pi_id=pi_id, team_id=t.id, eligible=t.size, is_open=False, opened_at=when)
            for t in teams
        ]
        + [
            m.VoteRound(
                pi_id=pi_id,
                team_id=None,
                round_no=n,
                eligible=sum(t.size for t in teams),
                is_open=False,
                opened_at=when,
            )
            for n in (1, 2)
        ]
    )
    ballots = []
    for vote in rounds:
        for _ in range(vote.eligible):
            ballots.append(
                m.Ballot(round_id=vote.id or 0, value=rng.choice((2, 3, 3, 4, 4, 5)), cast_at=when)
            )
    uow.add_many(ballots)
    _workshops(uow, rng, pi_id)
    _agenda(uow, pi_id, when)
    features = uow.add_many(
        [
            m.Feature(
                pi_id=pi_id,
                team_id=teams[i % len(teams)].id,
                iteration_id=iterations[i % 4].id if i % 7 else None,
                key=f"AUR-{pi_id}-{i}",
                title=FEATURES[i % len(FEATURES)],
                position=i,
                backlog_position=i,
                state=m.BacklogState.PLANNED if i % 7 else m.BacklogState.READY,
            )
            for i in range(16)
        ]
    )
    uow.add_many(
        [
            m.Dependency(
                provider_id=features[a].id or 0,
                consumer_feature_id=features[b].id,
                needed_iteration_id=features[b].iteration_id,
            )
            for a, b in ((1, 9), (2, 3), (3, 2), (0, 8), (7, 4))
        ]
    )


def _workshops(uow: UnitOfWork, rng: random.Random, pi_id: int) -> None:
    shops = uow.add_many(
        [m.Workshop(pi_id=pi_id, title=f"Problem {n + 1}", participants=12) for n in range(10)]
    )
    bones = uow.add_many(
        [
            m.Bone(workshop_id=s.id or 0, name=name, position=p)
            for s in shops
            for p, name in enumerate(BONES)
        ]
    )
    uow.add_many(
        [
            m.Cause(
                bone_id=b.id or 0,
                text=f"Cause {n + 1} of {b.name}",
                position=n,
                votes=rng.randint(0, 9),
            )
            for b in bones
            for n in range(2)
        ]
    )


def _agenda(uow: UnitOfWork, pi_id: int, when: dt.datetime) -> None:
    agenda = uow.add(m.Agenda(pi_id=pi_id, title="PI Planning", template="pi_planning_2_day"))
    assert agenda.id is not None
    items = uow.add_many(
        [
            m.AgendaItem(
                agenda_id=agenda.id,
                day=t.day,
                position=p,
                title=t.title,
                start=t.start,
                duration_min=t.duration_min,
                presenter=t.presenter,
                all_hands=t.all_hands,
            )
            for p, t in enumerate(PI_PLANNING_2_DAY)
        ]
    )
    log = [
        m.TimerEvent(
            agenda_id=agenda.id,
            seq=0,
            action=m.TimerAction.START,
            item_id=items[0].id,
            wall=when,
            mono=0.0,
        )
    ]
    clock = 0.0
    for item in items[1:]:
        clock += (item.duration_min or 20) * 60 + 90
        log.append(
            m.TimerEvent(
                agenda_id=agenda.id,
                seq=len(log),
                action=m.TimerAction.NEXT,
                item_id=item.id,
                wall=when + dt.timedelta(seconds=clock),
                mono=clock,
            )
        )
    uow.add_many(log)

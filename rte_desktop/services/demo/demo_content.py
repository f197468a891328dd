"""What the demo train holds, written through a unit of work.

Names in several scripts, objectives, votes, risks, the board, the agenda, readiness, a workshop
and an ART Sync.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace
from typing import TYPE_CHECKING

from rte_desktop.domain import model as m
from rte_desktop.domain.agenda_templates import PI_PLANNING_2_DAY
from rte_desktop.domain.readiness import template_items

if TYPE_CHECKING:
    from rte_desktop.storage.unit_of_work import UnitOfWork

DEMO_TIME_ZONE = "Europe/Berlin"  # the demo ART's; its "today" is the date there


def monday_on_or_before(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


TEAMS = ["Phoenix", "Ωmega", "Kraken", "Nordlys", "Café Crème", "Sakura 桜", "Atlas", "Zephyr"]
PEOPLE = [
    "Zoë Ñúñez",
    "李雷",
    "Øyvind Ås",
    "Amélie Dubois",
    "Raj Patel",
    "Олена Коваль",
    "Tomás O'Brien",
    "Fatima Zahra",
]
OBJECTIVES = [
    "Customers can pay with saved cards in the mobile app",
    "Cut checkout latency below 300 ms at p95",
    "Release self-service address change to 10% of users",
    "Migrate order history to the new event store",
    "Automate regression suite for the partner API (>80% coverage)",
    "Pilot one-click returns with two retail partners",
    "Enable SSO for enterprise tenants",
    "Expose inventory forecasts to store managers",
    "Reduce open P1 defects from 14 to < 3",
    "Spike: evaluate streaming analytics platform",
    "Support right-to-left languages in the web shop",
]
RISKS = [
    ("Payment provider sandbox unavailable until iteration 3", m.RoamStatus.OWNED),
    ("Key architect on parental leave for 4 weeks", m.RoamStatus.ACCEPTED),
    ("Legacy order API rate limits block load tests", m.RoamStatus.MITIGATED),
    ("Unclear GDPR stance on forecast data", m.RoamStatus.UNROAMED),
    ("Test environment shared with another ART", m.RoamStatus.RESOLVED),
    ("Vendor contract renewal < & > budget?", m.RoamStatus.UNROAMED),
    ("Mobile store review may delay release", m.RoamStatus.ACCEPTED),
    ("Data migration needs a freeze window", m.RoamStatus.MITIGATED),
]
FEATURES = [
    "Saved cards",
    "Checkout performance",
    "Address self-service",
    "Event store migration",
    "Partner API tests",
    "One-click returns",
    "Enterprise SSO",
    "Forecast dashboard",
    "Defect burn-down",
    "Streaming spike",
    "RTL support",
    "Search relevance",
    "Loyalty points",
    "Audit logging",
    "Feature flags",
    "Offline mode",
]


def objectives(
    uow: UnitOfWork, rng: random.Random, pi_id: int, teams: list[m.Team], finished: bool
) -> None:
    for team in teams:
        assert team.id is not None
        count = rng.randint(7, 10)
        texts = rng.sample(OBJECTIVES, min(count, len(OBJECTIVES)))
        if team.name == "Ωmega":
            texts[0] = "Ship the <beta> & collect feedback from 李雷's team"
        for position, text in enumerate(texts):
            committed = position < count - rng.randint(1, 3)
            planned = rng.randint(3, 10)
            actual = None
            if finished:
                actual = (
                    max(0, min(10, planned - rng.choice([0, 0, 1, 2, 4])))
                    if committed
                    else rng.choice([0, planned // 2, planned])
                )
            uow.add(
                m.Objective(
                    pi_id=pi_id,
                    team_id=team.id,
                    position=position,
                    text=text,
                    committed=committed,
                    planned_bv=planned,
                    actual_bv=actual,
                )
            )


def votes(
    uow: UnitOfWork, rng: random.Random, pi_id: int, teams: list[m.Team], when: dt.datetime
) -> None:
    for team in teams:
        values = [rng.choice([3, 4, 4, 4, 5, 5]) for _ in range(team.size)]
        if team.name == "Kraken":
            values[0] = 2
        round(uow, pi_id, team.id, team.size, values, when)
    eligible = sum(t.size for t in teams)
    first_values = [rng.choice([1, 2, 2, 3, 3, 3, 4]) for _ in range(eligible - 4)]
    first = round(uow, pi_id, None, eligible, first_values, when + dt.timedelta(minutes=20))
    low = uow.find(m.Ballot, round_id=first.id, value=[1, 2])[:2]
    for ballot in low:
        risk = uow.add(
            m.Risk(
                pi_id=pi_id,
                title="Concern: integration test capacity too low",
                source=m.RiskSource.VOTE_CONCERN,
                created_at=when,
                description=f"Raised in the ART vote (voted {ballot.value}).",
            )
        )
        uow.add(
            m.Concern(
                round_id=first.id or 0,
                ballot_id=ballot.id,
                text="Integration test capacity is too low",
                risk_id=risk.id,
            )
        )
    second_values = [rng.choice([3, 3, 4, 4, 4, 5]) for _ in range(eligible - 2)]
    round(
        uow,
        pi_id,
        None,
        eligible,
        second_values,
        when + dt.timedelta(hours=2),
        previous=first,
        round_no=2,
    )


def round(
    uow: UnitOfWork,
    pi_id: int,
    team_id: int | None,
    eligible: int,
    values: list[int],
    when: dt.datetime,
    previous: m.VoteRound | None = None,
    round_no: int = 1,
) -> m.VoteRound:
    vote = uow.add(
        m.VoteRound(
            pi_id=pi_id,
            team_id=team_id,
            round_no=round_no,
            previous_id=previous.id if previous else None,
            eligible=eligible,
            is_open=False,
            opened_at=when,
            closed_at=when + dt.timedelta(minutes=5),
        )
    )
    assert vote.id is not None
    for value in values:
        uow.add(m.Ballot(round_id=vote.id, value=value, cast_at=when))
    return vote


def risks(
    uow: UnitOfWork, rng: random.Random, pi_id: int, teams: list[m.Team], now: dt.datetime
) -> None:
    for position, (title, status) in enumerate(RISKS):
        owner = rng.choice(PEOPLE) if status in (m.RoamStatus.OWNED, m.RoamStatus.MITIGATED) else ""
        risk = uow.add(
            m.Risk(
                pi_id=pi_id,
                team_id=rng.choice(teams).id,
                title=title,
                status=status,
                owner=owner,
                likelihood=rng.randint(1, 5),
                impact=rng.randint(1, 5),
                created_at=now,
                position=position,
                mitigation="Weekly check at ART Sync" if owner else "",
            )
        )
        assert risk.id is not None
        uow.add(m.RiskStatusChange(risk_id=risk.id, to_status=m.RoamStatus.UNROAMED, at=now))
        if status is not m.RoamStatus.UNROAMED:
            uow.add(
                m.RiskStatusChange(
                    risk_id=risk.id, from_status=m.RoamStatus.UNROAMED, to_status=status, at=now
                )
            )


def board(uow: UnitOfWork, pi_id: int, teams: list[m.Team], iterations: list[m.Iteration]) -> None:
    dev = [it for it in iterations if not it.is_ip]
    features = []
    for index, title in enumerate(FEATURES):
        iteration = dev[index % len(dev)] if index % 7 else None  # a few unplanned
        features.append(
            uow.add(
                m.Feature(
                    pi_id=pi_id,
                    team_id=teams[index % len(teams)].id,
                    iteration_id=iteration.id if iteration else None,
                    key=f"AUR-{100 + index}",
                    title=title,
                    kind=m.WorkKind.ENABLER if index % 4 == 3 else m.WorkKind.FEATURE,
                    position=index,
                    backlog_position=index,
                    state=m.BacklogState.PLANNED if iteration else m.BacklogState.READY,
                )
            )
        )
    milestone = uow.add(
        m.Milestone(pi_id=pi_id, iteration_id=dev[-1].id, title="Beta release", day=dev[-1].end)
    )
    by_iteration = {f.id: f.iteration_id for f in features}
    pairs = [(1, 9), (2, 3), (3, 2), (0, 8), (7, 4)]  # earlier, same, later, unplanned provider
    for provider, consumer in pairs:
        uow.add(
            m.Dependency(
                provider_id=features[provider].id or 0,
                consumer_feature_id=features[consumer].id,
                needed_iteration_id=by_iteration[features[consumer].id],
                description="API contract",
            )
        )
    uow.add(
        m.Dependency(
            provider_id=features[5].id or 0,
            consumer_milestone_id=milestone.id,
            needed_iteration_id=milestone.iteration_id,
            description="Returns flow",
        )
    )


def agenda(uow: UnitOfWork, pi_id: int) -> None:
    agenda = uow.add(
        m.Agenda(
            pi_id=pi_id,
            title="PI Planning",
            template="pi_planning_2_day",
            second_time_zone="Asia/Shanghai",
        )
    )
    assert agenda.id is not None
    for position, item in enumerate(PI_PLANNING_2_DAY):
        uow.add(
            m.AgendaItem(
                agenda_id=agenda.id,
                day=item.day,
                position=position,
                title=item.title,
                start=item.start,
                duration_min=item.duration_min,
                presenter=item.presenter,
                all_hands=item.all_hands,
            )
        )


def readiness(uow: UnitOfWork, pi_id: int) -> None:
    """The SAFe templates for the next PI: a few items done early, one overdue."""
    items = template_items(pi_id)
    for index, item in enumerate(items):
        owner = PEOPLE[index % len(PEOPLE)] if index % 3 else ""
        uow.add(replace(item, owner=owner, done=item.due_offset_days <= -35 and index % 2 == 0))
    uow.add(
        m.ReadinessItem(
            pi_id=pi_id,
            checklist=m.Checklist.LOGISTICS,
            title="Venue contract signed",
            owner="Amélie Dubois",
            due_offset_days=-49,
            position=len([i for i in items if i.checklist is m.Checklist.LOGISTICS]),
            notes="Hotel waits for the purchase order.",
        )
    )


def workshop(uow: UnitOfWork, pi_id: int, next_pi_id: int | None) -> None:
    shop = uow.add(
        m.Workshop(
            pi_id=pi_id,
            title="Features slip to the next PI",
            what="4 of 16 committed features were not done",
            where="Teams Kraken and Ωmega",
            when="Iterations 3 and 4",
            impact="Predictability 71%, below the 80% band",
            participants=12,
            dots_per_participant=5,
            restated_problem="Integration environments are not available when teams need them",
        )
    )
    assert shop.id is not None
    causes: dict[str, list[tuple[str, int, list[str]]]] = {
        "People": [
            ("Key experts overloaded", 9, ["Too many parallel initiatives"]),
            ("New team members", 3, []),
        ],
        "Process": [
            ("Late dependency discovery", 14, ["No Coach Sync on dependencies"]),
            ("Unclear Definition of Done", 5, []),
        ],
        "Tools": [
            (
                "Shared test environment",
                11,
                ["Booked by another ART", "No self-service provisioning"],
            )
        ],
        "Program": [("Scope added mid-PI", 8, [])],
        "Environment": [("Vendor API outages", 4, [])],
    }
    for position, (bone_name, items) in enumerate(causes.items()):
        bone = uow.add(m.Bone(workshop_id=shop.id, name=bone_name, position=position))
        assert bone.id is not None
        for cpos, (text, votes, whys) in enumerate(items):
            cause = uow.add(m.Cause(bone_id=bone.id, text=text, votes=votes, position=cpos))
            for wpos, why in enumerate(whys):
                uow.add(m.Cause(bone_id=bone.id, parent_id=cause.id, text=why, position=wpos))
    for position, (text, votes) in enumerate(
        [
            ("Self-service test environments", 21),
            ("Dependency check at every Coach Sync", 15),
            ("WIP limit on initiatives", 7),
        ]
    ):
        uow.add(m.Solution(workshop_id=shop.id, text=text, votes=votes, position=position))
    uow.add(
        m.ImprovementItem(
            workshop_id=shop.id,
            title="Self-service test environments",
            owner="Zoë Ñúñez",
            target_pi_id=next_pi_id,
            kind=m.WorkKind.ENABLER,
        )
    )
    uow.add(
        m.ImprovementItem(
            workshop_id=shop.id,
            title="Dependency review in Coach Sync",
            owner="李雷",
            target_pi_id=next_pi_id,
            kind=m.WorkKind.FEATURE,
            position=1,
        )
    )


def art_sync(uow: UnitOfWork, pi_id: int, local_now: dt.datetime, today: dt.date) -> None:
    meeting = uow.add(
        m.ArtSyncMeeting(
            pi_id=pi_id,
            held_at=local_now - dt.timedelta(days=2),
            attendees="RTE, SM/TCs, POs",
            impediments="Shared test environment booked",
            decisions="System Team to script environment setup",
        )
    )
    assert meeting.id is not None
    uow.add(
        m.ArtSyncAction(
            meeting_id=meeting.id,
            text="Script test environment setup",
            owner="Øyvind Ås",
            due=today + dt.timedelta(days=7),
        )
    )

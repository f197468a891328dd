"""The demo train's ART backlog (next PI, after a finished WSJF session) and System Demos.

About 25 features and enablers wait for the next PI's planning, estimated in a finished WSJF
session (every column has its 1; two pairs tie), most of them ready; the current PI's System
Demos that are already past have plans, marks and stakeholder feedback (one turned into a
backlog feature, one into a risk).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from rte_desktop.domain import model as m
from rte_desktop.domain.backlog import DEFAULT_DEFINITION_OF_READY

if TYPE_CHECKING:
    from rte_desktop.storage.unit_of_work import UnitOfWork

S = m.BacklogState
# key, title, epic, kind, (UBV, TC, RR/OE, job size), state, likely teams
BACKLOG: tuple[
    tuple[str, str, str, str, tuple[int, int, int, int] | None, m.BacklogState, str], ...
] = (
    (
        "AUR-201",
        "One-click reorder",
        "E-12 Repeat buyers",
        "feature",
        (13, 8, 2, 3),
        S.READY,
        "Atlas",
    ),
    (
        "AUR-202",
        "Buy now, pay later",
        "E-14 Payments",
        "feature",
        (20, 13, 3, 13),
        S.READY,
        "Phoenix",
    ),
    (
        "AUR-203",
        "PSD2 strong customer authentication",
        "E-14 Payments",
        "enabler",
        (8, 20, 13, 8),
        S.READY,
        "Phoenix, Kraken",
    ),
    (
        "AUR-204",
        "Wish list sharing",
        "E-12 Repeat buyers",
        "feature",
        (5, 2, 1, 3),
        S.ANALYSING,
        "Atlas",
    ),
    (
        "AUR-205",
        "Search autocomplete",
        "E-10 Find faster",
        "feature",
        (13, 5, 2, 5),
        S.READY,
        "Ωmega",
    ),
    (
        "AUR-206",
        "Event-driven order pipeline",
        "E-15 Runway 2027",
        "enabler",
        (3, 5, 20, 13),
        S.READY,
        "Kraken",
    ),
    ("AUR-207", "Gift cards", "E-12 Repeat buyers", "feature", (8, 3, 1, 5), S.ANALYSING, ""),
    (
        "AUR-208",
        "Returns label printing",
        "E-11 Returns",
        "feature",
        (8, 5, 2, 3),
        S.READY,
        "Sakura 桜",
    ),
    ("AUR-209", "Product comparison", "E-10 Find faster", "feature", (5, 1, 1, 8), S.FUNNEL, ""),
    (
        "AUR-210",
        "Accessibility audit fixes (WCAG 2.2)",
        "E-16 Compliance",
        "enabler",
        (5, 13, 8, 5),
        S.READY,
        "Atlas, Ωmega",
    ),
    (
        "AUR-211",
        "Delivery slot booking",
        "E-13 Delivery",
        "feature",
        (13, 8, 3, 8),
        S.ANALYSING,
        "Sakura 桜",
    ),
    (
        "AUR-212",
        "Observability: tracing across services",
        "E-15 Runway 2027",
        "enabler",
        (2, 3, 13, 5),
        S.READY,
        "Kraken",
    ),
    ("AUR-213", "Loyalty points", "E-12 Repeat buyers", "feature", (13, 3, 2, 13), S.FUNNEL, ""),
    ("AUR-214", "Store pickup", "E-13 Delivery", "feature", (8, 5, 1, 8), S.ANALYSING, "Phoenix"),
    (
        "AUR-215",
        "Faceted search filters",
        "E-10 Find faster",
        "feature",
        (8, 3, 2, 3),
        S.READY,
        "Ωmega",
    ),
    ("AUR-216", "Split shipments", "E-13 Delivery", "feature", (5, 2, 3, 13), S.FUNNEL, ""),
    (
        "AUR-217",
        "Fraud scoring v2",
        "E-14 Payments",
        "enabler",
        (8, 8, 13, 8),
        S.ANALYSING,
        "Kraken",
    ),
    (
        "AUR-218",
        "Returns status tracking",
        "E-11 Returns",
        "feature",
        (5, 3, 1, 2),
        S.READY,
        "Sakura 桜",
    ),
    (
        "AUR-219",
        "Multi-currency prices",
        "E-17 New markets",
        "feature",
        (13, 13, 5, 20),
        S.FUNNEL,
        "",
    ),
    ("AUR-220", "Customer service chat", "E-18 Service", "feature", (8, 2, 1, 8), S.FUNNEL, ""),
    ("AUR-221", "Cookie consent v3", "E-16 Compliance", "enabler", (1, 8, 3, 2), S.READY, "Atlas"),
    ("AUR-222", "Invoice PDF redesign", "E-18 Service", "feature", (2, 1, 1, 1), S.ANALYSING, ""),
    (
        "AUR-223",
        "Database upgrade to PostgreSQL 17",
        "E-15 Runway 2027",
        "enabler",
        (1, 5, 8, 5),
        S.READY,
        "Kraken",
    ),
    (
        "AUR-224",
        "Recommendations on the basket page",
        "E-10 Find faster",
        "feature",
        (8, 2, 2, 8),
        S.FUNNEL,
        "",
    ),
    (
        "AUR-225",
        "Bulk export of orders for auditors",
        "E-16 Compliance",
        "feature",
        None,
        S.FUNNEL,
        "",
    ),
)
CRITERIA = (
    "Given a signed-in customer with a past order\n"
    "When they choose the action on the order page\n"
    "Then the result is shown within 2 seconds and confirmed by e-mail"
)
FEEDBACK = (
    ("Business Owners want the saved cards in the mobile app too.", "feature"),
    ("Checkout still slow on 3G; worried about the Black Friday peak.", "risk"),
    ("Nice! Can the address form suggest the postcode?", None),
    ("Legal asks for an audit trail of exported data.", None),
)


def definition(uow: UnitOfWork, art_id: int) -> list[m.DorItem]:
    """SAFe's default Definition of Ready for the demo ART."""
    return [
        uow.add(m.DorItem(art_id=art_id, text=text, position=position))
        for position, text in enumerate(DEFAULT_DEFINITION_OF_READY)
    ]


def backlog(
    uow: UnitOfWork, pi_id: int, items: list[m.DorItem], session_day: dt.datetime
) -> list[m.Feature]:
    """The next PI's backlog after a finished WSJF session on ``session_day`` (naive UTC)."""
    features = []
    for position, (key, title, epic, kind, parts, state, teams) in enumerate(BACKLOG):
        ubv, tc, rr, size = parts if parts else (None, None, None, None)
        feature = uow.add(
            m.Feature(
                pi_id=pi_id,
                key=key,
                title=title,
                kind=m.WorkKind(kind),
                position=position,
                backlog_position=position,
                state=state,
                business_value=ubv,
                time_criticality=tc,
                risk_reduction=rr,
                job_size=size,
                epic=epic,
                acceptance_criteria=CRITERIA if state is not S.FUNNEL else "",
                candidate_teams=teams,
            )
        )
        assert feature.id is not None
        met = len(items) if state is S.READY else (3 if state is S.ANALYSING else 1)
        for item in items[:met]:
            assert item.id is not None
            uow.add(m.FeatureDorTick(feature_id=feature.id, dor_item_id=item.id))
        features.append(feature)
    uow.add(
        m.WsjfSession(
            pi_id=pi_id,
            started_at=session_day,
            finished_at=session_day + dt.timedelta(minutes=95),
        )
    )
    return features


def system_demos(
    uow: UnitOfWork, pi_ids: list[int], next_pi_id: int | None, today: dt.date
) -> None:
    """Plans, marks and feedback for the last two System Demos before ``today`` in the PIs."""
    events = [
        e
        for e in uow.find(
            m.Event, pi_id=pi_ids, kind=m.EventKind.SYSTEM_DEMO.value, order_by=["start"]
        )
        if e.start.date() < today
    ][-2:]
    upcoming = [
        e
        for e in uow.find(
            m.Event, pi_id=pi_ids, kind=m.EventKind.SYSTEM_DEMO.value, order_by=["start"]
        )
        if e.start.date() >= today
    ][:1]
    teams = {t.id: t.name for t in uow.find(m.Team)}
    for event in upcoming:  # the next demo is planned, not held yet
        assert event.id is not None
        its = uow.find(m.Iteration, pi_id=event.pi_id)
        for it in its:
            if it.start <= event.start.date() <= it.end:
                planned = uow.find(m.Feature, iteration_id=it.id, order_by=["position"])
                for position, feature in enumerate(planned[:6]):
                    uow.add(
                        m.DemoItem(
                            event_id=event.id,
                            feature_id=feature.id,
                            title=feature.title,
                            presenter=teams.get(feature.team_id, ""),
                            position=position,
                            minutes=6,
                        )
                    )
    feedback = iter(FEEDBACK)
    for number, event in enumerate(events):
        assert event.id is not None
        assert event.pi_id is not None
        pi_id = event.pi_id
        iteration = next(
            (
                it
                for it in uow.find(m.Iteration, pi_id=pi_id)
                if it.start <= event.start.date() <= it.end
            ),
            None,
        )
        if iteration is None:
            continue
        planned = uow.find(m.Feature, iteration_id=iteration.id, order_by=["position"])
        for position, feature in enumerate(planned[:6]):
            demoed = not (number == 1 and position == 2)  # one slot skipped at the last demo
            item = uow.add(
                m.DemoItem(
                    event_id=event.id,
                    feature_id=feature.id,
                    title=feature.title,
                    presenter=teams.get(feature.team_id, ""),
                    position=position,
                    minutes=6 if position else 8,
                    demoed=demoed,
                    accepted=(position != 2) if demoed else None,
                )
            )
            assert item.id is not None
            if position in (0, 1):
                text, becomes = next(feedback, ("", None))
                if not text:
                    continue
                at = dt.datetime.combine(event.start.date(), event.start.time()) + dt.timedelta(
                    minutes=15 + 7 * position
                )
                fb = uow.add(m.DemoFeedback(demo_item_id=item.id, text=text, at=at))
                if becomes == "feature" and next_pi_id is not None:
                    made = uow.add(
                        m.Feature(
                            pi_id=next_pi_id,
                            key="FB-1",
                            title="Saved cards in the mobile app",
                            state=S.FUNNEL,
                            position=len(BACKLOG),
                            backlog_position=len(BACKLOG),
                            acceptance_criteria=f"From the System Demo: {text}",
                        )
                    )
                    uow.update(dataclasses.replace(fb, feature_id=made.id))
                elif becomes == "risk":
                    risk = uow.add(
                        m.Risk(
                            pi_id=pi_id,
                            title="Checkout slow on mobile networks before the peak",
                            description=f"System Demo {event.start:%d %b %Y}: {text}",
                            source=m.RiskSource.OTHER,
                            created_at=at,
                            position=99,
                        )
                    )
                    uow.update(dataclasses.replace(fb, risk_id=risk.id))

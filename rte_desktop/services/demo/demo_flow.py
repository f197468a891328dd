"""The demo train's work items: a realistic status history for every team, so Flow has data.

Items arrive in the backlog, wait, start, move through build, review and test (sometimes
blocked, sometimes sent back), and finish; a few are reopened after done. Items started but not
finished by "today" are the work in progress. About 6.7 status changes per item; ten years of
twelve teams give about 60,000 items and 400,000 changes (``rte-desktop demo --years 10
--teams 12``), written in bulk.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rte_desktop.domain import model as m
from rte_desktop.domain.flow_metrics import StageKind
from rte_desktop.storage import flow_store

if TYPE_CHECKING:
    from rte_desktop.storage.unit_of_work import UnitOfWork

WORKFLOW = (
    ("Backlog", StageKind.BACKLOG),
    ("Selected", StageKind.BACKLOG),
    ("In Progress", StageKind.ACTIVE),
    ("Blocked", StageKind.WAITING),
    ("Review", StageKind.ACTIVE),
    ("Waiting for Test", StageKind.WAITING),
    ("Test", StageKind.ACTIVE),
    ("Done", StageKind.DONE),
)
TYPES = (("Story", 60), ("Bug", 15), ("Enabler", 14), ("Technical Debt", 8), ("Risk", 3))
VERBS = ("Add", "Fix", "Speed up", "Simplify", "Log", "Validate", "Show", "Export", "Cache")
THINGS = (
    "checkout totals",
    "saved cards",
    "address change",
    "order history",
    "partner API tokens",
    "return labels",
    "SSO login",
    "inventory forecast",
    "price rules",
    "search filters",
    "push notices",
    "audit trail",
)
ITEMS_PER_TEAM_WEEK = 10.8  # about 60,000 items for 12 teams over the 10-year history


def add_work_items(
    uow: UnitOfWork,
    rng: random.Random,
    art_id: int,
    teams: Sequence[m.Team],
    first: dt.date,
    today: dt.date,
    per_team_week: float = ITEMS_PER_TEAM_WEEK,
) -> int:
    """Write the workflow and items arriving from ``first`` to ``today``; returns the count."""
    uow.add_many(
        [
            m.FlowStage(art_id=art_id, name=name, kind=kind, position=i)
            for i, (name, kind) in enumerate(WORKFLOW)
        ]
    )
    type_names = [name for name, _ in TYPES]
    type_weights = [weight for _, weight in TYPES]
    items: list[dict[str, Any]] = []
    histories: list[list[tuple[dt.datetime, str | None, str]]] = []
    days = (today - first).days
    for team in teams:
        arrivals = int(days / 7 * per_team_week * rng.uniform(0.8, 1.2))
        for _ in range(arrivals):
            created = dt.datetime.combine(
                first + dt.timedelta(days=rng.randrange(days)), dt.time(9, rng.randrange(60))
            )
            raw_type = rng.choices(type_names, type_weights)[0]
            history = _history(rng, created, today, raw_type)
            last = history[-1][2]
            items.append(
                {
                    "key": "",  # numbered below, in order of creation
                    "title": f"{rng.choice(VERBS)} {rng.choice(THINGS)}",
                    "raw_type": raw_type,
                    "status": last,
                    "team_source": team.name,
                    "parent_key": None,
                    "created": created,
                    "resolved": history[-1][0] if last == "Done" else None,
                    "has_history": True,
                    "active_known": True,
                    "source": "demo",
                }
            )
            histories.append(history)
    order = sorted(range(len(items)), key=lambda i: items[i]["created"])
    for number, index in enumerate(order, start=1):
        items[index]["key"] = f"AUR-{number}"
    ids = flow_store.insert_items(uow, art_id, items)
    changes = [
        (ids[item["key"].casefold()], at, before, after)
        for item, history in zip(items, histories, strict=True)
        for at, before, after in history
    ]
    flow_store.insert_changes(uow, changes)
    return len(items)


def _history(
    rng: random.Random, created: dt.datetime, today: dt.date, raw_type: str
) -> list[tuple[dt.datetime, str | None, str]]:
    """One item's status changes up to today (never in the future)."""
    limit = dt.datetime.combine(today, dt.time(18, 0))
    steps: list[tuple[dt.datetime, str | None, str]] = [(created, None, "Backlog")]
    at = created
    status = "Backlog"

    def move(days: float, to: str) -> bool:
        nonlocal at, status
        at = at + dt.timedelta(days=days, hours=rng.randrange(1, 6))
        if at > limit:
            return False
        steps.append((at, status, to))
        status = to
        return True

    fast = raw_type == "Bug"
    path = [(rng.expovariate(1 / (4 if fast else 12)), "Selected")] if rng.random() < 0.35 else []
    path += [(rng.expovariate(1 / 3) + (0 if path else rng.expovariate(1 / 10)), "In Progress")]
    if rng.random() < 0.2:
        path += [(rng.uniform(1, 4), "Blocked"), (rng.uniform(1, 8), "In Progress")]
    path += [(rng.uniform(1, 6 if fast else 9), "Review")]
    if rng.random() < 0.08:
        path += [(rng.uniform(0.5, 2), "In Progress"), (rng.uniform(1, 4), "Review")]
    if rng.random() < 0.7:
        path += [(rng.uniform(0.2, 2), "Waiting for Test")]
    path += [(rng.expovariate(1 / 2.5), "Test"), (rng.uniform(0.5, 3), "Done")]
    if rng.random() < 0.03:
        path += [(rng.uniform(1, 5), "In Progress"), (rng.uniform(1, 4), "Done")]
    for days, to in path:
        if not move(days, to):
            break
    return steps

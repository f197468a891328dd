"""Storing a planned PI: shared by the train, the cadence generator and the demo."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rte_desktop.domain.model import Iteration, PlanningInterval

if TYPE_CHECKING:
    from rte_desktop.domain import cadence
    from rte_desktop.storage.unit_of_work import UnitOfWork


def add_pi(uow: UnitOfWork, art_id: int, plan: cadence.PiPlan) -> PlanningInterval:
    """Store one planned PI with its iterations."""
    pi = uow.add(PlanningInterval(art_id=art_id, name=plan.name, start=plan.start, end=plan.end))
    assert pi.id is not None
    for it in plan.iterations:
        uow.add(
            Iteration(
                pi_id=pi.id,
                number=it.number,
                name=it.name,
                start=it.start,
                end=it.end,
                is_ip=it.is_ip,
            )
        )
    return pi

"""Start an ART Sync's 30- or 60-minute timebox on the agenda timer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rte_desktop.domain.errors import DomainError
from rte_desktop.domain.train import zone_or_utc
from rte_desktop.ui.panel_base import PanelContext
from rte_desktop.ui.settings import AGENDA_CHOSEN

if TYPE_CHECKING:
    from rte_desktop.domain.clock import Clock
    from rte_desktop.services.agenda.agenda import AgendaService
    from rte_desktop.services.agenda.agenda_timer import AgendaTimerService
    from rte_desktop.services.train.train import TrainService


@dataclass(frozen=True)
class SyncTimerServices:
    """What starting an ART Sync timebox uses: the agenda, its timer, the ART, the clock."""

    agenda: AgendaService
    agenda_timer: AgendaTimerService
    train: TrainService
    clock: Clock


def start_sync_timer(
    ctx: PanelContext,
    services: SyncTimerServices,
    art_id: int,
    pi_id: int,
    template: str,
) -> int:
    """Create today's ART Sync agenda from ``template`` starting now, start it, show it.

    Returns:
        The new agenda's id.

    Raises:
        DomainError: the agenda could not be created or started.
    """
    zone = zone_or_utc(services.train.art(art_id).time_zone)
    now = services.clock.now().astimezone(zone)
    agenda = services.agenda.create_from_template(
        pi_id,
        template,
        title=f"ART Sync {now:%Y-%m-%d}",
        first_start=dt.time(now.hour, now.minute),
    ).value
    if agenda.id is None:
        raise DomainError("The ART Sync agenda was not stored.")
    services.agenda_timer.start(agenda.id)
    ctx.settings.put(AGENDA_CHOSEN, agenda.id, pi_id=pi_id)
    ctx.bus.panel_requested.emit("agenda")
    return agenda.id

"""Dates as the ART sees them (its time zone), for any service."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from rte_desktop.domain.model import Art
from rte_desktop.domain.train import local_date

if TYPE_CHECKING:
    from rte_desktop.services.common.context import ServiceContext


def art_today(ctx: ServiceContext, art_id: int | None) -> dt.date:
    """Today's date in the ART's time zone (UTC when there is no ART or the zone is unknown).

    An RTE in Berlin at 00:30 is already in tomorrow, whatever UTC says.
    """
    zone_name = "UTC"
    if art_id is not None:
        with ctx.uow() as uow:
            found = uow.first(Art, id=art_id)
        zone_name = found.time_zone if found else "UTC"
    return local_date(ctx.clock.now(), zone_name)

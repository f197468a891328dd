"""Put the ART in a time zone and the fake clock at a moment where its date is not UTC's."""

from __future__ import annotations

import datetime as dt

from rte_desktop.domain import model as m
from rte_desktop.domain.clock import Clock, FakeClock
from rte_desktop.workspace import Workspace

# (ART time zone, the moment in UTC, the date in the ART's zone at that moment)
SYDNEY_AHEAD = (
    "Australia/Sydney",
    dt.datetime(2026, 11, 25, 20, 0, tzinfo=dt.UTC),  # 26 Nov, 07:00 in Sydney
    dt.date(2026, 11, 26),
)
LOS_ANGELES_BEHIND = (
    "America/Los_Angeles",
    dt.datetime(2026, 11, 26, 3, 0, tzinfo=dt.UTC),  # 25 Nov, 19:00 in California
    dt.date(2026, 11, 25),
)
ZONES = [SYDNEY_AHEAD, LOS_ANGELES_BEHIND]
ZONE_IDS = ["sydney-ahead-of-utc", "los-angeles-behind-utc"]


def set_wall(clock: Clock, when: dt.datetime) -> None:
    """Move the fake wall clock to ``when`` (aware)."""
    assert isinstance(clock, FakeClock)
    clock.jump_wall((when - clock.now()).total_seconds())


def put_art_in(ws: Workspace, art_id: int, zone: str, when: dt.datetime) -> None:
    """The ART's time zone becomes ``zone`` and the clock reads ``when``."""
    with ws.uow() as uow:
        uow.patch(m.Art, art_id, time_zone=zone)
    set_wall(ws.clock, when)
    assert ws.clock.now() == when

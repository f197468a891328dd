"""Gather the calendar PDF's plain data and hand it to the report (rendered off the database)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from rte_desktop.domain import cadence
from rte_desktop.domain.model import Art, Event, Holiday, Iteration, PlanningInterval as Pi
from rte_desktop.domain.train import local_date

if TYPE_CHECKING:
    from rte_desktop.reports.calendar_book import CalendarBook
    from rte_desktop.services.common.context import ServiceContext


def calendar_book(ctx: ServiceContext, art_id: int, pi_id: int | None = None) -> CalendarBook:
    """Every PI of the ART (or only ``pi_id``) with its iterations and events.

    The year page starts with the month of the first printed PI (or of today, without PIs).
    """
    from rte_desktop.reports.calendar_book import CalendarBook, PiSheet

    with ctx.uow() as uow:
        art = uow.get(Art, art_id)
        pis = uow.find(Pi, art_id=art_id, order_by=["start"])
        events = uow.find(Event, art_id=art_id, order_by=["start"])
        holidays = uow.find(Holiday, art_id=art_id, order_by=["start"])
        sheets = []
        for pi in pis:
            iterations = uow.find(Iteration, pi_id=pi.id, order_by=["number"])
            own = [e for e in events if e.pi_id == pi.id or pi.contains(e.start.date())]
            sheets.append(PiSheet(pi, tuple(iterations), tuple(own)))
    printed = [s for s in sheets if pi_id is None or s.pi.id == pi_id]
    first = printed[0].pi.start if printed else local_date(ctx.clock.now(), art.time_zone)
    return CalendarBook(
        art=art,
        sheets=tuple(printed),
        all_sheets=tuple(sheets),
        holidays=tuple(holidays),
        working_days=cadence.parse_working_days(art.working_days),
        year_start=dt.date(first.year, first.month, 1),
    )


def render_calendar_pdf(ctx: ServiceContext, art_id: int, pi_id: int | None = None) -> bytes:
    from rte_desktop.reports.calendar_report import render

    return render(calendar_book(ctx, art_id, pi_id))

"""Today is the date in the ART's time zone in what services print and decide, not UTC's.

An RTE in Sydney at 07:00 is already a day ahead of UTC; one in California at 19:00 a day behind.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from rte_desktop.domain import model as m
from rte_desktop.services.calendar.calendar_pdf import calendar_book
from rte_desktop.workspace import Workspace
from tests.pdf_tools import pdf_text
from tests.today_tools import ZONE_IDS, ZONES, put_art_in, set_wall

DUE = dt.date(2026, 11, 25)  # yesterday in Sydney, today in California (in the cases below)
EXPECTED_STATE = {"Australia/Sydney": "OVERDUE", "America/Los_Angeles": "DUE SOON"}


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(("zone", "when", "local"), ZONES, ids=ZONE_IDS)
def test_risk_poster_prints_the_arts_date_and_due_state(
    demo_ws: Workspace, tmp_path: Path, zone: str, when: dt.datetime, local: dt.date
) -> None:
    art = demo_ws.train.arts()[0]
    pi = demo_ws.train.current_pi(art.id)
    risk = next(r for r in demo_ws.risks.risks(pi.id) if r.status is m.RoamStatus.UNROAMED)
    demo_ws.risks.update(dataclasses.replace(risk, due=DUE))
    put_art_in(demo_ws, art.id, zone, when)
    text = _flat(" ".join(pdf_text(demo_ws.risks.poster(pi.id, tmp_path / "roam.pdf"))))
    assert f"printed {local:%d %b %Y}" in text
    assert f"Due {DUE:%d %b %Y} — {EXPECTED_STATE[zone]}" in text


@pytest.mark.parametrize(("zone", "when", "local"), ZONES, ids=ZONE_IDS)
def test_board_poster_prints_the_arts_date(
    demo_ws: Workspace, tmp_path: Path, zone: str, when: dt.datetime, local: dt.date
) -> None:
    art = demo_ws.train.arts()[0]
    pi = demo_ws.train.current_pi(art.id)
    put_art_in(demo_ws, art.id, zone, when)
    text = _flat(" ".join(pdf_text(demo_ws.board.poster(pi.id, tmp_path / "board.pdf"))))
    assert f"printed {local:%d %b %Y}" in text


@pytest.mark.parametrize(
    ("zone", "when", "month"),
    [
        # 1 Dec, 01:00 in Sydney; still 30 Nov in UTC
        ("Australia/Sydney", dt.datetime(2026, 11, 30, 14, 0, tzinfo=dt.UTC), 12),
        # 30 Nov, 21:00 in California; already 1 Dec in UTC
        ("America/Los_Angeles", dt.datetime(2026, 12, 1, 5, 0, tzinfo=dt.UTC), 11),
    ],
    ids=ZONE_IDS,
)
def test_calendar_pdf_without_pis_starts_at_the_arts_month(
    ws: Workspace, zone: str, when: dt.datetime, month: int
) -> None:
    with ws.uow() as uow:
        art = uow.add(m.Art(name="No PIs yet", time_zone=zone))
    assert art.id is not None
    set_wall(ws.clock, when)
    assert calendar_book(ws, art.id).year_start == dt.date(2026, month, 1)


def test_demo_is_anchored_on_the_arts_date(ws: Workspace) -> None:
    # Sunday 29 Nov, 23:30 UTC is already Monday 30 Nov, 00:30 in Berlin (the demo ART's zone)
    set_wall(ws.clock, dt.datetime(2026, 11, 29, 23, 30, tzinfo=dt.UTC))
    art_id = ws.demo.create().value
    monday = ws.train.today(art_id)
    assert monday == dt.date(2026, 11, 30)
    first = ws.train.pis(art_id)[0]
    assert first.start == monday - dt.timedelta(weeks=13)  # the demo's weeks are the ART's
    actions = ws.art_sync.open_actions(art_id)
    assert [o.action.due for o in actions] == [monday + dt.timedelta(days=7)]
    # The demo ART Sync was two days ago at this hour on the ART's wall clock (naive local).
    assert [o.meeting.held_at for o in actions] == [dt.datetime(2026, 11, 28, 0, 30)]

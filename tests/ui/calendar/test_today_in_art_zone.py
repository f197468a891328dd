"""The Calendar panel's first month and default dates follow today in the ART's zone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import QDate, QPoint, Qt

from rte_desktop.domain import model as m
from rte_desktop.ui.calendar.event_dialog import EventDialog
from rte_desktop.ui.calendar.holidays_dialog import HolidaysDialog
from tests.today_tools import ZONE_IDS, ZONES, put_art_in

# Far from the machine's own date, which the code must not fall back to (no PI, no view)
FAR_FROM_NOW = [
    (
        "Australia/Sydney",
        dt.datetime(2031, 3, 14, 20, 0, tzinfo=dt.UTC),  # 15 Mar, 07:00 in Sydney
        dt.date(2031, 3, 15),
    ),
    (
        "America/Los_Angeles",
        dt.datetime(2031, 3, 15, 3, 0, tzinfo=dt.UTC),  # 14 Mar, 20:00 in California
        dt.date(2031, 3, 14),
    ),
]


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _proposed_day(when_modal: Callable[..., None], open_dialog: Callable[[], object]) -> QDate:
    """The start day the event dialog proposes when ``open_dialog`` opens it."""
    seen = {}

    def look(dialog) -> None:
        assert isinstance(dialog, EventDialog)
        seen["day"] = dialog.start.date()
        dialog.reject()

    when_modal(look)
    open_dialog()
    return seen["day"]


@pytest.mark.parametrize(
    ("zone", "when", "heading"),
    [
        # 1 Dec, 01:00 in Sydney; still 30 Nov in UTC
        ("Australia/Sydney", dt.datetime(2026, 11, 30, 14, 0, tzinfo=dt.UTC), "December 2026"),
        # 30 Nov, 21:00 in California; already 1 Dec in UTC
        ("America/Los_Angeles", dt.datetime(2026, 12, 1, 5, 0, tzinfo=dt.UTC), "November 2026"),
    ],
    ids=ZONE_IDS,
)
def test_month_view_opens_on_the_arts_month(
    calendar_panel, zone: str, when: dt.datetime, heading: str
) -> None:
    art_id, pi_id = calendar_panel.art_id, calendar_panel.pi_id
    put_art_in(calendar_panel.ctx.ws, art_id, zone, when)
    calendar_panel.set_scope(art_id, pi_id)  # the month view starts afresh
    calendar_panel.show_mode("month")
    assert calendar_panel.heading.text() == heading


@pytest.mark.parametrize(("zone", "when", "local"), ZONES, ids=ZONE_IDS)
def test_new_event_without_a_selection_starts_on_the_arts_today(
    qtbot, calendar_panel, when_modal, zone: str, when: dt.datetime, local: dt.date
) -> None:
    put_art_in(calendar_panel.ctx.ws, calendar_panel.art_id, zone, when)
    calendar_panel.table.clearSelection()
    calendar_panel.table.setCurrentIndex(calendar_panel.table.model().index(-1, -1))
    assert calendar_panel.selected_event() is None
    day = _proposed_day(when_modal, lambda: qtbot.keyClick(calendar_panel.table, Qt.Key.Key_Insert))
    assert day == _qdate(local)


@pytest.mark.parametrize(("zone", "when", "local"), ZONES, ids=ZONE_IDS)
def test_holidays_dialog_proposes_the_arts_today(
    calendar_panel, when_modal, zone: str, when: dt.datetime, local: dt.date
) -> None:
    put_art_in(calendar_panel.ctx.ws, calendar_panel.art_id, zone, when)
    seen = {}

    def look(dialog) -> None:
        assert isinstance(dialog, HolidaysDialog)
        seen["first"], seen["last"] = dialog.first.date(), dialog.last.date()
        dialog.reject()

    when_modal(look)
    calendar_panel.edit_holidays()
    assert seen == {"first": _qdate(local), "last": _qdate(local)}


def _art_without_pis(calendar_panel, zone: str, when: dt.datetime) -> int:
    ws = calendar_panel.ctx.ws
    with ws.uow() as uow:
        art = uow.add(m.Art(name="No PIs yet", time_zone="UTC"))
    assert art.id is not None
    put_art_in(ws, art.id, zone, when)
    calendar_panel.set_scope(art.id, None)
    calendar_panel.refresh_now()
    return art.id


@pytest.mark.parametrize(("zone", "when", "local"), FAR_FROM_NOW, ids=ZONE_IDS)
def test_cadence_of_an_art_without_pis_starts_on_the_arts_today(
    calendar_panel, zone: str, when: dt.datetime, local: dt.date
) -> None:
    _art_without_pis(calendar_panel, zone, when)
    assert calendar_panel.initial_request().first_start == local


@pytest.mark.parametrize(("zone", "when", "local"), FAR_FROM_NOW, ids=ZONE_IDS)
def test_double_click_on_an_empty_timeline_proposes_the_arts_today(
    qtbot, calendar_panel, when_modal, zone: str, when: dt.datetime, local: dt.date
) -> None:
    _art_without_pis(calendar_panel, zone, when)
    calendar_panel.show_mode("timeline")
    timeline = calendar_panel.timeline
    spot = QPoint(int(timeline._left()) + 20, timeline.height() // 2)
    day = _proposed_day(
        when_modal, lambda: qtbot.mouseDClick(timeline, Qt.MouseButton.LeftButton, pos=spot)
    )
    assert day == _qdate(local)

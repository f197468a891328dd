"""Events and holidays by hand, and the demo train's generated calendar."""

from __future__ import annotations

import datetime as dt

import pytest

from rte_desktop.domain import model as m
from rte_desktop.domain.cadence import Blackout, WorkingCalendar
from rte_desktop.domain.errors import ValidationError
from rte_desktop.services.common.changes import Area
from rte_desktop.workspace import Workspace


def art_of(ws: Workspace) -> int:
    return ws.train.arts()[0].id


def test_demo_calendar_is_generated_and_realistic(demo_ws: Workspace) -> None:
    art_id = art_of(demo_ws)
    pis = demo_ws.train.pis(art_id)
    events = demo_ws.calendar.events(art_id)
    holidays = demo_ws.calendar.holidays(art_id)
    calendar = WorkingCalendar(range(5), [Blackout(h.name, h.start, h.end) for h in holidays])
    generated = [e for e in events if not e.manual]
    assert all(calendar.is_working(e.start.date()) for e in generated)
    moved = [e for e in generated if e.note]
    assert [(e.title, e.start) for e in moved] == [
        ("System Demo PI 2026.2 I4", dt.datetime(2026, 12, 28, 14, 0))
    ]
    assert "Winter break" in moved[0].note
    current = [e for e in events if e.pi_id == pis[1].id]
    planning = [e for e in current if e.kind is m.EventKind.PI_PLANNING]
    assert [e.title for e in planning] == [
        "PI Planning PI 2027.1 · day 1",
        "PI Planning PI 2027.1 · day 2",
    ]
    ip = demo_ws.train.iterations(pis[1].id)[-1]
    assert ip.is_ip and ip.start + dt.timedelta(days=7) <= planning[0].start.date() <= ip.end
    assert len({e.uid for e in events}) == len(events)


def test_add_edit_move_delete_and_put_back(ws: Workspace, demo_ws: Workspace) -> None:
    art_id = art_of(demo_ws)
    seen = []
    demo_ws.listeners.append(seen.append)
    start = dt.datetime(2026, 12, 2, 15, 0)
    event = demo_ws.calendar.add_event(
        art_id, m.EventKind.OTHER, "  Offsite   李雷 ", start, start + dt.timedelta(hours=2)
    ).value
    assert event.manual and event.title == "Offsite 李雷" and event.uid.endswith("@rte-desktop")
    assert event.pi_id == demo_ws.train.pis(art_id)[1].id
    assert seen[-1].touches(Area.CALENDAR)
    moved = demo_ws.calendar.move_event(event.id, 2).value
    assert moved.start == start + dt.timedelta(days=2) and moved.uid == event.uid
    edited = demo_ws.calendar.update_event(
        event.id,
        kind=m.EventKind.SYSTEM_DEMO,
        title="Extra demo",
        start=moved.start,
        end=moved.start + dt.timedelta(hours=1),
        note="for the BOs",
    ).value
    assert (edited.kind, edited.note, edited.manual) == (
        m.EventKind.SYSTEM_DEMO,
        "for the BOs",
        True,
    )
    removed = demo_ws.calendar.delete_event(event.id).value
    with pytest.raises(Exception, match="does not exist"):
        demo_ws.calendar.event(event.id)
    restored = demo_ws.calendar.put_event(removed).value
    assert restored == removed  # same id and UID


@pytest.mark.parametrize(
    ("start", "end", "title", "message"),
    [
        (dt.datetime(2027, 1, 5, 10), dt.datetime(2027, 1, 5, 9), "X", "before it starts"),
        (dt.datetime(2027, 1, 5, 10), dt.datetime(2027, 1, 5, 10), "X", "before it starts"),
        (dt.datetime(2027, 1, 5, 10), dt.datetime(2027, 2, 5, 10), "X", "more than 14 days"),
        (dt.datetime(2027, 1, 5, 10), dt.datetime(2027, 1, 5, 11), "  ", "must not be empty"),
    ],
)
def test_bad_events_are_refused_and_nothing_is_written(
    demo_ws: Workspace, start: dt.datetime, end: dt.datetime, title: str, message: str
) -> None:
    art_id = art_of(demo_ws)
    count = len(demo_ws.calendar.events(art_id))
    with pytest.raises(ValidationError, match=message):
        demo_ws.calendar.add_event(art_id, m.EventKind.OTHER, title, start, end)
    assert len(demo_ws.calendar.events(art_id)) == count


def test_holidays_by_hand(demo_ws: Workspace) -> None:
    art_id = art_of(demo_ws)
    holiday = demo_ws.calendar.add_holiday(
        art_id, "Company day", dt.date(2027, 2, 12), dt.date(2027, 2, 12)
    ).value
    assert demo_ws.calendar.day_note(art_id, dt.date(2027, 2, 12)) == "Company day"
    assert demo_ws.calendar.day_note(art_id, dt.date(2027, 2, 13)) == "Saturday"
    assert demo_ws.calendar.day_note(art_id, dt.date(2027, 2, 11)) is None
    with pytest.raises(ValidationError, match="before it starts"):
        demo_ws.calendar.add_holiday(art_id, "Oops", dt.date(2027, 2, 12), dt.date(2027, 2, 1))
    demo_ws.calendar.delete_holiday(holiday.id)
    assert "Company day" not in {h.name for h in demo_ws.calendar.holidays(art_id)}


def test_view_returns_what_overlaps_the_range(demo_ws: Workspace) -> None:
    art_id = art_of(demo_ws)
    view = demo_ws.calendar.view(art_id, dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    assert {p.name for p in view.pis} == {"PI 2026.2"}
    assert all(dt.date(2026, 12, 1) <= e.start.date() <= dt.date(2026, 12, 31) for e in view.events)
    assert [h.name for h in view.holidays] == ["Winter break"]
    assert view.today == dt.date(2026, 11, 25)
    assert not view.working().is_working(dt.date(2026, 12, 25))

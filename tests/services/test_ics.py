"""ICS export read back by an independent parser; holiday import, good files and bad ones."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from rte_desktop.domain import model as m
from rte_desktop.domain.errors import ImportFormatError
from rte_desktop.services.calendar.cadence import CadenceRequest
from rte_desktop.workspace import Workspace
from tests.ics_read import components, read_ics, tzid, value, wall_time


def art_of(ws: Workspace) -> int:
    return ws.train.arts()[0].id


def test_export_is_valid_rfc5545_with_tzid_categories_and_stored_uids(
    demo_ws: Workspace, tmp_path: Path
) -> None:
    art_id = art_of(demo_ws)
    start = dt.datetime(2026, 12, 3, 9, 30)
    demo_ws.calendar.add_event(
        art_id, m.EventKind.OTHER, "Offsite; 李雷, Zoë", start, start + dt.timedelta(hours=1)
    )
    path = demo_ws.calendar.export_ics(tmp_path / "art.ics", art_id)
    data = path.read_bytes()
    assert all(len(line.encode()) <= 75 for line in data.decode().split("\r\n"))
    cal = read_ics(data)
    assert value(cal, "VERSION") == "2.0" and value(cal, "PRODID")
    assert [value(tz, "TZID") for tz in components(cal, "VTIMEZONE")] == ["Europe/Berlin"]
    events = demo_ws.calendar.events(art_id)
    holidays = demo_ws.calendar.holidays(art_id)
    vevents = components(cal, "VEVENT")
    assert len(vevents) == len(events) + len(holidays)
    by_uid = {value(v, "UID"): v for v in vevents}
    labels = {
        m.EventKind.SYSTEM_DEMO: "System Demo",
        m.EventKind.PI_PLANNING: "PI Planning",
        m.EventKind.ART_SYNC: "ART Sync",
        m.EventKind.OTHER: "Other",
    }
    for event in events:
        vevent = by_uid[event.uid]
        assert tzid(vevent, "DTSTART") == "Europe/Berlin"
        assert wall_time(vevent, "DTSTART") == event.start
        assert wall_time(vevent, "DTEND") == event.end
        assert value(vevent, "SUMMARY") == event.title
        if event.kind in labels:
            assert value(vevent, "CATEGORIES") == [labels[event.kind]]
        assert value(vevent, "DTSTAMP") == dt.datetime(2026, 11, 25, 8, 0, tzinfo=dt.UTC)
    assert any(value(v, "SUMMARY") == "Offsite; 李雷, Zoë" for v in vevents)
    winter = next(v for v in vevents if value(v, "SUMMARY") == "Winter break")
    assert winter.contents["dtstart"][0].params == {"VALUE": ["DATE"]}
    assert (value(winter, "DTSTART"), value(winter, "DTEND")) == (
        dt.date(2026, 12, 24),
        dt.date(2026, 12, 27),
    )
    assert value(winter, "CATEGORIES") == ["Holiday"]


def test_uids_are_identical_across_exports_and_regeneration(
    demo_ws: Workspace, tmp_path: Path, clock
) -> None:
    art_id = art_of(demo_ws)
    first = read_ics(demo_ws.calendar.ics_bytes(art_id))
    clock.advance(3600 * 24)
    pis = demo_ws.train.pis(art_id)
    request = CadenceRequest(first_start=pis[0].start, pi_count=3, time_zone="Europe/Berlin")
    assert not demo_ws.cadence.preview(art_id, request).events.replaces_anything
    demo_ws.cadence.generate(art_id, request)
    second = read_ics(demo_ws.calendar.ics_bytes(art_id))

    def uids(cal):
        return sorted(value(v, "UID") for v in components(cal, "VEVENT"))

    assert uids(first) == uids(second)
    stamps = {value(v, "DTSTAMP") for v in components(second, "VEVENT")}
    assert stamps == {dt.datetime(2026, 11, 26, 8, 0, tzinfo=dt.UTC)}


def test_export_of_one_pi_holds_only_its_events(demo_ws: Workspace) -> None:
    art_id = art_of(demo_ws)
    pi = demo_ws.train.pis(art_id)[0]
    cal = read_ics(demo_ws.calendar.ics_bytes(art_id, pi.id))
    uids = {value(v, "UID") for v in components(cal, "VEVENT")}
    assert uids == {e.uid for e in demo_ws.calendar.events(art_id, pi.id)}
    assert value(cal, "X-WR-CALNAME") == f"Aurora ART {pi.name}"


HOLIDAYS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Company//Holidays//EN\r\n"
    "BEGIN:VEVENT\r\nUID:1\r\nSUMMARY:Founders' day\r\nDTSTART;VALUE=DATE:20270305\r\n"
    "DTEND;VALUE=DATE:20270306\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:2\r\nSUMMARY:Summer shutdown\r\nDTSTART;VALUE=DATE:20270802\r\n"
    "DTEND;VALUE=DATE:20270816\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:3\r\nSUMMARY:Labour Day\r\nDTSTART;VALUE=DATE:20270501\r\n"
    "RRULE:FREQ=YEARLY;COUNT=2\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:4\r\nSUMMARY:Half day\r\nDTSTART:20271224T120000Z\r\n"
    "DTEND:20271225T000000Z\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n"
)


def test_holiday_import_reads_ranges_recurrences_and_skips_duplicates(
    demo_ws: Workspace, tmp_path: Path
) -> None:
    art_id = art_of(demo_ws)
    source = tmp_path / "company.ics"
    source.write_text(HOLIDAYS, encoding="utf-8")
    result = demo_ws.calendar.import_holidays(art_id, source).value
    assert result.added == 5 and result.duplicates == 0
    found = {(h.name, h.start, h.end) for h in demo_ws.calendar.holidays(art_id)}
    assert ("Founders' day", dt.date(2027, 3, 5), dt.date(2027, 3, 5)) in found
    assert ("Summer shutdown", dt.date(2027, 8, 2), dt.date(2027, 8, 15)) in found
    assert ("Labour Day", dt.date(2028, 5, 1), dt.date(2028, 5, 1)) in found
    assert ("Half day", dt.date(2027, 12, 24), dt.date(2027, 12, 24)) in found
    again = demo_ws.calendar.import_holidays(art_id, source).value
    assert (again.added, again.duplicates) == (0, 5)


def test_export_then_import_round_trips_holidays(demo_ws: Workspace, tmp_path: Path) -> None:
    art_id = art_of(demo_ws)
    path = demo_ws.calendar.export_ics(tmp_path / "out.ics", art_id)
    before = {(h.name, h.start, h.end) for h in demo_ws.calendar.holidays(art_id)}
    with demo_ws.uow() as uow:
        uow.delete_where(m.Holiday, art_id=art_id)
    demo_ws.calendar.import_holidays(art_id, path)
    after = {(h.name, h.start, h.end) for h in demo_ws.calendar.holidays(art_id)}
    assert before <= after  # timed events of the export come in as days off too


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"hello world\n", "not an iCalendar .* line 1 is 'hello world'"),
        (b"", "line 1 is '\\(empty\\)'"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not UTF-8"),
        (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "holds no events"),
        (
            b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n\r\nBEGIN:VEVENT\r\nSUMMARY:No date\r\n"
            b"END:VEVENT\r\nEND:VCALENDAR\r\n",
            "line 4 to line 6: event 'No date' has no DTSTART",
        ),
        (  # the line of the property at fault, not of the event's BEGIN
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Back\r\nDTSTART;VALUE=DATE:20270305\r\n"
            b"DTEND;VALUE=DATE:20270301\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "line 5: event 'Back' ends before it starts",
        ),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Twice\r\nDTSTART;VALUE=DATE:20270305\r\n"
            b"DTSTART;VALUE=DATE:20270306\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "line 5: DTSTART appears twice in event 'Twice' \\(first on line 4\\)",
        ),
        (
            b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Mixed\nDTSTART;VALUE=DATE:20270305\n"
            b"DTEND:20270306T120000\nEND:VEVENT\nEND:VCALENDAR\n",
            "line 5: event 'Mixed' mixes a date and a date-time",
        ),
    ],
)
def test_bad_ics_files_are_refused_and_nothing_changes(
    demo_ws: Workspace, tmp_path: Path, content: bytes, message: str
) -> None:
    art_id = art_of(demo_ws)
    before = demo_ws.calendar.holidays(art_id)
    source = tmp_path / "bad.ics"
    source.write_bytes(content)
    with pytest.raises(ImportFormatError, match=message):
        demo_ws.calendar.import_holidays(art_id, source)
    assert demo_ws.calendar.holidays(art_id) == before


def test_the_second_parser_is_strict() -> None:
    import vobject

    with pytest.raises(vobject.base.ParseError):
        read_ics(b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n")
    with pytest.raises(AssertionError, match="CRLF"):
        read_ics(b"BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n")

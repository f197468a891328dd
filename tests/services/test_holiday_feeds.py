"""Holiday calendars as real publishers write them (Outlook, Google, Apple, Thunderbird, a
holiday provider), read into days off.

The files in tests/services/calendars/ were written for these tests; each recreates the quirks
of one publisher seen in the test corpora of icalendar and recurring-ical-events (see the
comments in each file's section of test_every_feed_gives_exactly_its_days_off).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from rte_desktop.domain import model as m
from rte_desktop.domain.errors import ImportFormatError
from rte_desktop.workspace import Workspace

FEEDS = Path(__file__).parent / "calendars"
D = dt.date

EXPECTED = {
    # Every event has an empty "RRULE:" line, a date without VALUE=DATE and DTEND = DTSTART.
    "provider_empty_rrule.ics": {
        ("New Year's Day", D(2027, 1, 1), D(2027, 1, 1)),
        ("Good Friday", D(2027, 3, 26), D(2027, 3, 26)),
        ("Easter Monday", D(2027, 3, 29), D(2027, 3, 29)),
        ("Labour Day", D(2027, 5, 1), D(2027, 5, 1)),
        ("Day of German Unity", D(2027, 10, 3), D(2027, 10, 3)),
        ("Christmas Day", D(2027, 12, 25), D(2027, 12, 25)),
    },
    # Unfolded long lines, SUMMARY;LANGUAGE=..., escapes, an exclusive two-day DTEND.
    "outlook_public_holidays.ics": {
        ("Germany: Epiphany", D(2027, 1, 6), D(2027, 1, 6)),
        ("Germany: Christmas (two days)", D(2027, 12, 25), D(2027, 12, 26)),
    },
    # The 2027 occurrence moved by a RECURRENCE-ID written before its series; 2028 deleted by
    # EXDATE; a timed afternoon off in a VTIMEZONE.
    "google_moved_occurrence.ics": {
        ("Founders' day", D(2026, 3, 5), D(2026, 3, 5)),
        ("Founders' day (moved to Monday)", D(2027, 3, 8), D(2027, 3, 8)),
        ("Summer party", D(2027, 7, 16), D(2027, 7, 16)),
    },
    # Midnight in Berlin deleted by an EXDATE in UTC, which is the day before (22:00Z).
    "apple_exdate_in_utc.ics": {
        ("Summer Friday", D(2027, 7, 2), D(2027, 7, 2)),
        ("Summer Friday", D(2027, 7, 16), D(2027, 7, 16)),
        ("Summer Friday", D(2027, 7, 23), D(2027, 7, 23)),
    },
    # One day of a daily series cancelled by an override with STATUS:CANCELLED.
    "thunderbird_cancelled_day.ics": {
        ("Winter shutdown", D(2027, 12, 28), D(2027, 12, 28)),
        ("Winter shutdown", D(2027, 12, 30), D(2027, 12, 30)),
    },
    # RDATE lists beside an RRULE; an EXDATE removes one RDATE again.
    "rdate_and_exdate.ics": {
        ("Bridge day", D(2027, 5, 7), D(2027, 5, 7)),
        ("Bridge day", D(2027, 5, 28), D(2027, 5, 28)),
        ("Bridge day", D(2027, 12, 31), D(2027, 12, 31)),
        ("Bridge day", D(2028, 5, 7), D(2028, 5, 7)),
    },
}


def _art_without_holidays(ws: Workspace) -> int:
    art_id = ws.train.arts()[0].id
    with ws.uow() as uow:
        uow.delete_where(m.Holiday, art_id=art_id)
    return art_id


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_feed_gives_exactly_its_days_off(demo_ws: Workspace, name: str) -> None:
    art_id = _art_without_holidays(demo_ws)
    result = demo_ws.calendar.import_holidays(art_id, FEEDS / name).value
    found = {(h.name, h.start, h.end) for h in demo_ws.calendar.holidays(art_id)}
    through_2028 = {item for item in found if item[1].year <= 2028}
    assert through_2028 == EXPECTED[name]
    assert result.added == len(found)
    again = demo_ws.calendar.import_holidays(art_id, FEEDS / name).value
    assert (again.added, again.duplicates) == (0, len(found))


def test_a_yearly_series_runs_to_the_end_of_the_planning_window(demo_ws: Workspace) -> None:
    art_id = _art_without_holidays(demo_ws)
    demo_ws.calendar.import_holidays(art_id, FEEDS / "google_moved_occurrence.ics")
    years = sorted(h.start.year for h in demo_ws.calendar.holidays(art_id) if "Founders" in h.name)
    last_pi = demo_ws.train.pis(art_id)[-1]
    assert years[:2] == [2026, 2027] and 2028 not in years
    assert years[-1] >= last_pi.end.year + 1  # two years past the last PI


def test_a_runaway_series_is_refused_naming_its_rule(demo_ws: Workspace, tmp_path: Path) -> None:
    art_id = demo_ws.train.arts()[0].id
    before = demo_ws.calendar.holidays(art_id)
    ics = tmp_path / "h.ics"
    ics.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\n"
        "UID:x@t\r\nDTSTART:20261201T000000\r\nDTEND:20261201T000001\r\n"
        "RRULE:FREQ=SECONDLY\r\nSUMMARY:Every second\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportFormatError, match=r"h\.ics, line 8: event 'Every second' repeats"):
        demo_ws.calendar.import_holidays(art_id, ics)
    assert demo_ws.calendar.holidays(art_id) == before

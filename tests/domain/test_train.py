import datetime as dt

import pytest
from hypothesis import given, strategies as st

from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.model import PlanningInterval
from rte_desktop.domain.train import clean_name, current_pi, parse_team_names


def _pi(name: str, start: dt.date, days: int = 69) -> PlanningInterval:
    return PlanningInterval(art_id=1, name=name, start=start, end=start + dt.timedelta(days=days))


PIS = [
    _pi("A", dt.date(2026, 1, 5)),
    _pi("B", dt.date(2026, 3, 16)),
    _pi("C", dt.date(2026, 5, 25)),
]


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2026, 1, 5), "A"),  # first day
        (dt.date(2026, 3, 15), "A"),  # last day of A
        (dt.date(2026, 3, 16), "B"),
        (dt.date(2025, 6, 1), "A"),  # before all: the next one
        (dt.date(2027, 6, 1), "C"),  # after all: the latest
    ],
)
def test_current_pi_contains_today_else_next_else_latest(today: dt.date, expected: str) -> None:
    found = current_pi(PIS, today)
    assert found is not None
    assert found.name == expected


def test_current_pi_of_nothing_is_none() -> None:
    assert current_pi([], dt.date(2026, 1, 1)) is None


@given(st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 1, 1)))
def test_current_pi_is_always_one_of_them(today: dt.date) -> None:
    assert current_pi(PIS, today) in PIS


def test_team_names_split_trim_and_refuse_duplicates() -> None:
    assert parse_team_names(" Ωmega , Kraken\n\n李雷 ") == ["Ωmega", "Kraken", "李雷"]
    with pytest.raises(ValidationError, match="twice"):
        parse_team_names("Alpha\nalpha")


def test_empty_name_is_refused() -> None:
    with pytest.raises(ValidationError, match="must not be empty"):
        clean_name("   ", "ART name")


@given(
    st.datetimes(
        min_value=dt.datetime(2000, 1, 1),
        max_value=dt.datetime(2100, 1, 1),
        timezones=st.just(dt.UTC),
    )
)
def test_local_date_is_the_date_on_the_arts_wall_clock(now: dt.datetime) -> None:
    from zoneinfo import ZoneInfo

    from rte_desktop.domain.train import local_date

    for zone in ("Australia/Sydney", "America/Los_Angeles", "Asia/Kolkata", "UTC"):
        assert local_date(now, zone) == now.astimezone(ZoneInfo(zone)).date()
    assert local_date(now, "Not/A_Zone") == now.date()  # an unknown zone reads as UTC
    assert local_date(now, "") == now.date()


def test_an_unknown_zone_reads_as_utc() -> None:
    from zoneinfo import ZoneInfo

    from rte_desktop.domain.train import zone_or_utc

    assert zone_or_utc("Europe/Berlin") == ZoneInfo("Europe/Berlin")
    assert zone_or_utc("Not/A_Zone") == zone_or_utc("") == ZoneInfo("UTC")

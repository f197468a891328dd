"""Working days, holidays, naming schemes and refused inputs of the cadence maths."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from rte_desktop.domain.cadence import (
    Blackout,
    WorkingCalendar,
    check_workable,
    parse_working_days,
    plan_pis,
)
from rte_desktop.domain.errors import ValidationError

MONDAY = dt.date(2027, 1, 4)


def test_naming_schemes_fill_every_placeholder() -> None:
    plans = plan_pis(
        MONDAY,
        count=6,
        naming="ART-{yy}Q{q} #{seq:02d} ({year}/{n})",
        iteration_naming="{pi}.{n}",
        ip_naming="{pi} innovation",
    )
    assert [p.name for p in plans[:2]] == ["ART-27Q1 #01 (2027/1)", "ART-27Q1 #02 (2027/2)"]
    assert plans[2].name.startswith("ART-27Q2 #03")
    assert plans[0].iterations[0].name == "ART-27Q1 #01 (2027/1).1"
    assert plans[0].iterations[-1].name == "ART-27Q1 #01 (2027/1) innovation"


def test_numbering_continues_after_existing_pis() -> None:
    earlier = [dt.date(2026, 10, 26), dt.date(2027, 1, 4)]
    plans = plan_pis(dt.date(2027, 3, 15), count=2, earlier_starts=earlier)
    assert [p.name for p in plans] == ["PI 2027.2", "PI 2027.3"]
    seq = plan_pis(dt.date(2027, 3, 15), count=1, naming="PI {seq}", earlier_starts=earlier)
    assert seq[0].name == "PI 3"


@pytest.mark.parametrize(
    ("naming", "message"),
    [
        ("PI {quarter}", "Unknown placeholder {quarter}"),
        ("PI {year", "malformed"),
        ("PI {}", "Unknown placeholder {}"),
        ("   ", "empty"),
        ("Same name", "twice"),
    ],
)
def test_bad_naming_schemes_are_refused(naming: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        plan_pis(MONDAY, count=2, naming=naming)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"iteration_weeks": 0}, "1 to 4 weeks, not 0"),
        ({"dev_iterations": 40}, "1 to 12 development iterations, not 40"),
        ({"count": 0}, "1 to 60 PIs"),
        ({"count": 61}, "1 to 60 PIs"),
    ],
)
def test_impossible_lengths_are_refused_with_the_number(kwargs: dict, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        plan_pis(MONDAY, **kwargs)


def test_working_days_parse_and_refuse_garbage() -> None:
    assert parse_working_days("01234") == frozenset(range(5))
    assert parse_working_days("6") == frozenset({6})
    with pytest.raises(ValidationError, match="at least one"):
        parse_working_days("")
    with pytest.raises(ValidationError, match="not '7'"):
        parse_working_days("017")


def test_blocked_days_say_why() -> None:
    cal = WorkingCalendar(
        range(5), [Blackout("Winter break", dt.date(2026, 12, 24), dt.date(2026, 12, 26))]
    )
    assert cal.blocked_by(dt.date(2026, 12, 24)) == "Winter break"
    assert cal.blocked_by(dt.date(2026, 12, 27)) == "Sunday"
    assert cal.blocked_by(dt.date(2026, 12, 28)) is None
    assert cal.next_working_day(dt.date(2026, 12, 24)) == dt.date(2026, 12, 28)
    assert cal.previous_working_day(dt.date(2026, 12, 27)) == dt.date(2026, 12, 23)


def test_holiday_ending_before_it_starts_is_refused() -> None:
    with pytest.raises(ValidationError, match="before it starts"):
        WorkingCalendar(range(5), [Blackout("Oops", dt.date(2027, 1, 5), dt.date(2027, 1, 4))])


def test_holiday_covering_a_whole_pi_is_refused_by_name() -> None:
    plans = plan_pis(MONDAY, count=3)
    cover = Blackout("Sabbatical", plans[1].start - dt.timedelta(days=3), plans[1].end)
    with pytest.raises(ValidationError, match="'Sabbatical'.*covers the whole of PI 2027.2"):
        check_workable(plans, WorkingCalendar(range(5), [cover]))
    check_workable(
        plans, WorkingCalendar(range(5), [Blackout("Short", plans[1].start, plans[1].start)])
    )


@given(
    working=st.sets(st.integers(0, 6), min_size=1),
    holidays=st.lists(
        st.tuples(st.dates(dt.date(2026, 1, 1), dt.date(2027, 12, 31)), st.integers(0, 20)),
        max_size=6,
    ),
    day=st.dates(dt.date(2026, 1, 1), dt.date(2027, 12, 31)),
)
def test_next_working_day_is_the_first_working_day_on_or_after(
    working: set[int], holidays: list[tuple[dt.date, int]], day: dt.date
) -> None:
    cal = WorkingCalendar(
        working,
        [Blackout(f"H{i}", s, s + dt.timedelta(days=n)) for i, (s, n) in enumerate(holidays)],
    )
    found = cal.next_working_day(day)
    assert found is not None and found >= day
    assert cal.is_working(found)
    assert all(not cal.is_working(day + dt.timedelta(days=n)) for n in range((found - day).days))
    back = cal.previous_working_day(day)
    assert back is not None and back <= day and cal.is_working(back)

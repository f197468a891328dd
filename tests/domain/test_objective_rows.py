"""Business-value ranges and the import's cell parsing, by property and by example."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from rte_desktop.domain.errors import ImportFormatError, ValidationError
from rte_desktop.domain.objectives import (
    check_bv,
    map_headers,
    normalize_header,
    parse_bv,
    parse_committed,
    read_rows,
)


@given(st.integers(-50, 50), st.booleans())
def test_check_bv_accepts_exactly_the_range(value: int, actual: bool) -> None:
    low = 0 if actual else 1
    if low <= value <= 10:
        assert check_bv(value, actual) == value
        assert parse_bv(str(value), actual) == value
    else:
        with pytest.raises(ValidationError):
            check_bv(value, actual)
        with pytest.raises(ValueError, match="outside"):
            parse_bv(value, actual)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("yes", True),
        ("No", False),
        ("TRUE", True),
        ("false", False),
        ("1", True),
        (0, False),
        ("committed", True),
        ("Uncommitted", False),
        ("Stretch", False),
        ("stretch objective", False),
        (None, True),
        ("", True),
        (True, True),
        (1.0, True),
    ],
)
def test_committed_values(value: object, expected: bool) -> None:
    assert parse_committed(value) is expected


def test_headers_by_name_case_and_synonym_best_alias_wins() -> None:
    assert normalize_header("  Planned_BV ") == "planned bv"
    headers = ["Description", "TEAM", "Objective", "Planned Business Value", "Actual-BV", "Junk"]
    assert map_headers(headers) == {"objective": 2, "team": 1, "planned_bv": 3, "actual_bv": 4}
    with pytest.raises(ImportFormatError, match="both"):
        map_headers(["team", "objective", "Team"])


@given(
    st.lists(
        st.tuples(st.booleans(), st.integers(1, 10), st.none() | st.integers(0, 10)),
        min_size=1,
        max_size=20,
    )
)
def test_read_rows_round_trips_good_rows(items) -> None:
    lines = [(1, ["team", "objective", "committed", "planned_bv", "actual_bv"])]
    for i, (committed, planned, actual) in enumerate(items, start=2):
        lines.append(
            (
                i,
                [
                    "T",
                    f"o{i}",
                    "yes" if committed else "no",
                    str(planned),
                    "" if actual is None else str(actual),
                ],
            )
        )
    rows = read_rows(lines)
    assert [(r.committed, r.planned_bv, r.actual_bv) for r in rows] == items
    assert [r.line for r in rows] == list(range(2, len(items) + 2))


def test_all_problems_are_listed_at_most_ten() -> None:
    lines = [(1, ["team", "objective", "planned_bv"])]
    lines += [(i, ["T", "x", "99"]) for i in range(2, 20)]
    with pytest.raises(ImportFormatError) as info:
        read_rows(lines)
    message = str(info.value)
    assert "line 2, column 3 (planned_bv)" in message and "and 8 more" in message

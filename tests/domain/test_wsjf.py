"""WSJF maths: cost of delay, relative columns, stable ties, and the scale's refusals."""

from __future__ import annotations

import dataclasses
import itertools
from fractions import Fraction

import pytest
from hypothesis import given, strategies as st

from rte_desktop.domain.errors import DomainError, ValidationError
from rte_desktop.domain.kinds import WsjfColumn
from rte_desktop.domain.wsjf import (
    SCALE,
    Estimate,
    check_estimate,
    check_value,
    columns_without_a_one,
    format_wsjf,
    rank,
)

on_scale = st.sampled_from(SCALE)
estimates = st.builds(
    Estimate,
    business_value=on_scale,
    time_criticality=on_scale,
    risk_reduction=on_scale,
    job_size=on_scale,
)
backlogs = st.lists(estimates, min_size=1, max_size=30)


def order(items: list[Estimate]) -> list[int]:
    return [r.index for r in rank(items)]


def test_worked_example_from_the_safe_article_shape() -> None:
    # A: (8+5+3)/5 = 3.2; B: (3+8+1)/2 = 6; C: (1+1+2)/1 = 4; D: unestimated.
    items = [
        Estimate(business_value=8, time_criticality=5, risk_reduction=3, job_size=5),
        Estimate(business_value=3, time_criticality=8, risk_reduction=1, job_size=2),
        Estimate(business_value=1, time_criticality=1, risk_reduction=2, job_size=1),
        Estimate(business_value=5),
    ]
    assert items[0].cost_of_delay == 16
    assert items[0].wsjf == Fraction(16, 5)
    assert items[3].cost_of_delay is None and items[3].wsjf is None
    ranked = rank(items)
    assert [r.index for r in ranked] == [1, 2, 0, 3]
    assert [r.rank for r in ranked] == [1, 2, 3, None]
    assert format_wsjf(ranked[0].wsjf) == "6.0"
    assert format_wsjf(None) == "\u2013"


def test_ties_share_a_rank_and_keep_the_earlier_order() -> None:
    items = [
        Estimate(business_value=1, time_criticality=1, risk_reduction=1, job_size=3),  # 1
        Estimate(business_value=2, time_criticality=2, risk_reduction=2, job_size=2),  # 3
        Estimate(business_value=5, time_criticality=3, risk_reduction=5, job_size=13),  # 1
        Estimate(business_value=3, time_criticality=3, risk_reduction=3, job_size=3),  # 3
    ]
    ranked = rank(items)
    assert [(r.index, r.rank, r.tied) for r in ranked] == [
        (1, 1, True),
        (3, 1, True),
        (0, 3, True),
        (2, 3, True),
    ]


def test_columns_are_read_relative_to_their_smallest_estimate() -> None:
    # Job sizes 2 and 3 (no 1 yet): read as 1 and 1.5, as if the smallest had been set to 1.
    items = [
        Estimate(business_value=1, time_criticality=1, risk_reduction=1, job_size=2),
        Estimate(business_value=2, time_criticality=1, risk_reduction=1, job_size=3),
    ]
    ranked = rank(items)
    assert ranked[0].wsjf == Fraction(3, 1) and ranked[1].wsjf == Fraction(4, 1) / Fraction(3, 2)
    assert columns_without_a_one(items) == [WsjfColumn.JOB_SIZE]


@given(backlogs)
def test_the_order_is_by_wsjf_highest_first(items: list[Estimate]) -> None:
    ranked = rank(items)
    values = [r.wsjf for r in ranked]
    assert all(a is not None and b is not None and a >= b for a, b in itertools.pairwise(values))
    assert sorted(r.index for r in ranked) == list(range(len(items)))


@given(backlogs, st.sampled_from(list(WsjfColumn)), st.sampled_from((2, 3, 5, 7, Fraction(1, 2))))
def test_scaling_one_column_changes_nothing(
    items: list[Estimate], column: WsjfColumn, factor: int | Fraction
) -> None:
    # Multiplying a whole column by a factor is the same relative judgement; read relative to
    # its smallest (which the session sets to 1) the column is unchanged, and so is the order.
    # (The scaled values leave the scale; ranking is the maths, the scale check is separate.)
    scaled = [
        dataclasses.replace(e, **{column.value: e.get(column) * factor})  # type: ignore[operator, arg-type]
        for e in items
    ]
    assert order(scaled) == order(items)
    assert [r.wsjf for r in rank(scaled)] == [r.wsjf for r in rank(items)]


@given(backlogs)
def test_a_column_whose_smallest_is_one_is_taken_as_it_is(items: list[Estimate]) -> None:
    anchored = [
        *items,
        Estimate(business_value=1, time_criticality=1, risk_reduction=1, job_size=1),
    ]
    for r in rank(anchored):
        assert r.wsjf == anchored[r.index].wsjf


@given(backlogs)
def test_ties_are_stable(items: list[Estimate]) -> None:
    # Duplicating every item right after itself: each pair ties and keeps its input order.
    doubled = [e for item in items for e in (item, item)]
    ranked = rank(doubled)
    for r in ranked:
        assert r.tied
    positions = {r.index: n for n, r in enumerate(ranked)}
    for i in range(0, len(doubled), 2):
        assert positions[i] < positions[i + 1]


@given(st.lists(estimates, min_size=2, max_size=12))
def test_equal_scores_keep_the_input_order_whatever_it_is(items: list[Estimate]) -> None:
    ranked = rank(items)
    for a, b in itertools.pairwise(ranked):
        if a.wsjf == b.wsjf:
            assert a.index < b.index
            assert a.rank == b.rank


@pytest.mark.parametrize("value", [0, 4, 21, -1, 100])
@pytest.mark.parametrize("column", list(WsjfColumn))
def test_values_off_the_scale_are_refused(column: WsjfColumn, value: int) -> None:
    with pytest.raises(ValidationError) as caught:
        check_value(column, value, "F-7")
    message = str(caught.value)
    assert message.startswith("F-7: ")
    if column is WsjfColumn.JOB_SIZE and value == 0:
        assert "job size of 0" in message
    else:
        assert f"{value} is not on the scale 1, 2, 3, 5, 8, 13, 20" in message


def test_a_whole_estimate_is_checked_and_none_is_allowed() -> None:
    check_estimate(Estimate(business_value=20, job_size=None))
    with pytest.raises(DomainError, match="job size of 0"):
        check_estimate(Estimate(business_value=1, job_size=0))
    with pytest.raises(DomainError, match="time criticality 4"):
        check_estimate(Estimate(time_criticality=4))
    with pytest.raises(DomainError):
        check_value(WsjfColumn.BUSINESS_VALUE, True)


@pytest.mark.parametrize(
    ("keys", "values"),
    [
        ("5", [5]),
        ("13", [1, 13]),
        ("20", [2, 20]),
        ("138", [1, 13, 8]),
        ("11", [1, 1]),
        ("4", [None]),
        ("24", [2, None]),
        ("7", [None]),
    ],
)
def test_typed_digits_reach_every_scale_value(keys: str, values: list[int | None]) -> None:
    from rte_desktop.domain.wsjf import typed_value

    buffer, seen = "", []
    for key in keys:
        value, buffer = typed_value(buffer, key)
        seen.append(value)
    assert seen == values


@given(st.text(alphabet="0123456789", max_size=8))
def test_typed_digits_only_ever_give_scale_values(keys: str) -> None:
    from rte_desktop.domain.wsjf import typed_value

    buffer = ""
    for key in keys:
        value, buffer = typed_value(buffer, key)
        assert value is None or value in SCALE

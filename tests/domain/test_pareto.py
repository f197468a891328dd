"""Pareto maths: ranking, shares, cumulative line and the vital few."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.pareto import Category, DotBudget, pareto

categories = st.lists(
    st.builds(Category, st.text(min_size=1, max_size=6), st.integers(0, 60)), max_size=25
)


def test_worked_example() -> None:
    result = pareto(
        [
            Category("Unclear DoD", 5),
            Category("Late dependencies", 14),
            Category("Shared test env", 11),
            Category("Experts overloaded", 9),
            Category("Scope added", 8),
            Category("Vendor outages", 4),
            Category("New members", 3),
        ]
    )
    assert [r.name for r in result.rows][:3] == [
        "Late dependencies",
        "Shared test env",
        "Experts overloaded",
    ]
    assert result.total == 54
    # 14, 25, 34, 42 (77.8%), 47 (87.0%): five causes are needed to reach 80%.
    assert [r.vital for r in result.rows] == [True] * 5 + [False] * 2
    assert result.rows[3].cumulative == pytest.approx(42 / 54 * 100)
    assert result.rows[-1].cumulative == 100.0
    assert result.top is not None and result.top.name == "Late dependencies"


def test_exactly_80_percent_is_reached() -> None:
    result = pareto([Category("a", 4), Category("b", 1)])
    assert [r.vital for r in result.rows] == [True, False]


def test_ties_are_broken_by_name() -> None:
    result = pareto([Category("beta", 3), Category("Alpha", 3), Category("gamma", 5)])
    assert [r.name for r in result.rows] == ["gamma", "Alpha", "beta"]


def test_no_votes_means_no_vital_few_and_no_top() -> None:
    result = pareto([Category("a", 0), Category("b", 0)])
    assert result.vital_few == () and result.top is None
    assert all(r.cumulative == 0 for r in result.rows)


def test_negative_votes_and_bad_threshold_are_refused() -> None:
    with pytest.raises(ValidationError, match="negative"):
        pareto([Category("a", -1)])
    with pytest.raises(ValidationError, match="threshold"):
        pareto([Category("a", 1)], threshold=0)


@given(categories)
def test_sorted_descending_with_ties_by_name(items: list[Category]) -> None:
    rows = pareto(items).rows
    for first, second in zip(rows, rows[1:], strict=False):
        assert first.count >= second.count
        if first.count == second.count:
            assert first.name.casefold() <= second.name.casefold()
    assert sorted(r.name for r in rows) == sorted(i.name for i in items)


@given(categories)
def test_cumulative_never_decreases_and_ends_at_100(items: list[Category]) -> None:
    result = pareto(items)
    cumulative = [r.cumulative for r in result.rows]
    assert cumulative == sorted(cumulative)
    if result.total > 0:
        assert cumulative[-1] == 100.0
        assert sum(r.share for r in result.rows) == pytest.approx(100.0)


@given(categories, st.sampled_from([50.0, 80.0, 90.0, 100.0]))
def test_vital_few_is_the_smallest_prefix_reaching_the_threshold(
    items: list[Category], threshold: float
) -> None:
    result = pareto(items, threshold)
    vital = result.vital_few
    assert result.rows[: len(vital)] == vital  # a prefix
    if result.total == 0:
        assert vital == ()
        return
    covered = sum(r.count for r in vital)
    assert covered * 100 >= threshold * result.total  # reaches it
    without_last = covered - vital[-1].count
    assert without_last * 100 < threshold * result.total  # and no shorter prefix does


def test_dot_budget() -> None:
    assert DotBudget(12, 5, 61).over == 1
    assert DotBudget(12, 5, 60).over == 0
    assert DotBudget(12, 5, 40).left == 20
    assert DotBudget(0, 5, 40).over == 0  # participants not entered yet: no warning

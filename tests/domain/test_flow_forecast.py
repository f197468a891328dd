"""Monte Carlo forecasts: known answers for constant throughput, seeding, ordered percentiles."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.flow_forecast import MIN_TRIALS, how_many, when_done


def test_constant_throughput_has_one_answer() -> None:
    # two items a day, every day: ten items take five days; a week brings fourteen
    assert when_done([2], 10, seed=1).by_confidence == {50: 5, 85: 5, 95: 5}
    assert how_many([2, 2], 7, seed=1).by_confidence == {50: 14, 85: 14, 95: 14}
    # eleven items need a sixth day
    assert when_done([2], 11, seed=1).by_confidence == {50: 6, 85: 6, 95: 6}


def test_alternating_days_bound_the_answer() -> None:
    # 0 or 1 item a day: four items need at least 4 days; at 50% about 8 (negative binomial)
    answer = when_done([0, 1], 4, seed=7).by_confidence
    assert 4 <= answer[50] <= answer[85] <= answer[95]  # type: ignore[operator]
    assert 7 <= answer[50] <= 9  # type: ignore[operator]


def test_same_seed_same_forecast_and_other_seed_may_differ() -> None:
    sample = [0, 3, 1, 0, 2, 5, 0, 1]
    assert when_done(sample, 40, seed=42) == when_done(sample, 40, seed=42)
    assert how_many(sample, 30, seed=42) == how_many(sample, 30, seed=42)


def test_no_throughput_is_refused_and_all_zero_is_never() -> None:
    with pytest.raises(ValidationError):
        when_done([], 3, seed=1)
    with pytest.raises(ValidationError):
        how_many([1], 10, seed=1, trials=MIN_TRIALS - 1)
    assert when_done([0, 0], 3, seed=1).by_confidence == {50: None, 85: None, 95: None}


@settings(max_examples=15, deadline=None)
@given(
    st.lists(st.integers(0, 6), min_size=1, max_size=30).filter(any),
    st.integers(1, 60),
    st.integers(1, 90),
    st.integers(0, 2**32),
)
def test_forecast_percentiles_are_ordered(
    sample: list[int], items: int, days: int, seed: int
) -> None:
    when = when_done(sample, items, seed=seed).by_confidence
    assert when[50] is not None and when[85] is not None and when[95] is not None
    assert when[50] <= when[85] <= when[95]
    assert when[50] >= items / max(sample)  # never faster than the best day every day
    count = how_many(sample, days, seed=seed).by_confidence
    assert count[50] is not None and count[85] is not None and count[95] is not None
    assert count[50] >= count[85] >= count[95] >= min(sample) * days

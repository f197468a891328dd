import math
import re
from fractions import Fraction

import pytest
from hypothesis import given, strategies as st

from rte_desktop.domain.confidence import vote_stats
from rte_desktop.domain.errors import ValidationError

votes = st.lists(st.integers(1, 5), max_size=200)


@given(votes)
def test_counts_add_up_and_mean_is_on_the_scale(values: list[int]) -> None:
    stats = vote_stats(values)
    assert sum(stats.counts.values()) == stats.ballots == len(values)
    if values:
        assert 1 <= stats.average <= 5
    else:
        assert stats.average is None and stats.passed is None


@given(votes.filter(bool))
def test_a_five_never_lowers_the_mean(values: list[int]) -> None:
    assert vote_stats([*values, 5]).average >= vote_stats(values).average


def test_threshold_edge_exactly_three_passes() -> None:
    stats = vote_stats([2, 4, 3])
    assert stats.average_label() == "3.00"
    assert stats.passed is True
    assert vote_stats([2, 4, 3, 2, 4, 3, 3, 3, 3, 2]).passed is False  # 2.90
    assert vote_stats([1, 5, 5], threshold=3.67).passed is False  # 3.666... < 3.67


def test_low_votes_are_to_be_heard_whatever_the_average() -> None:
    stats = vote_stats([5, 5, 5, 5, 2])
    assert stats.passed is True
    assert stats.to_be_heard == 1


def test_zero_and_six_are_refused() -> None:
    with pytest.raises(ValidationError, match="1 to 5"):
        vote_stats([0])
    with pytest.raises(ValidationError):
        vote_stats([6])


def test_average_label_rounds_half_up() -> None:
    assert vote_stats([3, 4, 4, 4, 4, 4, 4, 4]).average_label() == "3.88"  # 3.875


# -- properties added with the vote panel ------------------------------------------------------

thresholds = st.decimals(min_value=1, max_value=5, places=2).map(float)


@given(votes, thresholds)
def test_pass_is_exactly_mean_at_least_threshold(values: list[int], threshold: float) -> None:
    stats = vote_stats(values, threshold=threshold)
    if values:
        exact = Fraction(sum(values), len(values))
        assert stats.passed is (exact >= Fraction(str(threshold)))
    else:
        assert stats.passed is None


@given(votes.filter(bool))
def test_average_label_is_the_exact_mean_rounded_half_up(values: list[int]) -> None:
    exact = Fraction(sum(values), len(values))
    label = vote_stats(values).average_label()
    assert re.fullmatch(r"[1-5]\.\d\d", label)
    # Half-up: a mean exactly halfway between two labels goes to the upper one.
    hundredths = math.floor(exact * 100 + Fraction(1, 2))
    assert Fraction(label) == Fraction(hundredths, 100)


@given(st.lists(st.integers(0, 2), max_size=60), st.integers(0, 30))
def test_means_of_exactly_three_pass_and_one_more_two_fails(
    offsets: list[int], threes: int
) -> None:
    # Pairs (3 - k, 3 + k) plus plain 3s average exactly 3.00: the edge passes.
    values = [3] * threes + [v for k in offsets for v in (3 - k, 3 + k)]
    if not values:
        return
    stats = vote_stats(values)
    assert stats.average_label() == "3.00"
    assert stats.passed is True
    assert vote_stats([*values, 2]).passed is False


@given(votes)
def test_to_be_heard_counts_every_one_and_two_whatever_the_average(values: list[int]) -> None:
    stats = vote_stats([*values, 5, 5, 5])
    assert stats.to_be_heard == sum(1 for v in values if v <= 2)
    assert stats.to_be_heard == stats.counts[1] + stats.counts[2]


@given(votes, st.randoms(use_true_random=False))
def test_order_of_ballots_does_not_matter(values: list[int], rnd) -> None:
    shuffled = list(values)
    rnd.shuffle(shuffled)
    assert vote_stats(values) == vote_stats(shuffled)


@given(votes, st.integers(0, 300))
def test_participation_is_ballots_per_eligible_voter(values: list[int], eligible: int) -> None:
    stats = vote_stats(values, eligible=eligible)
    if eligible:
        assert stats.participation == len(values) / eligible
    else:
        assert stats.participation is None

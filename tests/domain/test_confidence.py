import pytest
from hypothesis import given
from hypothesis import strategies as st

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

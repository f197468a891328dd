import pytest
from hypothesis import given, strategies as st

from rte_desktop.domain.model import Objective
from rte_desktop.domain.predictability import art_predictability, team_performance


def _o(committed: bool, planned: int | None, actual: int | None) -> Objective:
    return Objective(
        pi_id=1, team_id=1, text="x", committed=committed, planned_bv=planned, actual_bv=actual
    )


WORKED = [_o(True, 10, 9), _o(True, 8, 8), _o(True, 5, 2), _o(False, 7, 5)]


def test_worked_example_of_domain_md() -> None:
    perf = team_performance(WORKED)
    assert (perf.planned, perf.actual) == (23, 24)
    assert perf.label() == "104%"
    assert team_performance(WORKED[:3]).label() == "83%"


def test_no_committed_value_is_na_not_an_error() -> None:
    perf = team_performance([_o(False, 7, 5)])
    assert perf.percent is None
    assert perf.label() == "n/a"
    assert perf.in_band is None


objectives = st.lists(
    st.builds(
        _o,
        st.booleans(),
        st.one_of(st.none(), st.integers(1, 10)),
        st.one_of(st.none(), st.integers(0, 10)),
    ),
    max_size=15,
)


@given(objectives, st.randoms())
def test_order_does_not_matter(items: list[Objective], rnd) -> None:
    shuffled = list(items)
    rnd.shuffle(shuffled)
    assert team_performance(items) == team_performance(shuffled)


@given(st.lists(objectives, min_size=1, max_size=6))
def test_art_is_ratio_of_sums(teams: list[list[Objective]]) -> None:
    per_team = [team_performance(t) for t in teams]
    art = art_predictability(per_team)
    all_items = [o for t in teams for o in t]
    assert art == team_performance(all_items)
    if art.percent is not None:
        assert art.percent == pytest.approx(art.actual / art.planned * 100)


def test_two_decimals_round_half_up_from_the_exact_sums() -> None:
    from decimal import Decimal

    from rte_desktop.domain.predictability import performance

    assert performance(23, 24).rounded(2) == Decimal("104.35")  # 104.3478...
    # 1/160 = 0.625% exactly: half up gives 0.63 (round() on the float gives 0.62).
    assert performance(160, 1).rounded(2) == Decimal("0.63")
    assert performance(0, 5).rounded(2) is None


@given(st.integers(1, 10_000), st.integers(0, 10_000))
def test_two_decimals_are_within_half_a_hundredth(planned: int, actual: int) -> None:
    from fractions import Fraction

    from rte_desktop.domain.predictability import performance

    rounded = performance(planned, actual).rounded(2)
    assert rounded is not None
    exact = Fraction(actual * 100, planned)
    assert abs(Fraction(rounded) - exact) <= Fraction(1, 200)
    assert Fraction(rounded) * 100 == int(Fraction(rounded) * 100)

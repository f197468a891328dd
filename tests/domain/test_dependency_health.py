"""Dependency health: every ordering, unplanned ends, milestones and dependencies across PIs."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, strategies as st

from rte_desktop.domain import dependency_health as dh
from rte_desktop.domain.dependency_health import Health, Reason, Span
from rte_desktop.domain.model import Dependency, Feature, Iteration, Milestone

D = dt.date


def iteration(id_: int, pi_id: int, number: int, start: dt.date, weeks: int = 2) -> Iteration:
    end = start + dt.timedelta(weeks=weeks) - dt.timedelta(days=1)
    return Iteration(
        id=id_, pi_id=pi_id, number=number, name=f"PI{pi_id} I{number}", start=start, end=end
    )


# Two PIs of the same ART: PI 1 iterations 1..5 from 3 Aug 2026, PI 2 iterations 1..5 after it.
ITERATIONS = {
    it.id: it
    for it in [
        iteration(n, 1, n, D(2026, 8, 3) + dt.timedelta(weeks=2 * (n - 1))) for n in range(1, 6)
    ]
    + [
        iteration(10 + n, 2, n, D(2026, 10, 12) + dt.timedelta(weeks=2 * (n - 1)))
        for n in range(1, 6)
    ]
}


def feature(id_: int, iteration_id: int | None, pi_id: int = 2) -> Feature:
    return Feature(id=id_, pi_id=pi_id, title=f"F{id_}", iteration_id=iteration_id)


def judge(provider_it, consumer_it, needed=None, provider_pi=2, consumer_pi=2):
    features = {1: feature(1, provider_it, provider_pi), 2: feature(2, consumer_it, consumer_pi)}
    dep = Dependency(id=1, provider_id=1, consumer_feature_id=2, needed_iteration_id=needed)
    return dh.assess(dep, features, {}, ITERATIONS)


def test_provider_earlier_is_green_ok() -> None:
    result = judge(11, 13)
    assert result.reason is Reason.EARLIER
    assert result.health is Health.GREEN
    assert result.label == "OK"
    assert not result.is_problem


def test_same_iteration_is_orange_same() -> None:
    result = judge(12, 12)
    assert (result.health, result.label) == (Health.ORANGE, "SAME")
    assert result.is_problem


def test_provider_later_is_red_late() -> None:
    result = judge(14, 12)
    assert (result.health, result.label) == (Health.RED, "LATE")


def test_unplanned_provider_is_red_even_if_consumer_is_unplanned_too() -> None:
    assert judge(None, 12).reason is Reason.PROVIDER_UNPLANNED
    assert judge(None, None).reason is Reason.PROVIDER_UNPLANNED
    assert judge(None, 12).health is Health.RED
    assert judge(None, 12).label == "UNPLANNED"


def test_unplanned_consumer_without_needed_by_is_red() -> None:
    result = judge(12, None)
    assert result.reason is Reason.NEED_UNPLANNED
    assert result.health is Health.RED
    assert result.need_span is None


def test_unplanned_consumer_with_needed_by_uses_the_needed_by_iteration() -> None:
    assert judge(12, None, needed=13).reason is Reason.EARLIER
    assert judge(13, None, needed=13).reason is Reason.SAME
    assert judge(14, None, needed=13).reason is Reason.LATER


def test_the_stricter_of_needed_by_and_consumer_plan_counts() -> None:
    # Consumer planned in I2 but says it needs it by I4: it cannot finish before having it.
    assert judge(13, 12, needed=14).reason is Reason.LATER
    # Consumer slipped to I4 but the agreed needed-by I2 still holds.
    assert judge(13, 14, needed=12).reason is Reason.LATER
    assert judge(11, 14, needed=12).reason is Reason.EARLIER


def test_cross_pi_compares_dates_not_numbers() -> None:
    # Provider in PI 1 iteration 4, consumer in PI 2 iteration 1: 4 > 1 but earlier in time.
    result = judge(4, 11, provider_pi=1)
    assert result.reason is Reason.EARLIER
    # Provider in PI 2 iteration 1, consumer in PI 1 iteration 4: 1 < 4 but later in time.
    assert judge(11, 4, consumer_pi=1).reason is Reason.LATER
    # Provider in PI 2 iteration 1 needed by PI 1's IP iteration (5): later.
    assert judge(11, None, needed=5).reason is Reason.LATER


def test_iterations_of_another_cadence_that_overlap_count_as_same() -> None:
    other = dict(ITERATIONS)
    other[99] = Iteration(
        id=99, pi_id=9, number=1, name="other ART I1", start=D(2026, 10, 19), end=D(2026, 10, 25)
    )  # inside PI 2 I1
    features = {1: feature(1, 99, 9), 2: feature(2, 11)}
    dep = Dependency(id=1, provider_id=1, consumer_feature_id=2)
    assert dh.assess(dep, features, {}, other).reason is Reason.SAME


def milestone_dependency(provider_it, milestone: Milestone, needed=None):
    features = {1: feature(1, provider_it)}
    dep = Dependency(
        id=1, provider_id=1, consumer_milestone_id=milestone.id, needed_iteration_id=needed
    )
    return dh.assess(dep, features, {milestone.id: milestone}, ITERATIONS)


def test_milestone_with_a_day_is_judged_by_that_day() -> None:
    release = Milestone(id=5, pi_id=2, title="Beta", day=D(2026, 11, 12), iteration_id=13)
    assert ITERATIONS[13].start <= release.day <= ITERATIONS[13].end
    assert milestone_dependency(12, release).reason is Reason.EARLIER
    assert milestone_dependency(13, release).reason is Reason.SAME
    assert milestone_dependency(14, release).reason is Reason.LATER
    assert milestone_dependency(None, release).reason is Reason.PROVIDER_UNPLANNED


def test_milestone_without_day_uses_its_iteration_or_is_unplanned() -> None:
    in_i3 = Milestone(id=5, pi_id=2, title="Trade show", iteration_id=13)
    assert milestone_dependency(13, in_i3).reason is Reason.SAME
    assert milestone_dependency(12, in_i3).reason is Reason.EARLIER
    floating = Milestone(id=6, pi_id=2, title="Someday")
    assert milestone_dependency(12, floating).reason is Reason.NEED_UNPLANNED
    assert milestone_dependency(12, floating, needed=12).reason is Reason.SAME


def test_missing_provider_counts_as_unplanned() -> None:
    dep = Dependency(id=1, provider_id=404, consumer_feature_id=2)
    result = dh.assess(dep, {2: feature(2, 12)}, {}, ITERATIONS)
    assert result.reason is Reason.PROVIDER_UNPLANNED


def test_problems_are_red_first_then_orange_and_exclude_green() -> None:
    healths = [
        dh.DependencyHealth(
            Dependency(id=1, provider_id=1, consumer_feature_id=2),
            Reason.SAME,
            Span(D(2026, 1, 1), D(2026, 1, 14)),
            Span(D(2026, 1, 1), D(2026, 1, 14)),
        ),
        dh.DependencyHealth(
            Dependency(id=2, provider_id=1, consumer_feature_id=2), Reason.EARLIER, None, None
        ),
        dh.DependencyHealth(
            Dependency(id=3, provider_id=1, consumer_feature_id=2),
            Reason.LATER,
            None,
            Span(D(2026, 2, 1), D(2026, 2, 14)),
        ),
        dh.DependencyHealth(
            Dependency(id=4, provider_id=1, consumer_feature_id=2),
            Reason.PROVIDER_UNPLANNED,
            None,
            Span(D(2026, 1, 1), D(2026, 1, 14)),
        ),
    ]
    assert [h.dependency.id for h in dh.problems(healths)] == [4, 3, 1]


def test_every_reason_has_a_word_and_each_health_its_own_words() -> None:
    for reason in Reason:
        assert dh.LABEL[reason] and dh.EXPLANATION[reason]
    words = {health: {dh.LABEL[r] for r in Reason if dh.HEALTH[r] is health} for health in Health}
    assert words[Health.GREEN].isdisjoint(words[Health.ORANGE] | words[Health.RED])
    assert words[Health.ORANGE].isdisjoint(words[Health.RED])


days = st.dates(min_value=D(2020, 1, 1), max_value=D(2030, 12, 31))
spans = st.builds(
    lambda start, length: Span(start, start + dt.timedelta(days=length)),
    days,
    st.integers(0, 30),
)


@given(spans, spans)
def test_compare_follows_the_dates(provider: Span, need: Span) -> None:
    reason = dh.compare(provider, need)
    if provider.end < need.start:
        assert reason is Reason.EARLIER
    elif provider.start > need.end:
        assert reason is Reason.LATER
    else:
        assert reason is Reason.SAME


@given(spans, spans, st.integers(-800, 800))
def test_shifting_both_in_time_changes_nothing(provider: Span, need: Span, days_: int) -> None:
    shift = dt.timedelta(days=days_)
    moved = dh.compare(
        Span(provider.start + shift, provider.end + shift),
        Span(need.start + shift, need.end + shift),
    )
    assert moved is dh.compare(provider, need)


@given(spans, spans)
def test_swapping_provider_and_need_mirrors_earlier_and_later(a: Span, b: Span) -> None:
    mirror = {Reason.EARLIER: Reason.LATER, Reason.LATER: Reason.EARLIER, Reason.SAME: Reason.SAME}
    assert dh.compare(b, a) is mirror[dh.compare(a, b)]

"""Backlog states, the board placement rule, the Definition of Ready and PI readiness."""

from __future__ import annotations

import pytest

from rte_desktop.domain.backlog import (
    BacklogEntry,
    check_pi_capacity,
    check_placement,
    clean_definition,
    readiness,
    state_after_placement,
    state_of,
)
from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.kinds import BacklogState
from rte_desktop.domain.wsjf import Estimate

S = BacklogState


def est(ubv: int, size: int) -> Estimate:
    return Estimate(business_value=ubv, time_criticality=1, risk_reduction=1, job_size=size)


def test_states_read_from_values_labels_and_us_spelling() -> None:
    assert state_of("Ready") is S.READY
    assert state_of(" analyzing ") is S.ANALYSING
    assert state_of("DONE") is S.DONE
    with pytest.raises(ValidationError, match="line 3, column 5: 'Doing' is not a backlog state"):
        state_of("Doing", "line 3, column 5")


@pytest.mark.parametrize("state", [S.FUNNEL, S.ANALYSING, S.READY])
def test_a_backlog_feature_cannot_sit_in_an_iteration(state: BacklogState) -> None:
    with pytest.raises(ValidationError, match="F-1 is planned in an iteration .* at once"):
        check_placement(state, 4, "F-1")
    check_placement(state, None, "F-1")


def test_planned_needs_an_iteration_and_done_may_have_one_or_not() -> None:
    with pytest.raises(ValidationError, match="marked planned but has no iteration"):
        check_placement(S.PLANNED, None, "F-2")
    check_placement(S.PLANNED, 3, "F-2")
    check_placement(S.DONE, 3, "F-2")
    check_placement(S.DONE, None, "F-2")


def test_placing_on_the_board_plans_and_taking_off_returns_to_ready() -> None:
    assert state_after_placement(S.FUNNEL, 7) is S.PLANNED
    assert state_after_placement(S.PLANNED, None) is S.READY
    assert state_after_placement(S.DONE, None) is S.DONE
    assert state_after_placement(S.ANALYSING, None) is S.ANALYSING


def test_definition_of_ready_is_trimmed_and_deduplicated() -> None:
    assert clean_definition(["  Sized ", "sized", "", "Acceptance  criteria"]) == [
        "Sized",
        "Acceptance criteria",
    ]
    with pytest.raises(ValidationError, match="at least one item"):
        clean_definition(["  ", ""])


def test_readiness_counts_the_top_n_by_wsjf_of_the_backlog_only() -> None:
    entries = [
        BacklogEntry("A", S.READY, est(1, 5)),  # 0.6
        BacklogEntry("B", S.ANALYSING, est(20, 1)),  # 22
        BacklogEntry("C", S.READY, est(8, 1)),  # 10
        BacklogEntry("D", S.PLANNED, est(20, 1)),  # not in the backlog
        BacklogEntry("E", S.FUNNEL, Estimate()),  # unestimated: last
    ]
    result = readiness(entries, 2)
    assert (result.ready, result.top, result.not_ready) == (1, 2, ("B",))
    assert result.sentence("T-2w") == "1 of the top 2 features ready, T-2w"
    short = readiness(entries, 10)
    assert (short.ready, short.top) == (2, 4)
    assert short.sentence() == "2 of the top 4 features ready (capacity 10, backlog too short)"


@pytest.mark.parametrize("bad", [0, -3, 501])
def test_capacity_out_of_range_is_refused(bad: int) -> None:
    with pytest.raises(ValidationError, match="expected PI capacity"):
        check_pi_capacity(bad)


@pytest.mark.parametrize(
    ("days", "text"),
    [(33, "T-4w"), (14, "T-2w"), (13, "T-13d"), (1, "T-1d"), (0, "T"), (-2, "T+2d")],
)
def test_countdown_words(days: int, text: str) -> None:
    from rte_desktop.domain.backlog import countdown

    assert countdown(days) == text

"""System Demo rules: slot length, feedback text, acceptance words and the demoed share."""

from __future__ import annotations

import pytest

from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.system_demo import (
    acceptance_label,
    check_minutes,
    clean_feedback,
    demo_share,
)


def test_share_counts_only_planned_features_that_were_demoed() -> None:
    share = demo_share("Iteration 2", [1, 2, 3, 4], [2, 4, 9])
    assert (share.planned, share.demoed) == (4, 2)
    assert share.percent == 50.0
    assert demo_share("IP", [], [5]).percent is None


@pytest.mark.parametrize("bad", [0, -5, 121])
def test_slot_minutes_out_of_range(bad: int) -> None:
    with pytest.raises(ValidationError, match="1 to 120 minutes"):
        check_minutes(bad)
    check_minutes(15)


def test_feedback_is_trimmed_and_never_empty() -> None:
    assert clean_feedback("  needs export to PDF ") == "needs export to PDF"
    with pytest.raises(ValidationError, match="empty"):
        clean_feedback("   ")
    with pytest.raises(ValidationError, match="2000"):
        clean_feedback("x" * 2001)


def test_acceptance_words() -> None:
    assert [acceptance_label(v) for v in (None, True, False)] == [
        "undecided",
        "accepted",
        "not accepted",
    ]

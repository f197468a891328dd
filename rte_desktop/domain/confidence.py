"""Fist-of-five confidence vote statistics (DOMAIN.md §2 and its decisions).

Scale 1-5, no 0. A round passes when its average is at least the threshold (default 3.0); any 1
or 2 is flagged "to be heard", whatever the average.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from rte_desktop.domain.errors import ValidationError

SCALE = (1, 2, 3, 4, 5)
DEFAULT_THRESHOLD = 3.0
LABELS = {
    5: "Very high confidence",
    4: "High confidence, minor concerns",
    3: "Some doubts but willing",
    2: "Serious concerns (must be heard)",
    1: "No confidence",
}


def check_value(value: int) -> int:
    """Refuse anything but 1..5."""
    if value not in SCALE:
        raise ValidationError(f"A confidence vote is 1 to 5 fingers, not {value}.")
    return value


@dataclass(frozen=True)
class VoteStats:
    counts: dict[int, int]  # every value 1..5, zero included
    ballots: int
    eligible: int
    threshold: float

    @property
    def average(self) -> float | None:
        """The mean vote, None without ballots."""
        if not self.ballots:
            return None
        return sum(v * n for v, n in self.counts.items()) / self.ballots

    def average_label(self) -> str:
        """The average with two decimals ("3.25"), or an en dash without ballots."""
        if self.average is None:
            return "–"
        value = Decimal(sum(v * n for v, n in self.counts.items())) / Decimal(self.ballots)
        return str(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))

    @property
    def passed(self) -> bool | None:
        """True when the average reaches the threshold, None without ballots.

        Compared exactly (on the sum) so 3.00 against 3.0 passes with no rounding surprise.
        """
        if not self.ballots:
            return None
        total = sum(v * n for v, n in self.counts.items())
        return Decimal(total) >= Decimal(str(self.threshold)) * self.ballots

    @property
    def to_be_heard(self) -> int:
        """How many voted 1 or 2 (each must get the chance to voice concerns)."""
        return self.counts[1] + self.counts[2]

    @property
    def participation(self) -> float | None:
        """Ballots per eligible voter (0..1+), None when eligibility is unknown."""
        return self.ballots / self.eligible if self.eligible > 0 else None


def vote_stats(
    values: Iterable[int], eligible: int = 0, threshold: float = DEFAULT_THRESHOLD
) -> VoteStats:
    """Tally ballots (values 1..5)."""
    counts = dict.fromkeys(SCALE, 0)
    for value in values:
        counts[check_value(value)] += 1
    return VoteStats(counts, sum(counts.values()), eligible, threshold)

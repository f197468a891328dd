"""Weighted Shortest Job First: the maths of DOMAIN.md's WSJF decision.

Cost of delay = user-business value + time criticality + risk reduction / opportunity
enablement; WSJF = cost of delay / job size. Every estimate is relative, on SAFe's modified
Fibonacci scale, and estimated one column at a time across all features with the smallest item
of each column set to 1. Ranking reads each column relative to its smallest estimate (value /
smallest), so a column whose smallest is already 1 is taken as it is, and multiplying a whole
column by a factor does not change the order. Ties keep the earlier order (a stable sort).

Arithmetic uses ``Fraction`` so that equal WSJF values compare equal (13/5 and 26/10 tie) and a
tie never depends on floating-point rounding.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.kinds import WsjfColumn

SCALE: tuple[int, ...] = (1, 2, 3, 5, 8, 13, 20)
"""SAFe's modified Fibonacci scale for relative estimates."""

COLUMNS: tuple[WsjfColumn, ...] = tuple(WsjfColumn)
COST_OF_DELAY_COLUMNS: tuple[WsjfColumn, ...] = COLUMNS[:3]

LABELS: dict[WsjfColumn, str] = {
    WsjfColumn.BUSINESS_VALUE: "User-business value",
    WsjfColumn.TIME_CRITICALITY: "Time criticality",
    WsjfColumn.RISK_REDUCTION: "Risk reduction / opportunity enablement",
    WsjfColumn.JOB_SIZE: "Job size",
}
SHORT_LABELS: dict[WsjfColumn, str] = {
    WsjfColumn.BUSINESS_VALUE: "UBV",
    WsjfColumn.TIME_CRITICALITY: "TC",
    WsjfColumn.RISK_REDUCTION: "RR/OE",
    WsjfColumn.JOB_SIZE: "Size",
}

# The digit keys of a session: 1..7 pick the scale's values in order, so "7" means 20.
DIGIT_VALUES: dict[str, int] = {str(i + 1): value for i, value in enumerate(SCALE)}


@dataclass(frozen=True, kw_only=True)
class Estimate:
    """The four relative estimates of one feature; ``None`` is "not estimated yet"."""

    business_value: int | None = None
    time_criticality: int | None = None
    risk_reduction: int | None = None
    job_size: int | None = None

    def get(self, column: WsjfColumn) -> int | None:
        value: int | None = getattr(self, column.value)
        return value

    @property
    def complete(self) -> bool:
        return all(self.get(c) is not None for c in COLUMNS)

    @property
    def cost_of_delay(self) -> int | None:
        """The sum of the three cost-of-delay parts, or ``None`` while one is missing."""
        parts = [self.get(c) for c in COST_OF_DELAY_COLUMNS]
        if any(p is None for p in parts):
            return None
        return sum(p for p in parts if p is not None)

    @property
    def wsjf(self) -> Fraction | None:
        """Cost of delay / job size as stored (not relative to the other features)."""
        cod = self.cost_of_delay
        if cod is None or self.job_size is None:
            return None
        return Fraction(cod, self.job_size)


def check_value(column: WsjfColumn, value: int | None, who: str = "") -> None:
    """Refuse a value that is not on the scale (``None`` clears an estimate and is fine).

    Raises:
        ValidationError: the value is off the scale; a job size of 0 has its own message.
    """
    if value is None:
        return
    where = f"{who}: " if who else ""
    if column is WsjfColumn.JOB_SIZE and value == 0:
        raise ValidationError(
            f"{where}a job size of 0 is not possible (WSJF divides by it); the smallest job is 1."
        )
    if isinstance(value, bool) or value not in SCALE:
        scale = ", ".join(str(v) for v in SCALE)
        raise ValidationError(
            f"{where}{LABELS[column].lower()} {value} is not on the scale {scale}."
        )


def check_estimate(estimate: Estimate, who: str = "") -> None:
    """Check every column of an estimate (see ``check_value``)."""
    for column in COLUMNS:
        check_value(column, estimate.get(column), who)


def smallest(estimates: Sequence[Estimate]) -> dict[WsjfColumn, int | None]:
    """The smallest estimate of each column (``None`` where nothing is estimated yet)."""
    result: dict[WsjfColumn, int | None] = {}
    for column in COLUMNS:
        values = [v for e in estimates if (v := e.get(column)) is not None]
        result[column] = min(values) if values else None
    return result


def columns_without_a_one(estimates: Sequence[Estimate]) -> list[WsjfColumn]:
    """Columns whose smallest estimate is not 1 (SAFe: the smallest item of a column is 1)."""
    return [c for c, low in smallest(estimates).items() if low is not None and low != 1]


def relative_wsjf(estimate: Estimate, lows: Mapping[WsjfColumn, int | None]) -> Fraction | None:
    """WSJF with every column read relative to its smallest estimate (value / smallest)."""
    if not estimate.complete:
        return None
    cod = Fraction(0)
    for column in COST_OF_DELAY_COLUMNS:
        cod += Fraction(estimate.get(column) or 0, lows[column] or 1)
    size = Fraction(estimate.job_size or 1, lows[WsjfColumn.JOB_SIZE] or 1)
    return cod / size


@dataclass(frozen=True)
class Ranked:
    """One feature's place: ``rank`` is shared by ties (1, 2, 2, 4); ``tied`` marks them.

    ``index`` is the feature's place in the input order; unestimated features come last, in
    their input order, with ``rank`` and ``wsjf`` ``None``.
    """

    index: int
    rank: int | None
    wsjf: Fraction | None
    tied: bool


def rank(estimates: Sequence[Estimate]) -> list[Ranked]:
    """Order features by WSJF, highest first; ties and unestimated ones keep the input order.

    Args:
        estimates: the features' estimates in their current (earlier) order.

    Returns:
        One ``Ranked`` per feature, in the new order.
    """
    lows = smallest(estimates)
    scores = [relative_wsjf(e, lows) for e in estimates]
    scored = sorted(
        (i for i, s in enumerate(scores) if s is not None),
        key=lambda i: -(scores[i] or 0),  # sorted() is stable: ties keep the input order
    )
    counts: dict[Fraction, int] = {}
    for i in scored:
        score = scores[i]
        if score is not None:
            counts[score] = counts.get(score, 0) + 1
    result: list[Ranked] = []
    previous: Fraction | None = None
    current_rank = 0
    for place, i in enumerate(scored, start=1):
        score = scores[i]
        if score != previous:
            current_rank = place
            previous = score
        tied = score is not None and counts[score] > 1
        result.append(Ranked(i, current_rank, score, tied))
    result.extend(Ranked(i, None, None, False) for i, s in enumerate(scores) if s is None)
    return result


def format_wsjf(value: Fraction | None) -> str:
    """WSJF for people: one decimal ("2.6"), or an en dash while not estimated."""
    if value is None:
        return "\u2013"
    return f"{float(value):.1f}"


def typed_value(buffer: str, digit: str) -> tuple[int | None, str]:
    """Read a digit key typed in a WSJF cell, allowing the two-digit values 13 and 20.

    ``buffer`` is what was typed in the same cell just before ("" after moving). "1" gives 1 at
    once; "1" then "3" gives 13, "2" then "0" gives 20. A digit that fits no scale value gives
    ``None`` (the cell keeps its value).

    Returns:
        The value to set (or None) and the new buffer.
    """
    both = buffer + digit
    if len(both) <= 2 and both.isdigit() and int(both) in SCALE and len(buffer) == 1:
        return int(both), ""
    if digit.isdigit() and int(digit) in SCALE:
        return int(digit), digit
    return None, ""

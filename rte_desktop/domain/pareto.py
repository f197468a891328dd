"""Pareto analysis of dot votes (DOMAIN.md §6.3 and its decision).

Categories are ranked by count, largest first, ties by name (case-insensitive, then exact, then
key, so the order is total and stable). Each row carries its share and the cumulative share in
percent. The "vital few" are the smallest prefix whose cumulative share reaches the threshold
(80%); with no votes at all there are none. Comparisons against the threshold are made on exact
integers, so 4 of 5 votes is exactly 80% and counts as reaching it.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from fractions import Fraction

from rte_desktop.domain.errors import ValidationError

THRESHOLD = 80.0


@dataclass(frozen=True)
class Category:
    """One thing voted on: a name, its vote count and an optional key (e.g. a cause id)."""

    name: str
    count: int
    key: Hashable = None


@dataclass(frozen=True)
class ParetoRow:
    """A ranked category with its share and cumulative share, both in percent (0-100)."""

    rank: int  # 1-based
    name: str
    count: int
    share: float
    cumulative: float
    vital: bool
    key: Hashable = None


@dataclass(frozen=True)
class Pareto:
    """The ranked rows, the total and the threshold used."""

    rows: tuple[ParetoRow, ...]
    total: int
    threshold: float

    @property
    def vital_few(self) -> tuple[ParetoRow, ...]:
        return tuple(row for row in self.rows if row.vital)

    @property
    def top(self) -> ParetoRow | None:
        """The biggest category (the one to restate as a new problem), None without votes."""
        return self.rows[0] if self.rows and self.total > 0 else None


def _sort_key(category: Category) -> tuple[int, str, str, str]:
    return (-category.count, category.name.casefold(), category.name, repr(category.key))


def pareto(categories: Iterable[Category], threshold: float = THRESHOLD) -> Pareto:
    """Rank ``categories`` and mark the vital few.

    Args:
        categories: what was voted on; counts must not be negative.
        threshold: the cumulative percentage the vital few must reach (0 < t <= 100).

    Raises:
        ValidationError: a negative count or a threshold outside (0, 100].
    """
    if not 0 < threshold <= 100:
        raise ValidationError(
            f"The Pareto threshold must be above 0 and at most 100, not {threshold}."
        )
    items = sorted(categories, key=_sort_key)
    for item in items:
        if item.count < 0:
            raise ValidationError(
                f"'{item.name}' has {item.count} votes; votes cannot be negative."
            )
    total = sum(item.count for item in items)
    limit = Fraction(threshold) / 100 * total  # exact: running * 100 >= threshold * total
    rows: list[ParetoRow] = []
    running = 0
    reached = total == 0  # nothing is vital without votes
    for rank, item in enumerate(items, start=1):
        running += item.count
        vital = not reached
        reached = reached or running >= limit
        rows.append(
            ParetoRow(
                rank=rank,
                name=item.name,
                count=item.count,
                share=item.count / total * 100 if total else 0.0,
                cumulative=running / total * 100 if total else 0.0,
                vital=vital,
                key=item.key,
            )
        )
    return Pareto(tuple(rows), total, threshold)


@dataclass(frozen=True)
class DotBudget:
    """How many dots a room may place and how many it did."""

    participants: int
    dots_per_participant: int
    used: int

    @property
    def available(self) -> int:
        return max(0, self.participants) * max(0, self.dots_per_participant)

    @property
    def over(self) -> int:
        """Votes beyond the budget (0 when within it or when no participants are set)."""
        if self.participants <= 0:
            return 0
        return max(0, self.used - self.available)

    @property
    def left(self) -> int:
        return max(0, self.available - self.used)

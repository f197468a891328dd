"""Team PI performance and the ART predictability measure (DOMAIN.md §3.3 and its decisions).

Team performance = sum(actual BV of all objectives) / sum(planned BV of committed objectives) x 100.
It can exceed 100% (uncommitted objectives add to actual only). With no committed planned value it
is "n/a" (``percent is None``), never a division error. The ART figure is the ratio of the sums
over all teams, labelled as such, with the per-team figures beside it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from rte_desktop.domain.model import Objective

BAND_LOW = 80.0
BAND_HIGH = 100.0


@dataclass(frozen=True)
class Performance:
    """Planned (committed) and actual business value, and their ratio in percent."""

    planned: int
    actual: int
    percent: float | None  # None: n/a (no committed planned value)

    @property
    def in_band(self) -> bool | None:
        """True inside the 80-100% band, None when n/a."""
        if self.percent is None:
            return None
        return BAND_LOW <= self.percent <= BAND_HIGH

    def rounded(self, places: int = 0) -> Decimal | None:
        """The percentage rounded half up to ``places`` decimals from the exact sums, or None.

        Computed from the integer sums, not the float: 1/160 is 0.625% and rounds to 0.63.
        """
        if self.planned <= 0:
            return None
        exact = Decimal(self.actual) * 100 / Decimal(self.planned)
        return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)

    def label(self) -> str:
        """The percentage as printed ("104%"), or "n/a"."""
        rounded = self.rounded()
        return "n/a" if rounded is None else f"{rounded}%"


def performance(planned: int, actual: int) -> Performance:
    """The ratio of already summed business value (planned: committed only)."""
    return Performance(planned, actual, actual / planned * 100 if planned > 0 else None)


_ratio = performance


def team_performance(objectives: Iterable[Objective]) -> Performance:
    """The PI performance of one team from its objectives (any order)."""
    items = list(objectives)
    planned = sum(o.planned_bv or 0 for o in items if o.committed)
    actual = sum(o.actual_bv or 0 for o in items)
    return _ratio(planned, actual)


def art_predictability(teams: Sequence[Performance]) -> Performance:
    """The ART predictability measure: ratio of sums over all teams."""
    return _ratio(sum(t.planned for t in teams), sum(t.actual for t in teams))


def has_actuals(objectives: Iterable[Objective]) -> bool:
    """True once any actual business value was scored (the PI has been assessed)."""
    return any(o.actual_bv is not None for o in objectives)

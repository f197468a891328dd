"""PI and iteration dates from a few inputs (the ART calendar's backbone)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rte_desktop.domain.errors import ValidationError

MAX_ITERATIONS = 12


@dataclass(frozen=True)
class IterationPlan:
    number: int
    name: str
    start: dt.date
    end: dt.date
    is_ip: bool


@dataclass(frozen=True)
class PiPlan:
    name: str
    start: dt.date
    end: dt.date
    iterations: tuple[IterationPlan, ...]


def pi_name(pattern: str, year: int, index_in_year: int, sequence: int) -> str:
    """Fill a naming scheme: ``{year}``, ``{n}`` (number within the year), ``{seq}`` (overall)."""
    return pattern.format(year=year, n=index_in_year, seq=sequence)


def plan_pis(
    first_start: dt.date,
    iteration_weeks: int = 2,
    dev_iterations: int = 4,
    ip_iteration: bool = True,
    count: int = 1,
    naming: str = "PI {year}.{n}",
) -> list[PiPlan]:
    """Contiguous PIs, each made of contiguous iterations (the IP iteration last).

    Raises:
        ValidationError: a length or count out of range.
    """
    if not 1 <= iteration_weeks <= 4:
        raise ValidationError(f"Iteration length must be 1 to 4 weeks, not {iteration_weeks}.")
    if not 1 <= dev_iterations <= MAX_ITERATIONS:
        raise ValidationError(
            f"A PI holds 1 to {MAX_ITERATIONS} development iterations, not {dev_iterations}."
        )
    if not 1 <= count <= 60:
        raise ValidationError(f"Generate 1 to 60 PIs at a time, not {count}.")
    length = dt.timedelta(weeks=iteration_weeks)
    plans: list[PiPlan] = []
    start = first_start
    per_year: dict[int, int] = {}
    for seq in range(1, count + 1):
        per_year[start.year] = per_year.get(start.year, 0) + 1
        name = pi_name(naming, start.year, per_year[start.year], seq)
        iterations = []
        total = dev_iterations + (1 if ip_iteration else 0)
        for number in range(1, total + 1):
            it_start = start + length * (number - 1)
            is_ip = ip_iteration and number == total
            label = f"{name} IP" if is_ip else f"{name} I{number}"
            iterations.append(
                IterationPlan(
                    number, label, it_start, it_start + length - dt.timedelta(days=1), is_ip
                )
            )
        end = iterations[-1].end
        plans.append(PiPlan(name, start, end, tuple(iterations)))
        start = end + dt.timedelta(days=1)
    return plans

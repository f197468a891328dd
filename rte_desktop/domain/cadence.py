"""PI and iteration dates from a few inputs (the ART calendar's backbone).

``plan_pis`` lays out contiguous PIs made of contiguous iterations; ``WorkingCalendar`` knows
which days are working days (weekdays the ART works, minus holidays and blackout ranges), so
events can be moved off the days nobody is there.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rte_desktop.domain.errors import ValidationError

MAX_ITERATIONS = 12
MAX_PIS = 60
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
PI_FIELDS = ("year", "yy", "n", "seq", "q")
ITERATION_FIELDS = ("pi", "n")
DEFAULT_PI_NAMING = "PI {year}.{n}"
DEFAULT_ITERATION_NAMING = "{pi} I{n}"
DEFAULT_IP_NAMING = "{pi} IP"


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


@dataclass(frozen=True)
class Blackout:
    """A named range of days off (a holiday, a company shutdown), both ends inclusive."""

    name: str
    start: dt.date
    end: dt.date


def check_naming(pattern: str, fields: Sequence[str], what: str) -> None:
    """Refuse a naming scheme with an unknown placeholder or unbalanced braces.

    Raises:
        ValidationError: names the bad placeholder and lists the allowed ones.
    """
    allowed = ", ".join("{" + f + "}" for f in fields)
    if not pattern.strip():
        raise ValidationError(f"The {what} naming scheme is empty; use e.g. {allowed}.")
    try:
        parsed = list(string.Formatter().parse(pattern))
    except ValueError as exc:
        raise ValidationError(f"The {what} naming scheme '{pattern}' is malformed: {exc}.") from exc
    for _text, field, _spec, _conv in parsed:
        if field is not None and field not in fields:
            shown = "{" + field + "}" if field else "{}"
            raise ValidationError(
                f"Unknown placeholder {shown} in the {what} naming scheme; use {allowed}."
            )


def pi_name(pattern: str, year: int, index_in_year: int, sequence: int, quarter: int = 1) -> str:
    """Fill a PI naming scheme.

    Placeholders: ``{year}``, ``{yy}``, ``{n}`` (number within the year), ``{seq}`` (overall)
    and ``{q}`` (the quarter the PI starts in).
    """
    try:
        return pattern.format(
            year=year, yy=f"{year % 100:02d}", n=index_in_year, seq=sequence, q=quarter
        )
    except (KeyError, IndexError, ValueError) as exc:
        raise ValidationError(f"The PI naming scheme '{pattern}' cannot be filled: {exc}.") from exc


def _iteration_name(pattern: str, pi: str, number: int) -> str:
    try:
        return pattern.format(pi=pi, n=number)
    except (KeyError, IndexError, ValueError) as exc:
        raise ValidationError(
            f"The iteration naming scheme '{pattern}' cannot be filled: {exc}."
        ) from exc


def plan_pis(
    first_start: dt.date,
    iteration_weeks: int = 2,
    dev_iterations: int = 4,
    ip_iteration: bool = True,
    count: int = 1,
    naming: str = DEFAULT_PI_NAMING,
    *,
    iteration_naming: str = DEFAULT_ITERATION_NAMING,
    ip_naming: str = DEFAULT_IP_NAMING,
    earlier_starts: Sequence[dt.date] = (),
) -> list[PiPlan]:
    """Contiguous PIs, each made of contiguous iterations (the IP iteration last).

    Args:
        first_start: the first day of the first PI.
        iteration_weeks: 1 to 4.
        dev_iterations: development iterations per PI, 1 to 12.
        ip_iteration: add an Innovation & Planning iteration at the end of each PI.
        count: how many PIs, 1 to 60.
        naming: the PI naming scheme (``{year}``, ``{yy}``, ``{n}``, ``{seq}``, ``{q}``).
        iteration_naming: the development iterations' scheme (``{pi}``, ``{n}``).
        ip_naming: the IP iteration's scheme (``{pi}``, ``{n}``).
        earlier_starts: start days of PIs that already exist before these, so ``{n}`` and
            ``{seq}`` continue their numbering instead of starting again at 1.

    Raises:
        ValidationError: a length, count or naming scheme out of range, or duplicate names.
    """
    if not 1 <= iteration_weeks <= 4:
        raise ValidationError(f"Iteration length must be 1 to 4 weeks, not {iteration_weeks}.")
    if not 1 <= dev_iterations <= MAX_ITERATIONS:
        raise ValidationError(
            f"A PI holds 1 to {MAX_ITERATIONS} development iterations, not {dev_iterations}."
        )
    if not 1 <= count <= MAX_PIS:
        raise ValidationError(f"Generate 1 to {MAX_PIS} PIs at a time, not {count}.")
    check_naming(naming, PI_FIELDS, "PI")
    check_naming(iteration_naming, ITERATION_FIELDS, "iteration")
    check_naming(ip_naming, ITERATION_FIELDS, "IP iteration")
    length = dt.timedelta(weeks=iteration_weeks)
    plans: list[PiPlan] = []
    start = first_start
    earlier = [day for day in earlier_starts if day < first_start]
    per_year: dict[int, int] = {}
    for day in earlier:
        per_year[day.year] = per_year.get(day.year, 0) + 1
    total = dev_iterations + (1 if ip_iteration else 0)
    for seq in range(len(earlier) + 1, len(earlier) + count + 1):
        per_year[start.year] = per_year.get(start.year, 0) + 1
        name = pi_name(naming, start.year, per_year[start.year], seq, (start.month - 1) // 3 + 1)
        iterations = []
        for number in range(1, total + 1):
            it_start = start + length * (number - 1)
            is_ip = ip_iteration and number == total
            label = _iteration_name(ip_naming if is_ip else iteration_naming, name, number)
            iterations.append(
                IterationPlan(
                    number, label, it_start, it_start + length - dt.timedelta(days=1), is_ip
                )
            )
        end = iterations[-1].end
        plans.append(PiPlan(name, start, end, tuple(iterations)))
        start = end + dt.timedelta(days=1)
    _refuse_duplicate_names(plans)
    return plans


def _refuse_duplicate_names(plans: Sequence[PiPlan]) -> None:
    seen: dict[str, str] = {}
    for plan in plans:
        for name in (plan.name, *(it.name for it in plan.iterations)):
            key = name.casefold()
            if key in seen:
                raise ValidationError(
                    f"The naming scheme gives the name '{name}' twice; add {{n}} or {{seq}} "
                    "so every PI and iteration gets its own name."
                )
            seen[key] = name


# -- working days ----------------------------------------------------------------------------------


def parse_working_days(text: str) -> frozenset[int]:
    """Weekday digits (Monday is 0), e.g. ``"01234"`` for Monday to Friday.

    Raises:
        ValidationError: an empty set or a character that is not 0-6.
    """
    days: set[int] = set()
    for char in text:
        if char not in "0123456":
            raise ValidationError(
                f"Working days are weekday digits 0 (Monday) to 6 (Sunday), not '{char}'."
            )
        days.add(int(char))
    if not days:
        raise ValidationError("Choose at least one working day.")
    return frozenset(days)


def format_working_days(days: Iterable[int]) -> str:
    return "".join(str(d) for d in sorted(set(days)))


def check_blackout(blackout: Blackout) -> None:
    """Refuse a holiday without a name or one that ends before it starts."""
    if not blackout.name.strip():
        raise ValidationError("A holiday needs a name.")
    if blackout.end < blackout.start:
        raise ValidationError(
            f"Holiday '{blackout.name}' ends on {describe_day(blackout.end)}, before it starts "
            f"({describe_day(blackout.start)})."
        )
    if (blackout.end - blackout.start).days > 366:
        raise ValidationError(
            f"Holiday '{blackout.name}' lasts more than a year; enter each break separately."
        )


class WorkingCalendar:
    """Which days are working days: the ART's weekdays minus holidays and blackout ranges."""

    def __init__(
        self, working_days: Iterable[int] = range(5), blackouts: Iterable[Blackout] = ()
    ) -> None:
        self.working_days = frozenset(working_days)
        if not self.working_days:
            raise ValidationError("Choose at least one working day.")
        self.blackouts = tuple(sorted(blackouts, key=lambda b: (b.start, b.end, b.name)))
        self._off: dict[dt.date, str] = {}
        for blackout in self.blackouts:
            check_blackout(blackout)
            day = blackout.start
            while day <= blackout.end:
                self._off.setdefault(day, blackout.name)
                day += dt.timedelta(days=1)

    def blocked_by(self, day: dt.date) -> str | None:
        """Why ``day`` is not a working day ("Winter break", "Saturday"), or None."""
        if day in self._off:
            return self._off[day]
        if day.weekday() not in self.working_days:
            return WEEKDAYS[day.weekday()]
        return None

    def is_working(self, day: dt.date) -> bool:
        return self.blocked_by(day) is None

    def next_working_day(self, day: dt.date, limit: dt.date | None = None) -> dt.date | None:
        """``day`` itself if it is a working day, else the next one (None past ``limit``)."""
        last = limit or day + dt.timedelta(days=400)
        while day <= last:
            if self.is_working(day):
                return day
            day += dt.timedelta(days=1)
        return None

    def previous_working_day(self, day: dt.date, limit: dt.date | None = None) -> dt.date | None:
        """``day`` itself if it is a working day, else the one before (None before ``limit``)."""
        first = limit or day - dt.timedelta(days=400)
        while day >= first:
            if self.is_working(day):
                return day
            day -= dt.timedelta(days=1)
        return None

    def working_days_in(self, start: dt.date, end: dt.date) -> int:
        count, day = 0, start
        while day <= end:
            count += self.is_working(day)
            day += dt.timedelta(days=1)
        return count


def check_workable(plans: Sequence[PiPlan], calendar: WorkingCalendar) -> None:
    """Refuse a cadence in which some PI has no working day at all.

    Raises:
        ValidationError: names the PI and the holiday that covers it.
    """
    for plan in plans:
        if calendar.working_days_in(plan.start, plan.end):
            continue
        cover = next(
            (b for b in calendar.blackouts if b.start <= plan.start and b.end >= plan.end), None
        )
        span = f"{plan.name} ({short_date(plan.start)} – {short_date(plan.end)})"
        if cover is not None:
            raise ValidationError(
                f"Holiday '{cover.name}' ({short_date(cover.start)} – {short_date(cover.end)}) "
                f"covers the whole of {span}; shorten it or start the cadence after it."
            )
        raise ValidationError(
            f"{span} has no working day left after holidays; shorten the holidays or add "
            "working days."
        )


MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
MONTHS = tuple(name[:3] for name in MONTH_NAMES)


def short_date(day: dt.date) -> str:
    """``24 Dec 2026`` in English whatever the process locale (notes are stored text)."""
    return f"{day.day:02d} {MONTHS[day.month - 1]} {day.year}"


def describe_day(day: dt.date) -> str:
    """``Thu 24 Dec 2026``: how notes and messages name a day."""
    return f"{WEEKDAYS[day.weekday()][:3]} {short_date(day)}"

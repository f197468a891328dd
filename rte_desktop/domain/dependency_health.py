"""How healthy a dependency is: does the provider deliver before the consumer needs it?

The rule (DOMAIN.md decisions, §5.2): RED when the provider is planned later than the consumer's
need, or is not planned at all; ORANGE when both fall in the same iteration; GREEN when the
provider comes earlier.

Iterations are compared by their dates, never by their numbers, so a provider in another PI (or
another ART with its own cadence) is judged correctly: iteration 4 of the previous PI comes before
iteration 1 of this one.

What the consumer "needs" is the strictest of the dependency's needed-by iteration and the
consumer's own plan (the consumer feature's iteration, or the milestone's day, else its
iteration): a consumer cannot finish before what it depends on has arrived, so moving a consumer
earlier on the board makes the dependency stricter, while an agreed needed-by date still holds if
the consumer slips. When neither is known the need is unplanned, and the dependency is RED.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from rte_desktop.domain.model import Dependency, Feature, Iteration, Milestone


class Health(StrEnum):
    GREEN = "green"
    ORANGE = "orange"
    RED = "red"


class Reason(StrEnum):
    EARLIER = "earlier"  # provider's iteration ends before the need starts
    SAME = "same"  # provider's iteration overlaps the need (same iteration)
    LATER = "later"  # provider's iteration starts after the need ends
    PROVIDER_UNPLANNED = "provider_unplanned"
    NEED_UNPLANNED = "need_unplanned"  # no needed-by iteration and the consumer is unplanned


HEALTH: dict[Reason, Health] = {
    Reason.EARLIER: Health.GREEN,
    Reason.SAME: Health.ORANGE,
    Reason.LATER: Health.RED,
    Reason.PROVIDER_UNPLANNED: Health.RED,
    Reason.NEED_UNPLANNED: Health.RED,
}

# The word printed on every line and in every list, so health never depends on colour alone.
LABEL: dict[Reason, str] = {
    Reason.EARLIER: "OK",
    Reason.SAME: "SAME",
    Reason.LATER: "LATE",
    Reason.PROVIDER_UNPLANNED: "UNPLANNED",
    Reason.NEED_UNPLANNED: "UNPLANNED",
}

EXPLANATION: dict[Reason, str] = {
    Reason.EARLIER: "delivered before it is needed",
    Reason.SAME: "delivered in the iteration it is needed",
    Reason.LATER: "delivered after it is needed",
    Reason.PROVIDER_UNPLANNED: "the provider is not planned in any iteration",
    Reason.NEED_UNPLANNED: "the consumer is not planned and no needed-by iteration is set",
}


@dataclass(frozen=True)
class Span:
    """A closed date range: an iteration, or a single day (a milestone's date)."""

    start: dt.date
    end: dt.date

    @classmethod
    def of(cls, iteration: Iteration) -> Span:
        return cls(iteration.start, iteration.end)

    @classmethod
    def day(cls, day: dt.date) -> Span:
        return cls(day, day)


def compare(provider: Span | None, need: Span | None) -> Reason:
    """Order the provider's delivery against the need (both by dates).

    Args:
        provider: when the provider is planned, or None when it is unplanned.
        need: when the consumer needs it, or None when that is unknown.

    Returns:
        The reason, from which ``HEALTH`` and ``LABEL`` follow.
    """
    if provider is None:
        return Reason.PROVIDER_UNPLANNED
    if need is None:
        return Reason.NEED_UNPLANNED
    if provider.end < need.start:
        return Reason.EARLIER
    if provider.start > need.end:
        return Reason.LATER
    return Reason.SAME


@dataclass(frozen=True)
class DependencyHealth:
    """The verdict on one dependency, with the spans it was computed from."""

    dependency: Dependency
    reason: Reason
    provider_span: Span | None
    need_span: Span | None

    @property
    def health(self) -> Health:
        return HEALTH[self.reason]

    @property
    def label(self) -> str:
        return LABEL[self.reason]

    @property
    def explanation(self) -> str:
        return EXPLANATION[self.reason]

    @property
    def is_problem(self) -> bool:
        return self.health is not Health.GREEN


def _iteration_span(iteration_id: int | None, iterations: Mapping[int, Iteration]) -> Span | None:
    if iteration_id is None or iteration_id not in iterations:
        return None
    return Span.of(iterations[iteration_id])


def need_span(
    dependency: Dependency,
    features: Mapping[int, Feature],
    milestones: Mapping[int, Milestone],
    iterations: Mapping[int, Iteration],
) -> Span | None:
    """When the consumer needs the provider: the strictest of needed-by and the consumer's plan."""
    candidates: list[Span] = []
    if (needed := _iteration_span(dependency.needed_iteration_id, iterations)) is not None:
        candidates.append(needed)
    if dependency.consumer_feature_id is not None:
        consumer = features.get(dependency.consumer_feature_id)
        if consumer is not None and (planned := _iteration_span(consumer.iteration_id, iterations)):
            candidates.append(planned)
    if dependency.consumer_milestone_id is not None:
        milestone = milestones.get(dependency.consumer_milestone_id)
        if milestone is not None:
            if milestone.day is not None:
                candidates.append(Span.day(milestone.day))
            elif (planned := _iteration_span(milestone.iteration_id, iterations)) is not None:
                candidates.append(planned)
    if not candidates:
        return None
    return min(candidates, key=lambda span: (span.end, span.start))


def assess(
    dependency: Dependency,
    features: Mapping[int, Feature],
    milestones: Mapping[int, Milestone],
    iterations: Mapping[int, Iteration],
) -> DependencyHealth:
    """The health of one dependency.

    Args:
        dependency: the dependency to judge.
        features: every feature it may name, by id (providers may sit in another PI).
        milestones: every milestone it may name, by id.
        iterations: every iteration the features and milestones may sit in, by id (all PIs).
    """
    provider = features.get(dependency.provider_id)
    provider_span = _iteration_span(provider.iteration_id if provider else None, iterations)
    need = need_span(dependency, features, milestones, iterations)
    return DependencyHealth(dependency, compare(provider_span, need), provider_span, need)


_SEVERITY = {Health.RED: 0, Health.ORANGE: 1, Health.GREEN: 2}


def problems(healths: Iterable[DependencyHealth]) -> list[DependencyHealth]:
    """The red and orange dependencies, red first, then by when they are needed."""
    far = dt.date.max
    found = [h for h in healths if h.is_problem]
    return sorted(
        found,
        key=lambda h: (
            _SEVERITY[h.health],
            h.need_span.start if h.need_span else far,
            h.dependency.id or 0,
        ),
    )

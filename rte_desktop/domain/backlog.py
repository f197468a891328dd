"""The ART backlog: feature states, the Definition of Ready, and readiness for PI Planning.

A feature is in the backlog while its state is funnel, analysing or ready; planning it on the
ART Planning Board (an iteration) makes it planned. A feature cannot be both: a backlog state
with an iteration is refused. Readiness counts how many of the top-N backlog features by WSJF
are ready, N being the ART's expected PI capacity in features.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.kinds import BacklogState
from rte_desktop.domain.wsjf import Estimate, rank

BACKLOG_STATES: tuple[BacklogState, ...] = (
    BacklogState.FUNNEL,
    BacklogState.ANALYSING,
    BacklogState.READY,
)
STATE_LABELS: dict[BacklogState, str] = {
    BacklogState.FUNNEL: "Funnel",
    BacklogState.ANALYSING: "Analysing",
    BacklogState.READY: "Ready",
    BacklogState.PLANNED: "Planned",
    BacklogState.DONE: "Done",
}

# SAFe's usual Definition of Ready for a feature (benefit hypothesis, acceptance criteria, sized,
# WSJF, dependencies, teams); the ART edits its own list.
DEFAULT_DEFINITION_OF_READY: tuple[str, ...] = (
    "Benefit hypothesis stated",
    "Acceptance criteria written",
    "Sized (job size estimated)",
    "WSJF estimated",
    "Dependencies and enablers known",
    "Teams likely to take it identified",
)
DEFAULT_PI_CAPACITY = 10
_SPELLINGS = {"analyzing": "analysing", "analysis": "analysing", "new": "funnel"}
MAX_PI_CAPACITY = 500


def in_backlog(state: BacklogState) -> bool:
    return state in BACKLOG_STATES


def state_of(text: str, where: str = "") -> BacklogState:
    """Read a state from its value or label, case-insensitively.

    Raises:
        ValidationError: not one of the five states; the message lists them.
    """
    folded = " ".join(text.split()).casefold()
    folded = _SPELLINGS.get(folded, folded)
    for state in BacklogState:
        if folded == state.value:
            return state
    known = ", ".join(s.value for s in BacklogState)
    prefix = f"{where}: " if where else ""
    raise ValidationError(f"{prefix}'{text}' is not a backlog state; use one of {known}.")


def check_placement(state: BacklogState, iteration_id: int | None, who: str) -> None:
    """Refuse a feature that would be both planned on the board and in the backlog.

    Raises:
        ValidationError: a backlog state with an iteration, or "planned" without one.
    """
    if iteration_id is not None and in_backlog(state):
        raise ValidationError(
            f"{who} is planned in an iteration on the ART Planning Board and in the backlog as "
            f"'{STATE_LABELS[state].lower()}' at once; take it off the board first, "
            "or leave its state to the board."
        )
    if iteration_id is None and state is BacklogState.PLANNED:
        raise ValidationError(
            f"{who} is marked planned but has no iteration; plan it on the ART Planning Board."
        )


def state_after_placement(state: BacklogState, iteration_id: int | None) -> BacklogState:
    """The state a feature takes when the board places it (or takes it off an iteration)."""
    if iteration_id is not None and in_backlog(state):
        return BacklogState.PLANNED
    if iteration_id is None and state is BacklogState.PLANNED:
        return BacklogState.READY
    return state


def check_pi_capacity(value: int) -> None:
    """Raises ValidationError unless 1 <= value <= MAX_PI_CAPACITY."""
    if isinstance(value, bool) or not 1 <= value <= MAX_PI_CAPACITY:
        raise ValidationError(
            f"The expected PI capacity must be 1 to {MAX_PI_CAPACITY} features, not {value}."
        )


def clean_definition(items: Sequence[str]) -> list[str]:
    """The ART's Definition of Ready, trimmed, without blanks or repeats.

    Raises:
        ValidationError: nothing left, or an item longer than 200 characters.
    """
    seen: set[str] = set()
    cleaned: list[str] = []
    for raw in items:
        text = " ".join(raw.split())
        if not text or text.casefold() in seen:
            continue
        if len(text) > 200:
            raise ValidationError(
                f"Definition of Ready item too long (200 at most): {text[:40]}..."
            )
        seen.add(text.casefold())
        cleaned.append(text)
    if not cleaned:
        raise ValidationError("The Definition of Ready needs at least one item.")
    return cleaned


@dataclass(frozen=True)
class BacklogEntry:
    """What readiness needs of one backlog feature."""

    key: str
    state: BacklogState
    estimate: Estimate


@dataclass(frozen=True)
class Readiness:
    """``ready`` of the ``top`` highest-WSJF backlog features are ready (``capacity`` wanted)."""

    ready: int
    top: int
    capacity: int
    not_ready: tuple[str, ...]  # keys of the top features that are not ready, in WSJF order

    def sentence(self, countdown: str = "") -> str:
        """The line for people, e.g. "8 of the top 10 features ready, T-2w"."""
        text = f"{self.ready} of the top {self.top} features ready"
        if self.top < self.capacity:
            text += f" (capacity {self.capacity}, backlog too short)"
        return f"{text}, {countdown}" if countdown else text


def readiness(entries: Sequence[BacklogEntry], capacity: int) -> Readiness:
    """How many of the top ``capacity`` backlog features by WSJF are ready.

    Only features in the backlog count (planned and done are out of it); the order is the WSJF
    ranking of ``domain.wsjf.rank`` over the entries in their backlog order.
    """
    check_pi_capacity(capacity)
    backlog = [e for e in entries if in_backlog(e.state)]
    order = rank([e.estimate for e in backlog])
    top = [backlog[r.index] for r in order[:capacity]]
    ready = sum(1 for e in top if e.state is BacklogState.READY)
    missing = tuple(e.key for e in top if e.state is not BacklogState.READY)
    return Readiness(ready, len(top), capacity, missing)


def countdown(days: int) -> str:
    """Days until PI Planning as people say it: "T-2w" from two weeks out, "T-5d" closer.

    Whole weeks are counted down (33 days is T-4w: more than four weeks, less than five).
    """
    if days >= 14:
        return f"T-{days // 7}w"
    if days > 0:
        return f"T-{days}d"
    return "T" if days == 0 else f"T+{-days}d"

"""The System Demo: a demo plan per iteration, what was demoed and accepted, and the share.

Acceptance is three-valued: ``None`` until Product Management or the Business Owners decide.
The I&A measurement "share of planned features demoed" is, per iteration, the features planned
in that iteration on the ART Planning Board that appear as demoed in its System Demo.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rte_desktop.domain.errors import ValidationError

MAX_DEMO_MINUTES = 120
MAX_FEEDBACK = 2000


def check_minutes(minutes: int) -> None:
    """Raises ValidationError unless 1 <= minutes <= MAX_DEMO_MINUTES."""
    if isinstance(minutes, bool) or not 1 <= minutes <= MAX_DEMO_MINUTES:
        raise ValidationError(f"A demo slot is 1 to {MAX_DEMO_MINUTES} minutes, not {minutes}.")


def clean_feedback(text: str) -> str:
    """Feedback as typed, trimmed.

    Raises:
        ValidationError: empty, or longer than MAX_FEEDBACK characters.
    """
    cleaned = text.strip()
    if not cleaned:
        raise ValidationError("The feedback is empty; type what the stakeholder said.")
    if len(cleaned) > MAX_FEEDBACK:
        raise ValidationError(f"Feedback is {MAX_FEEDBACK} characters at most.")
    return cleaned


def acceptance_label(accepted: bool | None) -> str:
    return {None: "undecided", True: "accepted", False: "not accepted"}[accepted]


@dataclass(frozen=True)
class DemoShare:
    """Of ``planned`` features planned in the iteration, ``demoed`` were shown at its demo."""

    iteration: str
    planned: int
    demoed: int

    @property
    def percent(self) -> float | None:
        return None if self.planned == 0 else 100.0 * self.demoed / self.planned


def demo_share(iteration: str, planned_ids: Iterable[int], demoed_ids: Iterable[int]) -> DemoShare:
    """The share of the iteration's planned features that were demoed (others don't count)."""
    planned = set(planned_ids)
    return DemoShare(iteration, len(planned), len(planned & set(demoed_ids)))


def minutes_total(minutes: Sequence[int]) -> int:
    return sum(minutes)

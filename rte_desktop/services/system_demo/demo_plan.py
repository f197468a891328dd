"""What the System Demo service reads out: a demo's plan, its slots, and a PI's demos."""

from __future__ import annotations

from dataclasses import dataclass

from rte_desktop.domain import system_demo as rules
from rte_desktop.domain.model import Agenda, DemoFeedback, DemoItem, Event, Feature, Iteration


@dataclass(frozen=True)
class DemoSlot:
    item: DemoItem
    feature: Feature | None
    feedback: list[DemoFeedback]

    @property
    def label(self) -> str:
        if self.feature is not None and self.feature.key:
            return f"{self.feature.key} {self.item.title}"
        return self.item.title


@dataclass(frozen=True)
class DemoPlan:
    event: Event
    iteration: Iteration | None
    slots: list[DemoSlot]
    agenda: Agenda | None  # the System Demo agenda built for the event, if any

    @property
    def minutes(self) -> int:
        return rules.minutes_total([s.item.minutes for s in self.slots])


@dataclass(frozen=True)
class DemoSummary:
    event: Event
    iteration: Iteration | None
    items: int
    demoed: int
    accepted: int
    feedback: int

"""What a use case changed, so each panel refreshes only when its own area moved."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

T = TypeVar("T")


class Area(StrEnum):
    TRAIN = "train"  # ARTs, teams, PIs, iterations: everything may need a reload
    CALENDAR = "calendar"
    READINESS = "readiness"
    AGENDA = "agenda"
    TIMER = "timer"
    VOTES = "votes"
    OBJECTIVES = "objectives"
    RISKS = "risks"
    BOARD = "board"
    ART_SYNC = "art_sync"
    WORKSHOP = "workshop"
    FLOW = "flow"  # work items, their history and the flow mappings
    BACKLOG = "backlog"  # the ART backlog and WSJF (features too: the board shares them)
    SYSTEM_DEMO = "system_demo"


@dataclass(frozen=True)
class Changes:
    """The areas one operation touched; ``Changes.of(Area.RISKS)``."""

    areas: frozenset[Area] = frozenset()

    @classmethod
    def of(cls, *areas: Area) -> Changes:
        return cls(frozenset(areas))

    @classmethod
    def everything(cls) -> Changes:
        return cls(frozenset(Area))

    def touches(self, *areas: Area) -> bool:
        """True if any of ``areas`` changed (a TRAIN change touches every area)."""
        return Area.TRAIN in self.areas or any(a in self.areas for a in areas)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.areas | other.areas)

    def __bool__(self) -> bool:
        return bool(self.areas)


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """A use case's result and what it changed."""

    value: T
    changes: Changes

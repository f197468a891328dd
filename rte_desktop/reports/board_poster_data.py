"""What the board poster draws: laid-out cards, milestones and lines, in board units.

Plain data (no drawing): ``services.board_poster`` fills it from a ``BoardData``;
``reports.board_poster`` renders it and ``reports.board_tiles`` cuts it into pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rte_desktop.domain.board_layout import BoardLayout, Point, Rect


@dataclass(frozen=True)
class PosterCard:
    rect: Rect
    key: str
    title: str
    kind: str  # "feature" or "enabler"


@dataclass(frozen=True)
class PosterMilestone:
    rect: Rect
    title: str
    when: str


@dataclass(frozen=True)
class PosterEdge:
    path: tuple[Point, Point, Point, Point]
    health: str  # "green", "orange", "red"
    label: str


@dataclass(frozen=True)
class BoardPosterData:
    title: str
    subtitle: str
    layout: BoardLayout
    column_titles: dict[int, str]  # iteration id -> short name
    cards: Sequence[PosterCard]
    milestones: Sequence[PosterMilestone]
    edges: Sequence[PosterEdge]
    dependencies: Sequence[tuple[str, str, str, str]]  # health, label, line, explanation

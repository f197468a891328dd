"""What the confidence-vote report prints, as plain data (no reportlab here).

``services/vote/vote_report.py`` fills these; ``reports/vote.py`` renders them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SCALE = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class ConcernLine:
    text: str
    vote: int | None = None  # the linked ballot's value, when known and not hidden
    voter: str = ""
    risk: str = ""  # "" or the risk's ROAM status


@dataclass(frozen=True)
class RoundLine:
    """One round of one scope, ready to print."""

    round_no: int
    counts: tuple[int, ...] | None  # five counts (1..5); None while hidden and not revealed
    ballots: int
    eligible: int
    average: str  # "3.25", or "–"
    passed: bool | None  # None: no ballots (or hidden)
    to_be_heard: int | None  # None when hidden
    opened: str
    closed: str  # "" while still open
    mode: str
    concerns: tuple[ConcernLine, ...] = ()
    comments: tuple[str, ...] = ()  # "4 · Zoë: we depend on team X" (individual entry)


@dataclass(frozen=True)
class ScopeSection:
    name: str
    rounds: tuple[RoundLine, ...]  # oldest first; the last one is the current result


@dataclass(frozen=True)
class TrendLine:
    pi: str
    average: float | None
    average_label: str
    passed: bool | None


@dataclass(frozen=True)
class VoteReportData:
    art: str
    pi: str
    threshold: float
    time_zone: str
    scopes: tuple[ScopeSection, ...]
    trend: tuple[TrendLine, ...] = field(default=())

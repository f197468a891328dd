"""What the vote display shows, as plain strings and numbers (no painting here).

The panel and the projector paint the same ``DisplayState``; building it in one place is what
makes hidden mode hide everywhere: a hidden round has no counts, average, verdict or "to be
heard" number in its state at all, so no view can show them by mistake.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from rte_desktop.domain.model import VoteMode
from rte_desktop.services.vote.vote_values import RoundView


def _tr(text: str) -> str:
    return QCoreApplication.translate("vote", text)


def finger_labels() -> dict[int, str]:
    """Short labels under the histogram's bars (DOMAIN.md decisions, shortened)."""
    return {
        1: _tr("no confidence"),
        2: _tr("serious concerns"),
        3: _tr("some doubts"),
        4: _tr("minor concerns"),
        5: _tr("very high"),
    }


def mode_names() -> dict[VoteMode, str]:
    return {
        VoteMode.TALLY: _tr("Show of hands (keypad)"),
        VoteMode.INDIVIDUAL: _tr("Individual ballots"),
        VoteMode.HIDDEN: _tr("Hidden until revealed"),
    }


@dataclass(frozen=True)
class DisplayState:
    """Everything one vote display paints."""

    scope: str
    detail: str  # "Round 2 · voting open"
    counts: tuple[int, ...] | None  # 1..5; None while hidden (or no round)
    participation: str  # "23 of 60 voted (38%)"
    average: str | None  # "3.47", "–" without ballots; None while hidden
    verdict: str | None  # "PASS" / "FAIL"; None without ballots or while hidden
    passed: bool | None
    threshold: str  # "Passes at an average of 3.00 or more"
    to_be_heard: int | None  # None while hidden
    hidden: bool = False
    message: str = ""  # shown instead of the histogram (hidden, no round yet)
    warning: str = ""  # more ballots than people eligible: said in the panel and on the wall

    @property
    def texts(self) -> list[str]:
        """Every string this state can put on screen (tests look for leaks here)."""
        found = [self.scope, self.detail, self.participation, self.threshold, self.message]
        found.append(self.warning)
        found += [str(c) for c in self.counts or ()]
        found += [t for t in (self.average, self.verdict) if t]
        return [t for t in found if t]


def empty_state(scope: str, threshold: float) -> DisplayState:
    """A scope that has not voted yet in this PI."""
    return DisplayState(
        scope=scope,
        detail=_tr("No vote yet"),
        counts=None,
        participation="",
        average=None,
        verdict=None,
        passed=None,
        threshold=threshold_text(threshold),
        to_be_heard=None,
        message=_tr("Waiting for the vote to start"),
    )


def threshold_text(threshold: float) -> str:
    return _tr("Passes at an average of %s or more") % f"{threshold:.2f}"


def participation_text(ballots: int, eligible: int) -> str:
    if eligible <= 0:
        return _tr("%d voted") % ballots
    percent = round(100 * ballots / eligible)
    return _tr("%d of %d voted (%d%%)") % (ballots, eligible, percent)


def over_count_warning(ballots: int, eligible: int) -> str:
    """The warning when more ballots than people eligible were counted ("" when none)."""
    if eligible <= 0 or ballots <= eligible:
        return ""
    return _tr("More ballots (%d) than people eligible (%d): count again") % (ballots, eligible)


def display_state(view: RoundView, scope: str) -> DisplayState:
    """The state of one round; a hidden round keeps only how many voted."""
    vote, stats = view.round, view.stats
    status = _tr("voting open") if vote.is_open else _tr("closed")
    detail = _tr("Round %d · %s") % (vote.round_no, status)
    if not view.is_latest:
        detail += " · " + _tr("history (round %d is the latest)") % view.history[-1].round_no
    participation = participation_text(stats.ballots, vote.eligible)
    warning = over_count_warning(stats.ballots, vote.eligible)
    threshold = threshold_text(stats.threshold)
    if view.hidden:
        return DisplayState(
            detail=detail + " · " + _tr("hidden"),
            counts=None,
            average=None,
            verdict=None,
            passed=None,
            to_be_heard=None,
            hidden=True,
            message=_tr("Votes are hidden until the RTE reveals them"),
            scope=scope,
            participation=participation,
            threshold=threshold,
            warning=warning,
        )
    passed = stats.passed
    return DisplayState(
        detail=detail,
        counts=tuple(stats.counts[v] for v in sorted(stats.counts)),
        average=stats.average_label(),
        verdict=None if passed is None else (_tr("PASS") if passed else _tr("FAIL")),
        passed=passed,
        to_be_heard=stats.to_be_heard,
        scope=scope,
        participation=participation,
        threshold=threshold,
        warning=warning,
    )

"""Gather a PI's confidence votes into the plain data the vote report prints."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rte_desktop.domain.confidence import vote_stats
from rte_desktop.domain.model import (
    Art,
    Ballot,
    Concern,
    PlanningInterval,
    Risk,
    Team,
    VoteMode,
    VoteRound,
)
from rte_desktop.domain.train import zone_or_utc
from rte_desktop.reports.vote_data import (
    ConcernLine,
    RoundLine,
    ScopeSection,
    TrendLine,
    VoteReportData,
)

if TYPE_CHECKING:
    from rte_desktop.services.common.context import ServiceContext
    from rte_desktop.services.vote.vote_values import TrendPoint
    from rte_desktop.storage.unit_of_work import UnitOfWork

MODE_WORDS = {
    VoteMode.TALLY: "show of hands (keypad tally)",
    VoteMode.INDIVIDUAL: "individual ballots",
    VoteMode.HIDDEN: "hidden until revealed",
}


def local_time(moment: dt.datetime | None, zone: str) -> str:
    """A stored (naive UTC) time in the ART's zone, "25 Nov 2026 14:05"; "" for None."""
    if moment is None:
        return ""
    local = moment.replace(tzinfo=dt.UTC).astimezone(zone_or_utc(zone))
    return local.strftime("%d %b %Y %H:%M")


def round_line(uow: UnitOfWork, vote: VoteRound, art: Art) -> RoundLine:
    """One round's printable facts; counts and low-vote details stay out while it is hidden."""
    ballots = uow.find(Ballot, round_id=vote.id, order_by=["id"])
    by_id = {b.id: b for b in ballots}
    stats = vote_stats((b.value for b in ballots), vote.eligible, art.vote_threshold)
    hidden = vote.mode is VoteMode.HIDDEN and not vote.revealed
    concerns = []
    for concern in uow.find(Concern, round_id=vote.id, order_by=["id"]):
        ballot = by_id.get(concern.ballot_id)
        risk = uow.get(Risk, concern.risk_id).status.value if concern.risk_id else ""
        concerns.append(
            ConcernLine(
                text=concern.text,
                vote=ballot.value if ballot and not hidden else None,
                voter=ballot.voter if ballot else "",
                risk=risk,
            )
        )
    comments = tuple(
        f"{'?' if hidden else b.value} · {b.voter or 'anonymous'}: {b.comment}"
        for b in ballots
        if b.comment
    )
    return RoundLine(
        round_no=vote.round_no,
        counts=None if hidden else tuple(stats.counts[v] for v in sorted(stats.counts)),
        ballots=stats.ballots,
        eligible=vote.eligible,
        average=stats.average_label(),
        passed=None if hidden else stats.passed,
        to_be_heard=None if hidden else stats.to_be_heard,
        opened=local_time(vote.opened_at, art.time_zone),
        closed=local_time(vote.closed_at, art.time_zone),
        mode=MODE_WORDS[vote.mode],
        concerns=tuple(concerns),
        comments=comments,
    )


def report_data(
    ctx: ServiceContext, pi_id: int, trend_points: Sequence[TrendPoint]
) -> VoteReportData:
    """Every team's vote in sidebar order, then the ART's, each with all its rounds."""
    with ctx.uow() as uow:
        pi = uow.get(PlanningInterval, pi_id)
        art = uow.get(Art, pi.art_id)
        scopes: list[tuple[int | None, str]] = [
            (t.id, t.name) for t in uow.find(Team, art_id=art.id)
        ]
        scopes.append((None, f"Whole ART ({art.name})"))
        sections = []
        for team_id, name in scopes:
            rounds = uow.find(
                VoteRound, pi_id=pi_id, team_id=team_id, order_by=["round_no", "opened_at"]
            )
            sections.append(ScopeSection(name, tuple(round_line(uow, r, art) for r in rounds)))
    trend = tuple(
        TrendLine(
            pi=p.pi_name,
            average=p.stats.average if p.stats else None,
            average_label=p.stats.average_label() if p.stats else "–",
            passed=p.stats.passed if p.stats else None,
        )
        for p in trend_points
    )
    return VoteReportData(
        art=art.name,
        pi=pi.name,
        threshold=art.vote_threshold,
        time_zone=art.time_zone,
        scopes=tuple(sections),
        trend=trend,
    )

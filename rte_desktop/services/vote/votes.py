"""The confidence vote: rounds per team and for the ART, ballots, reveal, concerns to risks.

Every round is kept: a re-vote is a new round linked to the one before it (``previous_id``), so
the history of a scope is a chain ``round 1 -> round 2 -> ...``; nothing is overwritten. Times
come from the workspace clock and are stored as naive UTC, like every other timestamp.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rte_desktop.domain.confidence import check_value, vote_stats
from rte_desktop.domain.errors import ValidationError
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
from rte_desktop.services.common.changes import Area, Changes, Outcome
from rte_desktop.services.vote.vote_values import (
    RoundView,
    ScopeSummary,
    TrendPoint,
    art_of,
    check_eligible,
    check_threshold,
    clean_text,
    default_eligible,
    is_hidden,
    open_round,
    scope_rounds,
    utc_now,
)
from rte_desktop.storage.queries import ballot_values

if TYPE_CHECKING:
    from rte_desktop.services.common.context import ServiceContext
    from rte_desktop.services.vote.vote_risks import ConcernRisk

VOTES = Changes.of(Area.VOTES)


class VoteService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    # -- reading --------------------------------------------------------------------------------

    def threshold(self, pi_id: int) -> float:
        """The pass threshold of the PI's ART (Art.vote_threshold)."""
        with self._ctx.uow() as uow:
            return art_of(uow, pi_id).vote_threshold

    def rounds(
        self, pi_id: int, team_id: int | None = None, *, any_scope: bool = True
    ) -> list[VoteRound]:
        """The PI's rounds (all scopes, or one scope when ``any_scope`` is False), oldest first."""
        with self._ctx.uow() as uow:
            if any_scope:
                return uow.find(VoteRound, pi_id=pi_id, order_by=["opened_at", "round_no"])
            return scope_rounds(uow, pi_id, team_id)

    def latest_round(self, pi_id: int, team_id: int | None) -> VoteRound | None:
        with self._ctx.uow() as uow:
            found = scope_rounds(uow, pi_id, team_id)
        return found[-1] if found else None

    def ballots(self, round_id: int) -> list[Ballot]:
        with self._ctx.uow() as uow:
            return uow.find(Ballot, round_id=round_id, order_by=["id"])

    def concerns(self, round_id: int) -> list[Concern]:
        with self._ctx.uow() as uow:
            return uow.find(Concern, round_id=round_id, order_by=["id"])

    def view(self, round_id: int) -> RoundView:
        """A round with its statistics, ballots, concerns and the history of its scope."""
        with self._ctx.uow() as uow:
            vote = uow.get(VoteRound, round_id)
            threshold = art_of(uow, vote.pi_id).vote_threshold
            ballots = uow.find(Ballot, round_id=round_id, order_by=["id"])
            concerns = uow.find(Concern, round_id=round_id, order_by=["id"])
            history = scope_rounds(uow, vote.pi_id, vote.team_id)
            risk_ids = [c.risk_id for c in concerns if c.risk_id is not None]
            risks = {r.id or 0: r.status for r in uow.find(Risk, id=risk_ids)} if risk_ids else {}
        stats = vote_stats((b.value for b in ballots), vote.eligible, threshold)
        return RoundView(vote, stats, ballots, concerns, history, risks)

    def default_eligible(self, pi_id: int, team_id: int | None) -> int:
        """Team size, or the sum of team sizes for the ART."""
        with self._ctx.uow() as uow:
            return default_eligible(uow, pi_id, team_id)

    def summary(self, pi_id: int) -> list[ScopeSummary]:
        """Every team in sidebar order, then the ART, each with its rounds and statistics."""
        with self._ctx.uow() as uow:
            art = art_of(uow, pi_id)
            teams = uow.find(Team, art_id=art.id)
            rounds = uow.find(VoteRound, pi_id=pi_id, order_by=["round_no", "opened_at"])
            round_ids = [r.id or 0 for r in rounds]
            values = ballot_values(uow, round_ids)
            concerns = uow.find(Concern, round_id=round_ids)
        scopes: list[tuple[int | None, str, int]] = [(t.id, t.name, t.size) for t in teams]
        scopes.append((None, art.name, sum(t.size for t in teams)))
        result = []
        for team_id, name, size in scopes:
            mine = [
                (r, vote_stats(values.get(r.id or 0, []), r.eligible, art.vote_threshold))
                for r in rounds
                if r.team_id == team_id
            ]
            ids = {r.id for r, _ in mine}
            theirs = [c for c in concerns if c.round_id in ids]
            risks = sum(1 for c in theirs if c.risk_id is not None)
            result.append(ScopeSummary(team_id, name, size, mine, len(theirs), risks))
        return result

    def art_trend(self, art_id: int) -> list[TrendPoint]:
        """The latest ART round of every PI of the ART, in PI order (hidden rounds as None)."""
        with self._ctx.uow() as uow:  # four statements, however many PIs (no N+1)
            art = uow.get(Art, art_id)
            pis = uow.find(PlanningInterval, art_id=art_id, order_by=["start"])
            rounds: dict[int | None, list[VoteRound]] = {}
            for vote in uow.find(
                VoteRound,
                pi_id=[pi.id for pi in pis],
                team_id=None,
                order_by=["round_no", "opened_at"],
            ):
                rounds.setdefault(vote.pi_id, []).append(vote)
            shown = {
                pi_id: found[-1] for pi_id, found in rounds.items() if not is_hidden(found[-1])
            }
            values = ballot_values(uow, [vote.id or 0 for vote in shown.values()])
        points = []
        for pi in pis:
            stats = None
            if (last := shown.get(pi.id)) is not None:
                stats = vote_stats(values.get(last.id or 0, []), last.eligible, art.vote_threshold)
                stats = stats if stats.ballots else None
            points.append(TrendPoint(pi.name, stats, len(rounds.get(pi.id, []))))
        return points

    # -- rounds ---------------------------------------------------------------------------------

    def start_round(
        self,
        pi_id: int,
        team_id: int | None,
        mode: VoteMode = VoteMode.TALLY,
        eligible: int | None = None,
    ) -> Outcome[VoteRound]:
        """Open round 1 for a team (or the ART, ``team_id`` None).

        Raises:
            ValidationError: the scope already has a round (use ``revote``) or bad eligible.
        """
        with self._ctx.uow() as uow:
            existing = scope_rounds(uow, pi_id, team_id)
            if existing:
                raise ValidationError(
                    f"This vote already has round {existing[-1].round_no}; start a re-vote to "
                    "keep it as history."
                )
            if eligible is None:
                eligible = default_eligible(uow, pi_id, team_id)
            vote = uow.add(
                VoteRound(
                    pi_id=pi_id,
                    team_id=team_id,
                    eligible=check_eligible(eligible),
                    mode=mode,
                    revealed=mode is not VoteMode.HIDDEN,
                    opened_at=utc_now(self._ctx),
                )
            )
        return Outcome(vote, self._ctx.publish(VOTES))

    def revote(self, round_id: int, mode: VoteMode | None = None) -> Outcome[VoteRound]:
        """Open the next round of the same scope, linked to ``round_id`` (closed if still open).

        Raises:
            ValidationError: ``round_id`` is not the latest round of its scope.
        """
        now = utc_now(self._ctx)
        with self._ctx.uow() as uow:
            previous = uow.get(VoteRound, round_id)
            latest = scope_rounds(uow, previous.pi_id, previous.team_id)[-1]
            if latest.id != previous.id:
                raise ValidationError(
                    f"Round {previous.round_no} was already re-voted in round "
                    f"{latest.round_no}; re-vote from the latest round."
                )
            if previous.is_open:
                uow.patch(VoteRound, round_id, is_open=False, closed_at=now)
            mode = mode or previous.mode
            vote = uow.add(
                VoteRound(
                    pi_id=previous.pi_id,
                    team_id=previous.team_id,
                    round_no=previous.round_no + 1,
                    previous_id=previous.id,
                    eligible=previous.eligible,
                    mode=mode,
                    revealed=mode is not VoteMode.HIDDEN,
                    opened_at=now,
                )
            )
        return Outcome(vote, self._ctx.publish(VOTES))

    def delete_empty_round(self, round_id: int, reopen_previous: bool = True) -> Outcome[VoteRound]:
        """Remove a round nobody voted in (the undo of start/re-vote); returns it as it was.

        ``reopen_previous`` reopens the round before it (a re-vote closed it if it was open).
        ``restore_round`` puts the round back (redo).

        Raises:
            ValidationError: the round has ballots or concerns, or a later round follows it.
        """
        with self._ctx.uow() as uow:
            vote = uow.get(VoteRound, round_id)
            if uow.count(Ballot, round_id=round_id) or uow.count(Concern, round_id=round_id):
                raise ValidationError(
                    f"Round {vote.round_no} has ballots or concerns; it is kept as history."
                )
            if uow.count(VoteRound, previous_id=round_id):
                raise ValidationError(f"Round {vote.round_no} was re-voted; it is kept.")
            uow.delete(VoteRound, round_id)
            if vote.previous_id is not None and reopen_previous:
                uow.patch(VoteRound, vote.previous_id, is_open=True, closed_at=None)
        return Outcome(vote, self._ctx.publish(VOTES))

    def restore_round(self, vote: VoteRound) -> Outcome[VoteRound]:
        """Put a removed round back with its id (redo of start/re-vote).

        A round before it that is open again is closed as the re-vote closed it (at the time
        the new round opened).

        Raises:
            ValidationError: another round took its place in the scope meanwhile.
        """
        with self._ctx.uow() as uow:
            latest = scope_rounds(uow, vote.pi_id, vote.team_id)
            if (latest[-1].id if latest else None) != vote.previous_id:
                raise ValidationError(
                    f"Round {vote.round_no} cannot come back: the vote has another round now."
                )
            if vote.previous_id is not None and latest[-1].is_open:
                uow.patch(VoteRound, vote.previous_id, is_open=False, closed_at=vote.opened_at)
            restored = uow.add(vote)
        return Outcome(restored, self._ctx.publish(VOTES))

    def close_round(self, round_id: int) -> Outcome[VoteRound]:
        """Stop taking ballots (the result stays as it is)."""
        with self._ctx.uow() as uow:
            vote = uow.patch(VoteRound, round_id, is_open=False, closed_at=utc_now(self._ctx))
        return Outcome(vote, self._ctx.publish(VOTES))

    def reopen_round(self, round_id: int) -> Outcome[VoteRound]:
        """Take ballots again in a closed round, unless a re-vote already follows it."""
        with self._ctx.uow() as uow:
            vote = uow.get(VoteRound, round_id)
            if uow.count(VoteRound, previous_id=round_id):
                raise ValidationError(
                    f"Round {vote.round_no} was re-voted; reopen the latest round instead."
                )
            vote = uow.patch(VoteRound, round_id, is_open=True, closed_at=None)
        return Outcome(vote, self._ctx.publish(VOTES))

    def set_eligible(self, round_id: int, eligible: int) -> Outcome[VoteRound]:
        with self._ctx.uow() as uow:
            vote = uow.patch(VoteRound, round_id, eligible=check_eligible(eligible))
        return Outcome(vote, self._ctx.publish(VOTES))

    def set_mode(self, round_id: int, mode: VoteMode) -> Outcome[VoteRound]:
        """Change how ballots are taken; hidden mode hides the counts until ``reveal``."""
        with self._ctx.uow() as uow:
            vote = uow.patch(VoteRound, round_id, mode=mode, revealed=mode is not VoteMode.HIDDEN)
        return Outcome(vote, self._ctx.publish(VOTES))

    def reveal(self, round_id: int, revealed: bool = True) -> Outcome[VoteRound]:
        """Show (or, for undo, hide again) the counts of a hidden round."""
        with self._ctx.uow() as uow:
            vote = uow.patch(VoteRound, round_id, revealed=revealed)
        return Outcome(vote, self._ctx.publish(VOTES))

    # -- ballots --------------------------------------------------------------------------------

    def add_ballot(
        self, round_id: int, value: int, voter: str = "", comment: str = ""
    ) -> Outcome[Ballot]:
        """Record one vote (1..5) in an open round; name and comment are optional.

        Raises:
            ValidationError: value outside 1..5, the round is closed, or text too long.
        """
        check_value(value)
        with self._ctx.uow() as uow:
            open_round(uow, round_id)
            ballot = uow.add(
                Ballot(
                    round_id=round_id,
                    value=value,
                    voter=clean_text(voter, "The voter's name", required=False)[:200],
                    comment=clean_text(comment, "The comment", required=False),
                    cast_at=utc_now(self._ctx),
                )
            )
        return Outcome(ballot, self._ctx.publish(VOTES))

    def restore_ballot(self, ballot: Ballot) -> Outcome[Ballot]:
        """Put a removed ballot back as it was (the undo of a removal)."""
        with self._ctx.uow() as uow:
            open_round(uow, ballot.round_id)
            restored = uow.add(ballot)
        return Outcome(restored, self._ctx.publish(VOTES))

    def remove_last_ballot(self, round_id: int) -> Outcome[Ballot]:
        """Take back the most recent ballot of an open round and return it.

        Raises:
            ValidationError: the round is closed or has no ballots.
        """
        with self._ctx.uow() as uow:
            open_round(uow, round_id)
            ballots = uow.find(Ballot, round_id=round_id, order_by=["id"])
            if not ballots:
                raise ValidationError("There is no ballot to remove in this round.")
            uow.delete(Ballot, ballots[-1].id or 0)
        return Outcome(ballots[-1], self._ctx.publish(VOTES))

    def remove_ballot(self, ballot_id: int) -> Outcome[Ballot]:
        """Remove one ballot of an open round (a typing mistake in individual entry)."""
        with self._ctx.uow() as uow:
            ballot = uow.get(Ballot, ballot_id)
            open_round(uow, ballot.round_id)
            uow.delete(Ballot, ballot_id)
        return Outcome(ballot, self._ctx.publish(VOTES))

    # -- concerns and risks ---------------------------------------------------------------------

    def add_concern(
        self, round_id: int, text: str, ballot_id: int | None = None
    ) -> Outcome[Concern]:
        """Write down what a low voter said (rounds may be closed: concerns come after)."""
        with self._ctx.uow() as uow:
            uow.get(VoteRound, round_id)
            if ballot_id is not None and uow.get(Ballot, ballot_id).round_id != round_id:
                raise ValidationError("That ballot belongs to another round.")
            concern = uow.add(
                Concern(round_id=round_id, ballot_id=ballot_id, text=clean_text(text, "A concern"))
            )
        return Outcome(concern, self._ctx.publish(VOTES))

    def edit_concern(self, concern_id: int, text: str) -> Outcome[Concern]:
        with self._ctx.uow() as uow:
            concern = uow.patch(Concern, concern_id, text=clean_text(text, "A concern"))
        return Outcome(concern, self._ctx.publish(VOTES))

    def delete_concern(self, concern_id: int) -> Outcome[Concern]:
        """Remove a concern (its risk, if any, stays on the Risks board)."""
        with self._ctx.uow() as uow:
            concern = uow.get(Concern, concern_id)
            uow.delete(Concern, concern_id)
        return Outcome(concern, self._ctx.publish(VOTES))

    def restore_concern(self, concern: Concern) -> Outcome[Concern]:
        with self._ctx.uow() as uow:
            restored = uow.add(concern)
        return Outcome(restored, self._ctx.publish(VOTES))

    def concern_to_risk(self, concern_id: int) -> Outcome[Concern]:
        """Turn a concern into an unROAMed risk of the round's PI and team, linked both ways.

        Raises:
            ValidationError: the concern already became a risk.
        """
        from rte_desktop.services.vote import vote_risks

        with self._ctx.uow() as uow:
            concern = vote_risks.create_risk(uow, concern_id, utc_now(self._ctx))
        return Outcome(concern, self._ctx.publish(Changes.of(Area.VOTES, Area.RISKS)))

    def undo_concern_risk(self, concern_id: int) -> Outcome[ConcernRisk]:
        """Remove the risk made from a concern (the undo of ``concern_to_risk``).

        Returns what was removed, for ``restore_concern_risk`` (redo, same ids).
        """
        from rte_desktop.services.vote import vote_risks

        with self._ctx.uow() as uow:
            kept = vote_risks.remove_risk(uow, concern_id)
        return Outcome(kept, self._ctx.publish(Changes.of(Area.VOTES, Area.RISKS)))

    def restore_concern_risk(self, kept: ConcernRisk) -> Outcome[Concern]:
        """Put back the risk ``undo_concern_risk`` removed, with the same ids."""
        from rte_desktop.services.vote import vote_risks

        with self._ctx.uow() as uow:
            concern = vote_risks.restore_risk(uow, kept)
        return Outcome(concern, self._ctx.publish(Changes.of(Area.VOTES, Area.RISKS)))

    # -- settings and reports -------------------------------------------------------------------

    def set_threshold(self, art_id: int, threshold: float) -> Outcome[Art]:
        """Change the ART's pass threshold (1.00..5.00, default 3.00)."""
        with self._ctx.uow() as uow:
            art = uow.patch(Art, art_id, vote_threshold=check_threshold(threshold))
        return Outcome(art, self._ctx.publish(VOTES))

    def render_report(self, pi_id: int, out: Path, paper: str = "a4") -> Path:
        """Write the vote report PDF of a PI (every scope, every round, concerns, trend)."""
        from rte_desktop.reports.vote import render_vote_report
        from rte_desktop.services.common.files import write_atomically
        from rte_desktop.services.vote.vote_report import report_data

        with self._ctx.uow() as uow:
            art_id = uow.get(PlanningInterval, pi_id).art_id
        data = report_data(self._ctx, pi_id, self.art_trend(art_id))
        return write_atomically(out, render_vote_report(data, paper=paper))

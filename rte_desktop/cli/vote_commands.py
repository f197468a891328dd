"""Commands for the confidence vote: the report PDF, and serving a round to phones."""

from __future__ import annotations

import argparse
import sys

from rte_desktop.cli.common import Groups, add_command, open_ws, pick_pi, serve_until_stopped
from rte_desktop.domain.errors import DomainError


def register(groups: Groups) -> None:
    parser = add_command(
        groups,
        "report",
        "vote",
        _report_vote,
        "the confidence-vote report of a PI (every team and ART round, concerns, trend)",
        pi=True,
        out=True,
    )
    parser.add_argument(
        "--paper", choices=["a4", "letter", "a3"], default="a4", help="paper size (default a4)"
    )
    serve = add_command(
        groups,
        "vote",
        "serve",
        _serve,
        "let phones vote in a team's (or the ART's) confidence round: prints the join URL "
        "alone on the first line, serves until the round closes or Ctrl+C / SIGTERM (exit 0)",
        pi=True,
    )
    scope = serve.add_mutually_exclusive_group(required=True)
    scope.add_argument("--team", metavar="NAME", help="the team whose vote it is")
    scope.add_argument("--art", action="store_true", help="the whole ART's vote")
    serve.add_argument(
        "--host",
        metavar="ADDR",
        default=None,
        help="the address to listen on (default: the interface with the default route)",
    )
    serve.add_argument(
        "--port", metavar="N", type=int, default=0, help="the port (default 0: a free one)"
    )


def _report_vote(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    pi = pick_pi(ws, args)
    assert pi.id is not None
    path = ws.votes.render_report(pi.id, args.out, paper=args.paper)
    print(f"Vote report of {pi.name} written to {path}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from rte_desktop.phones.network import default_route_address
    from rte_desktop.phones.session import ConfidenceSession

    if not 0 <= args.port <= 65535:
        raise DomainError(f"--port must be 0 to 65535, not {args.port}.")
    ws = open_ws(args, writes=True)
    pi = pick_pi(ws, args)
    assert pi.id is not None
    team_id = None
    if not args.art:
        teams = {t.name.casefold(): t for t in ws.train.teams(pi.art_id)}
        team = teams.get(args.team.strip().casefold())
        if team is None:
            names = ", ".join(t.name for t in ws.train.teams(pi.art_id))
            raise DomainError(f"No team named '{args.team}' in this ART (teams: {names}).")
        team_id = team.id
    host = args.host or default_route_address()
    session = ConfidenceSession.start(ws, pi.id, team_id, host, args.port)
    closed = serve_until_stopped(
        session,
        f"Phones vote in {session.vote.scope}, {pi.name}, round {session.vote.round.round_no}. "
        "Ctrl+C stops serving (the round stays open).",
    )
    print(
        f"{session.count().label()}; the round is {'closed' if closed else 'still open'}.",
        file=sys.stderr,
    )
    return 0

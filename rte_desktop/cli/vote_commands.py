"""Commands for the confidence vote: the report PDF."""

from __future__ import annotations

import argparse

from rte_desktop.cli.common import Groups, add_command, open_ws, pick_pi


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


def _report_vote(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    pi = pick_pi(ws, args)
    assert pi.id is not None
    path = ws.votes.render_report(pi.id, args.out, paper=args.paper)
    print(f"Vote report of {pi.name} written to {path}")
    return 0

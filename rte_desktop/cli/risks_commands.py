"""Commands for the ROAM risk board: the poster PDF."""

from __future__ import annotations

import argparse

from rte_desktop.cli.common import Groups, add_command, open_ws, pick_pi


def register(groups: Groups) -> None:
    parser = add_command(
        groups,
        "report",
        "risks",
        _report_risks,
        "the ROAM risk board as a poster PDF",
        pi=True,
        out=True,
    )
    parser.add_argument(
        "--paper", choices=["a3", "a4", "letter"], default="a3", help="paper size (default a3)"
    )


def _report_risks(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    pi = pick_pi(ws, args)
    assert pi.id is not None
    path = ws.risks.poster(pi.id, args.out, args.paper)
    print(f"ROAM poster of {pi.name} written to {path}")
    return 0

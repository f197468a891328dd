"""Commands for the System Demo: the report of what was shown, accepted and said."""

from __future__ import annotations

import argparse

from rte_desktop.cli.common import Groups, add_command, open_ws, pick_pi


def register(groups: Groups) -> None:
    parser = add_command(
        groups,
        "report",
        "demo",
        _report_demo,
        "the System Demos of a PI (or of one iteration): what was shown, accepted, and the "
        "feedback, as PDF",
        pi=True,
        out=True,
    )
    parser.add_argument(
        "--iteration",
        metavar="N",
        type=int,
        default=None,
        help="only the System Demo of iteration N (default: every demo of the PI)",
    )
    parser.add_argument(
        "--paper", choices=["a4", "letter", "a3"], default="a4", help="paper size (default a4)"
    )


def _report_demo(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    pi = pick_pi(ws, args)
    assert pi.id is not None
    path = ws.system_demo.report(pi.id, args.out, args.iteration, args.paper)
    print(f"System Demo report of {pi.name} written to {path}")
    return 0

"""Commands for the I&A workshop: its PDF report and the improvement items as CSV."""

from __future__ import annotations

import argparse

from rte_desktop.cli.common import Groups, add_command, open_ws, pick_pi


def register(groups: Groups) -> None:
    parser = add_command(
        groups,
        "report",
        "workshop",
        _report,
        "the I&A problem-solving workshop report (every workshop of the PI)",
        pi=True,
        out=True,
    )
    parser.add_argument(
        "--paper", default="a4", choices=["a4", "letter", "a3"], help="paper size (landscape)"
    )
    parser = add_command(
        groups,
        "export",
        "improvements",
        _export_improvements,
        "improvement backlog items as CSV for the ART backlog (all of them unless --pi or "
        "--target names a PI)",
        out=True,
    )
    parser.add_argument(
        "--pi", metavar="NAME", default=None, help="only items from this PI's workshops"
    )
    parser.add_argument(
        "--target", metavar="NAME", default=None, help="only items targeted at this PI"
    )


def _report(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    pi = pick_pi(ws, args)
    if args.pi is None:  # by default the latest I&A: it may belong to the PI before this one
        pi = ws.inspect_adapt.workshop_pi(pi)
    assert pi.id is not None
    path = ws.inspect_adapt.render_report(args.out, pi.id, paper=args.paper)
    print(f"Workshop report for {pi.name} written to {path}")
    return 0


def _export_improvements(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    source = ws.train.find_pi(None, args.pi) if args.pi else None
    target = ws.train.find_pi(None, args.target) if args.target else None
    path, count = ws.improvements.export_csv(
        args.out,
        pi_id=source.id if source else None,
        target_pi_id=target.id if target else None,
    )
    print(f"{count} improvement item(s) written to {path}")
    return 0

"""Commands for the ART backlog: the PI Planning pre-read (PDF) and the export (CSV/XLSX)."""

from __future__ import annotations

import argparse

from rte_desktop.cli.common import Groups, add_command, open_ws, pick_pi


def register(groups: Groups) -> None:
    parser = add_command(
        groups,
        "report",
        "backlog",
        _report_backlog,
        "the ART backlog ordered by WSJF with its parts (the PI Planning pre-read), as PDF",
        pi=True,
        out=True,
    )
    parser.add_argument(
        "--paper", choices=["a4", "letter", "a3"], default="a4", help="paper size (default a4)"
    )
    add_command(
        groups,
        "export",
        "backlog",
        _export_backlog,
        "the ART backlog in WSJF order as .csv or .xlsx (by the suffix of --out); "
        "'import features' reads it back",
        pi=True,
        out=True,
    )


def _report_backlog(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    pi = pick_pi(ws, args)
    assert pi.id is not None
    path = ws.backlog.report(pi.id, args.out, args.paper)
    print(f"ART backlog of {pi.name} written to {path}")
    return 0


def _export_backlog(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    pi = pick_pi(ws, args)
    assert pi.id is not None
    path = ws.backlog.export(pi.id, args.out)
    count = len(ws.backlog.view(pi.id).rows)
    print(f"{count} backlog feature{'s' if count != 1 else ''} of {pi.name} written to {path}")
    return 0

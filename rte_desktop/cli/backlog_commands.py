"""Commands for the ART backlog: the PI Planning pre-read (PDF) and the export (CSV/XLSX)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from rte_desktop.cli.common import Groups, add_command, open_ws, pick_pi

if TYPE_CHECKING:
    from rte_desktop.domain.model import PlanningInterval
    from rte_desktop.workspace import Workspace

PI_HELP = "the PI being planned, by name (default: the one after the current PI, as the panel)"


def register(groups: Groups) -> None:
    parser = add_command(
        groups,
        "report",
        "backlog",
        _report_backlog,
        "the ART backlog ordered by WSJF with its parts (the PI Planning pre-read), as PDF",
        out=True,
    )
    parser.add_argument("--pi", metavar="NAME", default=None, help=PI_HELP)
    parser.add_argument(
        "--paper", choices=["a4", "letter", "a3"], default="a4", help="paper size (default a4)"
    )
    export = add_command(
        groups,
        "export",
        "backlog",
        _export_backlog,
        "the ART backlog in WSJF order as .csv or .xlsx (by the suffix of --out); "
        "'import features' reads it back",
        out=True,
    )
    export.add_argument("--pi", metavar="NAME", default=None, help=PI_HELP)


def backlog_pi(ws: Workspace, args: argparse.Namespace) -> PlanningInterval:
    """The PI named by ``--pi``; without it the next PI, whose backlog is being refined now.

    The Backlog panel shows the same: the backlog of the PI after the one chosen in the
    toolbar. In a train's last PI it is that PI itself.
    """
    pi = pick_pi(ws, args)
    if args.pi is not None:
        return pi
    later = [p for p in ws.train.pis(pi.art_id) if p.start > pi.start]
    return min(later, key=lambda p: p.start) if later else pi


def _report_backlog(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    pi = backlog_pi(ws, args)
    assert pi.id is not None
    path = ws.backlog.report(pi.id, args.out, args.paper)
    print(f"ART backlog of {pi.name} written to {path}")
    return 0


def _export_backlog(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    pi = backlog_pi(ws, args)
    assert pi.id is not None
    path = ws.backlog.export(pi.id, args.out)
    count = len(ws.backlog.view(pi.id).rows)
    print(f"{count} backlog feature{'s' if count != 1 else ''} of {pi.name} written to {path}")
    return 0

"""Commands for the ART planning board: the tiled poster and importing features from CSV."""

from __future__ import annotations

import argparse
from pathlib import Path

from rte_desktop.cli.common import Groups, add_command, open_ws, pick_pi


def register(groups: Groups) -> None:
    parser = add_command(
        groups,
        "report",
        "board",
        _report_board,
        "the ART planning board as a poster PDF (tiled over pages when it does not fit)",
        pi=True,
        out=True,
    )
    parser.add_argument(
        "--paper", choices=["a3", "a4"], default="a3", help="paper size (default a3)"
    )
    parser = add_command(
        groups,
        "import",
        "features",
        _import_features,
        "import features and dependencies from CSV or XLSX (own columns, a backlog export or a "
        "Jira CSV export) into a "
        "PI's board; all or nothing",
        pi=True,
    )
    parser.add_argument("file", type=Path, help="the CSV (UTF-8) or XLSX file to read")


def _report_board(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    pi = pick_pi(ws, args)
    assert pi.id is not None
    path = ws.board.poster(pi.id, args.out, args.paper)
    print(f"Planning board of {pi.name} written to {path}")
    return 0


def _import_features(args: argparse.Namespace) -> int:
    ws = open_ws(args, writes=True)
    pi = pick_pi(ws, args)
    assert pi.id is not None
    summary = ws.board.import_features(args.file, pi.id).value
    print(f"{pi.name}: {summary.text()}")
    return 0

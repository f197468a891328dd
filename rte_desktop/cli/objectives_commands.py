"""Commands for PI objectives: import from CSV/XLSX, print predictability, render the PDF."""

from __future__ import annotations

import argparse
import json
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from rte_desktop.cli.common import Groups, add_command, open_ws, pick_pi

if TYPE_CHECKING:
    from rte_desktop.domain.predictability import Performance


def register(groups: Groups) -> None:
    parser = add_command(
        groups,
        "import",
        "objectives",
        _import,
        "import PI objectives from a CSV or XLSX file (columns: team, objective, committed, "
        "planned_bv, actual_bv); all rows or none",
        pi=True,
    )
    parser.add_argument("file", type=Path, help="the .csv or .xlsx file to read")
    parser.add_argument(
        "--create-teams",
        action="store_true",
        help="add teams the file names but the ART lacks (default: refuse the file)",
    )
    parser = add_command(
        groups,
        "",
        "predictability",
        _predictability,
        "print each team's PI performance and the ART predictability measure",
        pi=True,
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser = add_command(
        groups,
        "report",
        "objectives",
        _report,
        "render the PI objectives PDF (ART summary and one wall page per team)",
        pi=True,
        out=True,
    )
    parser.add_argument(
        "--paper", choices=("a4", "letter", "a3"), default="a4", help="paper size (default a4)"
    )


def _import(args: argparse.Namespace) -> int:
    ws = open_ws(args, writes=True)
    pi = pick_pi(ws, args)
    assert pi.id is not None
    result = ws.objectives.import_file(args.file, pi.id, create_teams=args.create_teams).value
    print(f"Imported {result.count} objectives into {pi.name}.")
    for team, count in result.per_team.items():
        print(f"  {team}: {count}")
    if result.created_teams:
        print(f"New teams: {', '.join(result.created_teams)}")
    return 0


def _predictability(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    pi = pick_pi(ws, args)
    assert pi.id is not None
    summary = ws.objectives.predictability(pi.id)
    lines = [(line.team.name, line.performance) for line in summary.teams]
    lines.append(("ART", summary.art))
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "team": name,
                        "planned": perf.planned,
                        "actual": perf.actual,
                        "percent": _two_decimals(perf),
                    }
                    for name, perf in lines
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    lines[-1] = ("ART (ratio of sums)", summary.art)
    width = max(_columns(name) for name, _ in lines)
    print(f"{pi.name}: planned BV of committed objectives, actual BV of all objectives")
    print(f"{'Team':<{width}}  {'Planned':>7}  {'Actual':>6}  {'Percent':>7}")
    for name, perf in lines:
        pad = " " * (width - _columns(name))
        print(f"{name}{pad}  {perf.planned:>7}  {perf.actual:>6}  {perf.label():>7}")
    if not summary.assessed:
        print("No actual business value has been scored in this PI yet.")
    return 0


def _two_decimals(perf: Performance) -> float | None:
    """The percent to two decimals (half up) as a JSON number; None when n/a."""
    rounded = perf.rounded(2)
    return None if rounded is None else float(rounded)


def _columns(text: str) -> int:
    """Terminal columns of ``text``: East Asian wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _report(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    pi = pick_pi(ws, args)
    assert pi.id is not None
    path = ws.objectives.export_pdf(pi.id, args.out, args.paper)
    print(f"Wrote {path}")
    return 0

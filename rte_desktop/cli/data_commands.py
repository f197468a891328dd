"""Commands for the train's data: the demo train, JSON export and import."""

from __future__ import annotations

import argparse
from pathlib import Path

from rte_desktop.cli.common import Groups, add_command, db_target, open_ws


def register(groups: Groups) -> None:
    demo = add_command(groups, "", "demo", _demo, "write the demo train into the database")
    demo.add_argument(
        "--years",
        type=int,
        default=None,
        help="write this many years of history instead (speed work)",
    )
    demo.add_argument("--teams", type=int, default=8, help="number of teams (default 8)")
    add_command(groups, "export", "json", _export_json, "export the whole train as JSON", out=True)
    parser = add_command(
        groups, "import", "json", _import_json, "import a JSON export into a new, empty database"
    )
    parser.add_argument("file", type=Path, help="the JSON file to read")


def _demo(args: argparse.Namespace) -> int:
    ws = open_ws(args, writes=True, creates=True)
    ws.demo.create(years=args.years, teams=args.teams)
    print(f"Demo train written to {ws.url}")
    return 0


def _export_json(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    path = ws.transfer.export_json(args.out)
    print(f"Exported to {path}")
    return 0


def _import_json(args: argparse.Namespace) -> int:
    target = db_target(args)
    new_file = None if "://" in target else Path(target).expanduser()
    if new_file is not None and new_file.exists():
        new_file = None
    ws = open_ws(args, writes=True, creates=True)
    try:
        count = ws.transfer.import_json(args.file).value
    except BaseException:
        ws.close()
        if new_file is not None:  # a refused import into a new file leaves no empty train behind
            for leftover in (new_file, Path(f"{new_file}-wal"), Path(f"{new_file}-shm")):
                leftover.unlink(missing_ok=True)
        raise
    print(f"Imported {count} records from {args.file}")
    return 0

"""Commands for the train's data: the demo train, JSON export and import."""

from __future__ import annotations

import argparse
from pathlib import Path

from rte_desktop.cli.common import Groups, add_command, db_target, open_target_ws, open_ws
from rte_desktop.domain.errors import DomainError


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
    help_text = (
        "copy a whole train between two databases (file to server, server to file), all or "
        "nothing; the target must be empty"
    )
    copy = groups[""].add_parser("copy", help=help_text, description=help_text)
    copy.add_argument(
        "--from",
        dest="source",
        metavar="PATH_OR_URL",
        required=True,
        help="the train to copy: a file or a SQLAlchemy URL",
    )
    copy.add_argument(
        "--to",
        dest="target",
        metavar="PATH_OR_URL",
        required=True,
        help="a new file, or an empty database on a server",
    )
    copy.set_defaults(run=_copy)


def _demo(args: argparse.Namespace) -> int:
    ws = open_ws(args, writes=True, creates=True)
    ws.demo.create(years=args.years, teams=args.teams)
    print(f"Demo train written to {ws.display_name}")
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


def _copy(args: argparse.Namespace) -> int:
    source_file = None if "://" in args.source else Path(args.source).expanduser().resolve()
    if source_file is not None and not source_file.exists():
        raise DomainError(f"{source_file} does not exist; nothing was copied.")
    new_file = None if "://" in args.target else Path(args.target).expanduser().resolve()
    if new_file is not None and (new_file == source_file or new_file.exists()):
        new_file = None  # an existing file is never removed, even when the copy is refused
    source = open_target_ws(args.source)
    try:
        target = open_target_ws(args.target, writes=True)
    except BaseException:
        source.close()
        raise
    try:
        count = target.transfer.copy_from(source.transfer).value
    except BaseException:
        target.close()
        if new_file is not None:  # all or nothing: no empty file left behind either
            for leftover in (new_file, *(Path(f"{new_file}{s}") for s in ("-wal", "-shm"))):
                leftover.unlink(missing_ok=True)
        raise
    finally:
        source.close()
    target.close()
    print(f"Copied {count} records from {source.display_name} to {target.display_name}")
    return 0

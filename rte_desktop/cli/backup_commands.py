"""``rte-desktop backup`` and ``rte-desktop restore``: copies through SQLite's online backup API."""

from __future__ import annotations

import argparse
from pathlib import Path

from rte_desktop.cli.common import (
    Groups,
    add_command,
    db_target,
    existing_db,
    hold_for_writing,
)


def register(groups: Groups) -> None:
    backup = add_command(
        groups,
        "",
        "backup",
        _backup,
        "copy the train file safely (even while the app has it open); "
        "without --out, into the backups folder beside it",
    )
    backup.add_argument("--out", metavar="FILE", type=Path, default=None, help="the copy to write")
    add_command(groups, "", "backups", _list, "list the backups of the train file")
    restore = add_command(
        groups,
        "",
        "restore",
        _restore,
        "replace the train file with a backup (the app must be closed); the current file is "
        "backed up first",
    )
    restore.add_argument("backup", type=Path, help="the backup file to restore")


def _db(args: argparse.Namespace) -> Path:
    return Path(db_target(args))


def _backup(args: argparse.Namespace) -> int:
    from rte_desktop.services.backup.backup import make_backup

    path = make_backup(_db(args), args.out)
    print(f"Backed up to {path}")
    return 0


def _list(args: argparse.Namespace) -> int:
    from rte_desktop.services.backup.backup import list_backups

    backups = list_backups(existing_db(args))
    if not backups:
        print(f"No backups of {_db(args)} yet.")
    for item in backups:
        print(f"{item.taken:%Y-%m-%d %H:%M:%S}  {item.label:<30} {item.path}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from rte_desktop.services.backup.backup import restore_backup

    hold_for_writing(_db(args))
    done = restore_backup(args.backup, _db(args))
    print(f"Restored {done.db} from {done.source}")
    if done.previous is not None:
        what = "was unreadable and was moved to" if done.set_aside else "was backed up to"
        print(f"The file it replaced {what} {done.previous}")
    return 0

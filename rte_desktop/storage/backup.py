"""Copies of a live database made with SQLite's online backup API (never a plain file copy).

The online backup reads through SQLite, so it sees committed data only (including what still sits
in the write-ahead log) and is consistent even while the app writes. Restoring goes the same way
into the destination file, so a leftover ``-wal`` beside it is handled by SQLite, not overwritten
behind its back.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path


def read_only_uri(path: Path) -> str:
    """A ``file:`` URI opening ``path`` read-only (percent-encoded: '#', '?' and '%' are safe)."""
    return Path(path).expanduser().resolve().as_uri() + "?mode=ro"


def backup_file(source: Path, destination: Path) -> Path:
    """Write a consistent copy of ``source`` to ``destination`` and return it.

    The copy is written beside ``destination`` under a temporary name and renamed into place, so
    a crash never leaves half a backup under a backup's name.
    """
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(f".{destination.name}.partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(read_only_uri(source), uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            with dst:
                src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal
        finally:
            dst.close()
        with partial.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, destination)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    return destination


def copy_into(source: Path, destination: Path) -> Path:
    """Replace the contents of the database ``destination`` with ``source``, through SQLite.

    ``destination`` must not be open anywhere else (the caller checks the lock). It may have a
    write-ahead log left by a crash: SQLite applies or discards it itself before the copy.
    """
    src = sqlite3.connect(read_only_uri(source), uri=True)
    try:
        dst = sqlite3.connect(destination)
        try:
            with dst:
                src.backup(dst)
            dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            dst.close()
    finally:
        src.close()
    return destination

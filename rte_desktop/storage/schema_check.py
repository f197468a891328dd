"""Checks that need only the standard library: schema revisions and a read-only file inspection.

Kept free of SQLAlchemy and Alembic so start-up can look at a file before loading them.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from rte_desktop.domain.errors import DatabaseError, UnreadableFileError
from rte_desktop.storage.backup import read_only_uri

SQLITE_MAGIC = b"SQLite format 3\x00"

# Every migration's revision, oldest first. Kept as constants so opening an up-to-date file never
# imports Alembic (start-up time); a test checks them against the migration scripts.
REVISIONS: tuple[str, ...] = ("0001", "0003", "0004", "0005")


def head_revision() -> str:
    """The schema revision this version of the app writes."""
    return REVISIONS[-1]


def known_revisions() -> set[str]:
    return set(REVISIONS)


def file_path_of(target: str) -> Path | None:
    """The file behind a path or a ``sqlite:///`` URL; None for other databases or memory."""
    if "://" not in target:
        return Path(target).expanduser()
    prefix = "sqlite:///"
    if not target.startswith(prefix) or target[len(prefix) :] in ("", ":memory:"):
        return None
    return Path(target[len(prefix) :].split("?", 1)[0])


def refuse_foreign(names: set[str], where: str) -> None:
    """Refuse a database that is not ours (``names``: its tables; call only when it has some)."""
    if "art" not in names:
        raise UnreadableFileError(
            f"{where} is a database of another program (it has no RTE Desktop tables); "
            "it was left untouched."
        )
    if "alembic_version" not in names:
        refuse_unversioned(where)


def refuse_unversioned(where: str) -> None:
    """Our tables without a schema revision: migrating would fail half-way, so touch nothing."""
    raise UnreadableFileError(
        f"{where} has RTE Desktop tables but no schema version (its alembic_version record is "
        "missing), so RTE Desktop cannot tell how to upgrade it; it was left untouched. "
        "Restore a backup of it, or export it as JSON from the RTE Desktop that wrote it."
    )


def inspect_sqlite_file(path: Path) -> str | None:
    """Check a SQLite file before any writing connection touches it.

    Returns:
        The stored schema revision, or None for a missing or empty file (a new train).

    Raises:
        DatabaseError: the file is not an RTE Desktop database, is corrupt or cannot be written.
    """
    if not path.exists() or path.stat().st_size == 0:
        if not os.access(path if path.exists() else path.parent, os.W_OK):
            raise DatabaseError(f"Cannot write to {path}: permission denied.")
        return None
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder, not an RTE Desktop file.")
    with path.open("rb") as handle:
        if handle.read(16) != SQLITE_MAGIC:
            raise UnreadableFileError(f"{path} is not an RTE Desktop file (not a SQLite database).")
    if not os.access(path, os.W_OK):
        raise DatabaseError(
            f"{path} is read-only; copy it somewhere writable or change its permissions."
        )
    # A read-only URI connection: checking must never write (no journal, no WAL switch).
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error as exc:
        raise UnreadableFileError(f"{path} cannot be opened ({exc}).") from exc
    try:
        verdict = conn.execute("PRAGMA quick_check").fetchone()
        if not verdict or verdict[0] != "ok":
            found = str(verdict[0] if verdict else "nothing").replace("\n", " ")[:160]
            raise UnreadableFileError(f"{path} is damaged: the integrity check reports: {found}")
        names = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if not names:
            return None
        refuse_foreign(names, str(path))
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is None or row[0] is None:
            refuse_unversioned(str(path))
        return str(row[0])
    except sqlite3.DatabaseError as exc:
        raise UnreadableFileError(f"{path} is damaged and cannot be read ({exc}).") from exc
    finally:
        conn.close()

"""Open a data file safely: refuse what is not ours, back up, then migrate to the current schema.

Nothing here writes to a file before it has been checked: a foreign, corrupt, newer or
read-only file is refused and left byte-for-byte as it was.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from importlib import resources
from pathlib import Path

from sqlalchemy import Engine, inspect, text

from rte_desktop.domain.errors import DatabaseError, UnreadableFileError
from rte_desktop.storage.backup import backup_file, read_only_uri
from rte_desktop.storage.db import make_engine, sqlite_path, to_url

SQLITE_MAGIC = b"SQLite format 3\x00"


def _alembic_config(connection: object | None = None) -> object:
    from alembic.config import Config

    config = Config()
    location = resources.files("rte_desktop.storage") / "migrations"
    config.set_main_option("script_location", str(location))
    config.attributes["connection"] = connection
    return config


# Every migration's revision, oldest first. Kept as constants so opening an up-to-date file never
# imports Alembic (start-up time); a test checks them against the migration scripts.
REVISIONS: tuple[str, ...] = ("0001",)


def head_revision() -> str:
    """The schema revision this version of the app writes."""
    return REVISIONS[-1]


def known_revisions() -> set[str]:
    return set(REVISIONS)


def script_revisions() -> list[str]:
    """The revisions of the shipped migration scripts, oldest first (asks Alembic)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())  # type: ignore[arg-type]
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def _refuse_foreign(names: set[str], where: str) -> None:
    if "alembic_version" not in names or "art" not in names:
        raise UnreadableFileError(
            f"{where} is a database of another program (it has no RTE Desktop tables); "
            "it was left untouched."
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
        _refuse_foreign(names, str(path))
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(row[0]) if row else None
    except sqlite3.DatabaseError as exc:
        raise UnreadableFileError(f"{path} is damaged and cannot be read ({exc}).") from exc
    finally:
        conn.close()


def _stored_revision(engine: Engine) -> str | None:
    names = set(inspect(engine).get_table_names())
    if not names:
        return None
    _refuse_foreign(names, str(engine.url))
    with engine.connect() as conn:
        value = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one_or_none()
    return None if value is None else str(value)


def open_database(target: str | Path, backup_dir: Path | None = None) -> Engine:
    """Check, back up and migrate the database, then return an engine on it.

    Args:
        target: a file path or a SQLAlchemy URL.
        backup_dir: where the pre-migration copy goes (default: ``backups`` beside the file).

    Raises:
        DatabaseError: the file is not ours, corrupt, read-only or from a newer version.
    """
    url = to_url(target)
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        stored = inspect_sqlite_file(path)
        engine = None
    else:
        engine = make_engine(url)
        stored = _stored_revision(engine)
    head = head_revision()
    if stored is not None and stored not in known_revisions():
        raise DatabaseError(
            f"This file was written by a newer RTE Desktop (schema {stored}); this version "
            f"reads schema {head} and older. Please update RTE Desktop."
        )
    engine = engine or make_engine(url)
    if stored != head:
        if stored is not None and path is not None:
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            folder = backup_dir or path.parent / "backups"
            backup_file(path, folder / f"{path.stem}-before-{head}-{stamp}.sqlite")
        upgrade(engine)
    return engine


def upgrade(engine: Engine) -> None:
    """Apply every pending migration in one transaction."""
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "head")  # type: ignore[arg-type]

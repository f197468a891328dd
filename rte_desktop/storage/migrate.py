"""Open a data file safely: refuse what is not ours, back up, then migrate to the current schema.

Nothing here writes to a file before it has been checked: a foreign, corrupt, newer or
read-only file is refused and left byte-for-byte as it was.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from sqlalchemy import Engine, inspect, text

from rte_desktop.domain.clock import Clock, SystemClock
from rte_desktop.domain.errors import DatabaseError, ReadOnlyError
from rte_desktop.paths import backup_name
from rte_desktop.storage.backup import backup_file
from rte_desktop.storage.db import make_engine, sqlite_path
from rte_desktop.storage.schema_check import (
    head_revision,
    inspect_sqlite_file,
    known_revisions,
    refuse_foreign,
    refuse_unversioned,
)
from rte_desktop.storage.urls import to_url


def _alembic_config(connection: object | None = None) -> object:
    from alembic.config import Config

    config = Config()
    location = resources.files("rte_desktop.storage") / "migrations"
    config.set_main_option("script_location", str(location))
    config.attributes["connection"] = connection
    return config


def script_revisions() -> list[str]:
    """The revisions of the shipped migration scripts, oldest first (asks Alembic)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())  # type: ignore[arg-type]
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def _stored_revision(engine: Engine) -> str | None:
    names = set(inspect(engine).get_table_names())
    if not names:
        return None
    refuse_foreign(names, str(engine.url))
    with engine.connect() as conn:
        value = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one_or_none()
    if value is None:
        refuse_unversioned(str(engine.url))
    return str(value)


def open_database(
    target: str | Path, backup_dir: Path | None = None, clock: Clock | None = None
) -> Engine:
    """Check, back up and migrate the database, then return an engine on it.

    Args:
        target: a file path or a SQLAlchemy URL.
        backup_dir: where the pre-migration copy goes (default: ``backups`` beside the file).
        clock: dates the pre-migration copy's name (default: the system clock).

    Raises:
        DatabaseError: the file is not ours, corrupt, read-only or from a newer version.
    """
    url = to_url(target)
    if sqlite_path(url) is None:
        return _open_server(url)
    return _open(url, backup_dir, clock)


def _open_server(url: str) -> Engine:
    """Open a server database; a server that refuses or cannot be reached is said in words."""
    from sqlalchemy.exc import DBAPIError

    from rte_desktop.storage.db import display_url
    from rte_desktop.storage.unit_of_work import database_refusal

    engine = make_engine(url)
    try:
        return _open(url, None, None, engine)
    except DBAPIError as exc:
        engine.dispose()
        first = str(exc.orig or exc).strip().splitlines()[0][:300]
        advice = ""
        if isinstance(database_refusal(exc, engine), ReadOnlyError):
            advice = (
                " This role may not create or update the train's tables: open it once with a "
                "role that may (see the README's server section)."
            )
        raise DatabaseError(
            f"Cannot open the train at {display_url(url)}: {first}.{advice}"
        ) from exc


def _open(
    url: str, backup_dir: Path | None, clock: Clock | None, engine: Engine | None = None
) -> Engine:
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        stored = inspect_sqlite_file(path)
    else:
        assert engine is not None
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
            local = (clock or SystemClock()).now().astimezone()
            stamp = local.strftime("%Y%m%d-%H%M%S")
            folder = backup_dir or path.parent / "backups"
            backup_file(path, folder / backup_name(path, f"before-{head}", stamp))
        upgrade(engine)
    return engine


def upgrade(engine: Engine) -> None:
    """Apply every pending migration in one transaction."""
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "head")  # type: ignore[arg-type]

"""Engines: a path or a SQLAlchemy URL in, a configured engine out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url

from rte_desktop.storage.urls import is_server_url, to_url

__all__ = [
    "Engine",
    "can_write",
    "display_url",
    "is_server_url",
    "make_engine",
    "sqlite_path",
    "to_url",
]


def display_url(url: str) -> str:
    """A database as a person reads it: the file's path, or the URL with its password hidden."""
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        return parsed.render_as_string(hide_password=True)
    # user@host:port/database, short enough for a status bar (a socket folder as the host)
    host = parsed.host or str(parsed.query.get("host") or "localhost")
    port = parsed.port or parsed.query.get("port") or 5432
    who = f"{parsed.username}@" if parsed.username else ""
    return f"postgresql://{who}{host}:{port}/{parsed.database or ''}"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for another database or an in-memory one."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def can_write(engine: Engine) -> bool:
    """Whether this connection may change the train (a server role may be granted SELECT only).

    On PostgreSQL every table of the train needs INSERT, UPDATE and DELETE; a SQLite file that
    opened is writable (a read-only file is refused before).
    """
    if engine.dialect.name != "postgresql":
        return True
    query = text(
        "SELECT coalesce(bool_and(has_table_privilege(c.oid, 'INSERT') "
        "AND has_table_privilege(c.oid, 'UPDATE') AND has_table_privilege(c.oid, 'DELETE')), "
        "false) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = current_schema() AND c.relkind = 'r' "
        "AND c.relname <> 'alembic_version'"
    )
    with engine.connect() as conn:
        return bool(conn.execute(query).scalar())


READ_ONLY = "rte_read_only"  # execution option: a unit of work that never writes


def make_engine(url: str) -> Engine:
    """Create an engine; SQLite gets foreign keys, WAL and a busy timeout on every connection."""
    if make_url(url).get_backend_name() == "postgresql":
        # pre_ping: a connection the server dropped (restart, network) is replaced instead of
        # failing the next use case; connect_timeout: an unreachable server is said so quickly.
        return create_engine(
            url, future=True, pool_pre_ping=True, connect_args={"connect_timeout": 5}
        )
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        # pysqlite only opens transactions before DML and lets SAVEPOINT/RELEASE commit on
        # their own; SQLAlchemy's documented recipe hands BEGIN to SQLAlchemy instead, so every
        # unit of work (and its savepoints) is one real transaction.
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_begin(connection: Any) -> None:
    # IMMEDIATE: take the write lock at the start. A deferred transaction that read first and
    # then writes fails at once ("database is locked", no busy wait) when another process
    # committed in between; an immediate one waits its turn (busy_timeout). WAL readers are
    # not blocked by it. A unit of work that only reads (READ_ONLY, e.g. a long read on a
    # worker thread) begins deferred: it must not hold the write lock, or every other unit of
    # work of the app would wait for it.
    if connection.get_execution_options().get(READ_ONLY):
        connection.exec_driver_sql("BEGIN DEFERRED")
    else:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # see make_engine: SQLAlchemy emits BEGIN
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()

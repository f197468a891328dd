"""Notice what other clients changed: PostgreSQL LISTEN/NOTIFY, SQLite ``PRAGMA data_version``.

A feed is polled (cheaply, without blocking) by whoever shows the train; it answers with the
payloads other clients announced since the last poll. Announcing happens after a commit, so a
notice always describes data that is there to be read.

- PostgreSQL: every client ``NOTIFY``s one channel with ``"<client id> <areas>"``; a feed
  listens on its own connection and skips its own client's notices. A connection the server
  dropped is noticed (a ping once a second) and reopened; until then ``poll`` raises
  ``ServerUnreachableError``, and the first poll after it says ``*`` (anything may have changed).
- SQLite: another connection's commit changes ``PRAGMA data_version`` on this one; the areas are
  not known, so the payload is ``*``. The client's own commits re-read the version (not news).
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Engine, text

from rte_desktop.domain.errors import ServerUnreachableError

CHANNEL = "rte_desktop_changes"
EVERYTHING = "*"
_PING_EVERY_S = 1.0
_RETRY_EVERY_S = 2.0


class ChangeFeed(Protocol):
    def announce(self, areas: list[str]) -> None: ...

    def poll(self) -> list[str]: ...

    def close(self) -> None: ...


def open_feed(engine: Engine, sqlite_file: Path | None, client: str) -> ChangeFeed:
    """The feed for this database (a file's, or a PostgreSQL server's); others get none.

    Args:
        engine: the client's engine.
        sqlite_file: the file, when the database is one.
        client: this client's id (its own notices are skipped).
    """
    if sqlite_file is not None:
        return SqliteChangeFeed(sqlite_file)
    if engine.dialect.name == "postgresql":
        return PgChangeFeed(engine, client)
    return _NoFeed()


def announce_on_server(engine: Engine, client: str, areas: list[str]) -> None:
    """Tell every listening client (PostgreSQL) what this one just committed; never raises.

    The data is committed already; a server that went away meanwhile is told nothing, and the
    others reload everything when they reconnect anyway.
    """
    if engine.dialect.name != "postgresql":
        return
    try:
        with engine.connect() as conn:
            conn.execute(
                text("SELECT pg_notify(:channel, :payload)"),
                {"channel": CHANNEL, "payload": f"{client} {','.join(sorted(areas))}"},
            )
            conn.commit()
    except Exception:  # noqa: BLE001, S110 - best effort by design (see the docstring)
        pass


class _NoFeed:
    def announce(self, areas: list[str]) -> None:
        return None

    def poll(self) -> list[str]:
        return []

    def close(self) -> None:
        return None


class SqliteChangeFeed:
    """Another process's commit to the file, seen through ``PRAGMA data_version``."""

    def __init__(self, path: Path) -> None:
        # Its own connection: data_version counts the commits of *other* connections.
        self._conn = sqlite3.connect(str(path), check_same_thread=False)
        self._conn.isolation_level = None  # never holds a read transaction open
        self._version = self._data_version()

    def _data_version(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def announce(self, areas: list[str]) -> None:
        """This client committed: its own change is not news."""
        self._version = self._data_version()

    def poll(self) -> list[str]:
        version = self._data_version()
        if version == self._version:
            return []
        self._version = version
        return [EVERYTHING]

    def close(self) -> None:
        self._conn.close()


class PgChangeFeed:
    """LISTEN on the train's channel through a connection of its own (autocommit)."""

    def __init__(self, engine: Engine, client: str) -> None:
        self.client = client
        self._engine = engine
        self._conn: Any = None
        self._last_ping = 0.0
        self._last_try = 0.0
        self._lost = False
        self._connect()

    def _connect(self) -> None:
        import psycopg

        args, kwargs = self._engine.dialect.create_connect_args(self._engine.url)
        kwargs.setdefault("connect_timeout", 5)
        self._last_try = self._last_ping = time.monotonic()
        try:
            conn = psycopg.connect(*args, **kwargs, autocommit=True)
            conn.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error as exc:
            self._lost = True
            raise _unreachable(self._engine) from exc
        self._conn = conn

    def announce(self, areas: list[str]) -> None:
        announce_on_server(self._engine, self.client, areas)

    def poll(self) -> list[str]:
        """Other clients' notices since the last poll (``*`` after a reconnect).

        Raises:
            ServerUnreachableError: the server cannot be reached (tried again every 2 s).
        """
        import psycopg

        now = time.monotonic()
        if self._conn is None:
            if now - self._last_try < _RETRY_EVERY_S:
                raise _unreachable(self._engine)
            self._connect()
            self._lost = False
            return [EVERYTHING]  # notices sent while away are lost: reload everything
        try:
            if now - self._last_ping >= _PING_EVERY_S:
                self._last_ping = now
                self._conn.execute("SELECT 1")
            notices = [n.payload for n in self._conn.notifies(timeout=0)]
        except psycopg.Error as exc:
            self._drop()
            raise _unreachable(self._engine) from exc
        mine = f"{self.client} "
        others = [n for n in notices if not n.startswith(mine)]
        return [n.split(" ", 1)[1] if " " in n else EVERYTHING for n in others]

    def _drop(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):  # it is broken already
                self._conn.close()
        self._conn = None
        self._lost = True
        self._last_try = time.monotonic()

    def close(self) -> None:
        self._drop()


def _unreachable(engine: Engine) -> ServerUnreachableError:
    host = engine.url.host or engine.url.query.get("host") or "the server"
    return ServerUnreachableError(
        f"The database server ({host}) cannot be reached. RTE Desktop keeps showing what it has, "
        "refuses edits until the server is back, and reconnects by itself."
    )

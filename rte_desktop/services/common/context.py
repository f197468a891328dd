"""What every service works with: the database, the clock and whoever listens for changes.

A service gets a ``ServiceContext`` (and its few real collaborators) in its constructor; it never
looks other services up. The composition root (``rte_desktop/workspace.py``) builds both.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from rte_desktop.domain.clock import Clock
from rte_desktop.services.common.changes import Area, Changes
from rte_desktop.storage.change_feed import (
    ChangeFeed,
    announce_on_server,
    new_client_id,
    open_feed,
)
from rte_desktop.storage.db import (
    READ_ONLY,
    Engine,
    can_write,
    display_url,
    is_server_url,
    sqlite_path,
)
from rte_desktop.storage.unit_of_work import UnitOfWork


class ServiceContext:
    """One open database, one clock, and the listeners told about every change."""

    def __init__(self, engine: Engine, clock: Clock, url: str) -> None:
        self.engine = engine
        self.clock = clock
        self.url = url
        self.listeners: list[Callable[[Changes], None]] = []
        self.client_id = new_client_id()

    @property
    def path(self) -> Path | None:
        """The SQLite file, if the database is one."""
        return sqlite_path(self.url)

    @property
    def display_name(self) -> str:
        """The database as a person reads it: the file's path, or the URL without password."""
        return display_url(self.url)

    @property
    def on_server(self) -> bool:
        """True on a database server (several clients at once), False on a file."""
        return is_server_url(self.url)

    @functools.cached_property
    def read_only(self) -> bool:
        """True when the server grants this role no writes: the train is shown, not changed."""
        return not can_write(self.engine)

    def uow(self, snapshot: bool = False, read_only: bool = False) -> UnitOfWork:
        """A new unit of work (one transaction) on the database.

        ``snapshot``: every read in it sees the database as of its first read (a long export
        while other clients write); SQLite's transactions are snapshots already.
        ``read_only``: it only reads, so on SQLite it does not take the write lock (a long read
        on a worker thread must not make the app's other units of work wait).
        """
        options: dict[str, object] = {}
        if snapshot and self.engine.dialect.name == "postgresql":
            options["isolation_level"] = "REPEATABLE READ"
        if read_only:
            options[READ_ONLY] = True
        return UnitOfWork(self.engine.execution_options(**options) if options else self.engine)

    def publish(self, changes: Changes) -> Changes:
        """Tell every listener, then the other clients, what changed (after the commit).

        Returns:
            ``changes``, for the use case's ``Outcome``.
        """
        for listener in list(self.listeners):
            listener(changes)
        areas = [area.value for area in changes.areas]
        if not areas:  # nothing changed: no news for anyone
            return changes
        if "change_feed" in self.__dict__:  # this client watches: its feed announces
            self.change_feed.announce(areas)
        else:  # the command line: tell the apps that watch
            announce_on_server(self.engine, self.client_id, areas)
        return changes

    @functools.cached_property
    def change_feed(self) -> ChangeFeed:
        """Other clients' changes to this database (opened on first use)."""
        return open_feed(self.engine, self.path, self.client_id)

    def poll_changes(self) -> Changes:
        """What other clients changed since the last poll (quick; never blocks for long).

        Raises:
            ServerUnreachableError: the server cannot be reached now (try again later).
        """
        areas: set[Area] = set()
        for payload in self.change_feed.poll():
            try:
                areas.update(Area(name) for name in payload.split(",") if name)
            except ValueError:  # "*" or a newer client's area: reload everything
                return Changes.everything()
            if not payload:
                return Changes.everything()
        return Changes(frozenset(areas))

    def close(self) -> None:
        """Release the database connections."""
        if "change_feed" in self.__dict__:
            self.change_feed.close()
        self.engine.dispose()

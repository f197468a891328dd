"""What every service works with: the database, the clock and whoever listens for changes.

A service gets a ``ServiceContext`` (and its few real collaborators) in its constructor; it never
looks other services up. The composition root (``rte_desktop/workspace.py``) builds both.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from rte_desktop.domain.clock import Clock
from rte_desktop.domain.errors import StillOpeningError
from rte_desktop.services.common.changes import Area, Changes
from rte_desktop.storage.urls import is_server_url

if TYPE_CHECKING:  # imported where used: SQLAlchemy loads after the first panel is painted
    from rte_desktop.storage.change_feed import ChangeFeed
    from rte_desktop.storage.db import Engine
    from rte_desktop.storage.early_reads import EarlyReads
    from rte_desktop.storage.unit_of_work import UnitOfWork


class ServiceContext:
    """One open database, one clock, and the listeners told about every change.

    At start-up a train file may be read first through ``early`` reads (the standard library,
    see ``storage/early_reads.py``) with no engine yet; ``attach`` hands over the engine once the
    full storage layer has loaded. Until then only reads that ``early`` answers work, anything
    else raises ``StillOpeningError``.
    """

    def __init__(
        self, engine: Engine | None, clock: Clock, url: str, early: EarlyReads | None = None
    ) -> None:
        self._engine = engine
        self._early = early
        self.clock = clock
        self.url = url
        self.listeners: list[Callable[[Changes], None]] = []
        self.client_id = uuid.uuid4().hex[:12]  # names this client in its change notices

    @property
    def engine(self) -> Engine:
        """The database engine (raises ``StillOpeningError`` during the early reads)."""
        if self._engine is None:
            raise StillOpeningError()
        return self._engine

    @property
    def opening(self) -> bool:
        """True while the train is shown from its early reads, before ``attach``."""
        return self._engine is None

    def attach(self, opened: ServiceContext) -> bool:
        """Take over ``opened``'s engine (the same database, fully open): the early reads end.

        Services built on this context keep working, on the engine from now on.

        Returns:
            Whether another program changed the file since the early reads began (what was
            shown may be out of date: read everything again).
        """
        self._engine = opened.engine
        if self._early is None:
            return False
        # The feed starts listening before the early reads' last look: a commit in between is
        # seen by one or the other, never by neither.
        self.change_feed  # noqa: B018 - opened for its starting point
        changed = self._early.changed_since_opened()
        self._early.close()
        self._early = None
        return changed

    @functools.cached_property
    def path(self) -> Path | None:
        """The SQLite file, if the database is one."""
        if self._early is not None:
            return self._early.path
        from rte_desktop.storage.db import sqlite_path

        return sqlite_path(self.url)

    @property
    def display_name(self) -> str:
        """The database as a person reads it: the file's path, or the URL without password."""
        if self.path is not None:
            return str(self.path)
        from rte_desktop.storage.db import display_url

        return display_url(self.url)

    @property
    def on_server(self) -> bool:
        """True on a database server (several clients at once), False on a file."""
        return is_server_url(self.url)

    @functools.cached_property
    def read_only(self) -> bool:
        """True when the server grants this role no writes: the train is shown, not changed."""
        if self._engine is None:
            return False  # early reads are of a file, and a file that opened may be written
        from rte_desktop.storage.db import can_write

        return not can_write(self._engine)

    def uow(self, snapshot: bool = False, read_only: bool = False) -> UnitOfWork:
        """A new unit of work (one transaction) on the database.

        ``snapshot``: every read in it sees the database as of its first read (a long export
        while other clients write); SQLite's transactions are snapshots already.
        ``read_only``: it only reads, so on SQLite it does not take the write lock (a long read
        on a worker thread must not make the app's other units of work wait).
        """
        if self._engine is None:
            if self._early is None:
                raise StillOpeningError()
            # reads only, or StillOpeningError: the same calls as a UnitOfWork (see early_reads)
            return cast("UnitOfWork", self._early.unit())
        from rte_desktop.storage.db import READ_ONLY
        from rte_desktop.storage.unit_of_work import UnitOfWork

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
            from rte_desktop.storage.change_feed import announce_on_server

            announce_on_server(self.engine, self.client_id, areas)
        return changes

    @functools.cached_property
    def change_feed(self) -> ChangeFeed:
        """Other clients' changes to this database (opened on first use)."""
        from rte_desktop.storage.change_feed import open_feed

        return open_feed(self.engine, self.path, self.client_id)

    def poll_changes(self) -> Changes:
        """What other clients changed since the last poll (quick; never blocks for long).

        Raises:
            ServerUnreachableError: the server cannot be reached now (try again later).
        """
        if self._engine is None:
            return Changes(frozenset())  # told by ``attach`` instead
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
        if self._early is not None:
            self._early.close()
        if "change_feed" in self.__dict__:
            self.change_feed.close()
        if self._engine is not None:
            self._engine.dispose()

"""What every service works with: the database, the clock and whoever listens for changes.

A service gets a ``ServiceContext`` (and its few real collaborators) in its constructor; it never
looks other services up. The composition root (``rte_desktop/workspace.py``) builds both.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rte_desktop.domain.clock import Clock
from rte_desktop.services.common.changes import Changes
from rte_desktop.storage.db import Engine, sqlite_path
from rte_desktop.storage.unit_of_work import UnitOfWork


class ServiceContext:
    """One open database, one clock, and the listeners told about every change."""

    def __init__(self, engine: Engine, clock: Clock, url: str) -> None:
        self.engine = engine
        self.clock = clock
        self.url = url
        self.listeners: list[Callable[[Changes], None]] = []

    @property
    def path(self) -> Path | None:
        """The SQLite file, if the database is one."""
        return sqlite_path(self.url)

    def uow(self) -> UnitOfWork:
        """A new unit of work (one transaction) on the database."""
        return UnitOfWork(self.engine)

    def publish(self, changes: Changes) -> Changes:
        """Tell every listener what changed, and hand the changes back."""
        for listener in list(self.listeners):
            listener(changes)
        return changes

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

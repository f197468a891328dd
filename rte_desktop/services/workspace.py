"""The open train: one database, one clock, and the services that work on them.

``Workspace`` is built once by the composition root (``app.py`` or the command line) and handed to
whoever needs it; nothing is global. Services publish what they changed to ``listeners`` (the UI's
event bus subscribes) and also return it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from rte_desktop.domain.clock import Clock, SystemClock
from rte_desktop.services.changes import Changes
from rte_desktop.storage.db import Engine, sqlite_path, to_url
from rte_desktop.storage.migrate import open_database
from rte_desktop.storage.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from rte_desktop.services.backup import BackupService
    from rte_desktop.services.cadence import CadenceService
    from rte_desktop.services.calendar import CalendarService
    from rte_desktop.services.demo import DemoService
    from rte_desktop.services.readiness import ReadinessService
    from rte_desktop.services.train import TrainService
    from rte_desktop.services.transfer import TransferService


class Workspace:
    """Everything a use case needs: the engine, the clock and change listeners."""

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
        return UnitOfWork(self.engine)

    def publish(self, changes: Changes) -> Changes:
        for listener in list(self.listeners):
            listener(changes)
        return changes

    def close(self) -> None:
        self.engine.dispose()

    # -- services, built on first use so start-up pays only for what it shows -----------------

    @functools.cached_property
    def train(self) -> TrainService:
        from rte_desktop.services.train import TrainService

        return TrainService(self)

    @functools.cached_property
    def backup(self) -> BackupService:
        from rte_desktop.services.backup import BackupService

        return BackupService(self)

    @functools.cached_property
    def cadence(self) -> CadenceService:
        from rte_desktop.services.cadence import CadenceService

        return CadenceService(self)

    @functools.cached_property
    def calendar(self) -> CalendarService:
        from rte_desktop.services.calendar import CalendarService

        return CalendarService(self)

    @functools.cached_property
    def demo(self) -> DemoService:
        from rte_desktop.services.demo import DemoService

        return DemoService(self)

    @functools.cached_property
    def readiness(self) -> ReadinessService:
        from rte_desktop.services.readiness import ReadinessService

        return ReadinessService(self)

    @functools.cached_property
    def transfer(self) -> TransferService:
        from rte_desktop.services.transfer import TransferService

        return TransferService(self)


def open_workspace(target: str | Path, clock: Clock | None = None) -> Workspace:
    """Open (creating or migrating as needed) the database at a path or URL."""
    url = to_url(target)
    return Workspace(open_database(url), clock or SystemClock(), url)

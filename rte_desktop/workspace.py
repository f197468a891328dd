"""The open train: one database, one clock, and the services that work on them.

``Workspace`` is built once by the composition root (``app.py`` or the command line) and handed to
whoever needs it; nothing is global. It sits above ``services/`` (the lazy wiring of every
service), so no service imports it. Services publish what they changed to ``listeners`` (the UI's
event bus subscribes) and also return it.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from rte_desktop.domain.clock import Clock, SystemClock
from rte_desktop.domain.errors import UnreadableFileError
from rte_desktop.services.common.context import ServiceContext
from rte_desktop.storage.urls import to_url

if TYPE_CHECKING:
    from rte_desktop.services.agenda.agenda import AgendaService
    from rte_desktop.services.agenda.agenda_timer import AgendaTimerService
    from rte_desktop.services.art_sync.art_sync import ArtSyncService
    from rte_desktop.services.backlog.backlog import BacklogService
    from rte_desktop.services.backup.backup import BackupService
    from rte_desktop.services.board.board import BoardService
    from rte_desktop.services.calendar.cadence import CadenceService
    from rte_desktop.services.calendar.calendar import CalendarService
    from rte_desktop.services.demo.demo import DemoService
    from rte_desktop.services.flow.flow import FlowService
    from rte_desktop.services.flow.flow_report import FlowReportService
    from rte_desktop.services.objectives.objectives import ObjectiveService
    from rte_desktop.services.readiness.readiness import ReadinessService
    from rte_desktop.services.risks.risks import RiskService
    from rte_desktop.services.system_demo.system_demo import SystemDemoService
    from rte_desktop.services.train.train import TrainService
    from rte_desktop.services.transfer.transfer import TransferService
    from rte_desktop.services.vote.phone_rounds import PhoneVoteService
    from rte_desktop.services.vote.votes import VoteService
    from rte_desktop.services.workshop.improvements import ImprovementService
    from rte_desktop.services.workshop.inspect_adapt import InspectAdaptService
    from rte_desktop.services.workshop.phone_dots import PhoneDotService
    from rte_desktop.services.workshop.workshop import WorkshopService


class Workspace(ServiceContext):
    """The open train: its ``ServiceContext`` and every service, each built on first use.

    Only the adapters (``ui/``, ``cli/``) and the composition root use this bag; a service gets its
    context and collaborators in its constructor and never sees the others.
    """

    # -- services, built on first use so start-up pays only for what it shows -----------------

    @functools.cached_property
    def agenda(self) -> AgendaService:
        from rte_desktop.services.agenda.agenda import AgendaService

        return AgendaService(self)

    @functools.cached_property
    def agenda_timer(self) -> AgendaTimerService:
        from rte_desktop.services.agenda.agenda_timer import AgendaTimerService

        return AgendaTimerService(self)

    @functools.cached_property
    def train(self) -> TrainService:
        from rte_desktop.services.train.train import TrainService

        return TrainService(self)

    @functools.cached_property
    def art_sync(self) -> ArtSyncService:
        from rte_desktop.services.art_sync.art_sync import ArtSyncService

        return ArtSyncService(self)

    @functools.cached_property
    def backlog(self) -> BacklogService:
        from rte_desktop.services.backlog.backlog import BacklogService

        return BacklogService(self)

    @functools.cached_property
    def system_demo(self) -> SystemDemoService:
        from rte_desktop.services.system_demo.system_demo import SystemDemoService

        return SystemDemoService(self)

    @functools.cached_property
    def backup(self) -> BackupService:
        from rte_desktop.services.backup.backup import BackupService

        return BackupService(self)

    @functools.cached_property
    def board(self) -> BoardService:
        from rte_desktop.services.board.board import BoardService

        return BoardService(self)

    @functools.cached_property
    def cadence(self) -> CadenceService:
        from rte_desktop.services.calendar.cadence import CadenceService

        return CadenceService(self)

    @functools.cached_property
    def calendar(self) -> CalendarService:
        from rte_desktop.services.calendar.calendar import CalendarService

        return CalendarService(self)

    @functools.cached_property
    def demo(self) -> DemoService:
        from rte_desktop.services.demo.demo import DemoService

        return DemoService(self)

    @functools.cached_property
    def flow(self) -> FlowService:
        from rte_desktop.services.flow.flow import FlowService

        return FlowService(self)

    @functools.cached_property
    def flow_report(self) -> FlowReportService:
        from rte_desktop.services.flow.flow_report import FlowReportService

        return FlowReportService(self.flow)

    @functools.cached_property
    def objectives(self) -> ObjectiveService:
        from rte_desktop.services.objectives.objectives import ObjectiveService

        return ObjectiveService(self)

    @functools.cached_property
    def improvements(self) -> ImprovementService:
        from rte_desktop.services.workshop.improvements import ImprovementService

        return ImprovementService(self)

    @functools.cached_property
    def inspect_adapt(self) -> InspectAdaptService:
        from rte_desktop.services.workshop.inspect_adapt import InspectAdaptService

        return InspectAdaptService(self)

    @functools.cached_property
    def risks(self) -> RiskService:
        from rte_desktop.services.risks.risks import RiskService

        return RiskService(self)

    @functools.cached_property
    def readiness(self) -> ReadinessService:
        from rte_desktop.services.readiness.readiness import ReadinessService

        return ReadinessService(self)

    @functools.cached_property
    def transfer(self) -> TransferService:
        from rte_desktop.services.transfer.transfer import TransferService

        return TransferService(self)

    @functools.cached_property
    def votes(self) -> VoteService:
        from rte_desktop.services.vote.votes import VoteService

        return VoteService(self)

    @functools.cached_property
    def phone_votes(self) -> PhoneVoteService:
        from rte_desktop.services.vote.phone_rounds import PhoneVoteService

        return PhoneVoteService(self)

    @functools.cached_property
    def phone_dots(self) -> PhoneDotService:
        from rte_desktop.services.workshop.phone_dots import PhoneDotService

        return PhoneDotService(self)

    @functools.cached_property
    def workshop(self) -> WorkshopService:
        from rte_desktop.services.workshop.workshop import WorkshopService

        return WorkshopService(self)


def open_workspace(target: str | Path, clock: Clock | None = None) -> Workspace:
    """Open (creating or migrating as needed) the database at a path or URL.

    Raises:
        DatabaseError: the file cannot be used; an ``UnreadableFileError`` (corrupt or foreign
            file) names the latest backup of the file when there is one.
    """
    from rte_desktop.storage.db import sqlite_path
    from rte_desktop.storage.migrate import open_database

    url = to_url(target)
    clock = clock or SystemClock()
    try:
        engine = open_database(url, clock=clock)
    except UnreadableFileError as exc:
        path = sqlite_path(url)
        if path is None:
            raise
        from rte_desktop.services.backup.backup import with_backup_advice

        raise with_backup_advice(exc, path) from exc
    return Workspace(engine, clock, url)


def open_early(path: Path, clock: Clock | None = None) -> Workspace | None:
    """The train file at ``path`` shown from standard-library reads while SQLAlchemy loads.

    None when the file needs the full open first (missing, new, older or newer, not a train);
    otherwise the caller hands the fully opened workspace to ``attach`` soon after (start-up).
    """
    from rte_desktop.storage.early_reads import EarlyReads
    from rte_desktop.storage.schema_check import head_revision

    path = Path(path).expanduser().resolve()
    early = EarlyReads.open(path, head_revision())
    if early is None:
        return None
    return Workspace(None, clock or SystemClock(), to_url(path), early=early)

"""Backups of the open train file (SQLite's online backup API, safe while the app writes)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rte_desktop.domain.errors import DomainError
from rte_desktop.storage.backup import backup_file

if TYPE_CHECKING:
    from rte_desktop.services.workspace import Workspace


class BackupService:
    def __init__(self, ws: Workspace) -> None:
        self._ws = ws

    def backup_to(self, destination: Path) -> Path:
        """Write a consistent copy of the train to ``destination``.

        Raises:
            DomainError: the train is not a local file, or the copy would overwrite it.
        """
        source = self._ws.path
        if source is None:
            raise DomainError("Only a local train file can be backed up from here.")
        if Path(destination).resolve() == source.resolve():
            raise DomainError("Choose another file: a backup cannot replace the train itself.")
        return backup_file(source, Path(destination))

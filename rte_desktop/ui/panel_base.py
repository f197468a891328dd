"""What every panel shares: its context, its scope (ART and PI) and refresh on change."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from rte_desktop.services.common.changes import Area, Changes
from rte_desktop.ui.bus import AppEvents
from rte_desktop.ui.settings import UiSettings

if TYPE_CHECKING:
    from rte_desktop.workspace import Workspace


@dataclass
class PanelContext:
    """Handed to every panel by the main window (nothing is global)."""

    ws: Workspace
    bus: AppEvents
    undo: QUndoStack
    settings: UiSettings


class Panel(QWidget):
    """A page of the main window. Subclasses set ``areas`` and implement ``refresh``."""

    areas: ClassVar[tuple[Area, ...]] = ()

    def __init__(self, ctx: PanelContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.art_id: int | None = None
        self.pi_id: int | None = None
        self._stale = True

    def set_scope(self, art_id: int | None, pi_id: int | None) -> None:
        """Show another ART or PI."""
        self.art_id, self.pi_id = art_id, pi_id
        self._stale = True
        if self.isVisible():
            self.refresh_now()

    def on_changes(self, changes: Changes) -> None:
        """Refresh if the change touches this panel's areas (later, if hidden)."""
        if changes.touches(*self.areas):
            self._stale = True
            if self.isVisible():
                self.refresh_now()

    def refresh_now(self) -> None:
        self._stale = False
        self.refresh()

    def refresh_if_stale(self) -> None:
        if self._stale:
            self.refresh_now()

    def refresh(self) -> None:
        """Reload what the panel shows from the services."""

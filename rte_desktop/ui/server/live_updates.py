"""Other clients' changes reach the open panels, and a lost server is said, not hidden.

A small QTimer polls the workspace's change feed (``ServiceContext.poll_changes``): PostgreSQL
notices or a SQLite file's ``data_version``. What another client changed is emitted on the
app's bus, as the window's own edits are, so the panels that show it refresh. While the server
cannot be reached the window keeps what it shows, edits are refused by the services, and the
feed reconnects by itself; the first poll after that reloads everything.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from rte_desktop.domain.errors import ServerUnreachableError
from rte_desktop.ui.bus import AppEvents
from rte_desktop.workspace import Workspace

log = logging.getLogger(__name__)

POLL_MS = 250  # a change by another client shows within a second, with room to spare


class LiveUpdates(QObject):
    """Polls one workspace's change feed while the window shows it."""

    # "" when the database is reachable, else what the user should know.
    status_changed = Signal(str)

    def __init__(self, ws: Workspace, bus: AppEvents, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self._bus = bus
        self.offline = False
        try:  # listen from now on: a change made before the first tick is not missed
            ws.poll_changes()
        except Exception as exc:  # noqa: BLE001 - said by the first tick instead
            log.warning("live updates not started yet: %s", exc)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def poll(self) -> None:
        """One look at the feed (called by the timer; tests call it directly too)."""
        try:
            changes = self._ws.poll_changes()
        except ServerUnreachableError as exc:
            self._set_offline(str(exc))
            return
        except Exception as exc:  # noqa: BLE001
            # A feed that cannot be read (a closed or vanished file) must not raise in a Qt
            # slot four times a second: say so once, keep the window as it is.
            log.warning("live updates paused: %s", exc)
            self._set_offline(f"Live updates paused: {exc}")
            return
        if self.offline:
            self.offline = False
            self.status_changed.emit("")
        if changes:
            self._bus.data_changed.emit(changes)

    def _set_offline(self, message: str) -> None:
        if not self.offline:
            self.offline = True
            self.status_changed.emit(message)

"""Phones vote: the panel's "Phones" box, the QR code with the join URL, and the server's life.

``PhoneVoting`` starts and stops one ``ConfidenceSession`` (rte_desktop/phones: the web server
on its own threads). A ballot recorded on a server thread reaches the GUI thread as a queued
signal; a short timer gathers a burst of them into one ``data_changed(VOTES)``, so 200 phones
in 10 seconds repaint the panel a few times a second, not 200 times. The server stops when the
round closes, the panel shows another vote or PI, or the app quits.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from rte_desktop.phones.session import ConfidenceSession
from rte_desktop.services.common.changes import Area, Changes
from rte_desktop.ui.bus import AppEvents
from rte_desktop.ui.shortcuts import keys_of
from rte_desktop.ui.widgets.phone_join import (
    JoinState,
    JoinView,
    NetworkCombo,
    Serving,
    join_state,
)

Starter = Callable[..., ConfidenceSession]  # (pi_id, team_id, host, port, *, on_change)

GATHER_MS = 150  # ballots from phones within this long become one refresh


def _tr(text: str) -> str:
    return QCoreApplication.translate("vote", text)


class PhoneBox(QGroupBox):
    """The side column's "Phones" box: which network, start / stop, what is served."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_tr("Phones"), parent)
        self.network = NetworkCombo()
        self.start = QPushButton(_tr("Start phone round"))
        self.start.setToolTip(
            _tr("Phones vote anonymously over the room's network (%s)") % keys_of("vote.phones")
        )
        self.copy = QPushButton(_tr("Copy address"))
        self.copy.setToolTip(_tr("Put the join address on the clipboard (for a chat or an email)"))
        self.copy.setEnabled(False)
        self.status = QLabel(_tr("Off: nothing listens."))
        self.status.setWordWrap(True)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(_tr("&Network"), self.network)
        row = QHBoxLayout()
        row.addWidget(self.start)
        row.addWidget(self.copy)
        form.addRow(row)
        form.addRow(self.status)
        self.join = JoinView()
        form.addRow(self.join)

    def host(self) -> str:
        return self.network.host()

    def set_running(self, running: bool, scope: str = "") -> None:
        self.start.setText(_tr("Stop phones") if running else _tr("Start phone round"))
        self.network.setEnabled(not running)
        self.copy.setEnabled(running)
        self.status.setText(_tr("Off: nothing listens."))
        self.status.setVisible(not running)  # the QR code and address say it while running
        self.setTitle(_tr("Phones: %s") % scope if running else _tr("Phones"))


class PhoneVoting(QObject):
    """One phone round served at a time; ballots from the server become ``data_changed``.

    Args:
        starter: opens and serves a round (``ConfidenceSession.start`` on the workspace).
        bus: where the gathered VOTES change is emitted (as the panel's own edits are).
    """

    _from_server = Signal()  # emitted on a server thread: queued to this object's thread

    def __init__(self, starter: Starter, bus: AppEvents, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._starter = starter
        self._bus = bus
        self._serving: Serving[ConfidenceSession] = Serving()
        self.destroyed.connect(self._serving.stop)  # the panel went (another train opened)
        self._gather = QTimer(self)
        self._gather.setSingleShot(True)
        self._gather.setInterval(GATHER_MS)
        self._gather.timeout.connect(self._announce)
        self._from_server.connect(self._on_ballot)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    @property
    def session(self) -> ConfidenceSession | None:
        return self._serving.session

    @property
    def running(self) -> bool:
        return self.session is not None and self.session.running

    def serves(self, round_id: int | None) -> bool:
        """Whether phones vote in this confidence round now."""
        return self.running and self.session is not None and self.session.vote.round.id == round_id

    def start(self, pi_id: int, team_id: int | None, host: str) -> ConfidenceSession:
        """Open (or take) the scope's phone round and serve it on ``host`` (a free port).

        Raises:
            DomainError: no such scope.
            OSError: the address cannot be listened on.
        """
        self.stop()
        session = self._starter(pi_id, team_id, host, 0, on_change=self._on_change)
        self._serving.session = session
        self._bus.data_changed.emit(Changes.of(Area.VOTES))
        return session

    def stop(self) -> None:
        """Stop serving (the round stays as it is); the port is closed when this returns."""
        self._serving.stop()

    def join(self) -> JoinState | None:
        """What the QR box shows now (None while nothing is served)."""
        if self.session is None or not self.running:
            return None
        return join_state(self.session.url, self.session.count())

    def _on_change(self, _changes: Changes) -> None:  # a server thread
        with contextlib.suppress(RuntimeError):  # the panel went meanwhile: nobody to tell
            self._from_server.emit()

    def _on_ballot(self) -> None:
        if not self._gather.isActive():
            self._gather.start()

    def _announce(self) -> None:
        self._bus.data_changed.emit(Changes.of(Area.VOTES))

"""Phones place dots: the Vote & Pareto step's phone controls and the dot-voting server's life.

``PhoneDots`` starts and closes one ``DotSession`` (rte_desktop/phones: the web server on its own
threads). Dots recorded on a server thread reach the GUI thread as a queued signal; a short timer
gathers a burst of them into one read (``DotSession.tally``: open or not, the devices, the phones'
dots) done on a reader thread, so the GUI thread never waits on the database while the server
writes; the tally comes back as ``arrived``, on which the panel updates only what the dots change
(the "Phones" cells, the budget, the device count and the chart, in place; the fishbone when it
is shown). The chart fills live a few times a second however many phones save at once, the
facilitator's screen keeps its tick and the RTE's typing is not disturbed. A tally read before
the panel reloaded everything (``forget_reads``) is dropped. The
server stops when the RTE closes the phone voting, the round is closed elsewhere, the panel
shows another workshop or PI, or the app quits.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from rte_desktop.phones.dots import DotSession
from rte_desktop.services.common.changes import Area, Changes
from rte_desktop.services.common.phone_devices import DeviceCount
from rte_desktop.services.workshop.phone_dots import DotTally
from rte_desktop.ui.bus import AppEvents
from rte_desktop.ui.shortcuts import keys_of
from rte_desktop.ui.widgets.phone_join import JoinState, NetworkCombo, Serving

DotStarter = Callable[..., DotSession]  # (workshop_id, host, port, *, on_change)

GATHER_MS = 300  # dots from phones within this long become one read and one refresh


def _tr(text: str) -> str:
    return QCoreApplication.translate("workshop", text)


def dots_join_state(url: str, count: DeviceCount) -> JoinState:
    """The join box's texts: "12 of 30 devices voted" (or "12 devices voted" without a count)."""
    if count.eligible <= 0:
        noun = _tr("device voted") if count.devices == 1 else _tr("devices voted")
        return JoinState(url, f"{count.devices} {noun}")
    warning = ""
    if count.over:
        warning = _tr("More devices (%d) than participants (%d)") % (
            count.devices,
            count.eligible,
        )
    return JoinState(url, _tr("%d of %d devices voted") % (count.devices, count.eligible), warning)


class PhoneDotsBar(QWidget):
    """Under the chart: which network, start / close, and whether anything listens."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.network = NetworkCombo()
        self.network.setMinimumContentsLength(18)
        self.start = QPushButton(_tr("Start phone voting"))
        self.start.setToolTip(
            _tr("Phones place their dots anonymously over the room's network (%s)")
            % keys_of("workshop.phones")
        )
        self.status = QLabel()
        self.network_label = QLabel(_tr("Phones &on"))
        self.network_label.setBuddy(self.network)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.network_label)
        layout.addWidget(self.network, 1)
        layout.addWidget(self.start)
        layout.addWidget(self.status)

    def host(self) -> str:
        return self.network.host()

    def set_running(self, running: bool) -> None:
        self.start.setText(_tr("Close phone voting") if running else _tr("Start phone voting"))
        for widget in (self.network_label, self.network, self.status):  # the QR box says it
            widget.setVisible(not running)
        self.status.setText(_tr("Off: nothing listens."))


class PhoneDots(QObject):
    """One workshop's dot voting served at a time; dots from phones become ``arrived``.

    Args:
        starter: opens and serves a workshop's round (``DotSession.start`` on the workspace).
        bus: where the gathered WORKSHOP change is emitted (as the panel's own edits are).
    """

    _from_server = Signal()  # emitted on a server thread: queued to this object's thread
    _read_done = Signal(object, int)  # (DotTally or None, reads forgotten): the reader thread
    arrived = Signal(object)  # phones saved dots: a DotTally read off this thread (None: failed)

    def __init__(self, starter: DotStarter, bus: AppEvents, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._starter = starter
        self._bus = bus
        self._serving: Serving[DotSession] = Serving()
        self.destroyed.connect(self._serving.stop)  # the panel went (another train opened)
        self._gather = QTimer(self)
        self._gather.setSingleShot(True)
        self._gather.setInterval(GATHER_MS)
        self._gather.timeout.connect(self._announce)
        self._from_server.connect(self._on_dots)
        self._reader: ThreadPoolExecutor | None = None  # one read at a time, off the GUI thread
        self._reading = False
        self._again = False  # more dots came during the read
        self._forgotten = 0  # reads started before this many ``forget_reads`` are dropped
        self._read_done.connect(self._on_read)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    @property
    def session(self) -> DotSession | None:
        return self._serving.session

    @property
    def running(self) -> bool:
        return self.session is not None and self.session.running

    def serves(self, workshop_id: int | None) -> bool:
        """Whether phones place dots in this workshop now."""
        return self.running and self.session is not None and self.session.workshop_id == workshop_id

    def start(self, workshop_id: int, host: str) -> DotSession:
        """Open (or take again) the workshop's phone round and serve it on ``host`` (a free port).

        Raises:
            DomainError: no such workshop.
            OSError: the address cannot be listened on.
        """
        self.stop()
        session = self._starter(workshop_id, host, 0, on_change=self._on_change)
        self._serving.session = session
        self._bus.data_changed.emit(Changes.of(Area.WORKSHOP))
        return session

    def stop(self) -> None:
        """Stop serving (the round stays open); the port is closed when this returns."""
        self._serving.stop()

    def close(self) -> None:
        """Close the phone voting: the server stops, the dots placed stay on the causes."""
        session = self.session
        if session is None:
            return
        self._serving.session = None
        session.close()
        self._bus.data_changed.emit(Changes.of(Area.WORKSHOP))

    def join(self, count: DeviceCount | None = None) -> JoinState | None:
        """What the join box shows now (None while nothing is served); ``count``: just read."""
        if self.session is None or not self.running:
            return None
        return dots_join_state(
            self.session.url, count if count is not None else self.session.count()
        )

    def _on_change(self, _changes: Changes) -> None:  # a server thread
        with contextlib.suppress(RuntimeError):  # the panel went meanwhile: nobody to tell
            self._from_server.emit()

    def _on_dots(self) -> None:
        if not self._gather.isActive():
            self._gather.start()

    def forget_reads(self) -> None:
        """The panel read everything again: a tally being read is older, so it is dropped."""
        self._forgotten += 1

    def _announce(self) -> None:
        """A burst of dots gathered: read them on the reader thread (the GUI keeps its tick)."""
        session = self.session
        if session is None:
            return
        if self._reading:
            self._again = True
            return
        self._reading = True
        if self._reader is None:
            self._reader = ThreadPoolExecutor(1, thread_name_prefix="phone-dots")
        self._reader.submit(self._read, session, self._forgotten)

    def _read(self, session: DotSession, forgotten: int) -> None:  # the reader thread
        try:
            tally: DotTally | None = session.tally()
        except Exception:  # the database said no: the panel reads on the GUI thread instead
            tally = None
        with contextlib.suppress(RuntimeError):  # the panel went meanwhile: nobody to tell
            self._read_done.emit(tally, forgotten)

    def _on_read(self, tally: DotTally | None, forgotten: int) -> None:
        self._reading = False
        if self._again:  # dots came during the read: read again (they are in no tally yet)
            self._again = False
            self._announce()
        if forgotten == self._forgotten:
            self.arrived.emit(tally)

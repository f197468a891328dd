"""Phones vote: the panel's "Phones" box, the QR code with the join URL, and the server's life.

``PhoneVoting`` starts and stops one ``ConfidenceSession`` (rte_desktop/phones: the web server
on its own threads). A ballot recorded on a server thread reaches the GUI thread as a queued
signal; a short timer gathers a burst of them into one ``data_changed(VOTES)``, so 200 phones
in 10 seconds repaint the panel a few times a second, not 200 times. The server stops when the
round closes, the panel shows another vote or PI, or the app quits.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFocusEvent, QFont, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from rte_desktop.phones.network import LOOPBACK, default_route_address
from rte_desktop.phones.session import ConfidenceSession
from rte_desktop.services.common.changes import Area, Changes
from rte_desktop.services.vote.phone_rounds import DeviceCount
from rte_desktop.ui.bus import AppEvents
from rte_desktop.ui.shortcuts import keys_of

Starter = Callable[..., ConfidenceSession]  # (pi_id, team_id, host, port, *, on_change)

GATHER_MS = 150  # ballots from phones within this long become one refresh


def _tr(text: str) -> str:
    return QCoreApplication.translate("vote", text)


@dataclass(frozen=True)
class JoinState:
    """What the QR box shows: the URL and how many devices voted."""

    url: str
    count: str  # "37 of 42 devices voted"
    warning: str = ""  # more devices than eligible voters


def join_state(url: str, count: DeviceCount) -> JoinState:
    warning = ""
    if count.over:
        warning = _tr("More devices (%d) than eligible voters (%d)") % (
            count.devices,
            count.eligible,
        )
    return JoinState(url, _tr("%d of %d devices voted") % (count.devices, count.eligible), warning)


def qr_image(url: str) -> QImage:
    """The QR code of ``url``, one pixel per module with a 4-module quiet zone (segno, PNG)."""
    import segno

    out = io.BytesIO()
    segno.make(url, error="m", micro=False).save(out, kind="png", scale=1, border=4)
    image = QImage()
    image.loadFromData(out.getvalue(), "PNG")
    return image


def interfaces() -> list[tuple[str, str]]:
    """(label, address) to listen on: the default route's first, this computer only last."""
    from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface

    default = default_route_address()
    found: list[tuple[str, str]] = []
    if default != LOOPBACK:
        found.append((_tr("Room network (%s)") % default, default))
    for iface in QNetworkInterface.allInterfaces():
        flags = iface.flags()
        if not flags & QNetworkInterface.InterfaceFlag.IsUp:
            continue
        if flags & QNetworkInterface.InterfaceFlag.IsLoopBack:
            continue
        for entry in iface.addressEntries():
            ip = entry.ip()
            if ip.protocol() != QAbstractSocket.NetworkLayerProtocol.IPv4Protocol:
                continue
            address = ip.toString()
            if address != default:
                found.append((f"{iface.humanReadableName()} ({address})", address))
    found.append((_tr("This computer only (%s)") % LOOPBACK, LOOPBACK))
    return found


class QrView(QWidget):
    """The QR code, as big as it fits, square, crisp (scaled without smoothing), on white."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image: QImage | None = None
        self.setMinimumSize(100, 100)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(_tr("QR code of the vote's address"))

    def set_url(self, url: str | None) -> None:
        self._image = qr_image(url) if url else None
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        if self._image is None:
            return
        side = min(self.width(), self.height())
        target = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        painter = QPainter(self)
        painter.fillRect(target, QColor("white"))  # the quiet zone stays light in dark mode
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.drawImage(target, self._image)
        painter.end()


class JoinView(QWidget):
    """QR code, URL in large type and the device count: the panel's and the projector's."""

    def __init__(self, large: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.qr = QrView()
        self.url = QLabel()
        self.url.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.url.setWordWrap(True)
        self.url.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.count = QLabel()
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.warning = QLabel()
        self.warning.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #c0392b; font-weight: bold;")
        hint = QLabel(_tr("Scan to vote, or type the address:"))
        hint.setWordWrap(True)
        grow = 1.6 if large else 1.0
        for label, size in (
            (hint, 1.0 if large else 0.9),
            (self.url, 1.5 if large else 1.0),
            (self.count, 1.2 if large else 1.0),
            (self.warning, 1.0 if large else 0.9),
        ):
            font = QFont(label.font())
            font.setPointSizeF(font.pointSizeF() * size * grow)
            font.setBold(label is self.url)
            label.setFont(font)
        texts = QVBoxLayout()
        texts.setContentsMargins(0, 0, 0, 0)
        for label in (hint, self.url, self.count, self.warning):
            texts.addWidget(label)
        if large:  # the projector: a big code above big type
            hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout: QVBoxLayout | QHBoxLayout = QVBoxLayout(self)
            layout.addWidget(self.qr, 1)
            layout.addLayout(texts)
        else:  # the panel's Phones box: a small code beside the text (the wall shows it big)
            for label in (self.url, self.count, self.warning):
                label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            self.qr.setFixedSize(116, 116)
            hint.setVisible(False)
            texts.addStretch(1)
            layout = QHBoxLayout(self)
            layout.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
            layout.addLayout(texts, 1)
        layout.setContentsMargins(2, 2, 2, 2)
        self.setVisible(False)

    def set_state(self, state: JoinState | None) -> None:
        if state is None:
            self.setVisible(False)
            self.qr.set_url(None)
            return
        if self.url.text() != state.url:
            self.qr.set_url(state.url)
            self.url.setText(state.url)
        self.count.setText(state.count)
        self.warning.setText(state.warning)
        self.warning.setVisible(bool(state.warning))
        self.setVisible(True)


DEFAULT_ROUTE = "default"  # the combo's first choice: found when the round starts


class NetworkCombo(QComboBox):
    """The networks to listen on, looked up only when the RTE opens the list.

    Looking up the default route opens a socket (it sends nothing); the app opens none until
    the RTE asks for phones (tests/safety/test_offline.py).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem(_tr("Room network (default route)"), DEFAULT_ROUTE)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setToolTip(_tr("The network the phones are on (the room's Wi-Fi)"))
        self._filled = False

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt override)
        if not self._filled:
            self.fill()
        super().focusInEvent(event)

    def showPopup(self) -> None:  # noqa: N802 (Qt override)
        if not self._filled:
            self.fill()
        super().showPopup()

    def fill(self) -> None:
        """List the default route's network, every other IPv4 one, and this computer only."""
        self._filled = True
        chosen = self.currentData()
        self.clear()
        for label, address in interfaces():
            self.addItem(label, address)
        index = self.findData(chosen) if chosen != DEFAULT_ROUTE else 0
        self.setCurrentIndex(max(0, index))

    def host(self) -> str:
        """The chosen address (the default route's is looked up now)."""
        data = str(self.currentData() or DEFAULT_ROUTE)
        return default_route_address() if data == DEFAULT_ROUTE else data


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


class _Serving:
    """The session being served, stoppable after its QObject is gone (plain Python)."""

    def __init__(self) -> None:
        self.session: ConfidenceSession | None = None

    def stop(self, *_args: object) -> None:
        session, self.session = self.session, None
        if session is not None:
            session.stop()


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
        self._serving = _Serving()
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
        self._from_server.emit()

    def _on_ballot(self) -> None:
        if not self._gather.isActive():
            self._gather.start()

    def _announce(self) -> None:
        self._bus.data_changed.emit(Changes.of(Area.VOTES))

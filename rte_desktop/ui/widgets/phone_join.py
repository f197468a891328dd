"""The join box every phone round shows (QR code, URL, device count), and the network combo.

Shared by the Confidence Vote panel (ui/vote/phones.py) and the I&A Workshop panel's dot voting
(ui/workshop/phone_dots.py). The QR code is drawn by segno (PNG -> QImage), painted crisp on
white. The network combo looks up the interfaces only when the RTE opens it, so nothing opens a
socket before the RTE asks for phones.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFocusEvent, QFont, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from rte_desktop.phones.network import LOOPBACK, default_route_address
from rte_desktop.services.common.phone_devices import DeviceCount


class Stoppable(Protocol):
    """A served phone round: stopping it closes its port."""

    def stop(self) -> None: ...


SessionT = TypeVar("SessionT", bound=Stoppable)


class Serving(Generic[SessionT]):
    """The session being served, stoppable after its QObject is gone (plain Python).

    ``destroyed`` can be connected to ``stop``: the signal still reaches a plain object, so the
    port closes when the panel goes even though its Python wrapper is half torn down.
    """

    def __init__(self) -> None:
        self.session: SessionT | None = None

    def stop(self, *_args: object) -> None:
        """Stop the session being served, if any (any signal arguments are ignored)."""
        session, self.session = self.session, None
        if session is not None:
            session.stop()


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

"""File > Connect to server...: host, port, database, user, TLS mode and (maybe) a password.

The address is remembered in the settings; the password never is: it goes to the system
keyring when the person asks and one exists, else libpq's ``.pgpass``/service file applies, or
it is typed each time.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from rte_desktop.domain.errors import DomainError
from rte_desktop.domain.server_address import SSL_MODES, ServerAddress
from rte_desktop.ui.server import passwords

_FIELDS = ("host", "port", "database", "user", "sslmode")


def last_address(settings: QSettings) -> ServerAddress:
    """The address used last time (no password is ever stored here)."""
    settings.beginGroup("server")
    try:
        return ServerAddress(
            host=str(settings.value("host", "localhost")),
            port=int(str(settings.value("port", 5432))),
            database=str(settings.value("database", "rte")),
            user=str(settings.value("user", "")),
            sslmode=str(settings.value("sslmode", "prefer")),
        )
    finally:
        settings.endGroup()


def save_address(settings: QSettings, address: ServerAddress) -> None:
    settings.beginGroup("server")
    for name in _FIELDS:
        settings.setValue(name, getattr(address, name))
    settings.endGroup()


class ConnectDialog(QDialog):
    """Asks where the train is; ``url()`` gives the database URL once accepted."""

    def __init__(self, address: ServerAddress, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to server"))
        self.setMinimumWidth(480)
        self.host = QLineEdit(address.host)
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(address.port)
        self.database = QLineEdit(address.database)
        self.user = QLineEdit(address.user)
        self.sslmode = QComboBox()
        self.sslmode.addItems(list(SSL_MODES))
        self.sslmode.setCurrentText(address.sslmode)
        self.password = QLineEdit(passwords.remembered(address.key) or "")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("empty: use ~/.pgpass or a service file"))
        self.keep = QCheckBox(self.tr("Remember the password in the system &keyring"))
        self.keep.setEnabled(passwords.keyring_available())
        if not self.keep.isEnabled():
            self.keep.setToolTip(self.tr("No system keyring: the password is not kept."))
        self.error = QLabel()
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("&Host:"), self.host)
        form.addRow(self.tr("&Port:"), self.port)
        form.addRow(self.tr("&Database:"), self.database)
        form.addRow(self.tr("&User:"), self.user)
        form.addRow(self.tr("&TLS (sslmode):"), self.sslmode)
        form.addRow(self.tr("Pass&word:"), self.password)
        form.addRow(self.keep)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Connect"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._address: ServerAddress | None = None

    def address(self) -> ServerAddress:
        return ServerAddress(
            host=self.host.text(),
            port=self.port.value(),
            database=self.database.text(),
            user=self.user.text(),
            sslmode=self.sslmode.currentText(),
        )

    def accept(self) -> None:
        try:
            self._address = self.address().checked()
        except DomainError as exc:
            self.error.setText(str(exc))
            return
        if self.keep.isChecked():
            passwords.remember(self._address.key, self.password.text())
        super().accept()

    def checked_address(self) -> ServerAddress | None:
        """The accepted address (None until accepted)."""
        return self._address

    def url(self) -> str | None:
        """The URL to open, with the typed password (kept in memory only)."""
        if self._address is None:
            return None
        return self._address.url(self.password.text() or None)

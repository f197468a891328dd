"""UI state in an injected QSettings (window geometry, last panel, theme), one type per key.

Domain configuration (teams, cadence, thresholds) lives in the database, never here.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

SETTINGS_VERSION = 1


class UiSettings:
    def __init__(self, settings: QSettings) -> None:
        self._s = settings
        if int(str(self._s.value("settings_version", 0))) < SETTINGS_VERSION:
            self._s.setValue("settings_version", SETTINGS_VERSION)

    @property
    def qsettings(self) -> QSettings:
        """The settings store itself (the server dialog keeps its address there)."""
        return self._s

    @property
    def theme(self) -> str:
        value = str(self._s.value("view/theme", "system"))
        return value if value in ("system", "light", "dark") else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self._s.setValue("view/theme", value)

    @property
    def last_panel(self) -> str:
        return str(self._s.value("window/last_panel", "calendar"))

    @last_panel.setter
    def last_panel(self, value: str) -> None:
        self._s.setValue("window/last_panel", value)

    @property
    def geometry(self) -> QByteArray | None:
        value = self._s.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._s.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        value = self._s.value("window/state")
        return value if isinstance(value, QByteArray) else None

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._s.setValue("window/state", value)

    def value(self, key: str, default: str = "") -> str:
        """A free-form UI value for a panel (splitter sizes, last tab)."""
        return str(self._s.value(key, default))

    def set_value(self, key: str, value: str) -> None:
        self._s.setValue(key, value)

    def sync(self) -> None:
        self._s.sync()

"""UI state in an injected QSettings, every key declared once here with one type and one default.

Window geometry, last panel, theme and each panel's remembered choices live here. A panel reads
and writes them through ``UiSettings.get``/``put`` with one of the ``Setting`` constants below,
never with a key string of its own, so two modules cannot disagree about a key's name or type.
Domain configuration (teams, cadence, thresholds) lives in the database, never here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

SETTINGS_VERSION = 1

T = TypeVar("T")


def _text(raw: object) -> str:
    return str(raw)


def _flag(raw: object) -> bool:
    # INI files give back "true"/"false" strings; native backends may give a bool.
    return raw is True or str(raw).casefold() == "true"


def _whole(raw: object) -> int:
    return int(str(raw).strip())


def _optional_id(raw: object) -> int | None:
    text = str(raw).strip()
    return int(text) if text.isdigit() else None


def _bytes(raw: object) -> QByteArray | None:
    return raw if isinstance(raw, QByteArray) else None


def _same(value: object) -> object:
    return value


def _id_text(value: int | None) -> str:
    return "" if value is None else str(value)


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One QSettings key: its name (``{placeholders}`` filled per use), type and default.

    ``parse`` turns what QSettings gives back into ``T`` (a value it cannot read gives the
    default); ``dump`` turns ``T`` into what is stored.
    """

    name: str
    default: T
    parse: Callable[[object], T]
    dump: Callable[[T], object] = _same
    choices: tuple[T, ...] = ()

    def key(self, **where: object) -> str:
        return self.name.format(**where)


VERSION: Setting[int] = Setting("settings_version", 0, _whole)
THEME: Setting[str] = Setting("view/theme", "system", _text, choices=("system", "light", "dark"))
LAST_PANEL: Setting[str] = Setting("window/last_panel", "calendar", _text)
GEOMETRY: Setting[QByteArray | None] = Setting("window/geometry", None, _bytes)
WINDOW_STATE: Setting[QByteArray | None] = Setting("window/state", None, _bytes)
AGENDA_MUTED: Setting[bool] = Setting("agenda/muted", False, _flag, lambda on: str(on).lower())
AGENDA_WRAP_UP_MIN: Setting[int] = Setting("agenda/wrap_up_min", 2, _whole, str)
# The agenda the Agenda panel shows for a PI (the ART Sync timer chooses it too).
AGENDA_CHOSEN: Setting[int | None] = Setting("agenda/chosen/{pi_id}", None, _optional_id, _id_text)
AGENDA_PRESENTER_SCREEN: Setting[str] = Setting("agenda/presenter_screen", "", _text)
# The vote's scope: a team id, "art" or "" (the first team).
VOTE_SCOPE: Setting[str] = Setting("vote/scope", "", _text)
OBJECTIVES_PAPER: Setting[str] = Setting("objectives/paper", "a4", _text)
WORKSHOP_STEP: Setting[int] = Setting("workshop/step", 0, _whole, str)
WORKSHOP_CURRENT: Setting[int | None] = Setting(
    "workshop/current/{pi_id}", None, _optional_id, _id_text
)
CALENDAR_MODE: Setting[str] = Setting(
    "calendar/mode", "timeline", _text, choices=("timeline", "month")
)
# The cadence generator's last rules for an ART, as JSON text (read back by calendar/actions).
CALENDAR_RULES: Setting[str] = Setting("calendar/rules/art{art_id}", "{}", _text)

ALL: tuple[Setting[Any], ...] = (
    VERSION,
    THEME,
    LAST_PANEL,
    GEOMETRY,
    WINDOW_STATE,
    AGENDA_MUTED,
    AGENDA_WRAP_UP_MIN,
    AGENDA_CHOSEN,
    AGENDA_PRESENTER_SCREEN,
    VOTE_SCOPE,
    OBJECTIVES_PAPER,
    WORKSHOP_STEP,
    WORKSHOP_CURRENT,
    CALENDAR_MODE,
    CALENDAR_RULES,
)


class UiSettings:
    def __init__(self, settings: QSettings) -> None:
        self._s = settings
        if self.get(VERSION) < SETTINGS_VERSION:
            self.put(VERSION, SETTINGS_VERSION)

    def get(self, setting: Setting[T], **where: object) -> T:
        """The stored value of ``setting`` (its default when absent, unreadable or not a choice).

        Args:
            setting: one of this module's ``Setting`` constants.
            **where: the values of the placeholders in its name (``pi_id=3``).
        """
        raw = self._s.value(setting.key(**where))
        if raw is None:
            return setting.default
        try:
            value = setting.parse(raw)
        except ValueError:
            return setting.default
        if setting.choices and value not in setting.choices:
            return setting.default
        return value

    def put(self, setting: Setting[T], value: T, **where: object) -> None:
        """Store ``value`` under ``setting`` (placeholders filled from ``where``)."""
        self._s.setValue(setting.key(**where), setting.dump(value))

    @property
    def qsettings(self) -> QSettings:
        """The settings store itself (the server dialog keeps its address there)."""
        return self._s

    @property
    def theme(self) -> str:
        return self.get(THEME)

    @theme.setter
    def theme(self, value: str) -> None:
        self.put(THEME, value)

    @property
    def last_panel(self) -> str:
        return self.get(LAST_PANEL)

    @last_panel.setter
    def last_panel(self, value: str) -> None:
        self.put(LAST_PANEL, value)

    @property
    def geometry(self) -> QByteArray | None:
        return self.get(GEOMETRY)

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self.put(GEOMETRY, value)

    @property
    def window_state(self) -> QByteArray | None:
        return self.get(WINDOW_STATE)

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self.put(WINDOW_STATE, value)

    def value(self, key: str, default: str = "") -> str:
        """The stored text of a declared key (for tests and diagnostics; code uses ``get``).

        Raises:
            KeyError: ``key`` matches no declared ``Setting``.
        """
        if not any(_matches(s.name, key) for s in ALL):
            raise KeyError(f"{key!r} is not declared in rte_desktop/ui/settings.py")
        return str(self._s.value(key, default))

    def sync(self) -> None:
        self._s.sync()


def _matches(pattern: str, key: str) -> bool:
    """Whether ``key`` is ``pattern`` with its ``{placeholders}`` filled."""
    parts = re.split(r"\{[^}]*\}", pattern)
    return re.fullmatch("[^/]*".join(map(re.escape, parts)), key) is not None

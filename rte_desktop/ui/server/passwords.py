"""Server passwords: the system keyring when there is one, never the settings file.

Without a keyring (the ``keyring`` package is optional), leave the password empty to let libpq
use ``~/.pgpass`` or a service file, or type it each time.
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger(__name__)

SERVICE = "rte-desktop"


def _keyring() -> Any | None:
    try:
        import keyring
        from keyring.backends.fail import Keyring as NoKeyring
    except ImportError:
        return None
    try:
        if isinstance(keyring.get_keyring(), NoKeyring):
            return None
    except Exception:  # noqa: BLE001 - a broken keyring is no keyring
        return None
    return keyring


def keyring_available() -> bool:
    """True when a system keyring can hold passwords."""
    return _keyring() is not None


def remembered(key: str) -> str | None:
    """The password remembered for ``key`` (``user@host:port/database``), if any."""
    ring = _keyring()
    if ring is None:
        return None
    try:
        value = ring.get_password(SERVICE, key)
    except Exception as exc:  # noqa: BLE001 - a locked keyring: ask instead
        log.warning("keyring: %s", exc)
        return None
    return str(value) if value else None


def remember(key: str, password: str) -> bool:
    """Keep the password in the system keyring; False when there is none (nothing is kept)."""
    ring = _keyring()
    if ring is None or not password:
        return False
    try:
        ring.set_password(SERVICE, key, password)
    except Exception as exc:  # noqa: BLE001
        log.warning("keyring: %s", exc)
        return False
    return True

"""Turn off PySide6's source scan of every module imported after it.

PySide6 replaces ``__import__`` to support ``from __feature__ import snake_case``. For each new
module it calls ``inspect.getsource`` to see whether the text mentions PySide6, and ``linecache``
then keeps every one of those sources for the life of the process. For this app that is the
whole of SQLAlchemy and our own modules, about 380 files: 21 MiB of memory and the time to read
them, spent right after the first paint. RTE Desktop uses no ``__feature__`` option, so every
later module is marked as not using one, which is what the scan would have concluded.
"""

from __future__ import annotations

import sys
from types import ModuleType


def _uses_no_feature(module: ModuleType) -> bool:
    return False


def stop_source_scan() -> bool:
    """Skip the scan for modules imported from now on (call right after importing PySide6).

    Returns:
        True if the scan was found and turned off; False if this PySide6 has none (frozen apps
        and other versions simply keep their behaviour).
    """
    feature = sys.modules.get("PySide6.support.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    # PySide6's own hook; tests/ui/test_source_scan.py fails if it moves or stops mattering.
    feature._mod_uses_pyside = _uses_no_feature  # type: ignore[attr-defined]  # noqa: SLF001
    return True

"""Run something once a window has painted for the first time (start-up, deferred loading)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


def first_paint_then(window: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` once ``window`` has painted for the first time."""

    class _Watcher(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                window.removeEventFilter(self)
                QTimer.singleShot(0, callback)
            return False

    watcher = _Watcher(window)
    window.installEventFilter(watcher)

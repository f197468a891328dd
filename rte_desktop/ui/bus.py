"""The app's event bus: services publish what changed, panels listen."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppEvents(QObject):
    """Signals shared by the main window and the panels (built once by ``app.py``)."""

    data_changed = Signal(object)  # rte_desktop.services.common.changes.Changes
    scope_changed = Signal(object, object)  # art id, PI id (either may be None)
    theme_changed = Signal(str)
    panel_requested = Signal(str)  # a panel asks the window to show another panel, by key

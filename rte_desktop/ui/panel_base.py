"""What every panel shares: its context, its scope (ART and PI) and refresh on change."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QWidget

from rte_desktop.domain.errors import StillOpeningError
from rte_desktop.services.common.changes import Area, Changes
from rte_desktop.ui.bus import AppEvents
from rte_desktop.ui.settings import UiSettings
from rte_desktop.ui.undo import UndoStack

if TYPE_CHECKING:
    from rte_desktop.workspace import Workspace


@dataclass
class PanelContext:
    """Handed to every panel by the main window (nothing is global)."""

    ws: Workspace
    bus: AppEvents
    undo: UndoStack
    settings: UiSettings


class Panel(QWidget):
    """A page of the main window. Subclasses set ``areas`` and implement ``refresh``."""

    areas: ClassVar[tuple[Area, ...]] = ()

    def __init__(self, ctx: PanelContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.art_id: int | None = None
        self.pi_id: int | None = None
        self._stale = True

    def set_scope(self, art_id: int | None, pi_id: int | None) -> None:
        """Show another ART or PI."""
        self.art_id, self.pi_id = art_id, pi_id
        self._stale = True
        if self.isVisible():
            self.refresh_now()

    def on_changes(self, changes: Changes) -> None:
        """Refresh if the change touches this panel's areas (later, if hidden)."""
        if changes.touches(*self.areas):
            self._stale = True
            if self.isVisible():
                self.refresh_now()

    def refresh_now(self) -> None:
        self._stale = False
        try:
            self.refresh()
        except StillOpeningError:  # start-up's early reads cannot answer it: read once open
            self._stale = True

    @property
    def stale(self) -> bool:
        """True until the panel shows what the train holds now (it reads when shown)."""
        return self._stale

    def refresh_if_stale(self) -> None:
        if self._stale:
            self.refresh_now()

    def refresh(self) -> None:
        """Reload what the panel shows from the services."""

    def main_widget(self) -> QWidget | None:
        """The widget that takes the panel's main keys (Space, digits, arrows...).

        Ctrl+1..9 give it the keyboard, so those keys work without a click. None: the panel's
        first focusable widget.
        """
        return None

    def take_focus(self) -> None:
        """Give the keyboard to the main widget; a list or table gets a current row as well."""
        widget = self.main_widget() or first_focusable(self)
        if widget is None:
            return
        if isinstance(widget, QAbstractItemView):
            _ensure_current(widget)
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)


def first_focusable(root: QWidget) -> QWidget | None:
    """The first widget inside ``root``, in Tab order, that can take the keyboard now."""
    widget = root.nextInFocusChain()
    while widget is not None and widget is not root:
        if (
            root.isAncestorOf(widget)
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isVisible()
            and widget.isEnabled()
        ):
            return widget
        widget = widget.nextInFocusChain()
    return None


def _ensure_current(view: QAbstractItemView) -> None:
    """Make the first row current when nothing is, so Space and digits have a target."""
    model: QAbstractItemModel | None = view.model()
    if model is None or view.currentIndex().isValid() or not model.rowCount():
        return
    first = model.index(0, 0)
    view.setCurrentIndex(first)

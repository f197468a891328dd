"""The agenda's presenter: which screen it opens on (remembered), showing and toggling the timer.

The window itself belongs to the main window, which hands it in (``AgendaWall.window``); the
agenda puts its ``AgendaPresenterView`` in it. The chosen screen is kept in the settings under
``AGENDA_PRESENTER_SCREEN``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QComboBox

from rte_desktop.ui.agenda.presenter_view import AgendaPresenterView
from rte_desktop.ui.presenter.window import PresenterWindow
from rte_desktop.ui.settings import AGENDA_PRESENTER_SCREEN, UiSettings


class AgendaWall:
    """The timer on the projector: the screen box, the remembered screen and the window.

    Args:
        screens: the panel's screen box (filled here).
        settings: where the chosen screen is remembered.
        view: what the projector shows while the agenda runs.
        changed: called when the window closes or shows something else (the panel then decides
            whether it still ticks).
    """

    def __init__(
        self,
        screens: QComboBox,
        settings: UiSettings,
        view: AgendaPresenterView,
        changed: Callable[[], None],
    ) -> None:
        self.screens = screens
        self.settings = settings
        self.view = view
        self.changed = changed
        self.window: PresenterWindow | None = None  # handed in by the main window

    def fill_screens(self) -> None:
        """List the connected screens in the box and choose the remembered one.

        Without a remembered screen, the projector is chosen: the first screen that is not the
        primary one.
        """
        combo = self.screens
        combo.clear()
        screens = QGuiApplication.screens()
        for screen in screens:
            size = screen.size()
            label = screen.name() or QCoreApplication.translate("AgendaPanel", "Screen %d") % (
                combo.count() + 1
            )
            combo.addItem(f"{label} ({size.width()}x{size.height()})", screen.name())
        index = combo.findData(self.settings.get(AGENDA_PRESENTER_SCREEN))
        if index < 0:  # the projector: the first screen that is not the primary one
            primary = QGuiApplication.primaryScreen()
            index = next((k for k, s in enumerate(screens) if s is not primary), 0)
        combo.setCurrentIndex(index)

    def screen_chosen(self) -> None:
        """Remember the screen chosen in the box; move a visible presenter there."""
        self.settings.put(AGENDA_PRESENTER_SCREEN, str(self.screens.currentData()))
        window = self.window
        if window is not None and window.isVisible():
            window.show_on(self.chosen_screen(), window.isFullScreen())

    def chosen_screen(self) -> QScreen | None:
        """The screen chosen in the box, if it is still connected."""
        name = self.screens.currentData()
        return next((s for s in QGuiApplication.screens() if s.name() == name), None)

    def showing(self) -> bool:
        """Whether the projector shows the timer now."""
        return self.window is not None and self.window.is_showing(self.view)

    def presenter(self) -> PresenterWindow | None:
        """The presenter window, made to show the timer (None: none was handed in)."""
        window = self.window
        if window is None:
            return None
        if not window.holds(self.view):  # first time: the panel hears when it goes
            window.closed.connect(self.changed)
            window.content_changed.connect(self.changed)
        if window.content() is not self.view:
            window.show_content(self.view)
        return window

    def toggle(self) -> None:
        """F5: show the timer on the chosen screen; again: toggle full screen."""
        window = self.window
        if window is None:
            return
        if window.is_showing(self.view):
            window.toggle_full_screen()
            return
        self.presenter()
        several = len(QGuiApplication.screens()) > 1
        window.show_on(self.chosen_screen(), full_screen=several)

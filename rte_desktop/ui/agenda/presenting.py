"""The agenda's presenter window: which screen it opens on (remembered), showing and toggling it.

The window itself belongs to the main window, which hands it to the panel
(``panel.presenter_window``); the agenda puts its ``AgendaPresenterView`` in it. The chosen
screen is kept in the settings under ``AGENDA_PRESENTER_SCREEN``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication, QScreen

from rte_desktop.ui.settings import AGENDA_PRESENTER_SCREEN

if TYPE_CHECKING:
    from rte_desktop.ui.agenda.panel import AgendaPanel
    from rte_desktop.ui.presenter.window import PresenterWindow


def fill_screens(panel: AgendaPanel) -> None:
    """List the connected screens in the panel's screen box and choose the remembered one.

    Without a remembered screen, the projector is chosen: the first screen that is not the
    primary one.

    Args:
        panel: The agenda panel whose screen box is filled.
    """
    combo = panel.view.screen_combo
    combo.clear()
    screens = QGuiApplication.screens()
    for screen in screens:
        size = screen.size()
        label = screen.name() or panel.tr("Screen %d") % (combo.count() + 1)
        combo.addItem(f"{label} ({size.width()}x{size.height()})", screen.name())
    wanted = panel.ctx.settings.get(AGENDA_PRESENTER_SCREEN)
    index = combo.findData(wanted)
    if index < 0:  # the projector: the first screen that is not the primary one
        primary = QGuiApplication.primaryScreen()
        index = next((k for k, s in enumerate(screens) if s is not primary), 0)
    combo.setCurrentIndex(index)


def screen_chosen(panel: AgendaPanel) -> None:
    """Remember the screen chosen in the panel's box; move a visible presenter there.

    Args:
        panel: The agenda panel whose screen box changed.
    """
    name = str(panel.view.screen_combo.currentData())
    panel.ctx.settings.put(AGENDA_PRESENTER_SCREEN, name)
    window = panel.presenter_window
    if window is not None and window.isVisible():
        window.show_on(chosen_screen(panel), window.isFullScreen())


def chosen_screen(panel: AgendaPanel) -> QScreen | None:
    """The screen chosen in the panel's box, if it is still connected.

    Args:
        panel: The agenda panel.

    Returns:
        The screen, or None when no connected screen has the chosen name.
    """
    name = panel.view.screen_combo.currentData()
    return next((s for s in QGuiApplication.screens() if s.name() == name), None)


def on_screen(panel: AgendaPanel) -> bool:
    """Whether someone can see the panel's timer: on the panel, or on the projector.

    Args:
        panel: The agenda panel (it may be hidden while the presenter window shows its timer).
    """
    window = panel.presenter_window
    return panel.isVisible() or (window is not None and window.is_showing(panel.presenter_view))


def presenter(panel: AgendaPanel) -> PresenterWindow | None:
    """The panel's presenter window, made to show the panel's presenter view.

    Args:
        panel: The agenda panel.

    Returns:
        The presenter window, or None when the main window handed none in.
    """
    window = panel.presenter_window
    if window is None:
        return None
    if not window.holds(panel.presenter_view):  # first time: stop ticking when it goes
        window.closed.connect(panel.presenter_changed)
        window.content_changed.connect(panel.presenter_changed)
    if window.content() is not panel.presenter_view:
        window.show_content(panel.presenter_view)
    return window


def toggle_presenter(panel: AgendaPanel) -> None:
    """F5: show the presenter on the chosen screen; again: toggle full screen.

    Args:
        panel: The agenda panel whose timer is presented.
    """
    window = panel.presenter_window
    if window is None:
        return
    if window.is_showing(panel.presenter_view):
        window.toggle_full_screen()
    else:
        presenter(panel)
        screen = chosen_screen(panel)
        several = len(QGuiApplication.screens()) > 1
        window.show_on(screen, full_screen=several)
    panel.tick()
    panel.update_ticker()

"""The presenter window the RTE drags onto the projector.

It shows one content widget at a time (the agenda timer, the confidence vote...), fills the chosen
screen with F5 and leaves full screen with Esc. Content widgets scale their type from
``PresenterWindow.scale()``, so the same view works from 1280x720 to 4K.
"""

from __future__ import annotations

import contextlib
from typing import Protocol, runtime_checkable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import QStackedLayout, QWidget


class PresenterWindow(QWidget):
    """The projector's window: one per main window, which owns it and hands it to its panels.

    Panels that show on the wall (``OnTheWall``) get it through ``set_presenter``; nothing finds
    it through a class attribute, so it follows the open train: when the main window opens
    another file it clears the old train's views (``clear_content``) and the panel that had
    the wall puts the new train's view in the same window.
    """

    closed = Signal()
    content_changed = Signal()  # another panel took the wall

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("RTE Desktop — presenter"))
        self.resize(1280, 720)
        self._layout = QStackedLayout(self)
        self.setAutoFillBackground(True)

    def is_showing(self, widget: QWidget | None) -> bool:
        """Whether the window is up and shows ``widget`` now (not behind another)."""
        return widget is not None and self.isVisible() and self.content() is widget

    def clear_content(self) -> None:
        """Drop every view shown so far (another train is opening) and the panels' links to it.

        The window stays where it is (full screen too) for the next view; the views, which the
        window owns since they were shown, are deleted.
        """
        for signal in (self.closed, self.content_changed):
            with contextlib.suppress(RuntimeError, TypeError):  # nobody was listening
                signal.disconnect()
        while (widget := self._layout.widget(0)) is not None:
            self._layout.removeWidget(widget)
            widget.hide()
            widget.deleteLater()

    def show_on(self, screen: QScreen | None, full_screen: bool) -> None:
        """Show the window on ``screen`` (None: where it is), full screen or as a window."""
        if screen is not None and self.screen() is not screen:
            if self.isFullScreen():
                self.showNormal()
            self.setScreen(screen)
            geometry = screen.availableGeometry()
            self.move(geometry.topLeft())
            if not full_screen:
                self.resize(min(1280, geometry.width()), min(720, geometry.height()))
        if full_screen:
            self.showFullScreen()
        else:
            self.showNormal()
        self.raise_()

    def show_content(self, widget: QWidget) -> None:
        """Show ``widget`` (it stays owned by this window until replaced)."""
        if not self.holds(widget):
            self._layout.addWidget(widget)
        if self._layout.currentWidget() is not widget:
            self._layout.setCurrentWidget(widget)
            self.content_changed.emit()

    def holds(self, widget: QWidget) -> bool:
        """Whether ``widget`` has been shown here (it may be behind another one now)."""
        return self._layout.indexOf(widget) >= 0

    def content(self) -> QWidget | None:
        return self._layout.currentWidget()

    def scale(self) -> float:
        """Type scale relative to a 720-pixel-high window."""
        return max(0.5, self.height() / 720)

    def move_to_screen(self, screen: QScreen) -> None:
        """Put the window on ``screen`` (e.g. the projector), keeping full screen if set."""
        was_full = self.isFullScreen()
        if was_full:
            self.showNormal()
        self.setScreen(screen)
        self.move(screen.availableGeometry().topLeft())
        if was_full:
            self.showFullScreen()

    @staticmethod
    def screens() -> list[QScreen]:
        return QGuiApplication.screens()

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_F5:
            self.toggle_full_screen()
        elif event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        self.closed.emit()
        super().closeEvent(event)  # type: ignore[arg-type]
        owner = self.parentWidget()
        if owner is not None and owner.isVisible():
            owner.activateWindow()  # Esc in scoring: the keys go back to the main window


@runtime_checkable
class OnTheWall(Protocol):
    """A panel that shows on the presenter window (agenda timer, vote, objectives scoring)."""

    def set_presenter(self, window: PresenterWindow) -> None:
        """Take the main window's presenter window (called once, when the panel is built)."""

    def on_the_wall(self) -> bool:
        """Whether the presenter window shows this panel's view now."""

    def take_the_wall(self) -> None:
        """Show this panel's view on the presenter window (another train was opened)."""

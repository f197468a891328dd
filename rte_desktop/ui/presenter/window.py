"""The presenter window the RTE drags onto the projector.

It shows one content widget at a time (the agenda timer, the confidence vote...), fills the chosen
screen with F5 and leaves full screen with Esc. Content widgets scale their type from
``PresenterWindow.scale()``, so the same view works from 1280x720 to 4K.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import QStackedLayout, QWidget


class PresenterWindow(QWidget):
    closed = Signal()
    content_changed = Signal()  # another panel took the wall
    _shared: PresenterWindow | None = None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("RTE Desktop — presenter"))
        self.resize(1280, 720)
        self._layout = QStackedLayout(self)
        self.setAutoFillBackground(True)

    @classmethod
    def shared(cls) -> PresenterWindow:
        """The one presenter window of the app (there is one projector): built on first use.

        Panels (agenda timer, confidence vote) call ``show_content`` on it to take the wall.
        """
        if cls._shared is None:
            window = cls()
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
            window.destroyed.connect(cls._forget)
            app = QGuiApplication.instance()
            if app is not None:
                app.aboutToQuit.connect(cls.release)
            cls._shared = window
        return cls._shared

    @classmethod
    def is_showing(cls, widget: QWidget | None) -> bool:
        """Whether the presenter window is up and shows ``widget`` now (not behind another)."""
        window = cls._shared
        return (
            widget is not None
            and window is not None
            and window.isVisible()
            and window.content() is widget
        )

    @classmethod
    def _forget(cls, *_args: object) -> None:
        cls._shared = None

    @classmethod
    def release(cls) -> None:
        """Close and drop the shared window (at quit, so nothing outlives the application)."""
        window, cls._shared = cls._shared, None
        if window is not None:
            window.close()
            window.deleteLater()

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

"""Switching the theme while the app runs repaints every part of the window in it."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from rte_desktop.ui.theme import is_dark
from rte_desktop.workspace import Workspace


def _ground(widget) -> int:
    """The lightness of the widget's painted ground, below its last row."""
    image = widget.grab().toImage()
    return image.pixelColor(image.width() // 2, image.height() - 5).lightness()


def test_view_theme_dark_repaints_the_sidebar_too(qtbot, make_window, demo_ws: Workspace) -> None:
    window = make_window(demo_ws)
    palette = QApplication.palette()
    try:
        dark = next(
            a
            for a in window.findChildren(type(window.menuBar().actions()[0]))
            if a.data() == "dark"
        )
        dark.trigger()  # View > Theme > Dark
        assert is_dark(QApplication.palette())
        assert _ground(window.sidebar) < 80, "the sidebar stayed light in the dark theme"
        light = next(a for a in window.findChildren(type(dark)) if a.data() == "light")
        light.trigger()
        assert _ground(window.sidebar) > 180
    finally:
        window.set_theme("system")
        QApplication.setPalette(palette)

"""Light, dark or system colours: Fusion style plus Qt's colour-scheme hint."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

SCHEMES = {
    "system": Qt.ColorScheme.Unknown,
    "light": Qt.ColorScheme.Light,
    "dark": Qt.ColorScheme.Dark,
}

# Status colours chosen to stay distinguishable for colour-blind viewers (Okabe-Ito);
# every use pairs them with a word or a shape.
OK = QColor("#009E73")
WARN = QColor("#E69F00")
BAD = QColor("#D55E00")
INFO = QColor("#0072B2")
# Deeper shades of OK and BAD for white text on them (the presenter's overrun screen, the vote's
# PASS / FAIL badge): 5.0:1 against white, where the bright ones reach only 3.4 and 3.9.
OK_DEEP = QColor("#007F5F")
BAD_DEEP = QColor("#B84F00")


def dark_palette() -> QPalette:
    """A dark Fusion palette for platforms whose theme cannot switch by itself."""
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#202124"),
        (roles.WindowText, "#e8eaed"),
        (roles.Base, "#17181a"),
        (roles.AlternateBase, "#26282b"),
        (roles.ToolTipBase, "#303134"),
        (roles.ToolTipText, "#e8eaed"),
        (roles.Text, "#e8eaed"),
        (roles.Button, "#2d2f33"),
        (roles.ButtonText, "#e8eaed"),
        (roles.BrightText, "#ffffff"),
        (roles.Link, "#8ab4f8"),
        (roles.Highlight, "#3d6fb6"),
        (roles.HighlightedText, "#ffffff"),
        (roles.PlaceholderText, "#9aa0a6"),
        (roles.Mid, "#3c4043"),
        (roles.Dark, "#111214"),
    ):
        palette.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(disabled, role, QColor("#6f7377"))
    return palette


def apply_theme(app: QApplication, choice: str) -> None:
    """Use Fusion everywhere and follow ``choice`` ("system", "light" or "dark").

    Qt's colour-scheme hint is asked first; where the platform cannot honour it (plain X11,
    offscreen), the palette is set directly so "dark" is always dark.
    """
    app.setStyle("Fusion")
    hints = QGuiApplication.styleHints()
    hints.setColorScheme(SCHEMES.get(choice, Qt.ColorScheme.Unknown))
    system_dark = hints.colorScheme() == Qt.ColorScheme.Dark
    if choice == "dark" or (choice == "system" and system_dark):
        app.setPalette(dark_palette())
    else:
        app.setPalette(app.style().standardPalette())


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128

"""Render the app icon's PNG sizes from its SVG (run after editing the SVG; needs only Qt).

QT_QPA_PLATFORM=offscreen python packaging/render_icon.py
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "rte_desktop" / "resources" / "icons"


def render(sizes: tuple[int, ...] = (64, 256)) -> None:
    """Write ``rte-desktop-<size>.png`` beside ``rte-desktop.svg`` for each size."""
    renderer = QSvgRenderer(str(ICONS / "rte-desktop.svg"))
    if not renderer.isValid():
        raise SystemExit("the SVG icon does not parse")
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        image.save(str(ICONS / f"rte-desktop-{size}.png"))


if __name__ == "__main__":
    app = QGuiApplication([])
    render()

"""Render the app icon from its SVG source (run after editing the SVG; needs only Qt).

QT_QPA_PLATFORM=offscreen python packaging/render_icon.py

Writes the window icon PNGs the running app loads (``rte_desktop/resources/icons/``) and the
icon inputs of the Windows and macOS builds (``resources/icons/rte-desktop.ico`` and ``.icns``,
read by ``packaging/rte-desktop.spec``), all from ``resources/icons/rte-desktop.svg``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "resources" / "icons" / "rte-desktop.svg"
RUNTIME_ICONS = ROOT / "rte_desktop" / "resources" / "icons"
BUILD_ICONS = ROOT / "resources" / "icons"


def _image(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def render(sizes: tuple[int, ...] = (64, 256)) -> None:
    """Write the runtime PNGs (one per size) and the 256-pixel .ico and .icns build inputs."""
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"the SVG icon does not parse: {SOURCE}")
    for size in sizes:
        _image(renderer, size).save(str(RUNTIME_ICONS / f"rte-desktop-{size}.png"))
    big = _image(renderer, 256)
    for suffix in ("ico", "icns"):  # Qt's image plugins write both formats
        if not big.save(str(BUILD_ICONS / f"rte-desktop.{suffix}"), suffix):
            raise SystemExit(f"Qt could not write rte-desktop.{suffix}")


if __name__ == "__main__":
    app = QGuiApplication([])
    render()

"""WCAG contrast of every text a widget paints, measured on the painted pixels.

Each text is painted twice, once as the widget paints it and once with that one text left out;
the pixels that differ are the text, the picture without it is what is behind it. For every
background colour under a text, the strongest text pixel over it must reach the ratio (glyph
cores are the full text colour; their anti-aliased edges are blends). A text that paints
nothing at all (the same colour as its ground) has ratio 1.

Texts drawn with ``QPainter.drawText`` are left out by painting through ``SkippingPainter``
(patched over the module's ``QPainter``); QLabel texts are emptied with the label's size held.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from PIL import Image, ImageChops
from PySide6.QtCore import QPoint, QSize
from PySide6.QtGui import QColor, QImage, QPainter, QRegion
from PySide6.QtWidgets import QLabel, QWidget

AA = 4.5  # WCAG 2 level AA, normal text


def luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG relative luminance of an sRGB colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def to_pil(image: QImage) -> Image.Image:
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    return Image.frombytes(
        "RGB",
        (image.width(), image.height()),
        bytes(image.constBits()),
        "raw",
        "RGB",
        image.bytesPerLine(),
    )


@dataclass(frozen=True)
class TextContrast:
    text: str
    ratio: float  # the worst background's best text pixel
    background: tuple[int, int, int] | None
    colour: tuple[int, int, int] | None

    def __str__(self) -> str:
        def hexed(c: tuple[int, int, int] | None) -> str:
            return "none" if c is None else "#" + "".join(f"{v:02x}" for v in c)

        return f"{self.text!r}: {self.ratio:.2f} ({hexed(self.colour)} on {hexed(self.background)})"


def measure(text: str, shown: Image.Image, left_out: Image.Image) -> TextContrast:
    """The contrast of the one text that differs between ``shown`` and ``left_out``."""
    box = ImageChops.difference(shown, left_out).getbbox()
    if box is None:
        return TextContrast(text, 1.0, None, None)  # painted in its background's colour
    with_text = _pixels(shown.crop(box))
    behind = _pixels(left_out.crop(box))
    best: dict[tuple[int, int, int], tuple[float, tuple[int, int, int]]] = {}
    counts: Counter[tuple[int, int, int]] = Counter()
    for ink, ground in zip(with_text, behind, strict=True):
        if ink == ground:
            continue
        counts[ground] += 1
        value = ratio(ink, ground)
        if ground not in best or value > best[ground][0]:
            best[ground] = (value, ink)
    total = sum(counts.values())
    # Grounds under a few pixels only are the edges of other shapes (a bar's rounded end).
    grounds = [g for g, n in counts.items() if n >= max(12, total * 0.03)] or list(counts)
    worst = min(grounds, key=lambda g: best[g][0])
    return TextContrast(text, best[worst][0], worst, best[worst][1])


def _pixels(image: Image.Image) -> list[tuple[int, int, int]]:
    raw = image.tobytes()  # RGB, row after row
    return list(zip(raw[0::3], raw[1::3], raw[2::3], strict=True))


class SkippingPainter(QPainter):
    """A QPainter that counts ``drawText`` calls and leaves out the one numbered ``skip``."""

    calls = 0
    skip: int | None = None
    texts: list[str] = []  # noqa: RUF012 (test bookkeeping, reset per paint)

    def drawText(self, *args: Any) -> Any:  # noqa: N802 (Qt override)
        index = SkippingPainter.calls
        SkippingPainter.calls += 1
        text = next((a for a in args if isinstance(a, str)), "")
        SkippingPainter.texts.append(text)
        if index == SkippingPainter.skip:
            return None
        return super().drawText(*args)


def render(widget: QWidget, region: QRegion | None = None, base: QImage | None = None) -> QImage:
    """Paint ``widget`` (only ``region`` of it, over ``base``, as a partial repaint does)."""
    if base is not None:
        image = base.copy()
    else:
        image = QImage(widget.size(), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor("#ff00ff"))
    widget.render(image, QPoint(0, 0), region if region is not None else QRegion(widget.rect()))
    return image


def painted_texts(
    paint: Callable[[], QImage], before: Callable[[], None] = lambda: None
) -> Iterator[TextContrast]:
    """Measure every text ``paint()`` draws through ``SkippingPainter``, one at a time.

    ``before`` runs before each paint (clear a glyph cache, so every paint draws the same).
    """
    shown = None
    for _ in range(4):  # the first paint of a large font may rasterise differently: settle it
        SkippingPainter.calls, SkippingPainter.skip, SkippingPainter.texts = 0, None, []
        before()
        again = to_pil(paint())
        if shown is not None and ImageChops.difference(shown, again).getbbox() is None:
            break
        shown = again
    else:
        raise AssertionError("the widget paints differently each time")
    texts = list(SkippingPainter.texts)
    for index, text in enumerate(texts):
        if not text.strip():
            continue
        SkippingPainter.calls, SkippingPainter.skip, SkippingPainter.texts = 0, index, []
        before()
        left_out = to_pil(paint())
        yield measure(text, shown, left_out)
    SkippingPainter.skip = None


def label_texts(top: QWidget) -> Iterator[TextContrast]:
    """Measure every visible QLabel text inside ``top`` on ``top``'s painted picture."""
    top.grab()  # settle the fonts' first paint
    shown = to_pil(top.grab().toImage())
    for label in top.findChildren(QLabel):
        text = label.text()
        if not label.isVisible() or not text.strip():
            continue
        with _held(label):
            label.setText("")
            left_out = to_pil(top.grab().toImage())
            label.setText(text)
        yield measure(text, shown, left_out)


@contextmanager
def _held(label: QLabel) -> Iterator[None]:
    """Keep the label's size while its text is emptied, so nothing else moves."""
    minimum, maximum = label.minimumSize(), label.maximumSize()
    label.setFixedSize(label.size())
    try:
        yield
    finally:
        label.setMinimumSize(minimum)
        label.setMaximumSize(maximum if maximum != QSize(0, 0) else QSize(16777215, 16777215))


def failures(results: list[TextContrast], where: str) -> list[str]:
    """The texts under the AA ratio, described for an assertion message."""
    grouped: dict[str, list[str]] = defaultdict(list)
    for result in results:
        if result.ratio < AA:
            grouped[where].append(str(result))
    return [f"{where}: {line}" for lines in grouped.values() for line in lines]

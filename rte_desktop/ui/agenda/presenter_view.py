"""What the projector shows while an agenda runs: painted, scaled to the window, readable far away.

Item title, a huge remaining time, a progress bar, the next item and the day's projected end. The
state is said in words and with a shape as well as a colour (Okabe-Ito colours, colour-blind
safe): a dot for running, a triangle for wrap-up, a square for overrun, two bars for paused.
Wrap-up turns the whole screen amber and overrun red, so the back of the ballroom sees it too.
Type sizes follow the window (from 1280x720 to 4K); fonts and rectangles are laid out once per
resize. Each second only the big number, its caption and the bar are repainted, and the big
digits come from a per-size glyph cache (huge glyphs are slow to rasterise), so a display tick
stays well under 2 ms even at 4K.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from rte_desktop.domain.agenda_timer import TimerState
from rte_desktop.ui.theme import BAD_DEEP, OK, WARN

DARK = QColor("#15171a")
LIGHT_TEXT = QColor("#f3f4f6")
DIM_TEXT = QColor("#aab0b8")
BLACK = QColor("#111111")
SKY = QColor("#56B4E9")  # Okabe-Ito sky blue: the paused accent, readable on the dark ground


@dataclass(frozen=True)
class PresenterFrame:
    """The text and state shown; the view repaints only when it changes."""

    state: TimerState = TimerState.IDLE
    title: str = ""
    big: str = ""
    caption: str = ""
    progress: float = 0.0
    next_line: str = ""
    day_line: str = ""
    badge: str = ""


# (background, text colour, accent) per state.
STYLE: dict[TimerState, tuple[QColor, QColor, QColor]] = {
    TimerState.IDLE: (DARK, LIGHT_TEXT, DIM_TEXT),
    TimerState.RUNNING: (DARK, LIGHT_TEXT, OK),
    TimerState.WRAP_UP: (WARN, BLACK, BLACK),
    TimerState.OVERRUN: (BAD_DEEP, QColor("#ffffff"), QColor("#ffffff")),
    TimerState.PAUSED: (DARK, LIGHT_TEXT, SKY),
    TimerState.FINISHED: (DARK, LIGHT_TEXT, DIM_TEXT),
}


def _font(pixels: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(max(8, int(pixels)))
    font.setBold(bold)
    return font


def _fit(text: str, font: QFont, width: float) -> QFont:
    """``font`` shrunk until ``text`` fits ``width``."""
    metrics = QFontMetricsF(font)
    needed = metrics.horizontalAdvance(text)
    if needed <= width:
        return font
    return _font(font.pixelSize() * width / needed * 0.98, font.bold())


class AgendaPresenterView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.frame = PresenterFrame()
        self._layout_for: QSize | None = None
        self._big_len = 0
        self._glyphs: dict[tuple[str, int, int, float], tuple[QPixmap, float]] = {}
        self._live_rect = QRect()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(1280, 720)

    def set_frame(self, frame: PresenterFrame) -> bool:
        """Show ``frame``; returns True if anything changed (a repaint was requested)."""
        if frame == self.frame:
            return False
        old = self.frame
        if len(frame.big) != self._big_len:
            self._layout_for = None  # another digit count: fit the big number again
        self.frame = frame
        only_live = (old.state, old.title, old.next_line, old.day_line, old.badge) == (
            frame.state,
            frame.title,
            frame.next_line,
            frame.day_line,
            frame.badge,
        )
        if only_live and self._layout_for is not None:
            self.update(self._live_rect)  # the number, its caption and the bar
        else:
            self.update()
        return True

    # -- layout, once per size -------------------------------------------------------------------

    def _lay_out(self) -> None:
        w, h = float(self.width()), float(self.height())
        scale = min(h / 720, w / 1280)
        margin = 40 * scale
        inner = w - 2 * margin
        self._margin = margin
        self._badge_font = _font(40 * scale, bold=True)
        self._day_font = _font(30 * scale)
        self._title_font = _font(58 * scale, bold=True)
        self._caption_font = _font(30 * scale)
        self._next_font = _font(38 * scale)
        self._badge_rect = QRectF(margin, margin * 0.6, inner, 60 * scale)
        self._title_rect = QRectF(
            margin, self._badge_rect.bottom() + 14 * scale, inner, 150 * scale
        )
        bar_y = h - margin - 70 * scale - 44 * scale
        self._caption_rect = QRectF(margin, bar_y - 52 * scale, inner, 44 * scale)
        top = self._title_rect.bottom() + 10 * scale
        free = self._caption_rect.top() - 14 * scale - top
        # The big number is as large as the free band allows (ink height) and fits the width;
        # its size depends only on the digit count, so it never jumps while counting.
        sample = "".join("8" if ch.isdigit() else ch for ch in self.frame.big) or "88:88"
        self._big_len = len(self.frame.big)
        font = _fit(sample, _font(h * 0.5, bold=True), inner)
        ink = QFontMetricsF(font).tightBoundingRect(sample)
        if ink.height() > free:
            font = _font(font.pixelSize() * free / ink.height(), bold=True)
            ink = QFontMetricsF(font).tightBoundingRect(sample)
        self._big_font = font
        # Baseline placed so the digits' ink is centred in the free band.
        self._big_baseline = top + (free - ink.height()) / 2 - ink.top()
        self._live_rect = QRectF(0, top, w, bar_y + 24 * scale - top).toAlignedRect()
        self._bar_rect = QRectF(margin, bar_y, inner, 22 * scale)
        self._next_rect = QRectF(margin, h - margin - 64 * scale, inner, 64 * scale)
        self._scale = scale
        self._layout_for = self.size()

    # -- painting ----------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        if self._layout_for != self.size():
            self._lay_out()
        frame = self.frame
        background, text, accent = STYLE[frame.state]
        dirty = event.rect()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(dirty, background)
        if dirty.intersects(self._badge_rect.toAlignedRect()):
            self._paint_badge(painter, frame, text, accent)
        if dirty.intersects(self._title_rect.toAlignedRect()):
            painter.setPen(text if frame.state is not TimerState.IDLE else LIGHT_TEXT)
            painter.setFont(self._title_font)
            painter.drawText(
                self._title_rect,
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                frame.title,
            )
        self._paint_big(painter, frame.big, text)
        # A tick repaints only the live area: the pen is not the title's then, so set it here.
        painter.setPen(text)
        painter.setFont(self._caption_font)
        painter.drawText(self._caption_rect, Qt.AlignmentFlag.AlignCenter, frame.caption)
        self._paint_bar(painter, frame, text, accent)
        if dirty.intersects(self._next_rect.toAlignedRect()):
            painter.setFont(self._next_font)
            painter.setPen(text)
            painter.drawText(
                self._next_rect,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                QFontMetricsF(self._next_font).elidedText(
                    frame.next_line, Qt.TextElideMode.ElideRight, self._next_rect.width()
                ),
            )
        painter.end()

    def _glyph(self, char: str, colour: QColor) -> tuple[QPixmap, float]:
        """One big character rendered once per font size and colour, and its advance."""
        ratio = self.devicePixelRatioF()
        key = (char, self._big_font.pixelSize(), colour.rgba(), ratio)
        cached = self._glyphs.get(key)
        if cached is None:
            metrics = QFontMetricsF(self._big_font)
            advance = metrics.horizontalAdvance(char)
            pixmap = QPixmap(
                max(1, math.ceil((advance + 4) * ratio)),
                max(1, math.ceil(metrics.height() * ratio)),
            )
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            glyph_painter = QPainter(pixmap)
            glyph_painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            glyph_painter.setFont(self._big_font)
            glyph_painter.setPen(colour)
            glyph_painter.drawText(QPointF(0, metrics.ascent()), char)
            glyph_painter.end()
            if len(self._glyphs) > 256:
                self._glyphs.clear()
            cached = self._glyphs[key] = (pixmap, advance)
        return cached

    def _paint_big(self, painter: QPainter, big: str, colour: QColor) -> None:
        glyphs = [self._glyph(char, colour) for char in big]
        x = (self.width() - sum(advance for _pixmap, advance in glyphs)) / 2
        top = self._big_baseline - QFontMetricsF(self._big_font).ascent()
        for pixmap, advance in glyphs:
            painter.drawPixmap(QPointF(x, top), pixmap)
            x += advance

    def _paint_badge(
        self, painter: QPainter, frame: PresenterFrame, text: QColor, accent: QColor
    ) -> None:
        rect = self._badge_rect
        size = rect.height() * 0.62
        box = QRectF(rect.left(), rect.center().y() - size / 2, size, size)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(accent))
        self._shape(painter, frame.state, box, accent)
        painter.setFont(self._badge_font)
        painter.setPen(accent if frame.state in (TimerState.RUNNING, TimerState.PAUSED) else text)
        word_rect = QRectF(box.right() + size * 0.45, rect.top(), rect.width() / 2, rect.height())
        painter.drawText(
            word_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, frame.badge
        )
        painter.setFont(self._day_font)
        painter.setPen(text)
        painter.drawText(
            rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, frame.day_line
        )

    @staticmethod
    def _shape(painter: QPainter, state: TimerState, box: QRectF, colour: QColor) -> None:
        if state is TimerState.RUNNING:
            painter.drawEllipse(box)
        elif state is TimerState.WRAP_UP:
            painter.drawPolygon(
                QPolygonF(
                    [
                        QPointF(box.center().x(), box.top()),
                        QPointF(box.right(), box.bottom()),
                        QPointF(box.left(), box.bottom()),
                    ]
                )
            )
        elif state is TimerState.OVERRUN:
            painter.drawRect(box)
        elif state is TimerState.PAUSED:
            bar = box.width() * 0.34
            painter.drawRect(QRectF(box.left(), box.top(), bar, box.height()))
            painter.drawRect(QRectF(box.right() - bar, box.top(), bar, box.height()))
        else:
            pen = painter.pen()
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(colour)
            painter.drawEllipse(box.adjusted(3, 3, -3, -3))
            painter.setPen(pen)

    def _paint_bar(
        self, painter: QPainter, frame: PresenterFrame, text: QColor, accent: QColor
    ) -> None:
        bar = self._bar_rect
        painter.setPen(Qt.PenStyle.NoPen)
        track = QColor(text)
        track.setAlpha(60)
        painter.setBrush(track)
        painter.drawRoundedRect(bar, bar.height() / 2, bar.height() / 2)
        filled = QRectF(bar.left(), bar.top(), bar.width() * frame.progress, bar.height())
        painter.setBrush(QBrush(accent if frame.state is not TimerState.IDLE else DIM_TEXT))
        if frame.state is TimerState.OVERRUN:
            # A pattern as well as a colour: the bar is full and striped.
            painter.setBrush(QBrush(text, Qt.BrushStyle.BDiagPattern))
        if filled.width() > 0:
            painter.drawRoundedRect(filled, bar.height() / 2, bar.height() / 2)

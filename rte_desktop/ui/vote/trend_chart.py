"""The ART's vote average across PIs, drawn with QPainter (pass line dashed, shapes + words)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from rte_desktop.ui.theme import BAD, INFO, OK


@dataclass(frozen=True)
class TrendDot:
    pi: str
    average: float | None  # None: no ART vote (or still hidden)
    label: str  # "3.84"
    passed: bool | None


class TrendChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._dots: list[TrendDot] = []
        self._threshold = 3.0
        self.drawn_texts: list[str] = []
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_points(self, dots: list[TrendDot], threshold: float) -> None:
        self._dots, self._threshold = dots, threshold
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        self.drawn_texts = []
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fg = self.palette().windowText().color()
        muted = QColor(fg)
        muted.setAlphaF(0.55)
        font = QFont(self.font())
        painter.setFont(font)
        line_h = painter.fontMetrics().height()
        plot = QRectF(self.rect()).adjusted(36, line_h * 2, -16, -line_h * 1.8)

        def y_of(value: float) -> float:
            return plot.bottom() - (value - 1) / 4 * plot.height()

        def text(rect: QRectF, flags: Qt.AlignmentFlag | int, words: str, colour: QColor) -> None:
            painter.setPen(colour)
            painter.drawText(rect, int(flags), words)
            self.drawn_texts.append(words)

        for value in range(1, 6):
            y = y_of(value)
            painter.setPen(QPen(muted, 0.5))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            text(
                QRectF(0, y - line_h / 2, plot.left() - 8, line_h),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(value),
                muted,
            )
        ty = y_of(self._threshold)
        painter.setPen(QPen(fg, 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(plot.left(), ty), QPointF(plot.right(), ty))
        text(
            QRectF(plot.left(), ty - line_h - 2, plot.width(), line_h),
            Qt.AlignmentFlag.AlignRight,
            self.tr("pass ≥ %s") % f"{self._threshold:.2f}",
            fg,
        )
        if not self._dots:
            return
        step = plot.width() / len(self._dots)
        points: list[QPointF] = []
        for index, dot in enumerate(self._dots):
            x = plot.left() + step * (index + 0.5)
            text(
                QRectF(x - step / 2, plot.bottom() + 4, step, line_h),
                Qt.AlignmentFlag.AlignCenter,
                dot.pi,
                fg,
            )
            if dot.average is None:
                text(
                    QRectF(x - step / 2, plot.bottom() - line_h - 2, step, line_h),
                    Qt.AlignmentFlag.AlignCenter,
                    self.tr("no ART vote"),
                    muted,
                )
                continue
            points.append(QPointF(x, y_of(dot.average)))
        painter.setPen(QPen(INFO, 2))
        if len(points) > 1:
            painter.drawPolyline(points)
        voted = [d for d in self._dots if d.average is not None]
        for point, dot in zip(points, voted, strict=True):
            painter.setPen(Qt.PenStyle.NoPen)
            r = 6.0
            if dot.passed:
                painter.setBrush(OK)
                painter.drawEllipse(point, r, r)
            else:  # a downward triangle: failing reads without colour
                painter.setBrush(BAD)
                painter.drawPolygon(
                    QPolygonF(
                        [
                            QPointF(point.x() - r, point.y() - r * 0.8),
                            QPointF(point.x() + r, point.y() - r * 0.8),
                            QPointF(point.x(), point.y() + r),
                        ]
                    )
                )
            verdict = self.tr("PASS") if dot.passed else self.tr("FAIL")
            bold = QFont(font)
            bold.setBold(True)
            painter.setFont(bold)
            text(
                QRectF(point.x() - step / 2, point.y() - line_h - 8, step, line_h),
                Qt.AlignmentFlag.AlignCenter,
                f"{dot.label} {verdict}",
                fg,
            )
            painter.setFont(font)
        painter.end()

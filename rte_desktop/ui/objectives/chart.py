"""The predictability chart: every team and the ART across PIs, with the 80-100% band.

Teams differ by colour AND marker shape and dash, the ART line is thick and labelled, the band
is shaded and labelled in words, so the chart reads without colour too (DOMAIN.md §3.4).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from rte_desktop.domain.predictability import BAND_HIGH, BAND_LOW
from rte_desktop.services.objectives.summary import PiPredictability

# Okabe-Ito (colour-blind safe) plus grey; markers and dashes make each team distinct anyway.
COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999"]
MARKERS = ["circle", "square", "triangle", "diamond", "cross", "down", "plus", "star"]
DASHES = [Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine, Qt.PenStyle.DashDotLine]


@dataclass(frozen=True)
class Series:
    name: str
    values: list[float | None]  # one per PI; None: not scored or n/a
    art: bool = False


def series_from(history: list[PiPredictability]) -> tuple[list[str], list[Series]]:
    """PI names and one series per team plus the ART (None where a PI is not assessed)."""
    names = [h.pi.name for h in history]
    teams: dict[int, tuple[str, list[float | None]]] = {}
    for column, entry in enumerate(history):
        for line in entry.teams:
            key = line.team.id or 0
            values = teams.setdefault(key, (line.team.name, [None] * len(history)))[1]
            values[column] = line.performance.percent if entry.assessed else None
    art = [h.art.percent if h.assessed else None for h in history]
    result = [Series(name, values) for name, values in teams.values()]
    return names, result + [Series("ART (ratio of sums)", art, art=True)]


class PredictabilityChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pis: list[str] = []
        self.series: list[Series] = []
        self.setMinimumSize(420, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_history(self, history: list[PiPredictability]) -> None:
        self.pis, self.series = series_from(history)
        self.update()

    def y_max(self) -> float:
        values = [v for s in self.series for v in s.values if v is not None]
        top = max([120.0, *values])
        return float(int(top / 20 + 0.999) * 20)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        fg = palette.color(QPalette.ColorRole.WindowText)
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        font = QFont(self.font())
        metrics_h = painter.fontMetrics().height()
        legend_w = min(260, max(180, self.width() // 4))
        plot = QRectF(
            60, 20 + metrics_h, self.width() - 80 - legend_w, self.height() - 70 - metrics_h
        )
        if plot.width() < 50 or plot.height() < 50:
            return
        top = self.y_max()

        def y_of(value: float) -> float:
            return plot.bottom() - value / top * plot.height()

        def x_of(column: int) -> float:
            if len(self.pis) <= 1:
                return plot.center().x()
            return plot.left() + 30 + column * (plot.width() - 60) / (len(self.pis) - 1)

        # Band, labelled in words.
        band = QRectF(plot.left(), y_of(BAND_HIGH), plot.width(), y_of(BAND_LOW) - y_of(BAND_HIGH))
        painter.fillRect(band, QColor(0, 158, 115, 45))
        painter.setPen(QPen(QColor("#009E73"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(plot.left(), band.top()), QPointF(plot.right(), band.top()))
        painter.drawLine(QPointF(plot.left(), band.bottom()), QPointF(plot.right(), band.bottom()))
        painter.setPen(fg)
        painter.drawText(
            band.adjusted(6, 2, -6, -2),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            self.tr("80–100% target band"),
        )
        # Axes and grid.
        grid = QColor(fg)
        grid.setAlpha(40)
        step = 20
        for value in range(0, int(top) + 1, step):
            y = y_of(value)
            painter.setPen(grid)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(fg)
            painter.drawText(
                QRectF(0, y - metrics_h / 2, plot.left() - 8, metrics_h),
                Qt.AlignmentFlag.AlignRight,
                f"{value}%",
            )
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        for column, name in enumerate(self.pis):
            scored = any(s.values[column] is not None for s in self.series)
            label = name if scored else f"{name}\n" + self.tr("(not scored)")
            painter.drawText(
                QRectF(x_of(column) - 80, plot.bottom() + 6, 160, metrics_h * 2 + 4),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                label,
            )
        title = QFont(font)
        title.setBold(True)
        painter.setFont(title)
        painter.drawText(
            QRectF(plot.left(), 2, plot.width(), metrics_h + 4),
            Qt.AlignmentFlag.AlignLeft,
            self.tr("Team PI performance and ART predictability (% of planned business value)"),
        )
        painter.setFont(font)
        # Lines and legend.
        legend_y = plot.top()
        for number, series in enumerate(self.series):
            colour = fg if series.art else QColor(COLOURS[number % len(COLOURS)])
            pen = QPen(
                colour,
                4 if series.art else 2,
                Qt.PenStyle.SolidLine if series.art else DASHES[number % len(DASHES)],
            )
            painter.setPen(pen)
            # Teams sit a few pixels apart around each PI so equal values stay visible.
            shift = 0.0 if series.art else (number - len(self.series) / 2) * 4
            points = [
                QPointF(x_of(c) + shift, y_of(v)) if v is not None else None
                for c, v in enumerate(series.values)
            ]
            for a, b in zip(points, points[1:], strict=False):
                if a is not None and b is not None:
                    painter.drawLine(a, b)
            marker = "square" if series.art else MARKERS[number % len(MARKERS)]
            for point in points:
                if point is not None:
                    _marker(painter, point, marker, colour, 7 if series.art else 5)
            last = next((v for v in reversed(series.values) if v is not None), None)
            text = f"{series.name}  {'n/a' if last is None else f'{last:.0f}%'}"
            _marker(
                painter, QPointF(plot.right() + 24, legend_y + metrics_h / 2), marker, colour, 5
            )
            painter.setPen(fg)
            legend_font = QFont(font)
            legend_font.setBold(series.art)
            painter.setFont(legend_font)
            painter.drawText(
                QRectF(plot.right() + 36, legend_y, legend_w - 40, metrics_h),
                Qt.AlignmentFlag.AlignLeft,
                painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, legend_w - 40),
            )
            painter.setFont(font)
            legend_y += metrics_h + 6
        painter.end()


def _marker(painter: QPainter, at: QPointF, shape: str, colour: QColor, size: float) -> None:
    painter.save()
    painter.setPen(QPen(colour, 2))
    painter.setBrush(colour)
    x, y, s = at.x(), at.y(), size
    if shape == "circle":
        painter.drawEllipse(at, s, s)
    elif shape == "square":
        painter.drawRect(QRectF(x - s, y - s, 2 * s, 2 * s))
    elif shape in ("triangle", "down", "diamond", "star"):
        path = QPainterPath()
        corners = {
            "triangle": [(0, -s), (s, s), (-s, s)],
            "down": [(0, s), (s, -s), (-s, -s)],
            "diamond": [(0, -s), (s, 0), (0, s), (-s, 0)],
            "star": [
                (0, -s),
                (s * 0.3, -s * 0.3),
                (s, 0),
                (s * 0.3, s * 0.3),
                (0, s),
                (-s * 0.3, s * 0.3),
                (-s, 0),
                (-s * 0.3, -s * 0.3),
            ],
        }[shape]
        path.moveTo(x + corners[0][0], y + corners[0][1])
        for dx, dy in corners[1:]:
            path.lineTo(x + dx, y + dy)
        path.closeSubpath()
        painter.drawPath(path)
    else:  # cross, plus
        painter.setPen(QPen(colour, 3))
        if shape == "cross":
            painter.drawLine(QPointF(x - s, y - s), QPointF(x + s, y + s))
            painter.drawLine(QPointF(x - s, y + s), QPointF(x + s, y - s))
        else:
            painter.drawLine(QPointF(x - s, y), QPointF(x + s, y))
            painter.drawLine(QPointF(x, y - s), QPointF(x, y + s))
    painter.restore()

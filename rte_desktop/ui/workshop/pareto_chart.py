"""The live Pareto chart, painted with QPainter.

Bars in descending order, the cumulative % line on a second axis, the 80% line, and the vital few
highlighted (in colour, and named in words in the legend).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from rte_desktop.domain.pareto import Pareto, ParetoRow
from rte_desktop.ui.theme import INFO, WARN


def elide(text: str, metrics: QFontMetricsF, width: float) -> str:
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)


class ParetoChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: Pareto | None = None
        self.hidden_total: int | None = None  # set while the dots are hidden
        self.setMinimumSize(360, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(640, 380)

    def set_chart(self, chart: Pareto | None, hidden_total: int | None = None) -> None:
        """Show ``chart``; with ``hidden_total`` set, only say how many dots were placed."""
        self.chart, self.hidden_total = chart, hidden_total
        self.update()

    def rows(self) -> list[ParetoRow]:
        return [r for r in self.chart.rows if r.count > 0] if self.chart else []

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        font = QFont(self.font())
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        rows = self.rows()
        message = None
        if self.hidden_total is not None:
            message = self.tr("Dots are hidden until you reveal them (%1 placed).").replace(
                "%1", str(self.hidden_total)
            )
        elif not rows:
            message = self.tr("No dots yet: place dots on the causes to draw the Pareto chart.")
        if message:
            painter.setPen(text_colour)
            painter.drawText(
                self.rect().adjusted(12, 12, -12, -12),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                message,
            )
            return
        assert self.chart is not None
        line_h = metrics.height()
        left, right = metrics.horizontalAdvance("000") + 14, metrics.horizontalAdvance("100%") + 14
        top = line_h * 2.8
        label_room = min(self.height() * 0.38, metrics.horizontalAdvance("M" * 16) * 0.75)
        plot = QRectF(left, top, self.width() - left - right, self.height() - top - label_room - 6)
        if plot.width() < 50 or plot.height() < 40:
            return
        peak = max(r.count for r in rows)
        step = max(1, -(-peak // 5))
        axis_max = step * -(-peak // step)

        def y_count(value: float) -> float:
            return float(plot.bottom() - plot.height() * value / axis_max)

        def y_percent(value: float) -> float:
            return float(plot.bottom() - plot.height() * value / 100)

        grid = QColor(text_colour)
        grid.setAlpha(40)
        for tick in range(0, axis_max + 1, step):
            painter.setPen(QPen(grid, 1))
            painter.drawLine(
                QPointF(plot.left(), y_count(tick)), QPointF(plot.right(), y_count(tick))
            )
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(0, y_count(tick) - line_h / 2, left - 6, line_h),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(tick),
            )
        for tick in (0, 20, 40, 60, 80, 100):
            painter.drawText(
                QRectF(plot.right() + 6, y_percent(tick) - line_h / 2, right, line_h),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                f"{tick}%",
            )
        slot = plot.width() / len(rows)
        bar_w = slot * 0.7
        other = QColor(text_colour)
        other.setAlpha(90)
        points: list[QPointF] = []
        for index, row in enumerate(rows):
            x = plot.left() + index * slot + (slot - bar_w) / 2
            bar = QRectF(x, y_count(row.count), bar_w, plot.bottom() - y_count(row.count))
            painter.fillRect(bar, INFO if row.vital else other)
            inside = bar.height() > line_h * 1.6  # tall bars carry their count inside
            painter.setPen(Qt.GlobalColor.white if inside and row.vital else text_colour)
            painter.drawText(
                QRectF(x - 10, bar.top() + (2 if inside else -line_h), bar_w + 20, line_h),
                Qt.AlignmentFlag.AlignCenter,
                str(row.count),
            )
            painter.setPen(text_colour)
            points.append(QPointF(x + bar_w / 2, y_percent(row.cumulative)))
            painter.save()
            painter.translate(x + bar_w / 2 + line_h / 3, plot.bottom() + 6)
            painter.rotate(-40)
            # The label runs down-left at 40 degrees: keep it above the bottom and right of x=0.
            room = min(label_room / 0.643, (x + bar_w / 2) / 0.766)
            label = elide(f"{row.rank}. {row.name}", metrics, room)
            width = metrics.horizontalAdvance(label)
            painter.drawText(QPointF(-width, metrics.ascent() / 2), label)
            painter.restore()
        painter.setPen(QPen(text_colour, 1.2))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.topLeft(), plot.bottomLeft())
        painter.drawLine(plot.topRight(), plot.bottomRight())
        threshold = y_percent(self.chart.threshold)
        painter.setPen(QPen(WARN, 2, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(plot.left(), threshold), QPointF(plot.right(), threshold))
        vital = len(self.chart.vital_few)
        if 0 < vital < len(rows):
            cut = plot.left() + vital * slot
            painter.setPen(QPen(WARN, 1.5, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(cut, plot.top()), QPointF(cut, plot.bottom()))
        painter.setPen(QPen(text_colour, 2))
        painter.drawPolyline(points)
        painter.setBrush(text_colour)
        for point in points:
            painter.drawEllipse(point, 3.5, 3.5)
        painter.setPen(text_colour)
        legend = self.tr(
            "Coloured bars: the vital few (%1 of %2 causes reach %3%) · line: cumulative %"
        )
        legend = (
            legend.replace("%1", str(vital))
            .replace("%2", str(len(rows)))
            .replace("%3", f"{self.chart.threshold:g}")
        )
        painter.drawText(
            QRectF(0, 2, self.width(), line_h * 1.2),
            Qt.AlignmentFlag.AlignCenter,
            elide(legend, metrics, self.width() - 8),
        )
        painter.drawText(
            QRectF(2, top - line_h * 1.6, left + 60, line_h),
            Qt.AlignmentFlag.AlignLeft,
            self.tr("Dots"),
        )
        painter.drawText(
            QRectF(self.width() - right - 80, top - line_h * 1.6, right + 78, line_h),
            Qt.AlignmentFlag.AlignRight,
            self.tr("Cumulative"),
        )

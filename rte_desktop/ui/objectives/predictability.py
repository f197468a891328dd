"""The predictability tab: the chart across PIs and the current PI's figures per team."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from rte_desktop.domain.objectives import band_words
from rte_desktop.services.objectives.summary import PiPredictability
from rte_desktop.ui.objectives.chart import PredictabilityChart


class PredictabilityView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = PredictabilityChart()
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Team"),
                self.tr("Planned BV (committed)"),
                self.tr("Actual BV (all)"),
                self.tr("Performance"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chart, 3)
        layout.addWidget(self.table, 2)

    def show_data(self, summary: PiPredictability, history: list[PiPredictability]) -> None:
        """Chart every PI of the ART; list the teams of ``summary``'s PI and the ART line."""
        self.chart.set_history(history)
        rows = [(line.team.name, line.performance) for line in summary.teams]
        rows.append((self.tr("ART (ratio of sums)"), summary.art))
        self.table.setRowCount(len(rows))
        for r, (name, perf) in enumerate(rows):
            words = band_words(perf) if summary.assessed else self.tr("not scored yet")
            for c, text in enumerate((name, str(perf.planned), str(perf.actual), words)):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r, c, item)

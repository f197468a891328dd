"""The Measurement step (I&A part 2): the PI's predictability and its confidence vote.

Figures come from ``InspectAdaptService.measurement``; states are given in words as well as
colour ("in band", "below band", "passed").
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rte_desktop.domain.confidence import LABELS, SCALE
from rte_desktop.domain.predictability import BAND_HIGH, BAND_LOW, Performance
from rte_desktop.domain.system_demo import DemoShare
from rte_desktop.services.workshop.inspect_adapt import Measurement
from rte_desktop.ui.theme import BAD, OK, WARN


def _big(label: QLabel, factor: float = 1.6) -> QLabel:
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


class MeasurementTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.art_figure = _big(QLabel())
        self.art_detail = QLabel()
        self.art_detail.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Team"),
                self.tr("Planned BV"),
                self.tr("Actual BV"),
                self.tr("Performance"),
                self.tr("80–100% band"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        left_box = QGroupBox(self.tr("Predictability"))
        left = QVBoxLayout(left_box)
        left.addWidget(self.art_figure)
        left.addWidget(self.art_detail)
        left.addWidget(self.table, 1)

        self.vote_figure = _big(QLabel())
        self.vote_detail = QLabel()
        self.vote_detail.setWordWrap(True)
        self.bars: dict[int, QProgressBar] = {}
        grid = QGridLayout()
        for row, value in enumerate(reversed(SCALE)):
            bar = QProgressBar()
            bar.setFormat("%v")
            bar.setTextVisible(True)
            self.bars[value] = bar
            grid.addWidget(QLabel(f"{value} – {LABELS[value]}"), row, 0)
            grid.addWidget(bar, row, 1)
        grid.setColumnStretch(1, 1)
        right_box = QGroupBox(self.tr("Confidence vote (ART, latest round)"))
        right = QVBoxLayout(right_box)
        right.addWidget(self.vote_figure)
        right.addWidget(self.vote_detail)
        right.addLayout(grid)
        self.flow_figures = QLabel()
        self.flow_figures.setWordWrap(True)
        flow_box = QGroupBox(self.tr("Flow (this PI, whole ART; more in the Flow panel, Ctrl+9)"))
        QVBoxLayout(flow_box).addWidget(self.flow_figures)
        right.addWidget(flow_box)
        # The PI System Demo's measure: per iteration, the share of planned features demoed.
        self.demo_box = QGroupBox(self.tr("System Demos: planned features demoed"))
        self.demo_grid = QGridLayout(self.demo_box)
        self.demo_grid.setColumnStretch(1, 1)
        right.addWidget(self.demo_box)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(left_box, 3)
        layout.addWidget(right_box, 2)

    def load_flow(self, lines: list[str]) -> None:
        """The PI's flow figures as lines of text (empty: no work items imported)."""
        self.flow_figures.setText(
            "\n".join(lines) or self.tr("No work items yet: File > Import work items...")
        )

    @staticmethod
    def band_words(perf: Performance) -> tuple[str, str]:
        """Words and a colour name for a performance against the 80-100% band."""
        if perf.percent is None:
            return "n/a", ""
        if perf.percent < BAND_LOW:
            return "below band", BAD.name()
        if perf.percent > BAND_HIGH:
            return "above band", WARN.name()
        return "in band", OK.name()

    def load(self, measurement: Measurement | None) -> None:
        if measurement is None:
            self.art_figure.setText("")
            self.table.setRowCount(0)
            self.vote_figure.setText("")
            return
        art = measurement.art
        words, colour = self.band_words(art)
        if measurement.assessed:
            self.art_figure.setText(
                self.tr("ART predictability %1 (%2)")
                .replace("%1", art.label())
                .replace("%2", words)
            )
            self.art_figure.setStyleSheet(f"color: {colour};" if colour else "")
        else:
            self.art_figure.setText(self.tr("Not assessed yet"))
            self.art_figure.setStyleSheet("")
        self.art_detail.setText(
            self.tr(
                "%1: ratio of sums over all teams, actual %2 / planned (committed) %3. "
                "Target band 80–100%."
            )
            .replace("%1", measurement.pi.name)
            .replace("%2", str(art.actual))
            .replace("%3", str(art.planned))
            if measurement.assessed
            else self.tr("No actual business value has been scored for %1 yet.").replace(
                "%1", measurement.pi.name
            )
        )
        self.table.setRowCount(len(measurement.teams))
        for row, result in enumerate(measurement.teams):
            perf = result.performance
            words, colour = self.band_words(perf)
            values = [result.team.name, str(perf.planned), str(perf.actual), perf.label(), words]
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if column:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if column == 4 and colour and measurement.assessed:
                    background = QColor(colour)
                    cell.setBackground(background)
                    # orange needs dark text to stay readable; green and red take white
                    dark_text = background == WARN
                    cell.setForeground(Qt.GlobalColor.black if dark_text else Qt.GlobalColor.white)
                self.table.setItem(row, column, cell)
        self._show_vote(measurement)

    def _show_vote(self, measurement: Measurement) -> None:
        stats, vote_round = measurement.vote, measurement.vote_round
        if stats is None or vote_round is None:
            self.vote_figure.setText(self.tr("No ART vote in this PI"))
            self.vote_figure.setStyleSheet("")
            self.vote_detail.setText("")
            for bar in self.bars.values():
                bar.setRange(0, 1)
                bar.setValue(0)
            return
        verdict = {True: self.tr("passed"), False: self.tr("failed"), None: "–"}[stats.passed]
        self.vote_figure.setText(
            self.tr("Average %1 (%2)").replace("%1", stats.average_label()).replace("%2", verdict)
        )
        colour = {True: OK.name(), False: BAD.name(), None: ""}[stats.passed]
        self.vote_figure.setStyleSheet(f"color: {colour};" if colour else "")
        eligible = f" / {stats.eligible}" if stats.eligible else ""
        self.vote_detail.setText(
            self.tr("Round %1 · %2%3 voted · threshold %4 · %5 to be heard (voted 1 or 2)")
            .replace("%1", str(vote_round.round_no))
            .replace("%2", str(stats.ballots))
            .replace("%3", eligible)
            .replace("%4", f"{stats.threshold:.1f}")
            .replace("%5", str(stats.to_be_heard))
        )
        peak = max(stats.counts.values()) or 1
        for value, bar in self.bars.items():
            bar.setRange(0, peak)
            bar.setValue(stats.counts[value])

    def load_demo_shares(self, shares: list[DemoShare]) -> None:
        """Show, per iteration whose System Demo was held, planned features demoed."""
        while self.demo_grid.count():
            item = self.demo_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if not shares:
            self.demo_grid.addWidget(QLabel(self.tr("No System Demo held in this PI yet.")), 0, 0)
            return
        for row, share in enumerate(shares):
            bar = QProgressBar()
            bar.setRange(0, max(share.planned, 1))
            bar.setValue(share.demoed)
            percent = f"{share.percent:.0f}%" if share.percent is not None else "n/a"
            bar.setFormat(f"{share.demoed} / {share.planned}  ({percent})")
            bar.setObjectName(f"demoShare{row}")
            self.demo_grid.addWidget(QLabel(share.iteration), row, 0)
            self.demo_grid.addWidget(bar, row, 1)

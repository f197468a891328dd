"""The PI's votes at a glance: every team and the ART (latest round, history), and the trend."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rte_desktop.domain.confidence import VoteStats
from rte_desktop.domain.model import VoteMode, VoteRound
from rte_desktop.services.vote.vote_values import ScopeSummary, TrendPoint
from rte_desktop.ui.theme import BAD, OK
from rte_desktop.ui.vote.trend_chart import TrendChart, TrendDot

COLUMNS = 8


def _hidden(vote: VoteRound) -> bool:
    return vote.mode is VoteMode.HIDDEN and not vote.revealed


class SummaryView(QWidget):
    scope_activated = Signal(object)  # team id, or None for the ART
    threshold_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(1.0, 5.0)
        self.threshold.setDecimals(2)
        self.threshold.setSingleStep(0.1)
        self.threshold.setKeyboardTracking(False)
        label = QLabel(self.tr("&Pass threshold of this ART (average at least):"))
        label.setBuddy(self.threshold)
        top.addWidget(label)
        top.addWidget(self.threshold)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Enter on a row opens that vote and its history.")))
        layout.addLayout(top)
        self.table = QTableWidget(0, COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Vote"),
                self.tr("Round"),
                self.tr("Ballots / eligible"),
                self.tr("Average"),
                self.tr("Result"),
                self.tr("To be heard"),
                self.tr("Concerns"),
                self.tr("History (every round)"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMNS - 1, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._on_activated)
        layout.addWidget(self.table, 3)
        title = QLabel(self.tr("The ART's vote across PIs (latest ART round of each PI)"))
        bold = QFont(title.font())
        bold.setBold(True)
        title.setFont(bold)
        layout.addWidget(title)
        self.chart = TrendChart()
        layout.addWidget(self.chart, 2)
        self.threshold.valueChanged.connect(self.threshold_changed.emit)
        self._scopes: list[int | None] = []

    def show_summary(
        self, scopes: list[ScopeSummary], trend: list[TrendPoint], threshold: float
    ) -> None:
        self.threshold.blockSignals(True)
        self.threshold.setValue(threshold)
        self.threshold.blockSignals(False)
        self._scopes = [s.team_id for s in scopes]
        self.table.setRowCount(len(scopes))
        for row, scope in enumerate(scopes):
            for column, item in enumerate(self._row(scope)):
                self.table.setItem(row, column, item)
        dots = [
            TrendDot(
                p.pi_name,
                p.stats.average if p.stats else None,
                p.stats.average_label() if p.stats else "",
                p.stats.passed if p.stats else None,
            )
            for p in trend
        ]
        self.chart.set_points(dots, threshold)

    def _row(self, scope: ScopeSummary) -> list[QTableWidgetItem]:
        name = scope.name if scope.team_id is not None else self.tr("Whole ART (%s)") % scope.name
        latest = scope.latest
        if latest is None:
            cells = [name, "–", f"– / {scope.eligible}", "–", self.tr("not voted"), "–", "–", ""]
            return [QTableWidgetItem(c) for c in cells]
        vote, stats = latest
        hidden = _hidden(vote)
        concerns = (
            self.tr("%d (%d as risks)") % (scope.concerns, scope.risks) if scope.concerns else "–"
        )
        history = "  →  ".join(self._round_word(r, s) for r, s in scope.rounds)
        result = self._verdict(stats, hidden)
        cells = [
            name,
            (
                self.tr("%d of %d") % (vote.round_no, len(scope.rounds))
                if len(scope.rounds) > 1
                else "1"
            )
            + (self.tr(", open") if vote.is_open else ""),
            f"{stats.ballots} / {vote.eligible}",
            self.tr("hidden") if hidden else stats.average_label(),
            result,
            self.tr("hidden") if hidden else (str(stats.to_be_heard) if stats.to_be_heard else "–"),
            concerns,
            history,
        ]
        items = [QTableWidgetItem(c) for c in cells]
        if not hidden and stats.passed is not None:
            items[4].setForeground(QBrush(OK if stats.passed else BAD))
            font = items[4].font()
            font.setBold(True)
            items[4].setFont(font)
        for item in items[1:7]:
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        return items

    def _verdict(self, stats: VoteStats, hidden: bool) -> str:
        if hidden:
            return self.tr("hidden")
        if stats.passed is None:
            return self.tr("no ballots")
        return self.tr("✔ PASS") if stats.passed else self.tr("✘ FAIL")

    def _round_word(self, vote: VoteRound, stats: VoteStats) -> str:
        if _hidden(vote):
            return self.tr("R%d hidden") % vote.round_no
        if stats.passed is None:
            return self.tr("R%d no ballots") % vote.round_no
        verdict = self.tr("PASS") if stats.passed else self.tr("FAIL")
        return f"R{vote.round_no} {stats.average_label()} {verdict}"

    def _on_activated(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self._scopes):
            self.scope_activated.emit(self._scopes[row])

    def scope_at(self, row: int) -> int | None:
        return self._scopes[row]

"""Beside the board: the line legend and the list of problem dependencies."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from rte_desktop.domain.dependency_health import DependencyHealth, Health
from rte_desktop.services.board.board_data import BoardData
from rte_desktop.services.workshop.improvements import ImprovementService
from rte_desktop.ui.board.items import HEALTH_COLOUR, HEALTH_PEN
from rte_desktop.ui.panel_base import PanelContext
from rte_desktop.ui.widgets.improvement_inputs import ImprovementInputsWidget

LEGEND = (
    (Health.GREEN, "OK — provider earlier"),
    (Health.ORANGE, "SAME — same iteration"),
    (Health.RED, "LATE / UNPLANNED"),
)


def line_icon(health: Health) -> QIcon:
    """A sample of the health's line (colour and style) as an icon."""
    size = QSize(36, 14)
    pixmap = QPixmap(size)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    style, width = HEALTH_PEN[health]
    painter.setPen(QPen(HEALTH_COLOUR[health], width, style, Qt.PenCapStyle.RoundCap))
    painter.drawLine(QPointF(2, size.height() / 2), QPointF(size.width() - 2, size.height() / 2))
    painter.end()
    return QIcon(pixmap)


class LegendWidget(QWidget):
    """The three line styles with their words: health never depends on colour alone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(3 * 20 + 6)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        y = 12.0
        for health, words in LEGEND:
            style, width = HEALTH_PEN[health]
            painter.setPen(QPen(HEALTH_COLOUR[health], width, style, Qt.PenCapStyle.RoundCap))
            painter.drawLine(QPointF(4, y), QPointF(44, y))
            painter.setPen(self.palette().color(self.foregroundRole()))
            painter.drawText(QPointF(52, y + 5), self.tr(words))
            y += 20


class DependencyList(QListWidget):
    """Problem dependencies first (red, then orange); Delete and Enter act on the selection."""

    chosen = Signal(int)  # dependency id (selection)
    edit_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setIconSize(QSize(36, 14))
        self.setSpacing(2)
        self.setAccessibleName(self.tr("Problem dependencies"))
        self.currentItemChanged.connect(self._on_current)
        self.itemDoubleClicked.connect(
            lambda item: self.edit_requested.emit(item.data(Qt.ItemDataRole.UserRole))
        )

    def show_board(self, board: BoardData, include_healthy: bool) -> None:
        keep = self.current_id()
        self.blockSignals(True)
        self.clear()
        healths: list[DependencyHealth] = board.problems
        if include_healthy:
            healths += [h for h in board.healths.values() if not h.is_problem]
        for health in healths:
            item = QListWidgetItem(line_icon(health.health), board.describe(health))
            item.setData(Qt.ItemDataRole.UserRole, health.dependency.id)
            item.setToolTip(f"{health.label}: {health.explanation}")
            self.addItem(item)
            if health.dependency.id == keep:
                self.setCurrentItem(item)
        if not healths:
            empty = QListWidgetItem(self.tr("No problem dependencies."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(empty)
        self.blockSignals(False)

    def current_id(self) -> int | None:
        item = self.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item else None
        return value if isinstance(value, int) else None

    def _on_current(self, current: QListWidgetItem | None, _previous: object) -> None:
        value = current.data(Qt.ItemDataRole.UserRole) if current else None
        if isinstance(value, int):
            self.chosen.emit(value)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        dep_id = self.current_id()
        if dep_id is not None and event.key() == Qt.Key.Key_Delete:
            self.delete_requested.emit(dep_id)
            return
        if dep_id is not None and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.edit_requested.emit(dep_id)
            return
        super().keyPressEvent(event)


class SideColumn(QWidget):
    """The column beside the board: legend, problem dependencies, I&A inputs of the PI."""

    def __init__(
        self, ctx: PanelContext, improvements: ImprovementService, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.legend = LegendWidget()
        self.dependencies = DependencyList()
        self.show_all = QCheckBox(self.tr("Show health&y ones too"))
        self.problems_title = QLabel()
        self.inputs = ImprovementInputsWidget(ctx, improvements)
        self.inputs.compact()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("<b>Dependency lines</b>")))
        layout.addWidget(self.legend)
        layout.addWidget(self.problems_title)
        layout.addWidget(self.dependencies, 2)
        layout.addWidget(self.show_all)
        layout.addWidget(self.inputs, 1)

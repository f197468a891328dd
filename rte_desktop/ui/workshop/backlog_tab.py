"""The Solutions & backlog step: brainstormed solutions with votes, and improvement items.

An improvement item has a title, description, owner, target PI and type (feature or enabler);
items aimed at a PI show up as inputs on that PI's other panels and export to CSV.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rte_desktop.domain.errors import DomainError
from rte_desktop.domain.model import ImprovementItem, PlanningInterval, Solution, WorkKind
from rte_desktop.services.train.train import TrainService
from rte_desktop.services.workshop.improvements import ImprovementService, ItemDraft
from rte_desktop.ui.shortcuts import bind
from rte_desktop.ui.theme import BAD
from rte_desktop.ui.workshop.edits import WorkshopEdits


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return table


class BacklogTab(QWidget):
    """Step 4: solutions of the top causes and the improvement items they became.

    Args:
        improvements: reads solutions and items (writes go through ``edits``).
        train: the ART's PIs (an item is aimed at one).
        edits: the panel's one write path.
        parent: the parent widget.
    """

    def __init__(
        self,
        improvements: ImprovementService,
        train: TrainService,
        edits: WorkshopEdits,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.improvements, self.train, self.edits = improvements, train, edits
        self.workshop_id: int | None = None
        self.solutions: list[Solution] = []
        self.items: list[ImprovementItem] = []
        self.pis: list[PlanningInterval] = []

        self.new_solution = QLineEdit()
        self.new_solution.setPlaceholderText(self.tr("A solution idea; Enter adds it"))
        self.solution_table = _table([self.tr("Solution"), self.tr("Votes"), "+", "−"])
        self.solution_table.installEventFilter(self)
        self.promote_button = QPushButton(self.tr("Make it an improvement &item →"))
        left_box = QGroupBox(self.tr("Solutions (brainstorm, then vote)"))
        left = QVBoxLayout(left_box)
        left.addWidget(self.new_solution)
        left.addWidget(self.solution_table, 1)
        left.addWidget(self.promote_button)

        self.item_table = _table(
            [self.tr("Title"), self.tr("Type"), self.tr("Owner"), self.tr("Target PI")]
        )
        self.item_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.item_table.installEventFilter(self)
        self.title = QLineEdit()
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.owner = QLineEdit()
        self.target = QComboBox()
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Enabler"), WorkKind.ENABLER)
        self.kind.addItem(self.tr("Feature"), WorkKind.FEATURE)
        self.add_button = QPushButton(self.tr("&Add as new item"))
        self.save_button = QPushButton(self.tr("&Save changes"))
        self.save_button.setToolTip("Ctrl+Return")
        self.export_button = QPushButton(self.tr("Export &CSV..."))
        form = QFormLayout()
        form.addRow(self.tr("Title:"), self.title)
        form.addRow(self.tr("Description:"), self.description)
        form.addRow(self.tr("Owner:"), self.owner)
        form.addRow(self.tr("Target PI:"), self.target)
        form.addRow(self.tr("Type:"), self.kind)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.save_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        right_box = QGroupBox(self.tr("Improvement backlog items (go to the ART backlog)"))
        right = QVBoxLayout(right_box)
        right.addWidget(self.item_table, 1)
        right.addLayout(form)
        right.addLayout(buttons)

        self.status = QLabel()
        self.status.setWordWrap(True)
        splitter = QSplitter()
        splitter.addWidget(left_box)
        splitter.addWidget(right_box)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

        self.new_solution.returnPressed.connect(self._on_add_solution)
        self.solution_table.cellClicked.connect(self._on_solution_clicked)
        self.solution_table.itemChanged.connect(self._on_solution_changed)
        self.promote_button.clicked.connect(self._on_promote)
        self.item_table.currentCellChanged.connect(lambda *_: self._show_item())
        self.add_button.clicked.connect(self._on_add_item)
        self.save_button.clicked.connect(self._on_save_item)
        self.export_button.clicked.connect(self._on_export)
        bind(right_box, "workshop.backlog.save_item", self._on_save_item)

    # -- showing ----------------------------------------------------------------------------------

    def load(self, workshop_id: int | None, art_id: int | None) -> None:
        self.workshop_id = workshop_id
        self.solutions = self.improvements.solutions(workshop_id) if workshop_id else []
        self.items = self.improvements.items(workshop_id) if workshop_id else []
        self.pis = self.train.pis(art_id) if art_id is not None else []
        self._fill_solutions()
        current = self.target.currentData()
        self.target.clear()
        self.target.addItem(self.tr("Not targeted yet"), None)
        for pi in self.pis:
            self.target.addItem(pi.name, pi.id)
        self.target.setCurrentIndex(max(0, self.target.findData(current)))
        self._fill_items()
        self.setEnabled(workshop_id is not None)

    def _fill_solutions(self) -> None:
        table = self.solution_table
        row_before = table.currentRow()
        table.blockSignals(True)
        table.setRowCount(len(self.solutions))
        fixed = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        for row, solution in enumerate(self.solutions):
            cells = [
                QTableWidgetItem(solution.text),
                QTableWidgetItem(str(solution.votes)),
                QTableWidgetItem("+"),
                QTableWidgetItem("−"),
            ]
            for column, cell in enumerate(cells):
                if column >= 2:
                    cell.setFlags(fixed)
                if column:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                table.setItem(row, column, cell)
        table.blockSignals(False)
        if 0 <= row_before < table.rowCount():
            table.selectRow(row_before)

    def _fill_items(self) -> None:
        names = {pi.id: pi.name for pi in self.pis}
        table = self.item_table
        row_before = table.currentRow()
        table.blockSignals(True)
        table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            values = [
                item.title,
                self.tr("Feature") if item.kind is WorkKind.FEATURE else self.tr("Enabler"),
                item.owner,
                names.get(item.target_pi_id, "–"),
            ]
            for column, value in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(value))
        table.blockSignals(False)
        if 0 <= row_before < table.rowCount():
            table.selectRow(row_before)
        self._show_item()

    def current_item(self) -> ImprovementItem | None:
        row = self.item_table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _show_item(self) -> None:
        item = self.current_item()
        self.save_button.setEnabled(item is not None)
        if item is None:
            return
        self.title.setText(item.title)
        self.description.setPlainText(item.description)
        self.owner.setText(item.owner)
        self.target.setCurrentIndex(max(0, self.target.findData(item.target_pi_id)))
        self.kind.setCurrentIndex(max(0, self.kind.findData(item.kind)))

    # -- edits ------------------------------------------------------------------------------------

    def _run(self, action: Callable[[], Any]) -> bool:
        try:
            action()
        except (DomainError, OSError) as exc:
            self.status.setText(str(exc))
            self.status.setStyleSheet(f"color: {BAD.name()};")
            return False
        self.status.setText("")
        return True

    def _on_add_solution(self) -> None:
        text, shop = self.new_solution.text(), self.workshop_id
        if shop is not None and self._run(lambda: self.edits.add_solution(shop, text)):
            self.new_solution.clear()

    def _solution_at(self, row: int) -> Solution | None:
        return self.solutions[row] if 0 <= row < len(self.solutions) else None

    def _on_solution_clicked(self, row: int, column: int) -> None:
        solution = self._solution_at(row)
        if solution is not None and column in (2, 3):
            self._vote(solution, 1 if column == 2 else -1)

    def _vote(self, solution: Solution, delta: int) -> None:
        if solution.votes + delta >= 0:
            self._run(
                lambda: self.edits.update_solution(solution, solution.text, solution.votes + delta)
            )

    def _on_solution_changed(self, cell: QTableWidgetItem) -> None:
        solution = self._solution_at(cell.row())
        if solution is None:
            return
        text_cell, votes_cell = (self.solution_table.item(cell.row(), c) for c in (0, 1))
        text = text_cell.text() if text_cell else solution.text
        votes = votes_cell.text().strip() if votes_cell else str(solution.votes)
        if not votes.isdigit() or not self._run(
            lambda: self.edits.update_solution(solution, text, int(votes))
        ):
            self._fill_solutions()  # refused: show the stored values again

    def _on_promote(self) -> None:
        solution = self._solution_at(self.solution_table.currentRow())
        if solution is None or self.workshop_id is None:
            self.status.setText(self.tr("Select a solution first."))
            return
        target = self.improvements.next_pi(self.workshop_id)
        draft = ItemDraft(solution.text, target_pi_id=target.id if target else None)
        shop = self.workshop_id
        if self._run(lambda: self.edits.add_item(shop, draft)):
            self.item_table.selectRow(len(self.items) - 1)
            self.title.setFocus()

    def draft(self) -> ItemDraft:
        return ItemDraft(
            self.title.text(),
            self.description.toPlainText(),
            self.owner.text(),
            self.target.currentData(),
            self.kind.currentData(),
        )

    def _on_add_item(self) -> None:
        shop, draft = self.workshop_id, self.draft()
        if shop is not None and self._run(lambda: self.edits.add_item(shop, draft)):
            self.item_table.selectRow(len(self.items) - 1)

    def _on_save_item(self) -> None:
        item, draft = self.current_item(), self.draft()
        if item is not None:
            self._run(lambda: self.edits.update_item(item, draft))

    def _on_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export improvement items"), "improvement-items.csv", "CSV (*.csv)"
        )
        if name:
            self._run(lambda: self.export_csv(Path(name)))

    def export_csv(self, path: Path) -> Path:
        """Every improvement item of the train (with workshop and PI columns) as CSV."""
        written, count = self.improvements.export_csv(path)
        self.status.setStyleSheet("")
        self.status.setText(
            self.tr("%1 item(s) written to %2")
            .replace("%1", str(count))
            .replace("%2", str(written))
        )
        return written

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            table = watched if isinstance(watched, QTableWidget) else None
            if table is not None and table.state() != QAbstractItemView.State.EditingState:
                if event.key() == Qt.Key.Key_Delete:
                    self._delete_selected(table)
                    return True
                if table is self.solution_table and event.key() in (
                    Qt.Key.Key_Plus,
                    Qt.Key.Key_Equal,
                    Qt.Key.Key_Minus,
                ):
                    solution = self._solution_at(table.currentRow())
                    if solution is not None:
                        self._vote(solution, -1 if event.key() == Qt.Key.Key_Minus else 1)
                    return True
        return super().eventFilter(watched, event)

    def _delete_selected(self, table: QTableWidget) -> None:
        row = table.currentRow()
        if table is self.solution_table and (solution := self._solution_at(row)) is not None:
            sid = solution.id
            if sid is not None:
                self._run(lambda: self.edits.delete_solution(sid, solution))
        elif table is self.item_table and (item := self.current_item()) is not None:
            iid = item.id
            if iid is not None:
                self._run(lambda: self.edits.delete_item(iid, item))

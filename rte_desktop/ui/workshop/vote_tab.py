"""The Vote & Pareto step: participants and dots, dots per cause, hidden mode, the live chart.

The table's "Dots" are the dots placed in the room (typed, or + / −); "Phones" (shown once phones
vote) are the dots phones placed; the chart and the budget count both. The phone bar under the
chart serves the voting to phones (ui/workshop/phone_dots.py), the QR code then on the right.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rte_desktop.domain.model import Cause
from rte_desktop.domain.pareto import DotBudget, Pareto
from rte_desktop.services.workshop.workshop import Fishbone
from rte_desktop.ui.theme import BAD, OK
from rte_desktop.ui.widgets.phone_join import JoinView
from rte_desktop.ui.workshop.pareto_chart import ParetoChart
from rte_desktop.ui.workshop.phone_dots import PhoneDotsBar

COL_CAUSE, COL_BONE, COL_DOTS, COL_PLUS, COL_MINUS, COL_PHONES = range(6)


class VoteTab(QWidget):
    votes_requested = Signal(int, int)  # cause id, new number of dots
    voting_requested = Signal(int, int)  # participants, dots per participant
    hidden_requested = Signal(bool)
    clear_requested = Signal()
    restate_requested = Signal(int)  # cause id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: Fishbone | None = None
        self.participants = QSpinBox()
        self.participants.setRange(0, 10_000)
        self.participants.setSpecialValueText(self.tr("not counted"))
        self.dots = QSpinBox()
        self.dots.setRange(1, 50)
        self.budget_label = QLabel()
        font = QFont(self.budget_label.font())
        font.setBold(True)
        self.budget_label.setFont(font)
        self.hide_button = QPushButton()
        self.hide_button.setToolTip("Ctrl+H")
        self.clear_button = QPushButton(self.tr("Clear dots"))
        controls = QHBoxLayout()
        for widget in (
            QLabel(self.tr("&Participants:")),
            self.participants,
            QLabel(self.tr("&Dots each:")),
            self.dots,
        ):
            controls.addWidget(widget)
        controls.itemAt(0).widget().setBuddy(self.participants)  # type: ignore[union-attr]
        controls.itemAt(2).widget().setBuddy(self.dots)  # type: ignore[union-attr]
        controls.addWidget(self.budget_label, 1)
        controls.addWidget(self.hide_button)
        controls.addWidget(self.clear_button)

        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Cause"), self.tr("Bone"), self.tr("Dots"), "+", "−", self.tr("Phones")]
        )
        phones_header = self.table.horizontalHeaderItem(COL_PHONES)
        if phones_header is not None:
            phones_header.setToolTip(
                self.tr("Dots placed from phones (the chart adds them to the room's)")
            )
        self.table.setColumnHidden(COL_PHONES, True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_CAUSE, QHeaderView.ResizeMode.Stretch)
        for column in (COL_BONE, COL_DOTS, COL_PLUS, COL_MINUS, COL_PHONES):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 24)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.installEventFilter(self)
        self.chart = ParetoChart()
        self.restate_button = QPushButton()
        self.restate_button.setToolTip("Ctrl+Shift+R")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.chart, 1)
        right_layout.addWidget(self.restate_button)
        self.phone_bar = PhoneDotsBar()
        self.phone_bar.setVisible(False)  # the panel shows it when it can serve phones
        right_layout.addWidget(self.phone_bar)
        self.join = JoinView(large=True)  # the QR code and address, while phones vote
        # a column beside the chart: type a little smaller than the confidence vote's wall, so
        # the address fits a third of a 1280-pixel projector
        for label, size in ((self.join.url, 1.3), (self.join.count, 1.4)):
            font = QFont(self.font())
            font.setPointSizeF(font.pointSizeF() * size)
            font.setBold(label is self.join.url)
            label.setFont(font)
        self.join.count.setWordWrap(True)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.addWidget(self.join)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 0)
        splitter.setSizes([420, 620, 0])
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(splitter, 1)

        self.participants.editingFinished.connect(self._on_voting_edited)
        self.dots.editingFinished.connect(self._on_voting_edited)
        self.hide_button.clicked.connect(self.toggle_hidden)
        self.clear_button.clicked.connect(self.clear_requested)
        self.restate_button.clicked.connect(self._on_restate)
        self.table.cellClicked.connect(self._on_cell_clicked)
        self.table.itemChanged.connect(self._on_item_changed)
        self._top_id: int | None = None
        self._shown: tuple[object, ...] = ()  # the table's rows as ``load`` filled them

    # -- showing ----------------------------------------------------------------------------------

    @property
    def hidden(self) -> bool:
        return bool(self.data and self.data.workshop.votes_hidden)

    def load(
        self,
        data: Fishbone | None,
        chart: Pareto | None,
        budget: DotBudget | None,
        phones_on: bool = False,
    ) -> None:
        """Show a workshop's dots; ``phones_on``: phones vote now (the "Phones" column shows)."""
        self.data = data
        self.table.setColumnHidden(COL_PHONES, not (phones_on or (data and data.phone_dots)))
        self.table.setColumnHidden(COL_BONE, phones_on)  # room for the causes beside the QR code
        shop = data.workshop if data else None
        for spin, value in (
            (self.participants, shop.participants if shop else 0),
            (self.dots, shop.dots_per_participant if shop else 5),
        ):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)
        self.hide_button.setText(self.tr("Reveal dots") if self.hidden else self.tr("Hide dots"))
        self._fill_table()
        self._shown = self._layout(data, phones_on)
        self._show_budget(budget)
        self._show_chart(chart, budget, phones_on)

    def show_counts(
        self,
        data: Fishbone | None,
        chart: Pareto | None,
        budget: DotBudget | None,
        phones_on: bool = False,
    ) -> None:
        """Phones placed dots: update the "Phones" cells that changed, the budget and the chart.

        The table keeps its items, so the selection, the scroll position, the keyboard focus and
        a "Dots" count being typed stay as they are (about 1 ms, where ``load`` rebuilds the
        table). Anything else changed (causes, the room's dots, hidden, phones on or off): a
        whole ``load``.
        """
        if data is None or self.data is None or self._layout(data, phones_on) != self._shown:
            self.load(data, chart, budget, phones_on)
            return
        self.data = data
        hidden = self.hidden
        for row, (cause, _bone, _depth) in enumerate(self._ordered()):
            item = self.table.item(row, COL_PHONES)
            text = "•••" if hidden else str(data.phone_dots.get(cause.id or 0, 0))
            if item is not None and item.text() != text:
                self.table.blockSignals(True)  # no itemChanged: only the cell repaints
                item.setText(text)
                self.table.blockSignals(False)
        show_phones = phones_on or bool(data.phone_dots)
        if self.table.isColumnHidden(COL_PHONES) == show_phones:
            self.table.setColumnHidden(COL_PHONES, not show_phones)
        self._show_budget(budget)
        self._show_chart(chart, budget, phones_on)

    def _layout(self, data: Fishbone | None, phones_on: bool) -> tuple[object, ...]:
        """What the table's rows show apart from the phones' dots (equal: no rebuild needed)."""
        rows = tuple(
            (cause.id, cause.text, cause.votes, bone, depth)
            for cause, bone, depth in self._ordered_of(data)
        )
        shop = data.workshop if data else None
        voting = (shop.participants, shop.dots_per_participant, shop.votes_hidden) if shop else None
        return (voting, phones_on, rows)

    def _show_chart(self, chart: Pareto | None, budget: DotBudget | None, phones_on: bool) -> None:
        self.chart.set_chart(chart, budget.used if self.hidden and budget else None)
        top = chart.top if chart and not self.hidden else None
        self._top_id = top.key if top is not None and isinstance(top.key, int) else None
        self.restate_button.setEnabled(self._top_id is not None)
        full = (
            self.tr("Restate the top cause “%1” as a new problem").replace("%1", top.name)
            if top
            else self.tr("Restate the top cause as a new problem (needs dots, revealed)")
        )
        # beside the QR code the column is narrow: the cause's name goes to the tooltip
        self.restate_button.setText(
            self.tr("Restate the top cause as a new problem") if phones_on else full
        )
        self.restate_button.setToolTip(f"{full} (Ctrl+Shift+R)" if phones_on else "Ctrl+Shift+R")

    def _ordered(self) -> list[tuple[Cause, str, int]]:
        return self._ordered_of(self.data)

    @staticmethod
    def _ordered_of(data: Fishbone | None) -> list[tuple[Cause, str, int]]:
        if data is None:
            return []
        return [
            (node.cause, bone.bone.name, node.depth) for bone in data.tree for node in bone.walk()
        ]

    def _fill_table(self) -> None:
        selected = self.selected_cause_id()
        self.table.blockSignals(True)
        rows = self._ordered()
        self.table.setRowCount(len(rows))
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        for row, (cause, bone, depth) in enumerate(rows):
            name = QTableWidgetItem(("    " * depth) + ("↳ " if depth else "") + cause.text)
            name.setData(Qt.ItemDataRole.UserRole, cause.id)
            name.setFlags(flags)
            dots = QTableWidgetItem("•••" if self.hidden else str(cause.votes))
            dots.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            dots.setFlags(flags if self.hidden else flags | Qt.ItemFlag.ItemIsEditable)
            dots.setToolTip(self.tr("Type a number, or press + / −"))
            phoned = self.data.phone_dots.get(cause.id or 0, 0) if self.data else 0
            cells = [
                name,
                QTableWidgetItem(bone),
                dots,
                QTableWidgetItem("+"),
                QTableWidgetItem("−"),
                QTableWidgetItem("•••" if self.hidden else str(phoned)),
            ]
            for column, item in enumerate(cells):
                if column != COL_DOTS and column != COL_CAUSE:
                    item.setFlags(flags)
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
            if cause.id == selected:
                self.table.selectRow(row)
        self.table.blockSignals(False)

    def _show_budget(self, budget: DotBudget | None) -> None:
        if budget is None:
            self.budget_label.setText("")
            return
        if budget.participants <= 0:
            text = self.tr("%1 dots placed (enter the participants to check the budget)")
            text, colour = text.replace("%1", str(budget.used)), ""
        elif budget.over:
            text = self.tr("⚠ Too many dots: %1 placed, only %2 available (%3 over)")
            text = (
                text.replace("%1", str(budget.used))
                .replace("%2", str(budget.available))
                .replace("%3", str(budget.over))
            )
            colour = BAD.name()
        else:
            text = self.tr("%1 of %2 dots placed, %3 left")
            text = (
                text.replace("%1", str(budget.used))
                .replace("%2", str(budget.available))
                .replace("%3", str(budget.left))
            )
            colour = OK.name()
        self.budget_label.setText(text)
        self.budget_label.setStyleSheet(f"color: {colour};" if colour else "")

    # -- input ------------------------------------------------------------------------------------

    def selected_cause_id(self) -> int | None:
        row = self.table.currentRow()
        item = self.table.item(row, COL_CAUSE) if row >= 0 else None
        value = item.data(Qt.ItemDataRole.UserRole) if item else None
        return int(value) if value is not None else None

    def cause(self, cause_id: int | None) -> Cause | None:
        """The cause with this id in the workshop on screen (None: not there)."""
        if self.data is None:
            return None
        return next((c for c in self.data.causes if c.id == cause_id), None)

    def add_dot(self, delta: int) -> None:
        """Add (or with -1 remove) one dot on the selected cause."""
        cause = self.cause(self.selected_cause_id())
        if cause is not None and cause.id is not None and cause.votes + delta >= 0:
            self.votes_requested.emit(cause.id, cause.votes + delta)

    def toggle_hidden(self) -> None:
        if self.data is not None:
            self.hidden_requested.emit(not self.hidden)

    def _on_cell_clicked(self, row: int, column: int) -> None:
        if column in (COL_PLUS, COL_MINUS):
            self.table.selectRow(row)
            self.add_dot(1 if column == COL_PLUS else -1)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != COL_DOTS:
            return
        cause_item = self.table.item(item.row(), COL_CAUSE)
        cause = self.cause(cause_item.data(Qt.ItemDataRole.UserRole) if cause_item else None)
        if cause is None or cause.id is None:
            return
        text = item.text().strip()
        if text.isdigit() and int(text) != cause.votes:
            self.votes_requested.emit(cause.id, int(text))
        else:  # not a number: show the stored value again
            self.table.blockSignals(True)
            item.setText(str(cause.votes))
            self.table.blockSignals(False)

    def _on_voting_edited(self) -> None:
        shop = self.data.workshop if self.data else None
        if shop and (self.participants.value(), self.dots.value()) != (
            shop.participants,
            shop.dots_per_participant,
        ):
            self.voting_requested.emit(self.participants.value(), self.dots.value())

    def _on_restate(self) -> None:
        if self._top_id is not None:
            self.restate_requested.emit(self._top_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and self.table.state() != QAbstractItemView.State.EditingState
        ):
            if event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
                self.add_dot(1)
                return True
            if event.key() == Qt.Key.Key_Minus:
                self.add_dot(-1)
                return True
        return super().eventFilter(watched, event)

"""The five ROAM columns side by side, driven by mouse (drag) or keyboard.

Keys in a column: Up/Down select a card, Left/Right go to the next column, Ctrl+Left/Right move
the selected risk one column, U/R/O/A/M move it straight to Unroamed/Resolved/Owned/Accepted/
Mitigated, Enter or F2 edits, Delete deletes, Insert adds a risk to this column.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
)

from rte_desktop.domain import roam
from rte_desktop.domain.model import Risk, RoamStatus
from rte_desktop.ui.risks.models import RISK_ROLE, RiskCardDelegate, RiskListModel

MEANING = {
    RoamStatus.UNROAMED: "not yet discussed",
    RoamStatus.RESOLVED: "no longer a concern",
    RoamStatus.OWNED: "a named person follows it",
    RoamStatus.ACCEPTED: "understood, accepted",
    RoamStatus.MITIGATED: "a plan reduces it",
}


class RiskColumnView(QListView):
    """One column's list of cards; keyboard intents go up as signals."""

    move_requested = Signal(int, object)  # risk id, RoamStatus
    focus_column_requested = Signal(int)  # step: -1 left, +1 right
    edit_requested = Signal(int)
    delete_requested = Signal(int)
    new_requested = Signal(object)  # RoamStatus

    def __init__(self, model: RiskListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(RiskCardDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSpacing(2)
        self.setWordWrap(True)
        self.setAccessibleName(roam.STATUS_TITLE[model.status])
        self.doubleClicked.connect(self._on_double_clicked)

    @property
    def column_model(self) -> RiskListModel:
        model = self.model()
        assert isinstance(model, RiskListModel)
        return model

    def selected_risk(self) -> Risk | None:
        index = self.currentIndex()
        if not index.isValid() or not self.selectionModel().isSelected(index):
            return None
        risk = index.data(RISK_ROLE)
        return risk if isinstance(risk, Risk) else None

    def select_row(self, row: int) -> None:
        count = self.column_model.rowCount()
        if count == 0:
            self.clearSelection()
            return
        index = self.column_model.index(max(0, min(row, count - 1)))
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.scrollTo(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        key = event.key()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        risk = self.selected_risk()
        status = self.column_model.status
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = -1 if key == Qt.Key.Key_Left else 1
            if ctrl and risk is not None and risk.id is not None:
                self.move_requested.emit(risk.id, roam.neighbour(risk.status, step))
            elif not ctrl:
                self.focus_column_requested.emit(step)
            return
        text = event.text().upper()
        if text in roam.STATUS_KEYS and not ctrl and risk is not None and risk.id is not None:
            self.move_requested.emit(risk.id, roam.STATUS_KEYS[text])
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2) and risk is not None:
            self.edit_requested.emit(risk.id or 0)
            return
        if key == Qt.Key.Key_Delete and risk is not None:
            self.delete_requested.emit(risk.id or 0)
            return
        if key == Qt.Key.Key_Insert:
            self.new_requested.emit(status)
            return
        nothing_selected = (
            not self.currentIndex().isValid() or not self.selectionModel().hasSelection()
        )
        if (
            key in (Qt.Key.Key_Up, Qt.Key.Key_Down)
            and self.column_model.rowCount()
            and (nothing_selected)
        ):
            self.select_row(0)
            return
        super().keyPressEvent(event)

    def _on_double_clicked(self, index: object) -> None:
        risk = self.selected_risk()
        if risk is not None and risk.id is not None:
            self.edit_requested.emit(risk.id)


class RoamBoardView(QWidget):
    """Five headed columns; forwards every column's intents."""

    move_requested = Signal(int, object)  # from the keyboard: move now
    drop_requested = Signal(int, object)  # from a drop: move once the drag has finished
    edit_requested = Signal(int)
    delete_requested = Signal(int)
    new_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.models: dict[RoamStatus, RiskListModel] = {}
        self.columns: dict[RoamStatus, RiskColumnView] = {}
        self.headers: dict[RoamStatus, QLabel] = {}
        for status in roam.COLUMNS:
            model = RiskListModel(status, self)
            view = RiskColumnView(model)
            view.setFrameShape(QFrame.Shape.NoFrame)
            header = QLabel()
            font = QFont(header.font())
            font.setPointSizeF(font.pointSizeF() * 1.2)
            header.setFont(font)
            header.setTextFormat(Qt.TextFormat.RichText)
            header.setBuddy(view)
            box = QFrame()
            box.setFrameShape(QFrame.Shape.StyledPanel)
            column = QVBoxLayout(box)
            column.setContentsMargins(4, 4, 4, 4)
            column.addWidget(header)
            column.addWidget(view, 1)
            layout.addWidget(box, 1)
            self.models[status] = model
            self.columns[status] = view
            self.headers[status] = header
            model.drop_requested.connect(self.drop_requested)
            view.move_requested.connect(self.move_requested)
            view.edit_requested.connect(self.edit_requested)
            view.delete_requested.connect(self.delete_requested)
            view.new_requested.connect(self.new_requested)
            view.focus_column_requested.connect(
                lambda step, s=status: self.focus_neighbour(s, step)
            )
            view.clicked.connect(lambda _i, s=status: self._clear_others(s))

    def set_risks(self, risks: list[Risk], team_names: dict[int, str], today: dt.date) -> None:
        """Show ``risks``, keeping the selected card selected wherever it now is."""
        keep = self.selected_risk()
        for status in roam.COLUMNS:
            mine = [r for r in risks if r.status is status]
            self.models[status].set_risks(mine, team_names, today)
            mnemonic = roam.STATUS_TITLE[status]
            self.headers[status].setText(
                f"<b>{mnemonic}</b> ({len(mine)})<br><small>{MEANING[status]}</small>"
            )
        if keep is not None and keep.id is not None:
            self.select_risk(keep.id)

    def shown_risk(self, risk_id: int) -> Risk | None:
        """The risk with this id as the board shows it (None when it is not shown)."""
        for model in self.models.values():
            for risk in model.risks:
                if risk.id == risk_id:
                    return risk
        return None

    def select_risk(self, risk_id: int, focus: bool = False) -> bool:
        for status, model in self.models.items():
            for row, risk in enumerate(model.risks):
                if risk.id == risk_id:
                    self._clear_others(status)
                    self.columns[status].select_row(row)
                    if focus:
                        self.columns[status].setFocus()
                    return True
        return False

    def selected_risk(self) -> Risk | None:
        focused = [s for s, v in self.columns.items() if v.hasFocus()]
        order = focused + [s for s in roam.COLUMNS if s not in focused]
        for status in order:
            risk = self.columns[status].selected_risk()
            if risk is not None:
                return risk
        return None

    def focused_status(self) -> RoamStatus:
        for status, view in self.columns.items():
            if view.hasFocus():
                return status
        return RoamStatus.UNROAMED

    def focus_neighbour(self, status: RoamStatus, step: int) -> None:
        """Keyboard Left/Right: the same row of the next column that has cards."""
        row = max(0, self.columns[status].currentIndex().row())
        index = roam.COLUMNS.index(status) + step
        while 0 <= index < len(roam.COLUMNS):
            target = roam.COLUMNS[index]
            if self.models[target].rowCount():
                self._clear_others(target)
                self.columns[target].setFocus()
                self.columns[target].select_row(row)
                return
            index += step

    def _clear_others(self, keep: RoamStatus) -> None:
        for status, view in self.columns.items():
            if status is not keep:
                view.clearSelection()

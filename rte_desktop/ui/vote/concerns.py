"""Concerns of the low voters: type them, turn them into risks for ROAMing."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rte_desktop.domain.model import Ballot, Concern, VoteMode
from rte_desktop.services.vote.vote_values import RoundView


class ConcernList(QListWidget):
    """The Delete key asks to delete the selected concern."""

    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Delete:
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)


class ConcernsBox(QGroupBox):
    add_requested = Signal(str)
    to_risk_requested = Signal(int)  # concern id
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Concerns of those voting 1 or 2"))
        layout = QVBoxLayout(self)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.list = ConcernList()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("Type a concern, Enter adds it (Ctrl+K)"))
        self.to_risk = QPushButton(self.tr("Turn into risk"))
        self.to_risk.setToolTip(
            self.tr("Add the selected concern to the Risks board, unROAMed (Ctrl+Shift+K)")
        )
        self.delete = QPushButton(self.tr("Delete"))
        self.delete.setToolTip(self.tr("Delete the selected concern (Delete)"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.to_risk, 2)
        buttons.addWidget(self.delete, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.edit)
        layout.addLayout(buttons)
        self.edit.returnPressed.connect(self._on_return)
        self.to_risk.clicked.connect(self.request_risk)
        self.delete.clicked.connect(self.request_delete)
        self.list.delete_pressed.connect(self.request_delete)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.show_view(None)

    def show_view(self, view: RoundView | None) -> None:
        """List the round's concerns (keeping the selection); values only when not hidden."""
        selected = self.selected_id()
        self.list.clear()
        self.edit.setEnabled(view is not None)
        if view is None:
            self.hint.setText(self.tr("Start a vote to collect concerns."))
            self._update_buttons()
            return
        values = {b.id: b for b in view.ballots}
        for concern in view.concerns:
            item = QListWidgetItem(self._line(concern, view, values))
            item.setData(Qt.ItemDataRole.UserRole, concern.id)
            self.list.addItem(item)
            if concern.id == selected:
                item.setSelected(True)
                self.list.setCurrentItem(item)
        heard = view.stats.to_be_heard
        if view.hidden:
            self.hint.setText(self.tr("Reveal the votes, then hear everyone who voted 1 or 2."))
        elif heard:
            self.hint.setText(
                self.tr("%d voted 1 or 2: hear each of them (%d concerns typed).")
                % (heard, len(view.concerns))
            )
        else:
            self.hint.setText(self.tr("Nobody voted 1 or 2 in this round."))
        self._update_buttons()

    def _line(self, concern: Concern, view: RoundView, ballots: dict[int | None, Ballot]) -> str:
        details = []
        ballot = ballots.get(concern.ballot_id)
        if ballot is not None and not view.hidden:
            details.append(self.tr("voted %d") % ballot.value)
            if ballot.voter and view.round.mode is not VoteMode.HIDDEN:
                details.append(ballot.voter)
        if concern.risk_id is not None:
            status = view.risk_status.get(concern.risk_id)
            details.append(self.tr("risk: %s") % (status.value if status else self.tr("deleted")))
        else:
            details.append(self.tr("not a risk yet"))
        return concern.text + "\n   " + " · ".join(details)

    def select(self, concern_id: int | None) -> None:
        """Select a concern (the one just typed, so Ctrl+Shift+K turns it into a risk)."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == concern_id:
                self.list.setCurrentItem(item)
                item.setSelected(True)

    def selected_id(self) -> int | None:
        item = self.list.currentItem()
        if item is None or not item.isSelected():
            return None
        value = item.data(Qt.ItemDataRole.UserRole)
        return int(value) if value is not None else None

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        self.to_risk.setEnabled(has)
        self.delete.setEnabled(has)

    def _on_return(self) -> None:
        text = self.edit.text().strip()
        if text:
            self.add_requested.emit(text)

    def request_risk(self) -> None:
        concern_id = self.selected_id()
        if concern_id is not None:
            self.to_risk_requested.emit(concern_id)

    def request_delete(self) -> None:
        concern_id = self.selected_id()
        if concern_id is not None:
            self.delete_requested.emit(concern_id)

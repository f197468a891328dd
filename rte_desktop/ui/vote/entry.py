"""Ballot entry: the on-screen keypad (one big button per finger) and the individual form.

The keys 1-5 and Backspace themselves are panel shortcuts (``panel.py``); these widgets only
emit what was asked, so the mouse and the keyboard end in the same place.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from rte_desktop.ui.vote.state import finger_labels


class TallyPad(QWidget):
    """Five big buttons (1..5) and "remove last"; for hands counted in the room."""

    value_chosen = Signal(int)
    remove_last = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.buttons: dict[int, QPushButton] = {}
        labels = finger_labels()
        for value in range(1, 6):
            button = QPushButton(str(value))
            button.setToolTip(
                self.tr("Add one hand voting %d, %s (key %d)") % (value, labels[value], value)
            )
            button.setMinimumSize(48, 56)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys 1-5 work wherever focus is
            font = button.font()
            font.setPointSizeF(font.pointSizeF() * 2)
            font.setBold(True)
            button.setFont(font)
            button.clicked.connect(lambda _=False, v=value: self.value_chosen.emit(v))
            layout.addWidget(button, 2)
            self.buttons[value] = button
        self.remove_button = QPushButton(self.tr("Remove\nlast"))
        self.remove_button.setToolTip(self.tr("Take back the last ballot (Backspace)"))
        self.remove_button.setMinimumHeight(56)
        self.remove_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.remove_button.clicked.connect(self.remove_last.emit)
        layout.addWidget(self.remove_button, 1)


class BallotForm(QWidget):
    """One ballot with an optional name and comment (individual and hidden entry)."""

    submitted = Signal(int, str, str)  # value, voter, comment

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.name_label = QLabel(self.tr("&Name"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("optional"))
        self.name_label.setBuddy(self.name)
        self.comment = QLineEdit()
        self.comment.setPlaceholderText(self.tr("optional comment"))
        comment_label = QLabel(self.tr("Co&mment"))
        comment_label.setBuddy(self.comment)
        self.value = QSpinBox()
        self.value.setRange(1, 5)
        self.value.setValue(3)
        value_label = QLabel(self.tr("&Vote"))
        value_label.setBuddy(self.value)
        self.add_button = QPushButton(self.tr("Add ballot"))
        self.add_button.setToolTip(self.tr("Add this ballot (Enter in any field)"))
        for widget, stretch in (
            (self.name_label, 0),
            (self.name, 2),
            (value_label, 0),
            (self.value, 0),
            (comment_label, 0),
            (self.comment, 3),
            (self.add_button, 0),
        ):
            layout.addWidget(widget, stretch)
        self.add_button.clicked.connect(self.submit)
        for edit in (self.name, self.comment):
            edit.returnPressed.connect(self.submit)
        self.value.lineEdit().returnPressed.connect(self.submit)

    def set_anonymous(self, anonymous: bool) -> None:
        """Hidden mode takes no names."""
        self.name_label.setVisible(not anonymous)
        self.name.setVisible(not anonymous)
        if anonymous:
            self.name.clear()

    def submit(self) -> None:
        self.submit_value(self.value.value())

    def submit_value(self, value: int) -> None:
        """Send ``value`` with the typed name and comment, then clear them for the next voter."""
        self.submitted.emit(value, self.name.text(), self.comment.text())

    def clear(self) -> None:
        self.name.clear()
        self.comment.clear()

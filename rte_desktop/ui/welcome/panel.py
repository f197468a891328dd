"""Shown on an empty file: create a train, or open the demo train."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomeView(QWidget):
    create_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A fixed-width column keeps the wrapped text's height right (height-for-width).
        column = QWidget()
        column.setFixedWidth(560)
        inner = QVBoxLayout(column)
        inner.setSpacing(14)
        title = QLabel(self.tr("Welcome to RTE Desktop"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        title.setFont(font)
        text = QLabel(
            self.tr(
                "This file holds no train yet. Create your Agile Release Train, or explore the "
                "demo train first. Everything is saved as you go, on this computer only."
            )
        )
        text.setWordWrap(True)
        self.create_button = QPushButton(self.tr("&Create a train..."))
        self.demo_button = QPushButton(self.tr("Open the &demo train"))
        for widget in (title, text):
            widget.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            inner.addWidget(widget)
        for button in (self.create_button, self.demo_button):
            button.setMinimumHeight(44)
            inner.addWidget(button)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.create_button.clicked.connect(self.create_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        self.create_button.setDefault(True)

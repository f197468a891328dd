"""A panel that is not built yet says what it will hold."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from rte_desktop.ui.panel_base import Panel, PanelContext


class PlaceholderPanel(Panel):
    def __init__(
        self, ctx: PanelContext, title: str, purpose: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        heading = QLabel(title.replace("&&", "&"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        heading.setFont(font)
        text = QLabel(purpose.replace("&&", "&") + "\n\n" + self.tr("Coming soon."))
        text.setWordWrap(True)
        text.setMaximumWidth(620)
        for label in (heading, text):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        layout.insertStretch(0, 1)

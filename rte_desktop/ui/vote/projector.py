"""What the projector shows during the vote: the same display, filling the presenter window.

The keys that count hands work here too, so the RTE may keep the presenter window focused:
1-5 add a hand, Backspace takes the last one back, Ctrl+Shift+R reveals a hidden vote.
(F5 and Esc for full screen belong to the presenter window itself.)
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from rte_desktop.ui.shortcuts import bind, bind_each
from rte_desktop.ui.vote.display import VoteDisplay
from rte_desktop.ui.vote.state import DisplayState
from rte_desktop.ui.widgets.phone_join import JoinState, JoinView


class VoteProjectorView(QWidget):
    value_chosen = Signal(int)
    remove_last = Signal()
    reveal = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.display = VoteDisplay()
        self.join = JoinView(large=True)  # the QR code and URL while phones vote
        layout.addWidget(self.display, 3)
        layout.addWidget(self.join, 2)
        # The panel's own rows (ui/shortcuts.py): the same keys count hands on the wall.
        bind_each(self, "vote.hand", [partial(self.value_chosen.emit, v) for v in range(1, 6)])
        bind(self, "vote.take_back", self.remove_last.emit)
        bind(self, "vote.reveal", self.reveal.emit)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def set_state(self, state: DisplayState | None) -> None:
        self.display.set_state(state)

    def set_join(self, join: JoinState | None) -> None:
        """Show the QR code and URL while phones vote (None: hide them)."""
        self.join.set_state(join)

"""Business Owner scoring mode: one objective at a time in very large type.

Shown in the presenter window (F5: full screen). Digit keys score the field being scored
("1" then "0" makes 10), Tab switches between planned and actual, Enter/Right/Space go to the
next objective, Left to the previous one, Delete clears the value, Esc closes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from rte_desktop.domain.model import Objective
from rte_desktop.ui.theme import INFO

# (objective, field, value) -> True when stored; the controller shows errors itself.
Scorer = Callable[[Objective, str, int | None], bool]


class ScoringView(QWidget):
    close_requested = Signal()

    def __init__(self, scorer: Scorer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scorer = scorer
        self.items: list[tuple[str, Objective]] = []  # (team name, objective)
        self.index = 0
        self.field = "planned_bv"
        self._last_digit: str | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.where = QLabel()
        self.kind = QLabel()
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.planned = self._value_box()
        self.actual = self._value_box()
        self.hint = QLabel(
            self.tr(
                "Digits score (1 then 0 = 10)  ·  Tab: planned / actual  ·  Enter or →: next  ·  "
                "←: previous  ·  Delete: clear  ·  F5: full screen  ·  Esc: close"
            )
        )
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        top = QHBoxLayout()
        top.addWidget(self.where, 1)
        top.addWidget(self.kind, 0, Qt.AlignmentFlag.AlignRight)
        values = QHBoxLayout()
        values.addWidget(self.planned[0])
        values.addWidget(self.actual[0])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 20)
        layout.addLayout(top)
        layout.addWidget(self.text, 1)
        layout.addLayout(values)
        layout.addWidget(self.hint)

    def _value_box(self) -> tuple[QFrame, QLabel, QLabel]:
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.Box)
        caption, value = QLabel(), QLabel()
        for label in (caption, value):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box = QVBoxLayout(frame)
        box.addWidget(caption)
        box.addWidget(value)
        return frame, caption, value

    # -- state -------------------------------------------------------------------------------

    def set_items(self, items: list[tuple[str, Objective]], start_id: int | None = None) -> None:
        """Objectives to walk, keeping the current one when it is still there."""
        keep = current.id if (current := self.current()) is not None else start_id
        self.items = items
        ids = [o.id for _, o in items]
        self.index = ids.index(keep) if keep in ids else min(self.index, max(0, len(items) - 1))
        self.show_current()

    def current(self) -> Objective | None:
        return self.items[self.index][1] if 0 <= self.index < len(self.items) else None

    def go(self, step: int) -> None:
        if self.items:
            self.index = max(0, min(len(self.items) - 1, self.index + step))
            self._last_digit = None
            self.show_current()

    def toggle_field(self) -> None:
        self.field = "actual_bv" if self.field == "planned_bv" else "planned_bv"
        self._last_digit = None
        self.show_current()

    def show_current(self) -> None:
        scale = max(0.6, self.height() / 720)
        item = self.current()
        fonts = {"where": 26, "text": 46, "caption": 24, "value": 84, "hint": 15}
        for name, size in fonts.items():
            font = QFont(self.font())
            font.setPointSizeF(size * scale)
            font.setBold(name in ("text", "value"))
            widgets = {
                "where": [self.where, self.kind],
                "text": [self.text],
                "caption": [self.planned[1], self.actual[1]],
                "value": [self.planned[2], self.actual[2]],
                "hint": [self.hint],
            }[name]
            for widget in widgets:
                widget.setFont(font)
        if item is None:
            self.where.setText(self.tr("No objectives in this PI yet"))
            self.kind.clear()
            self.text.clear()
            for box in (self.planned, self.actual):
                box[1].clear()
                box[2].clear()
            return
        team = self.items[self.index][0]
        self.where.setText(
            self.tr("%1  ·  objective %2 of %3")
            .replace("%1", team)
            .replace("%2", str(self.index + 1))
            .replace("%3", str(len(self.items)))
        )
        self.kind.setText(self.tr("COMMITTED") if item.committed else self.tr("UNCOMMITTED"))
        self.text.setText(item.text)
        for field, (frame, caption, value) in (
            ("planned_bv", self.planned),
            ("actual_bv", self.actual),
        ):
            active = field == self.field
            name = (
                self.tr("Planned BV (1–10)")
                if field == "planned_bv"
                else self.tr("Actual BV (0–10)")
            )
            caption.setText(("▶ " + self.tr("scoring: ") if active else "") + name)
            number = getattr(item, field)
            value.setText("—" if number is None else str(number))
            frame.setLineWidth(6 if active else 1)
            colour = INFO.name() if active else "palette(mid)"
            frame.setStyleSheet(
                f"QFrame {{ border: {6 if active else 1}px solid {colour}; }} "
                "QLabel { border: none; }"
            )

    # -- keys --------------------------------------------------------------------------------

    def score(self, value: int | None) -> None:
        item = self.current()
        if item is not None:
            self._scorer(item, self.field, value)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        key, text = event.key(), event.text()
        if text.isdigit() and len(text) == 1:
            value = 10 if (self._last_digit == "1" and text == "0") else int(text)
            self._last_digit = text
            self.score(value)
            return
        self._last_digit = None
        if key in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
            Qt.Key.Key_Right,
            Qt.Key.Key_Space,
            Qt.Key.Key_PageDown,
            Qt.Key.Key_Down,
        ):
            self.go(1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Up):
            self.go(-1)
        elif key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self.toggle_field()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.score(None)
        elif key == Qt.Key.Key_Escape:
            self.close_requested.emit()
        else:
            super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002, N802 (Qt override)
        return False  # Tab switches planned/actual instead of moving focus

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)  # type: ignore[arg-type]
        self.show_current()

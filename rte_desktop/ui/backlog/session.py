"""The WSJF estimation session on the projector: one column at a time, keys only.

Left, the features in the backlog's order (the order does not jump while the room estimates)
with the four estimate columns; the current column is highlighted and the others dimmed.
Right, the live ranking by WSJF, ties shown with "=" and a tie mark. Keys (listed in Help from
``ui/shortcuts.py``, rows ``backlog.session.*``): arrows move between cells, digits pick a value
(1, 2, 3, 5, 8, 1 then 3 for 13, 2 then 0 for 20), Delete clears, Ctrl+Enter finishes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from rte_desktop.domain.kinds import WsjfColumn
from rte_desktop.domain.wsjf import COLUMNS, LABELS, SCALE, SHORT_LABELS, format_wsjf, typed_value
from rte_desktop.services.backlog.backlog_view import BacklogView
from rte_desktop.ui.theme import INFO, WARN

MAX_ROWS = 14  # rows that fit the wall at readable size; the cursor scrolls the window


class WsjfSessionView(QWidget):
    """The projector's WSJF grid. Emits ``estimate`` for the panel to store (it refreshes us)."""

    estimate = Signal(int, object, object)  # feature id, WsjfColumn, value (None clears)
    finish = Signal()
    undo = Signal()
    redo = Signal()
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wsjfSession")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view: BacklogView | None = None
        self.row = 0  # index into the backlog order
        self.column = 0  # index into COLUMNS
        self._typed = ""
        self._top = 0
        self.title = QLabel()
        self.hint = QLabel()
        self.status = QLabel()
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(18)
        self.grid.setVerticalSpacing(4)
        self.ranking = QVBoxLayout()
        self.ranking.setSpacing(2)
        body = QHBoxLayout()
        left = QVBoxLayout()
        left.addLayout(self.grid)
        left.addStretch(1)
        right = QVBoxLayout()
        self.ranking_title = QLabel(self.tr("Live order by WSJF"))
        right.addWidget(self.ranking_title)
        right.addLayout(self.ranking)
        right.addStretch(1)
        body.addLayout(left, 3)
        body.addSpacing(24)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 18, 28, 18)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addLayout(body, 1)
        layout.addWidget(self.status)

    # -- data -------------------------------------------------------------------------------------

    def features(self) -> list[int]:
        """Feature ids in the grid's (backlog) order."""
        if self.view is None:
            return []
        rows = sorted(self.view.rows, key=lambda r: (r.feature.backlog_position, r.feature.id or 0))
        return [r.feature.id or 0 for r in rows]

    def current(self) -> tuple[int, WsjfColumn] | None:
        ids = self.features()
        if not ids:
            return None
        return ids[self.row], COLUMNS[self.column]

    def set_view(self, view: BacklogView | None) -> None:
        self.view = view
        ids = self.features()
        self.row = max(0, min(self.row, len(ids) - 1))
        self._render()

    # -- keys -------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        key, text = event.key(), event.text()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        moves: dict[int, Callable[[], None]] = {
            Qt.Key.Key_Up: lambda: self.move_cursor(-1, 0),
            Qt.Key.Key_Down: lambda: self.move_cursor(1, 0),
            Qt.Key.Key_Left: lambda: self.move_cursor(0, -1),
            Qt.Key.Key_Right: lambda: self.move_cursor(0, 1),
            Qt.Key.Key_Home: lambda: self.move_cursor(-len(self.features()), 0),
            Qt.Key.Key_End: lambda: self.move_cursor(len(self.features()), 0),
            Qt.Key.Key_Tab: lambda: self.move_cursor(0, 1),
        }
        ctrl = Qt.KeyboardModifier.ControlModifier
        if key == Qt.Key.Key_Z and mods == ctrl:
            self.undo.emit()
        elif key in (Qt.Key.Key_Y, Qt.Key.Key_Z) and mods & ctrl:
            self.redo.emit()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and mods & ctrl:
            self.finish.emit()
        elif key in moves and not mods & ~Qt.KeyboardModifier.ShiftModifier:
            moves[key]()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.move_cursor(1, 0)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._set(None)
        elif text and text.isdigit() and not mods & ~Qt.KeyboardModifier.ShiftModifier:
            value, self._typed = typed_value(self._typed, text)
            if value is None:
                scale = ", ".join(str(v) for v in SCALE)
                self.message.emit(
                    self.tr("%1 is not on the scale %2").replace("%1", text).replace("%2", scale)
                )
            else:
                self._set(value)
        else:
            super().keyPressEvent(event)

    def event(self, event: object) -> bool:
        # Tab moves to the next column here, not to the next widget.
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Tab
        ):
            self.keyPressEvent(event)
            return True
        return super().event(event)  # type: ignore[arg-type]

    def move_cursor(self, rows: int, columns: int) -> None:
        ids = self.features()
        if not ids:
            return
        self.row = max(0, min(len(ids) - 1, self.row + rows))
        self.column = max(0, min(len(COLUMNS) - 1, self.column + columns))
        self._typed = ""
        self._render()

    def _set(self, value: int | None) -> None:
        here = self.current()
        if here is not None:
            self.estimate.emit(here[0], here[1], value)

    # -- drawing ----------------------------------------------------------------------------------

    def _scale(self) -> float:
        return max(0.6, self.height() / 720) if self.height() > 0 else 1.0

    def _font(self, size: float, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(size * self._scale())
        font.setBold(bold)
        return font

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._render()

    def _clear(self, layout: QGridLayout | QVBoxLayout) -> None:
        while layout.count():
            item = layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def _label(
        self,
        text: str,
        size: float,
        bold: bool = False,
        color: QColor | None = None,
        background: QColor | None = None,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> QLabel:
        label = QLabel(text)
        label.setFont(self._font(size, bold))
        label.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
        style = []
        if color is not None:
            style.append(f"color: {color.name()}")
        if background is not None:
            style.append(f"background: {background.name()}; border-radius: 4px; padding: 0 6px")
        if style:
            label.setStyleSheet("; ".join(style))
        return label

    def _render(self) -> None:
        self._clear(self.grid)
        self._clear(self.ranking)
        view = self.view
        column = COLUMNS[self.column]
        self.title.setFont(self._font(22, bold=True))
        self.hint.setFont(self._font(11))
        self.status.setFont(self._font(11))
        self.ranking_title.setFont(self._font(14, bold=True))
        if view is None or not view.rows:
            self.title.setText(self.tr("WSJF session: no backlog features"))
            self.hint.setText("")
            return
        self.title.setText(
            self.tr("WSJF · %1 · now estimating: %2")
            .replace("%1", view.pi.name)
            .replace("%2", LABELS[column])
        )
        self.hint.setText(
            self.tr(
                "Digits 1 2 3 5 8, 1·3 = 13, 2·0 = 20 · arrows move · Del clears · "
                "Ctrl+Enter finishes · the smallest item of each column is 1"
            )
        )
        highlight = self.palette().color(QPalette.ColorRole.Highlight)
        dim = self.palette().color(QPalette.ColorRole.PlaceholderText)
        by_id = {r.feature.id: r for r in view.rows}
        ids = self.features()
        if self.row < self._top:
            self._top = self.row
        elif self.row >= self._top + MAX_ROWS:
            self._top = self.row - MAX_ROWS + 1
        heads = [self.tr("Feature")] + [SHORT_LABELS[c] for c in COLUMNS]
        for col, text in enumerate(heads):
            current = col - 1 == self.column
            self.grid.addWidget(
                self._label(
                    text + (" ▼" if current else ""),
                    14,
                    bold=True,
                    color=INFO if current else dim,
                    align=Qt.AlignmentFlag.AlignLeft if col == 0 else Qt.AlignmentFlag.AlignHCenter,
                ),
                0,
                col,
            )
        missing = set(view.missing_ones)
        for line, feature_id in enumerate(ids[self._top : self._top + MAX_ROWS], start=1):
            row = by_id[feature_id]
            here = self._top + line - 1 == self.row
            name = f"{row.feature.key} {row.feature.title}".strip()
            self.grid.addWidget(
                self._label(("▶ " if here else "   ") + name[:44], 14, bold=here), line, 0
            )
            for index, c in enumerate(COLUMNS):
                value = row.feature.__getattribute__(c.value)
                cursor = here and index == self.column
                text = "·" if value is None else str(value)
                self.grid.addWidget(
                    self._label(
                        text,
                        16 if index == self.column else 13,
                        bold=index == self.column,
                        color=None if index == self.column else dim,
                        background=highlight if cursor else None,
                        align=Qt.AlignmentFlag.AlignHCenter,
                    ),
                    line,
                    index + 1,
                )
        self.grid.setColumnStretch(0, 1)
        for place in view.rows[:MAX_ROWS]:
            rank = (
                "" if place.rank is None else (f"={place.rank}" if place.tied else str(place.rank))
            )
            tie = "  ⇄ " + self.tr("tie") if place.tied else ""
            name = place.feature.key or place.feature.title[:18]
            text = f"{rank:>4}  {format_wsjf(place.wsjf):>5}  {name}{tie}"
            self.ranking.addWidget(
                self._label(
                    text,
                    13,
                    bold=place.rank is not None and place.rank <= 3,
                    color=WARN if place.tied else None,
                )
            )
        if missing:
            names = ", ".join(SHORT_LABELS[c] for c in COLUMNS if c in missing)
            self.status.setText("⚠ " + self.tr("No 1 yet in: %1").replace("%1", names))
            self.status.setStyleSheet(f"color: {WARN.name()}")
        else:
            self.status.setText("✓ " + self.tr("Every column has its 1"))
            self.status.setStyleSheet("")

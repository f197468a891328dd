"""Item models and the card painter of the ROAM board's columns."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from rte_desktop.domain import roam
from rte_desktop.domain.model import Risk, RoamStatus
from rte_desktop.ui.theme import BAD, OK, WARN

MIME = "application/x-rte-desktop-risk"
RISK_ROLE = Qt.ItemDataRole.UserRole + 1
SEVERITY_COLOUR = {roam.Severity.LOW: OK, roam.Severity.MEDIUM: WARN, roam.Severity.HIGH: BAD}

AnyIndex = QModelIndex | QPersistentModelIndex


class RiskListModel(QAbstractListModel):
    """The risks of one ROAM column; dropping a risk here asks to move it into this column."""

    drop_requested = Signal(int, object)  # risk id, RoamStatus

    def __init__(self, status: RoamStatus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = status
        self.risks: list[Risk] = []
        self.team_names: dict[int, str] = {}
        self.today = dt.date.min  # the ART's today arrives with the risks (set_risks)

    def set_risks(self, risks: list[Risk], team_names: dict[int, str], today: dt.date) -> None:
        self.beginResetModel()
        self.risks = risks
        self.team_names = team_names
        self.today = today
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.risks)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.risks):
            return None
        risk = self.risks[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return risk.title
        if role == RISK_ROLE:
            return risk
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(
                part
                for part in (
                    risk.title,
                    risk.description,
                    risk.mitigation and f"Mitigation: {risk.mitigation}",
                )
                if part
            )
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.card_lines(risk)[0] + ". " + ". ".join(self.card_lines(risk)[1:])
        return None

    def card_lines(self, risk: Risk) -> list[str]:
        """The card's text, line by line (also what a screen reader says)."""
        team = self.team_names.get(risk.team_id or -1, "") or "No team"
        level = roam.severity(risk.score).value.upper()
        lines = [risk.title, team]
        if risk.owner:
            lines.append(f"Owner: {risk.owner}")
        lines.append(f"{level}  {risk.score} = L{risk.likelihood} × I{risk.impact}")
        state = roam.due_state(risk, self.today)
        if risk.due is not None:
            suffix = f" — {state.upper()}" if state in ("overdue", "due soon") else ""
            lines.append(f"Due {risk.due:%d %b %Y}{suffix}")
        lines.append(roam.SOURCE_TITLE[risk.source])
        return lines

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        return (
            base
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | (Qt.ItemFlag.ItemIsDragEnabled)
        )

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        data = QMimeData()
        ids = [str(self.risks[i.row()].id) for i in indexes if i.isValid()]
        data.setData(MIME, QByteArray(",".join(ids).encode()))
        return data

    def dropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        if not data.hasFormat(MIME):
            return False
        text = bytes(data.data(MIME).data()).decode()
        for part in text.split(","):
            if part.isdigit():
                self.drop_requested.emit(int(part), self.status)
        return False  # the move happens in the database; the board reloads from it


LEVEL_WORDS = tuple(f"{s.value.upper()}  " for s in roam.Severity)


class RiskCardDelegate(QStyledItemDelegate):
    """Paints a risk as a card: severity stripe and word, title, team and owner, score, due."""

    PAD = 8

    def __init__(self, parent: QListView | None = None) -> None:
        super().__init__(parent)
        # A board lays out and paints every card on each switch: fonts, title heights and the
        # viewport (a new Python wrapper per call) are looked up once, not per card and call.
        self._view = parent
        self._viewport: QWidget | None = None
        self._fonts_by_key: dict[str, tuple[QFont, QFont, QFont]] = {}
        self._title_heights: dict[tuple[str, str, int], int] = {}

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        key = option.font.key()
        fonts = self._fonts_by_key.get(key)
        if fonts is None:
            body = QFont(option.font)
            title = QFont(body)
            title.setBold(True)
            title.setPointSizeF(body.pointSizeF() * 1.05)
            small = QFont(body)
            small.setPointSizeF(body.pointSizeF() * 0.9)
            fonts = self._fonts_by_key[key] = (title, body, small)
        return fonts

    def _item_width(self, option: QStyleOptionViewItem) -> int:
        if self._view is None:
            return max(120, option.rect.width() or 200)
        if self._viewport is None:
            self._viewport = self._view.viewport()
        return max(120, self._viewport.width() - 2 * self._view.spacing())

    def _text_width(self, item_width: int) -> int:
        return item_width - 6 - self.PAD - 12  # the card inset (3 each side), stripe, padding

    def _title_height(self, font: QFont, text: str, width: int) -> int:
        key = (font.key(), text, width)
        known = self._title_heights.get(key)
        if known is not None:
            return known
        metrics = QFontMetrics(font)
        height = metrics.boundingRect(
            QRect(0, 0, width, 10000), int(Qt.TextFlag.TextWordWrap), text
        ).height()
        lines = max(1, min(3, math.ceil(height / metrics.lineSpacing() - 0.2)))
        if len(self._title_heights) > 4000:  # titles come and go over a long PI Planning
            self._title_heights.clear()
        title_h = self._title_heights[key] = lines * metrics.lineSpacing() + 2
        return title_h

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:  # noqa: N802
        model = index.model()
        risk = index.data(RISK_ROLE)
        if not isinstance(model, RiskListModel) or risk is None:
            return super().sizeHint(option, index)
        title, body, small = self._fonts(option)
        width = self._item_width(option)
        lines = model.card_lines(risk)
        height = (
            self._title_height(title, lines[0], self._text_width(width))
            + QFontMetrics(body).lineSpacing() * (len(lines) - 2)
            + QFontMetrics(small).lineSpacing()
            + 2 * self.PAD
            + 6
        )
        return QSize(width, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        model = index.model()
        risk = index.data(RISK_ROLE)
        if not isinstance(model, RiskListModel) or risk is None:
            super().paint(painter, option, index)
            return
        palette = option.palette
        rect = option.rect.adjusted(3, 3, -3, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        level = roam.severity(risk.score)
        colour = SEVERITY_COLOUR[level]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        border = (
            palette.color(QPalette.ColorRole.Highlight)
            if selected
            else palette.color(QPalette.ColorRole.Mid)
        )
        painter.setPen(QPen(border, 3 if selected else 1))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(rect, 6, 6)
        if focused and selected:
            painter.setPen(QPen(border, 1, Qt.PenStyle.DotLine))
            painter.drawRoundedRect(rect.adjusted(4, 4, -4, -4), 4, 4)
        stripe = QRect(rect.left(), rect.top(), 6, rect.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(stripe, 3, 3)

        title, body, small = self._fonts(option)
        text = palette.color(QPalette.ColorRole.Text)
        lines = model.card_lines(risk)
        x = rect.left() + self.PAD + 4
        width = self._text_width(option.rect.width())
        y = rect.top() + self.PAD
        painter.setFont(title)
        painter.setPen(text)
        title_h = self._title_height(title, lines[0], width)
        painter.drawText(QRect(x, y, width, title_h), int(Qt.TextFlag.TextWordWrap), lines[0])
        y += title_h
        painter.setFont(body)
        metrics = QFontMetrics(body)
        for line in lines[1:-1]:
            pen = text
            if line.startswith(LEVEL_WORDS):  # severity: its colour and its word
                dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
                pen = colour.lighter(130) if dark else colour.darker(130)
            if line.endswith(("OVERDUE", "DUE SOON")):
                pen = BAD if line.endswith("OVERDUE") else WARN
            painter.setPen(pen)
            painter.drawText(
                QRect(x, y, width, metrics.lineSpacing()),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                metrics.elidedText(line, Qt.TextElideMode.ElideRight, width),
            )
            y += metrics.lineSpacing()
        painter.setFont(small)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(
            QRect(x, y, width, QFontMetrics(small).lineSpacing()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            lines[-1],
        )
        painter.restore()

"""The vote display: histogram 1..5, average, PASS/FAIL and the "to be heard" flag.

One widget for the panel and the projector. Everything is sized from one unit (1% of the height
of a 16:9 area that fits the widget), so the same picture reads from the back of a ballroom at
1280x720 and stays tidy in the panel. Results are given in words and shapes as well as colour:
a tick and PASS, a cross and FAIL, a warning triangle and TO BE HEARD; bars for 1 and 2 are
hatched as well as orange.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from rte_desktop.ui.theme import BAD_DEEP, INFO, OK_DEEP, WARN
from rte_desktop.ui.vote.state import DisplayState, finger_labels

Align = Qt.AlignmentFlag


class VoteDisplay(QWidget):
    """Paints a ``DisplayState``; ``drawn_texts`` lists what the last paint put on screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state: DisplayState | None = None
        self.drawn_texts: list[str] = []
        self.setMinimumSize(360, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def state(self) -> DisplayState | None:
        return self._state

    def set_state(self, state: DisplayState | None) -> None:
        """Show ``state`` (repaints only when something changed)."""
        if state != self._state:
            self._state = state
            self.update()

    # -- painting -------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        self.drawn_texts = []
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        self._bg = palette.window().color()
        self._fg = palette.windowText().color()
        painter.fillRect(self.rect(), self._bg)
        state = self._state
        if state is None:
            return
        w, h = float(self.width()), float(self.height())
        u = min(h, w * 9 / 16) / 100
        margin = 3 * u
        self._header(painter, state, QRectF(margin, margin, w - 2 * margin, 14 * u), u)
        footer = 11 * u if state.counts is not None else 0.0
        top = margin + 16 * u
        body = QRectF(margin, top, w - 2 * margin, h - top - margin - footer)
        split = body.width() * 0.58
        left = QRectF(body.left(), body.top(), split - 2 * u, body.height())
        right = QRectF(
            body.left() + split + 2 * u, body.top(), body.width() - split - 2 * u, body.height()
        )
        if state.counts is None:
            self._message(painter, state.message, left, u)
        else:
            self._histogram(painter, state.counts, left, u)
        self._result(painter, state, right, u)
        if footer:
            bar = QRectF(margin, h - margin - footer + 2 * u, w - 2 * margin, footer - 2 * u)
            self._heard(painter, state.to_be_heard or 0, bar, u)
        painter.end()

    def _font(self, px: float, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(10, round(px)))
        font.setBold(bold)
        return font

    def _text(
        self,
        painter: QPainter,
        rect: QRectF,
        flags: Qt.AlignmentFlag | int,
        text: str,
        font: QFont,
        colour: QColor | None = None,
        elide: bool = True,
    ) -> None:
        painter.setFont(font)
        painter.setPen(colour or self._fg)
        if elide:
            text = QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, int(flags), text)
        self.drawn_texts.append(text)

    def _muted(self) -> QColor:
        colour = QColor(self._fg)
        colour.setAlphaF(0.68)
        return colour

    def _header(self, painter: QPainter, state: DisplayState, rect: QRectF, u: float) -> None:
        right_w = rect.width() * 0.38
        title = QRectF(rect.left(), rect.top(), rect.width() - right_w, 9 * u)
        self._text(
            painter,
            title,
            Align.AlignLeft | Align.AlignVCenter,
            state.scope,
            self._font(7.5 * u, bold=True),
        )
        detail = QRectF(rect.left(), rect.top() + 9 * u, rect.width() - right_w, 5 * u)
        if state.warning:  # a miscount outranks the round's detail line: box, sign and words
            self._warning(painter, state.warning, detail.adjusted(0, 0, right_w, 0), u)
        else:
            self._text(
                painter,
                detail,
                Align.AlignLeft | Align.AlignVCenter,
                state.detail,
                self._font(3.6 * u),
                self._muted(),
            )
        if state.participation:
            side = QRectF(rect.right() - right_w, rect.top(), right_w, 9 * u)
            self._text(
                painter,
                side,
                Align.AlignRight | Align.AlignVCenter,
                state.participation,
                self._font(4.6 * u, bold=True),
            )

    def _warning(self, painter: QPainter, text: str, rect: QRectF, u: float) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(WARN)
        painter.drawRoundedRect(rect, 1.5 * u, 1.5 * u)
        self._text(
            painter,
            rect.adjusted(2 * u, 0, -2 * u, 0),
            Align.AlignLeft | Align.AlignVCenter,
            "⚠ " + text,
            self._font(3.6 * u, bold=True),
            QColor(Qt.GlobalColor.black),
        )

    def _histogram(
        self, painter: QPainter, counts: tuple[int, ...], rect: QRectF, u: float
    ) -> None:
        labels = finger_labels()
        column = rect.width() / 5
        bar_w = column * 0.64
        label_h = 14 * u
        base = rect.bottom() - label_h
        room = base - rect.top() - 7 * u
        top_count = max(counts) or 1
        painter.setPen(QPen(self._muted(), max(1.0, 0.3 * u)))
        painter.drawLine(QPointF(rect.left(), base), QPointF(rect.right(), base))
        for index, count in enumerate(counts):
            value = index + 1
            x = rect.left() + index * column + (column - bar_w) / 2
            height = room * count / top_count
            bar = QRectF(x, base - height, bar_w, height)
            low = value <= 2
            painter.fillRect(bar, WARN if low else INFO)
            if low and height > 0:  # hatching: "low" is visible without colour vision
                _hatch(painter, bar, max(6.0, 1.2 * u))
            number = QRectF(rect.left() + index * column, base - height - 7 * u, column, 7 * u)
            self._text(
                painter,
                number,
                Align.AlignCenter,
                str(count),
                self._font(5.8 * u, bold=True),
                elide=False,
            )
            finger = QRectF(rect.left() + index * column, base + 0.5 * u, column, 6.5 * u)
            self._text(
                painter,
                finger,
                Align.AlignCenter,
                str(value),
                self._font(5.4 * u, bold=True),
                elide=False,
            )
            caption = QRectF(rect.left() + index * column, base + 6.5 * u, column, 7.5 * u)
            self._text(
                painter,
                caption,
                Align.AlignHCenter | Align.AlignTop | Qt.TextFlag.TextWordWrap,
                labels[value],
                self._font(2.7 * u),
                self._muted(),
                elide=False,
            )

    def _message(self, painter: QPainter, message: str, rect: QRectF, u: float) -> None:
        box = rect.adjusted(2 * u, 4 * u, -2 * u, -4 * u)
        painter.setPen(QPen(self._muted(), max(1.0, 0.4 * u), Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(box, 3 * u, 3 * u)
        self._text(
            painter,
            box.adjusted(4 * u, 0, -4 * u, 0),
            Align.AlignCenter | Qt.TextFlag.TextWordWrap,
            message,
            self._font(5 * u, bold=True),
            self._muted(),
            elide=False,
        )

    def _result(self, painter: QPainter, state: DisplayState, rect: QRectF, u: float) -> None:
        y = rect.top()
        if state.average is not None:
            self._text(
                painter,
                QRectF(rect.left(), y, rect.width(), 5 * u),
                Align.AlignCenter,
                self.tr("AVERAGE"),
                self._font(3.4 * u, bold=True),
                self._muted(),
            )
            self._text(
                painter,
                QRectF(rect.left(), y + 4 * u, rect.width(), 24 * u),
                Align.AlignCenter,
                state.average,
                self._font(21 * u, bold=True),
                elide=False,
            )
        elif state.hidden:
            self._text(
                painter,
                QRectF(rect.left(), y + 4 * u, rect.width(), 24 * u),
                Align.AlignCenter,
                self.tr("HIDDEN"),
                self._font(10 * u, bold=True),
                self._muted(),
            )
        badge = QRectF(rect.left() + rect.width() * 0.06, y + 30 * u, rect.width() * 0.88, 14 * u)
        if state.verdict is not None:
            self._badge(painter, state.verdict, bool(state.passed), badge, u)
        elif state.average == "–":
            self._text(
                painter,
                badge,
                Align.AlignCenter,
                self.tr("No ballots yet"),
                self._font(5 * u, bold=True),
                self._muted(),
            )
        threshold = QRectF(
            rect.left(),
            badge.bottom() + 2 * u,
            rect.width(),
            max(6 * u, rect.bottom() - badge.bottom() - 2 * u),
        )
        self._text(
            painter,
            threshold,
            Align.AlignHCenter | Align.AlignTop | Qt.TextFlag.TextWordWrap,
            state.threshold,
            self._font(3.2 * u),
            self._muted(),
            elide=False,
        )

    def _badge(self, painter: QPainter, verdict: str, passed: bool, rect: QRectF, u: float) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(OK_DEEP if passed else BAD_DEEP)  # white words on it: deep shades
        painter.drawRoundedRect(rect, 2.5 * u, 2.5 * u)
        icon = QRectF(rect.left() + 3 * u, rect.center().y() - 4.5 * u, 9 * u, 9 * u)
        pen = QPen(
            Qt.GlobalColor.white,
            1.8 * u,
            Qt.PenStyle.SolidLine,
            Qt.PenCapStyle.RoundCap,
            Qt.PenJoinStyle.RoundJoin,
        )
        painter.setPen(pen)
        path = QPainterPath()
        if passed:  # a tick
            path.moveTo(icon.left(), icon.center().y())
            path.lineTo(icon.left() + icon.width() * 0.38, icon.bottom() - icon.height() * 0.1)
            path.lineTo(icon.right(), icon.top() + icon.height() * 0.1)
        else:  # a cross
            path.moveTo(icon.topLeft())
            path.lineTo(icon.bottomRight())
            path.moveTo(icon.topRight())
            path.lineTo(icon.bottomLeft())
        painter.strokePath(path, pen)
        text = QRectF(
            icon.right() + 2 * u, rect.top(), rect.right() - icon.right() - 3 * u, rect.height()
        )
        self._text(
            painter,
            text,
            Align.AlignCenter,
            verdict,
            self._font(8.5 * u, bold=True),
            QColor(Qt.GlobalColor.white),
        )

    def _heard(self, painter: QPainter, count: int, rect: QRectF, u: float) -> None:
        if not count:
            self._text(
                painter,
                rect,
                Align.AlignLeft | Align.AlignVCenter,
                self.tr("Nobody voted 1 or 2"),
                self._font(3.4 * u),
                self._muted(),
            )
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(WARN)
        painter.drawRoundedRect(rect, 2 * u, 2 * u)
        side = rect.height() * 0.72
        left = rect.left() + 2 * u
        mid_y = rect.center().y()
        triangle = QPolygonF(
            [
                QPointF(left + side / 2, mid_y - side / 2),
                QPointF(left + side, mid_y + side / 2),
                QPointF(left, mid_y + side / 2),
            ]
        )
        painter.setBrush(QColor(Qt.GlobalColor.black))
        painter.drawPolygon(triangle)
        mark = QRectF(left, mid_y - side * 0.25, side, side * 0.8)
        self._text(
            painter,
            mark,
            Align.AlignCenter,
            "!",
            self._font(side * 0.6, bold=True),
            WARN,
            elide=False,
        )
        black = QColor(Qt.GlobalColor.black)
        text = QRectF(left + side + 2 * u, rect.top(), rect.width() - side - 5 * u, rect.height())
        flag = self.tr("TO BE HEARD: %d") % count
        self._text(
            painter,
            text,
            Align.AlignLeft | Align.AlignVCenter,
            flag,
            self._font(5.6 * u, bold=True),
            black,
        )
        width = QFontMetricsF(self._font(5.6 * u, bold=True)).horizontalAdvance(flag)
        rest = text.adjusted(width + 2 * u, 0, 0, 0)
        self._text(
            painter,
            rest,
            Align.AlignLeft | Align.AlignVCenter,
            self.tr("everyone who voted 1 or 2 speaks first"),
            self._font(3.4 * u),
            black,
        )


def _hatch(painter: QPainter, rect: QRectF, step: float) -> None:
    """Diagonal lines over ``rect`` (a pattern brush costs ten times more per paint)."""
    painter.save()
    painter.setClipRect(rect)
    painter.setPen(QPen(QColor(0, 0, 0, 90), 1))
    span = rect.height()
    x = rect.left() - span
    lines = []
    while x < rect.right():
        lines.append(QLineF(x, rect.bottom(), x + span, rect.top()))
        x += step
    painter.drawLines(lines)
    painter.restore()

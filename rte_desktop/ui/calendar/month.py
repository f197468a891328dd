"""The month view: six weeks of days, each tinted by its iteration, with its events as chips.

Holidays are grey with their name, the IP iteration is hatched, today is outlined and says so.
Click a chip to select its event, double-click to edit it, drag it to another day to move it;
double-click an empty part of a day to add an event on that day.
"""

from __future__ import annotations

import calendar as pycal
import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from rte_desktop.domain import event_marks
from rte_desktop.domain.cadence import WEEKDAYS, describe_day
from rte_desktop.domain.calendar_rules import KIND_LABELS
from rte_desktop.domain.model import Event
from rte_desktop.services.calendar.calendar import CalendarView
from rte_desktop.ui.calendar.style import (
    band_colours,
    draw_marker,
    ip_brush,
    kind_colour,
    off_colours,
)
from rte_desktop.ui.theme import BAD


@dataclass(frozen=True)
class _Chip:
    event: Event
    rect: QRectF


def month_grid(year: int, month: int) -> list[list[dt.date]]:
    """Six weeks (Monday first) covering the month, as the view draws them."""
    weeks = pycal.Calendar(firstweekday=0).monthdatescalendar(year, month)
    while len(weeks) < 6:
        last = weeks[-1][-1]
        weeks.append([last + dt.timedelta(days=n) for n in range(1, 8)])
    return weeks


class MonthView(QWidget):
    event_clicked = Signal(int)
    event_activated = Signal(int)
    event_dragged = Signal(int, int)  # event id, days
    day_activated = Signal(object)  # dt.date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(320)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.year, self.month = 2026, 1
        self._view: CalendarView | None = None
        self.selected_id: int | None = None
        self._chips: list[_Chip] = []
        self._drag: tuple[int, dt.date] | None = None
        self._drop: dt.date | None = None

    def set_view(self, view: CalendarView | None, year: int, month: int) -> None:
        self._view, self.year, self.month = view, year, month
        self.update()

    def set_selected(self, event_id: int | None) -> None:
        self.selected_id = event_id
        self.update()

    # -- geometry ------------------------------------------------------------------------------

    def _header(self) -> float:
        return self.fontMetrics().height() + 8

    def _cell(self, row: int, col: int) -> QRectF:
        w = (self.width() - 2) / 7
        h = (self.height() - self._header() - 2) / 6
        return QRectF(1 + col * w, self._header() + row * h, w, h)

    def day_at(self, pos: QPointF) -> dt.date | None:
        w = (self.width() - 2) / 7
        h = (self.height() - self._header() - 2) / 6
        if pos.y() < self._header():
            return None
        col, row = int((pos.x() - 1) // w), int((pos.y() - self._header()) // h)
        if not (0 <= col < 7 and 0 <= row < 6):
            return None
        return month_grid(self.year, self.month)[row][col]

    # -- painting ------------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        text = palette.color(QPalette.ColorRole.Text)
        fm = self.fontMetrics()
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text)
        for col in range(7):
            cell = self._cell(0, col)
            painter.drawText(
                QRectF(cell.left(), 0, cell.width(), self._header()),
                int(Qt.AlignmentFlag.AlignCenter),
                self.tr(WEEKDAYS[col]),
            )
        painter.setFont(self.font())
        self._chips = []
        for row, week in enumerate(month_grid(self.year, self.month)):
            for col, day in enumerate(week):
                self._paint_day(painter, day, self._cell(row, col), fm.height())

    def _paint_day(self, painter: QPainter, day: dt.date, cell: QRectF, line: float) -> None:
        palette = self.palette()
        view = self._view
        text = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        dev_a, dev_b, ip_fill = band_colours(palette)
        off, holiday_fill = off_colours(palette)
        inside = day.month == self.month
        iteration = None
        holiday = None
        if view is not None:
            iteration = next((it for it in view.iterations if it.start <= day <= it.end), None)
            holiday = next((h for h in view.holidays if h.start <= day <= h.end), None)
        if holiday is not None:
            painter.fillRect(cell, holiday_fill)
        elif iteration is not None:
            dev_index = (
                sum(1 for it in view.iterations if not it.is_ip and it.start < iteration.start)
                if view
                else 0
            )
            painter.fillRect(
                cell, ip_fill if iteration.is_ip else (dev_a if dev_index % 2 == 0 else dev_b)
            )
            if iteration.is_ip:
                painter.fillRect(cell, ip_brush(palette))
        if view is not None and holiday is None and view.working().blocked_by(day):
            if iteration is None:
                painter.fillRect(cell, off)
            else:  # a weekend inside an iteration: its tint, greyed
                shade = palette.color(QPalette.ColorRole.Mid)
                shade.setAlpha(70)
                painter.fillRect(cell, shade)
        if not inside:
            faded = palette.color(QPalette.ColorRole.Base)
            faded.setAlpha(150)
            painter.fillRect(cell, faded)
        painter.setPen(QPen(muted, 1))
        painter.drawRect(cell)
        # day number, and what starts here
        is_today = view is not None and day == view.today
        number = QFont(self.font())
        number.setBold(is_today or day.day == 1)
        painter.setFont(number)
        painter.setPen(text if inside else muted)
        head = str(day.day)
        if is_today:
            head += "  " + self.tr("Today")
        painter.drawText(QPointF(cell.left() + 4, cell.top() + line - 2), head)
        painter.setFont(self.font())
        note = None
        if holiday is not None:
            note = holiday.name
        elif iteration is not None and (day == iteration.start or day.day == 1):
            note = iteration.name
        if note:
            fm = self.fontMetrics()
            room = int(cell.width() - fm.horizontalAdvance(head) - 14)
            painter.drawText(
                QPointF(
                    cell.right() - 4 - min(fm.horizontalAdvance(note), room), cell.top() + line - 2
                ),
                fm.elidedText(note, Qt.TextElideMode.ElideRight, max(room, 0)),
            )
        if is_today:
            painter.setPen(QPen(BAD, 3))
            painter.drawRect(cell.adjusted(1.5, 1.5, -1.5, -1.5))
        if self._drop == day:
            painter.setPen(
                QPen(palette.color(QPalette.ColorRole.Highlight), 3, Qt.PenStyle.DashLine)
            )
            painter.drawRect(cell.adjusted(2, 2, -2, -2))
        if view is not None:
            events = [e for e in view.events if e.start.date() == day]
            self._paint_chips(painter, events, cell, line)

    def _paint_chips(
        self, painter: QPainter, events: list[Event], cell: QRectF, line: float
    ) -> None:
        palette = self.palette()
        fm = self.fontMetrics()
        chip_h = line + 2
        y = cell.top() + line + 2
        room = int((cell.bottom() - y - 2) // chip_h)
        shown = events if len(events) <= room else events[: max(room - 1, 0)]
        for event in shown:
            rect = QRectF(cell.left() + 3, y, cell.width() - 6, chip_h - 1)
            selected = event.id == self.selected_id
            if selected:
                painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
            colour = kind_colour(event.kind, palette)
            draw_marker(painter, event.kind, QPointF(rect.left() + 7, rect.center().y()), 5, colour)
            painter.setPen(
                palette.color(
                    QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
                )
            )
            label = f"{event.start:%H:%M} {event.title}" + event_marks.mark(event)
            label = fm.elidedText(label, Qt.TextElideMode.ElideRight, int(rect.width() - 18))
            painter.drawText(QPointF(rect.left() + 16, rect.top() + fm.ascent()), label)
            self._chips.append(_Chip(event, rect))
            y += chip_h
        if len(shown) < len(events):
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            more = self.tr("+%n more", "", len(events) - len(shown))
            painter.drawText(QPointF(cell.left() + 6, y + fm.ascent()), more)

    # -- mouse ---------------------------------------------------------------------------------

    def _chip_at(self, pos: QPointF) -> Event | None:
        return next((c.event for c in self._chips if c.rect.contains(pos)), None)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        found = self._chip_at(event.position())
        if found is not None and found.id is not None:
            self.event_clicked.emit(found.id)
            self._drag = (found.id, found.start.date())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if self._drag is not None:
            day = self.day_at(event.position())
            if day != self._drop:
                self._drop = day
                self.update()
            return
        found = self._chip_at(event.position())
        if found is not None:
            when = f"{describe_day(found.start.date())} {found.start:%H:%M}–{found.end:%H:%M}"
            tip = f"<b>{found.title}</b><br>{KIND_LABELS[found.kind]} · {when}"
            if found.note:
                tip += f"<br><i>{found.note}</i>"
            QToolTip.showText(event.globalPosition().toPoint(), tip, self)
        else:
            QToolTip.hideText()

    def mouseReleaseEvent(self, _event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if self._drag is None:
            return
        (event_id, origin), target = self._drag, self._drop
        self._drag, self._drop = None, None
        self.update()
        if target is not None and target != origin:
            self.event_dragged.emit(event_id, (target - origin).days)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        found = self._chip_at(event.position())
        if found is not None and found.id is not None:
            self.event_activated.emit(found.id)
            return
        day = self.day_at(event.position())
        if day is not None:
            self.day_activated.emit(day)

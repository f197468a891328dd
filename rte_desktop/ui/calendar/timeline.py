"""The PI timeline: days left to right, iterations as bands, one lane of markers per event kind.

Non-working days and holidays are shaded, the IP iteration is hatched and labelled, and a line
marks today. Click a marker to select its event, double-click to edit it, drag it sideways to
move it by whole days; double-click an empty day to add an event there.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from rte_desktop.domain import event_marks
from rte_desktop.domain.cadence import MONTH_NAMES, MONTHS, describe_day
from rte_desktop.domain.calendar_rules import KIND_LABELS
from rte_desktop.domain.model import Event, EventKind
from rte_desktop.services.calendar.calendar import CalendarView
from rte_desktop.ui.calendar.style import (
    band_colours,
    draw_marker,
    ip_brush,
    kind_colour,
    off_colours,
)
from rte_desktop.ui.theme import BAD

LANES: tuple[tuple[str, tuple[EventKind, ...]], ...] = (
    ("PI Planning · I&A", (EventKind.PI_PLANNING, EventKind.INSPECT_ADAPT)),
    ("System Demo", (EventKind.SYSTEM_DEMO,)),
    ("Syncs", (EventKind.ART_SYNC, EventKind.COACH_SYNC, EventKind.PO_SYNC)),
    ("Refinement", (EventKind.BACKLOG_REFINEMENT,)),
    ("Other", (EventKind.OTHER, EventKind.HOLIDAY)),
)


def _short(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]}"


@dataclass(frozen=True)
class _Hit:
    event: Event
    rect: QRectF


class TimelineView(QWidget):
    event_clicked = Signal(int)
    event_activated = Signal(int)
    event_dragged = Signal(int, int)  # event id, days
    day_activated = Signal(object)  # dt.date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(260)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the event table is the keyboard surface
        self._view: CalendarView | None = None
        self._start = self._end = dt.date.min  # no range (and no day) until set_view
        self.selected_id: int | None = None
        self._hits: list[_Hit] = []
        self._drag: tuple[int, float] | None = None
        self._drag_days = 0

    # -- data ----------------------------------------------------------------------------------

    def set_view(self, view: CalendarView | None, start: dt.date, end: dt.date) -> None:
        self._view, self._start, self._end = view, start, end
        self.update()

    def set_selected(self, event_id: int | None) -> None:
        self.selected_id = event_id
        self.update()

    # -- geometry ------------------------------------------------------------------------------

    def _left(self) -> float:
        return 150.0

    def _day_width(self) -> float:
        days = (self._end - self._start).days + 1
        return max(1.0, (self.width() - self._left() - 12) / max(days, 1))

    def _x(self, day: dt.date) -> float:
        return self._left() + (day - self._start).days * self._day_width()

    def day_at(self, x: float) -> dt.date | None:
        if x < self._left() or self._start == dt.date.min:  # before the first set_view
            return None
        day = self._start + dt.timedelta(days=int((x - self._left()) // self._day_width()))
        return day if self._start <= day <= self._end else None

    def _rows(self) -> tuple[float, float, float, float]:
        """Top of the band row, band height, lane height, header height."""
        header = 2 * self.fontMetrics().height() + 10
        band = 2.4 * self.fontMetrics().height() + 8
        lanes = len(self._lanes())
        lane = max(30.0, (self.height() - header - band - 8) / max(lanes, 1))
        return header, band, lane, header

    def _lanes(self) -> list[tuple[str, tuple[EventKind, ...]]]:
        events = self._view.events if self._view else ()
        return [
            lane for lane in LANES if lane[0] != "Other" or any(e.kind in lane[1] for e in events)
        ]

    # -- painting ------------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        view = self._view
        if view is None:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No PI chosen."))
            return
        top, band_h, lane_h, _ = self._rows()
        lanes = self._lanes()
        bottom = top + band_h + lane_h * len(lanes)
        day_w = self._day_width()
        text = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        off, holiday_fill = off_colours(palette)
        working = view.working()
        fm = self.fontMetrics()
        # shaded days and the date header
        day = self._start
        while day <= self._end:
            x = self._x(day)
            reason = working.blocked_by(day)
            if reason is not None:
                is_holiday = any(h.start <= day <= h.end for h in view.holidays)
                painter.fillRect(
                    QRectF(x, top, day_w, bottom - top), holiday_fill if is_holiday else off
                )
            if day == self._start or day.day == 1:
                painter.setPen(text)
                bold = QFont(self.font())
                bold.setBold(True)
                painter.setFont(bold)
                painter.drawText(
                    QPointF(x + 3, fm.ascent() + 2), f"{MONTH_NAMES[day.month - 1]} {day.year}"
                )
                painter.setFont(self.font())
            if day.weekday() == 0 or day == self._start:
                painter.setPen(QPen(muted, 1))
                painter.drawLine(QPointF(x, top - fm.height() - 2), QPointF(x, bottom))
                painter.setPen(text)
                label = f"{day.day} {MONTHS[day.month - 1]}"
                painter.drawText(QPointF(x + 3, top - 5), label)
            day += dt.timedelta(days=1)
        self._paint_bands(painter, top, band_h)
        self._paint_holiday_names(painter, top + band_h, bottom)
        self._hits = []
        for index, (title, kinds) in enumerate(lanes):
            lane_top = top + band_h + index * lane_h
            centre = lane_top + lane_h / 2
            painter.setPen(QPen(muted, 1, Qt.PenStyle.DotLine))
            painter.drawLine(
                QPointF(0, lane_top + lane_h), QPointF(self.width(), lane_top + lane_h)
            )
            painter.setPen(text)
            painter.drawText(
                QRectF(6, lane_top, self._left() - 10, lane_h),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                self.tr(title),
            )
            for event in view.events:
                if event.kind in kinds:
                    self._paint_event(painter, event, centre, lane_h)
        self._paint_today(painter, view.today, top, bottom)

    def _paint_bands(self, painter: QPainter, top: float, band_h: float) -> None:
        assert self._view is not None
        palette = self.palette()
        dev_a, dev_b, ip_fill = band_colours(palette)
        text = palette.color(QPalette.ColorRole.Text)
        bold = QFont(self.font())
        bold.setBold(True)
        fm = self.fontMetrics()
        dev = 0
        for it in self._view.iterations:
            first, last = max(it.start, self._start), min(it.end, self._end)
            if first > last:
                continue
            rect = QRectF(
                self._x(first), top, self._x(last) - self._x(first) + self._day_width(), band_h
            )
            painter.fillRect(rect, ip_fill if it.is_ip else (dev_a if dev % 2 == 0 else dev_b))
            dev += not it.is_ip
            if it.is_ip:
                painter.fillRect(rect, ip_brush(palette))
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Base), 2))
            painter.drawRect(rect)
            inner = rect.adjusted(5, 3, -5, -3)
            second = (
                self.tr("IP · Innovation & Planning")
                if it.is_ip
                else f"{_short(it.start)} – {_short(it.end)}"
            )
            if it.is_ip:  # a solid box behind the words so the hatching never hides them
                width = max(fm.horizontalAdvance(it.name), fm.horizontalAdvance(second)) + 8
                painter.fillRect(
                    QRectF(
                        inner.left() - 3,
                        inner.top(),
                        min(width, inner.width() + 6),
                        2 * fm.height() + 2,
                    ),
                    ip_fill,
                )
            painter.setPen(text)
            painter.setFont(bold)
            name = fm.elidedText(it.name, Qt.TextElideMode.ElideRight, int(inner.width()))
            painter.drawText(QPointF(inner.left(), inner.top() + fm.ascent()), name)
            painter.setFont(self.font())
            second = fm.elidedText(second, Qt.TextElideMode.ElideRight, int(inner.width()))
            painter.drawText(QPointF(inner.left(), inner.top() + fm.height() + fm.ascent()), second)

    def _paint_holiday_names(self, painter: QPainter, top: float, bottom: float) -> None:
        assert self._view is not None
        painter.save()
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        painter.setFont(small)
        for holiday in self._view.holidays:
            first = max(holiday.start, self._start)
            if first > min(holiday.end, self._end):
                continue
            painter.save()
            painter.translate(self._x(first) + self._day_width() / 2 + 4, bottom - 4)
            painter.rotate(-90)
            painter.drawText(QPointF(0, 0), holiday.name)
            painter.restore()
        painter.restore()

    def _paint_event(self, painter: QPainter, event: Event, centre: float, lane_h: float) -> None:
        day = event.start.date()
        if not self._start <= day <= self._end:
            return
        palette = self.palette()
        day_w = self._day_width()
        shift = self._drag_days if self._drag and self._drag[0] == event.id else 0
        x = self._x(day) + (shift + 0.5) * day_w
        r = max(6.0, min(day_w * 0.6, lane_h * 0.3, 11.0))
        colour = kind_colour(event.kind, palette)
        if event.kind is EventKind.PI_PLANNING:  # a bar filling its day: consecutive days join
            painter.save()
            painter.setBrush(colour)
            painter.setPen(QPen(QColor("#202020"), 1))
            painter.drawRoundedRect(
                QRectF(x - day_w / 2 + 1, centre - r * 0.7, day_w - 2, r * 1.4), 2, 2
            )
            painter.restore()
        else:
            draw_marker(painter, event.kind, QPointF(x, centre), r, colour)
        rect = QRectF(x - max(r, day_w / 2), centre - r - 2, 2 * max(r, day_w / 2), 2 * r + 4)
        self._hits.append(_Hit(event, rect))
        if event.id == self.selected_id:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(x, centre), r + 5, r + 5)
            painter.restore()
        caption = (event_marks.caption(event) or "") + event_marks.mark(event)
        if caption:
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            fm = self.fontMetrics()
            width = int(day_w * 7)
            text = fm.elidedText(caption, Qt.TextElideMode.ElideRight, width)
            above = event.kind is EventKind.INSPECT_ADAPT
            y = centre - r - 4 if above else centre + r + fm.ascent() + 2
            painter.drawText(QPointF(x - fm.horizontalAdvance(text) / 2, y), text)

    def _paint_today(self, painter: QPainter, today: dt.date, top: float, bottom: float) -> None:
        if not self._start <= today <= self._end:
            return
        x = self._x(today) + self._day_width() / 2
        painter.setPen(QPen(BAD, 2, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(x, top - 2), QPointF(x, bottom))
        label = self.tr("Today")
        fm = self.fontMetrics()
        box = QRectF(
            x - fm.horizontalAdvance(label) / 2 - 4,
            bottom - fm.height() - 4,
            fm.horizontalAdvance(label) + 8,
            fm.height() + 2,
        )
        painter.fillRect(box, BAD)
        painter.setPen(QColor("white"))
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), label)

    # -- mouse ---------------------------------------------------------------------------------

    def _hit(self, pos: QPointF) -> Event | None:
        for hit in reversed(self._hits):
            if hit.rect.contains(pos):
                return hit.event
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        found = self._hit(event.position())
        if found is not None and found.id is not None:
            self.event_clicked.emit(found.id)
            self._drag, self._drag_days = (found.id, event.position().x()), 0

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if self._drag is not None:
            days = round((event.position().x() - self._drag[1]) / self._day_width())
            if days != self._drag_days:
                self._drag_days = days
                self.update()
            return
        found = self._hit(event.position())
        if found is not None:
            when = f"{describe_day(found.start.date())} {found.start:%H:%M}–{found.end:%H:%M}"
            tip = f"<b>{found.title}</b><br>{KIND_LABELS[found.kind]} · {when}"
            if found.note:
                tip += f"<br><i>{found.note}</i>"
            QToolTip.showText(event.globalPosition().toPoint(), tip, self)
            return
        day = self.day_at(event.position().x())
        reason = self._view.working().blocked_by(day) if self._view and day else None
        if day is not None and reason:
            tip = f"{describe_day(day)}: {reason}"
            QToolTip.showText(event.globalPosition().toPoint(), tip, self)
        else:
            QToolTip.hideText()

    def mouseReleaseEvent(self, _event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if self._drag is not None:
            event_id, days = self._drag[0], self._drag_days
            self._drag, self._drag_days = None, 0
            self.update()
            if days:
                self.event_dragged.emit(event_id, days)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        found = self._hit(event.position())
        if found is not None and found.id is not None:
            self.event_activated.emit(found.id)
            return
        day = self.day_at(event.position().x())
        if day is not None:
            self.day_activated.emit(day)

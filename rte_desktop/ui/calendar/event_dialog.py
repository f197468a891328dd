"""Create or edit one event: type, title, start, end and a note.

The dialog checks the values before it closes (an end before the start keeps it open with the
reason) and warns, without refusing, when the day is a holiday or not a working day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from rte_desktop.domain.cadence import describe_day
from rte_desktop.domain.calendar_rules import KIND_LABELS
from rte_desktop.domain.errors import DomainError
from rte_desktop.domain.model import Event, EventKind
from rte_desktop.services.calendar.calendar import check_event
from rte_desktop.ui.theme import BAD, WARN


@dataclass(frozen=True)
class EventValues:
    kind: EventKind
    title: str
    start: dt.datetime
    end: dt.datetime
    note: str


def to_qdatetime(value: dt.datetime) -> QDateTime:
    return QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))


def from_qdatetime(value: QDateTime) -> dt.datetime:
    d, t = value.date(), value.time()
    return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


class EventDialog(QDialog):
    """``values()`` holds the accepted input; ``day_note(date)`` says why a day is off."""

    def __init__(
        self,
        title: str,
        event: Event | None,
        default_start: dt.datetime,
        day_note: Callable[[dt.date], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self._day_note = day_note
        self.kind = QComboBox()
        for kind in EventKind:
            self.kind.addItem(KIND_LABELS[kind], kind)
        self.title = QLineEdit()
        self.start = QDateTimeEdit()
        self.end = QDateTimeEdit()
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("ddd yyyy-MM-dd  HH:mm")
        self.note = QLineEdit()
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {WARN.name()}")
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {BAD.name()}; font-weight: bold")
        form = QFormLayout(self)
        form.addRow(self.tr("&Type:"), self.kind)
        form.addRow(self.tr("T&itle:"), self.title)
        form.addRow(self.tr("&Starts:"), self.start)
        form.addRow(self.tr("&Ends:"), self.end)
        form.addRow(self.tr("&Note:"), self.note)
        form.addRow(self.warning)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        if event is not None:
            self.kind.setCurrentIndex(self.kind.findData(event.kind))
            self.title.setText(event.title)
            self.start.setDateTime(to_qdatetime(event.start))
            self.end.setDateTime(to_qdatetime(event.end))
            self.note.setText(event.note)
        else:
            self.kind.setCurrentIndex(self.kind.findData(EventKind.OTHER))
            self.start.setDateTime(to_qdatetime(default_start))
            self.end.setDateTime(to_qdatetime(default_start + dt.timedelta(hours=1)))
        self._length = from_qdatetime(self.end.dateTime()) - from_qdatetime(self.start.dateTime())
        self.start.dateTimeChanged.connect(self._on_start_changed)
        self.end.dateTimeChanged.connect(self._on_end_changed)
        self._values: EventValues | None = None
        self._show_day_note()

    def _on_start_changed(self, _value: QDateTime) -> None:
        # moving the start keeps the length, as calendars do
        start = from_qdatetime(self.start.dateTime())
        self.end.blockSignals(True)
        self.end.setDateTime(to_qdatetime(start + self._length))
        self.end.blockSignals(False)
        self._show_day_note()

    def _on_end_changed(self, _value: QDateTime) -> None:
        self._length = from_qdatetime(self.end.dateTime()) - from_qdatetime(self.start.dateTime())

    def _show_day_note(self) -> None:
        day = from_qdatetime(self.start.dateTime()).date()
        reason = self._day_note(day)
        text = self.tr("%1 is not a working day (%2).") if reason else ""
        self.warning.setText(text.replace("%1", describe_day(day)).replace("%2", reason or ""))

    def _on_accept(self) -> None:
        values = EventValues(
            kind=EventKind(self.kind.currentData()),  # Qt hands enum data back as str
            title=" ".join(self.title.text().split()),
            start=from_qdatetime(self.start.dateTime()),
            end=from_qdatetime(self.end.dateTime()),
            note=self.note.text().strip(),
        )
        try:
            check_event(
                Event(
                    art_id=0,
                    kind=values.kind,
                    title=values.title,
                    start=values.start,
                    end=values.end,
                    uid="-",
                )
            )
        except DomainError as exc:
            self.error.setText(str(exc))
            return
        self._values = values
        self.accept()

    def values(self) -> EventValues | None:
        return self._values

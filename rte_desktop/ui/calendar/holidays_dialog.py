"""Holidays and blackout ranges of the ART: list, add, remove, import from an .ics file.

Each change goes through the panel's undo stack. Events already generated move off new holidays
when the cadence is regenerated (the preview says which).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rte_desktop.domain.cadence import describe_day
from rte_desktop.domain.errors import DomainError
from rte_desktop.domain.model import Holiday
from rte_desktop.services.calendar.calendar import CalendarService
from rte_desktop.ui.shortcuts import bind
from rte_desktop.ui.theme import BAD
from rte_desktop.ui.undo import UndoStack
from rte_desktop.ui.undo_recipes import push_created, push_deleted


def _date(edit: QDateEdit) -> dt.date:
    d = edit.date()
    return dt.date(d.year(), d.month(), d.day())


class HolidaysDialog(QDialog):
    def __init__(
        self,
        calendar: CalendarService,
        art_id: int,
        undo: UndoStack,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Holidays and blackout days"))
        self.resize(640, 460)
        self._calendar, self._art_id, self._undo = calendar, art_id, undo
        self.holidays: list[Holiday] = []
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("From"), self.tr("To")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Winter break"))
        qtoday = QDate(today.year, today.month, today.day)
        self.first = QDateEdit(qtoday)
        self.last = QDateEdit(qtoday)
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("ddd yyyy-MM-dd")
        self.first.dateChanged.connect(
            lambda d: self.last.setDate(d) if self.last.date() < d else None
        )
        self.add_button = QPushButton(self.tr("&Add"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.import_button = QPushButton(self.tr("&Import .ics..."))
        self.message = QLabel()
        self.message.setWordWrap(True)
        add_row = QHBoxLayout()
        for widget in (QLabel(self.tr("&Name:")), self.name, self.first, QLabel("–"), self.last):
            add_row.addWidget(widget)
        add_row.itemAt(0).widget().setBuddy(self.name)  # type: ignore[union-attr]
        add_row.addWidget(self.add_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        hint = QLabel(
            self.tr(
                "Days off for the whole train. Generated events move to the next working "
                "day when you regenerate the cadence; Delete removes the selected one."
            )
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(add_row)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.add_button.clicked.connect(self.add_holiday)
        self.name.returnPressed.connect(self.add_holiday)
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button.clicked.connect(self.import_file)
        bind(self.table, "holidays.remove", self.remove_selected)
        self.refresh()

    def refresh(self) -> None:
        holidays = self._calendar.holidays(self._art_id)
        self.holidays = holidays  # as shown: a removal names what it removes
        self.table.setRowCount(len(holidays))
        for row, holiday in enumerate(holidays):
            cells = [holiday.name, describe_day(holiday.start), describe_day(holiday.end)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, holiday.id)
                self.table.setItem(row, col, item)

    def _say(self, text: str, bad: bool = False) -> None:
        self.message.setStyleSheet(f"color: {BAD.name()}; font-weight: bold" if bad else "")
        self.message.setText(text)

    def add_holiday(self) -> None:
        name, first, last = self.name.text(), _date(self.first), _date(self.last)
        calendar, art_id = self._calendar, self._art_id
        try:
            push_created(
                self._undo,
                self.tr("Add holiday"),
                lambda: calendar.add_holiday(art_id, name, first, last).value,
                lambda holiday: calendar.delete_holiday(holiday.id or 0, seen=holiday).value,
                calendar.put_holiday,
            )
        except DomainError as exc:
            self._say(str(exc), bad=True)
            return
        self.name.clear()
        self._say(self.tr("Added. Regenerate the cadence to move events off it."))
        self.refresh()

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        cell = self.table.item(row, 0)
        if cell is None:
            return
        holiday_id = cell.data(Qt.ItemDataRole.UserRole)
        calendar = self._calendar
        shown = next((h for h in self.holidays if h.id == holiday_id), None)
        try:  # another facilitator's change or removal since: said here, nothing removed
            push_deleted(
                self._undo,
                self.tr("Remove holiday"),
                lambda: calendar.delete_holiday(holiday_id, seen=shown).value,
                calendar.put_holiday,
            )
        except DomainError as exc:
            self._say(str(exc), bad=True)
        self.refresh()

    def import_file(self, path: Path | None = None) -> None:
        if not path:
            name, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Import holidays"),
                "",
                self.tr("iCalendar files (*.ics);;All files (*)"),
            )
            if not name:
                return
            path = Path(name)
        try:
            result = self._calendar.import_holidays(self._art_id, path).value
        except (DomainError, OSError) as exc:
            self._say(str(exc), bad=True)
            return
        text = self.tr("Imported %1 holiday(s); %2 were already there.")
        self._say(text.replace("%1", str(result.added)).replace("%2", str(result.duplicates)))
        self.refresh()

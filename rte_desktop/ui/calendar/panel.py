"""The Calendar panel: the PI timeline or a month, the event list, and the calendar's actions.

Keyboard: the event list holds the focus; Enter edits, Delete deletes, Alt+Left/Right moves by a
day, Alt+Up/Down by a week, Insert adds; Ctrl+G generates the cadence.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rte_desktop.domain.cadence import MONTH_NAMES, short_date
from rte_desktop.domain.model import Event
from rte_desktop.services.calendar.cadence import CadenceRequest, CadenceService
from rte_desktop.services.calendar.calendar import CalendarService, CalendarView
from rte_desktop.services.common.changes import Area
from rte_desktop.services.train.train import TrainService
from rte_desktop.ui.calendar.actions import CalendarActions
from rte_desktop.ui.calendar.editing import CalendarEditor
from rte_desktop.ui.calendar.models import EventTableModel
from rte_desktop.ui.calendar.month import MonthView, month_grid
from rte_desktop.ui.calendar.timeline import TimelineView
from rte_desktop.ui.panel_base import Panel, PanelContext
from rte_desktop.ui.settings import CALENDAR_MODE
from rte_desktop.ui.shortcuts import bind, bind_each, keys_of


def calendar_panel(ctx: PanelContext, parent: QWidget | None = None) -> CalendarPanel:
    """The Calendar panel with the services it uses."""
    ws = ctx.ws
    return CalendarPanel(ctx, ws.calendar, ws.cadence, ws.train, parent)


class CalendarPanel(Panel):
    """The ART calendar: a PI timeline or a month, the event list, and their actions.

    Args:
        ctx: the panel context (bus, undo stack, settings).
        calendar: the calendar service (events, holidays, ICS, PDF).
        cadence: the cadence generator.
        train: the train service (PIs, today in the ART's zone).
        parent: the parent widget.
    """

    areas = (Area.CALENDAR,)

    def __init__(
        self,
        ctx: PanelContext,
        calendar: CalendarService,
        cadence: CadenceService,
        train: TrainService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self._calendar = calendar
        self._train = train
        self.month: tuple[int, int] | None = None  # (year, month) shown in the month view
        self._view: CalendarView | None = None
        self.timeline = TimelineView()
        self.month_view = MonthView()
        self.views = QStackedWidget()
        self.views.addWidget(self.timeline)
        self.views.addWidget(self.month_view)
        self.model = EventTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        # toolbar row
        self.timeline_button = QToolButton()
        self.timeline_button.setText(self.tr("PI &timeline"))
        self.month_button = QToolButton()
        self.month_button.setText(self.tr("&Month"))
        group = QButtonGroup(self)
        for button in (self.timeline_button, self.month_button):
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            group.addButton(button)
        self.timeline_button.setChecked(True)
        self.prev_button = QToolButton()
        self.prev_button.setText("◀")
        self.prev_button.setToolTip(self.tr("Previous month (PgUp)"))
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setToolTip(self.tr("Next month (PgDown)"))
        self.today_button = QToolButton()
        self.today_button.setText(self.tr("Today"))
        self.today_button.setToolTip(self.tr("Back to today's month (Alt+Home)"))
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.heading.setFont(font)
        self.new_button = QPushButton(self.tr("&New event"))
        self.generate_button = QPushButton(self.tr("&Generate cadence..."))
        self.holidays_button = QPushButton(self.tr("&Holidays..."))
        self.export_button = QPushButton(self.tr("Export &ICS..."))
        self.pdf_button = QPushButton(self.tr("&PDF..."))
        tips = {
            self.new_button: keys_of("calendar.new_event"),
            self.generate_button: keys_of("calendar.generate"),
            self.holidays_button: keys_of("calendar.holidays"),
            self.export_button: keys_of("window.export_calendar"),
            self.pdf_button: keys_of("calendar.save_pdf"),
        }
        for push_button, keys in tips.items():
            push_button.setToolTip(keys)
        self.status = QLabel()
        self.status.setWordWrap(True)
        bar = QHBoxLayout()
        for widget in (
            self.timeline_button,
            self.month_button,
            self.prev_button,
            self.today_button,
            self.next_button,
        ):
            bar.addWidget(widget)
        bar.addSpacing(12)
        # The heading gives way first on a narrow (projector) screen instead of widening the window.
        self.heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bar.addWidget(self.heading, 1)
        for push_button in tips:
            bar.addWidget(push_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.views)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([640, 300])  # the calendar gets about two thirds
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        self.editor = CalendarEditor(
            self,
            ctx.undo,
            calendar,
            train,
            lambda: self.art_id,
            self.selected_event,
            self.select_event,
            self.shown_event,
        )
        self.calendar_actions = CalendarActions(
            self,
            ctx,
            calendar,
            cadence,
            train,
            lambda: (self.art_id, self.pi_id),
            self.status.setText,
            lambda lines: self.confirm_replacements(lines),
        )
        self._wire()
        if ctx.settings.get(CALENDAR_MODE) == "month":
            self.views.setCurrentWidget(self.month_view)
            self.month_button.setChecked(True)

    # -- wiring ---------------------------------------------------------------------------------

    def _wire(self) -> None:
        self.timeline_button.clicked.connect(lambda: self.show_mode("timeline"))
        self.month_button.clicked.connect(lambda: self.show_mode("month"))
        self.prev_button.clicked.connect(lambda: self.step_month(-1))
        self.next_button.clicked.connect(lambda: self.step_month(1))
        self.today_button.clicked.connect(self.go_today)
        self.new_button.clicked.connect(lambda: self.new_event())
        self.generate_button.clicked.connect(self.generate_cadence)
        self.holidays_button.clicked.connect(self.edit_holidays)
        self.export_button.clicked.connect(self.export_ics)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        for view in (self.timeline, self.month_view):
            view.event_clicked.connect(self.select_event)
            view.event_activated.connect(self._on_view_activated)
            view.event_dragged.connect(self.move_event)
            view.day_activated.connect(self._on_day_activated)
        bind(self, "calendar.toggle_mode", self.toggle_mode)
        # month paging only in the month view, so PgUp/PgDown still page the list otherwise
        self.month_keys = bind_each(
            self, "calendar.page_month", [lambda: self.step_month(-1), lambda: self.step_month(1)]
        )
        bind(self, "calendar.today", self.go_today)
        bind(self, "calendar.new_event", lambda: self.new_event())
        bind(self, "calendar.edit", self.edit_selected)
        bind(self, "calendar.delete", self.delete_selected)
        bind_each(
            self,
            "calendar.move_day",
            [lambda: self.move_selected(-1), lambda: self.move_selected(1)],
        )
        bind_each(
            self,
            "calendar.move_week",
            [lambda: self.move_selected(-7), lambda: self.move_selected(7)],
        )
        bind(self, "calendar.generate", self.generate_cadence)
        bind(self, "calendar.holidays", self.edit_holidays)
        bind(self, "calendar.print", self.print_pdf)
        bind(self, "calendar.save_pdf", self.save_pdf)

    # -- showing ----------------------------------------------------------------------------

    def mode(self) -> str:
        return "month" if self.views.currentWidget() is self.month_view else "timeline"

    def show_mode(self, mode: str) -> None:
        self.views.setCurrentWidget(self.month_view if mode == "month" else self.timeline)
        (self.month_button if mode == "month" else self.timeline_button).setChecked(True)
        self.ctx.settings.put(CALENDAR_MODE, mode)
        self.refresh()

    def toggle_mode(self) -> None:
        self.show_mode("timeline" if self.mode() == "month" else "month")

    def step_month(self, months: int) -> None:
        if self.mode() != "month" or self.month is None:
            return
        index = self.month[0] * 12 + self.month[1] - 1 + months
        self.month = (index // 12, index % 12 + 1)
        self.refresh()

    def set_scope(self, art_id: int | None, pi_id: int | None) -> None:
        self.month = None  # another PI: the month view starts again at its first month
        super().set_scope(art_id, pi_id)

    def go_today(self) -> None:
        # today in the ART's time zone
        today = self._view.today if self._view is not None else self._train.today(self.art_id)
        self.month = (today.year, today.month)
        if self.mode() != "month":
            self.show_mode("month")
        else:
            self.refresh()

    def _show_no_view(self) -> None:
        """An empty timeline spanning only today (a double-click there adds an event today)."""
        today = self._train.today(self.art_id)
        self._view = None
        self.timeline.set_view(None, today, today)

    def main_widget(self) -> QWidget | None:
        """The timeline or the month, whichever is shown."""
        return self.views.currentWidget()

    def refresh(self) -> None:
        if self.art_id is None:
            self._show_no_view()
            self.model.set_events([])
            return
        selected = self.selected_event_id()
        monthly = self.mode() == "month"
        self.prev_button.setEnabled(monthly)
        self.next_button.setEnabled(monthly)
        for action in self.month_keys:
            action.setEnabled(monthly)
        if monthly:
            if self.month is None:
                pi = self._train.pi(self.pi_id) if self.pi_id else None
                today = self._train.today(self.art_id)
                anchor = today if pi is None or pi.contains(today) else pi.start
                self.month = (anchor.year, anchor.month)
            year, month = self.month
            grid = month_grid(year, month)
            self._view = self._calendar.view(self.art_id, grid[0][0], grid[-1][-1])
            self.month_view.set_view(self._view, year, month)
            self.heading.setText(f"{MONTH_NAMES[month - 1]} {year}")
            events = [
                e for e in self._view.events if (e.start.year, e.start.month) == (year, month)
            ]
        else:
            if self.pi_id is None:
                self._show_no_view()
                self.heading.setText(self.tr("No PI yet: generate the cadence (Ctrl+G)."))
                self.model.set_events([])
                return
            pi = self._train.pi(self.pi_id)
            self._view = self._calendar.view(self.art_id, pi.start, pi.end)
            self.timeline.set_view(self._view, pi.start, pi.end)
            self.heading.setText(f"{pi.name}  ·  {short_date(pi.start)} – {short_date(pi.end)}")
            events = list(self._view.events)
        self.model.set_events(events)
        self.select_event(selected)
        zone = self._view.art.time_zone if self._view else ""
        self.status.setText(
            self.tr("%n event(s)", "", len(events))
            + "  ·  "
            + self.tr("times in %1  ·  * moved off a holiday, ✎ edited by hand").replace("%1", zone)
        )

    # -- selection ------------------------------------------------------------------------------

    def selected_event_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.events[index.row()].id

    def selected_event(self) -> Event | None:
        index = self.table.currentIndex()
        return self.model.events[index.row()] if index.isValid() else None

    def shown_event(self, event_id: int) -> Event | None:
        """The event with this id as the panel shows it (None when it is not shown)."""
        shown = list(self.model.events) + list(self._view.events if self._view else ())
        return next((e for e in shown if e.id == event_id), None)

    def select_event(self, event_id: int | None) -> None:
        row = self.model.row_of(event_id)
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(self.model.index(row, 0))
        self.timeline.set_selected(event_id if row >= 0 else None)
        self.month_view.set_selected(event_id if row >= 0 else None)

    def _on_row_changed(self, current: object, _previous: object) -> None:
        event_id = self.selected_event_id()
        self.timeline.set_selected(event_id)
        self.month_view.set_selected(event_id)

    def _on_view_activated(self, event_id: int) -> None:
        self.select_event(event_id)
        self.edit_selected()

    def _on_day_activated(self, day: dt.date) -> None:
        self.new_event(day)

    # -- actions (ui/calendar/editing.py and actions.py) -------------------------------------

    def new_event(self, day: dt.date | None = None) -> None:
        self.editor.new_event(day)

    def edit_selected(self) -> None:
        self.editor.edit_selected()

    def move_event(self, event_id: int, days: int) -> None:
        self.editor.move_event(event_id, days)

    def move_selected(self, days: int) -> None:
        self.editor.move_selected(days)

    def delete_selected(self) -> None:
        row = self.table.currentIndex().row()
        self.editor.delete_selected()
        if self.model.events and row >= 0:
            self.table.selectRow(min(row, len(self.model.events) - 1))

    def initial_request(self) -> CadenceRequest:
        return self.calendar_actions.initial_request()

    def generate_cadence(self) -> None:
        self.calendar_actions.generate_cadence()

    def confirm_replacements(self, lines: list[str]) -> bool:
        return self.calendar_actions.confirm_replacements(lines)

    def edit_holidays(self) -> None:
        self.calendar_actions.edit_holidays()

    def export_ics(self) -> Path | None:
        return self.calendar_actions.export_ics()

    def save_pdf(self) -> Path | None:
        """Ctrl+Shift+P: save the calendar PDF (asks where)."""
        return self.calendar_actions.save_pdf()

    def print_pdf(self) -> None:
        """Ctrl+P: print the calendar through the system print dialog."""
        self.calendar_actions.print_pdf()

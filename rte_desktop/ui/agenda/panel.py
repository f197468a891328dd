"""Agenda & Timer panel: the whole day with planned vs projected times, the timer, the presenter.

One QTimer (200 ms) only repaints: each tick reads ``ws.clock`` once and asks the replayed run
(``domain/agenda_timer.py``) for the state; nothing is counted. Commands write one timer event
each through the service; the panel reloads from the database when the service says the timer or
the agenda changed, so what it shows is always what a restart would show.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QTimer
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QMessageBox, QVBoxLayout, QWidget

from rte_desktop.domain.agenda_schedule import DaySchedule, current_day, project
from rte_desktop.domain.agenda_timer import Reading, TimerRun, TimerSnapshot, TimerState
from rte_desktop.domain.errors import DomainError
from rte_desktop.services.agenda.agenda_timer import AgendaRunData
from rte_desktop.services.common.changes import Area, Changes
from rte_desktop.ui.agenda import display, editing, presenting
from rte_desktop.ui.agenda.chime import Chime
from rte_desktop.ui.agenda.keys import KeyCommand, TimerKeys
from rte_desktop.ui.agenda.models import AgendaTableModel
from rte_desktop.ui.agenda.presenter_view import SKY, AgendaPresenterView, PresenterFrame
from rte_desktop.ui.agenda.view import AgendaView
from rte_desktop.ui.panel_base import Panel, PanelContext
from rte_desktop.ui.presenter.window import PresenterWindow
from rte_desktop.ui.settings import AGENDA_CHOSEN, AGENDA_MUTED, AGENDA_WRAP_UP_MIN
from rte_desktop.ui.shortcuts import bind
from rte_desktop.ui.theme import BAD, INFO, OK, WARN, is_dark
from rte_desktop.ui.widgets.report_actions import Report, print_report, save_pdf

TICK_MS = 200


class AgendaPanel(Panel):
    areas: ClassVar[tuple[Area, ...]] = (Area.AGENDA, Area.TIMER)

    def __init__(self, ctx: PanelContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.view = AgendaView(self)
        self.model = AgendaTableModel()
        self.view.set_model(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.chime = Chime(self)
        self.chime.muted = ctx.settings.get(AGENDA_MUTED)
        self.view.mute_box.setChecked(self.chime.muted)
        self.view.wrap_up_spin.setValue(ctx.settings.get(AGENDA_WRAP_UP_MIN))
        self.presenter_view = AgendaPresenterView()
        self.presenter_window: PresenterWindow | None = None  # handed in by the main window
        self.data: AgendaRunData | None = None
        self.run: TimerRun | None = None
        self.snapshot: TimerSnapshot | None = None
        self.schedule: list[DaySchedule] = []
        self._shown_day = 1
        self._follow_day: int | None = None
        self._alerted: tuple[int | None, TimerState] | None = None
        self.ticker = QTimer(self)
        self.ticker.setInterval(TICK_MS)
        self.ticker.timeout.connect(self.tick)
        self.keys = TimerKeys(self, self._keys_active, self.on_key)
        self._listening = False  # the keys' filter sees every event of the app: only when needed
        app = QApplication.instance()
        if app is not None:
            # Detach before Python tears down: a live filter at exit can crash shiboken.
            self.destroyed.connect(lambda *_: app.removeEventFilter(self.keys))
        self.editor = editing.AgendaEditor(self)
        self._connect()
        presenting.fill_screens(self)

    # -- wiring ------------------------------------------------------------------------------------

    def _connect(self) -> None:
        v = self.view
        v.agenda_combo.activated.connect(self._on_agenda_chosen)
        v.day_tabs.currentChanged.connect(self._on_day_tab)
        v.toggle_button.clicked.connect(lambda: self.on_key(KeyCommand("toggle")))
        v.next_button.clicked.connect(lambda: self.on_key(KeyCommand("next")))
        v.previous_button.clicked.connect(lambda: self.on_key(KeyCommand("previous")))
        v.jump_button.clicked.connect(lambda: self.on_key(KeyCommand("jump")))
        for widget, amount in (
            (v.minus5_button, -300),
            (v.minus1_button, -60),
            (v.plus1_button, 60),
            (v.plus5_button, 300),
        ):
            widget.clicked.connect(lambda _=False, a=amount: self.on_key(KeyCommand("extend", a)))
        v.reset_button.clicked.connect(self.reset_run)
        v.presenter_button.clicked.connect(self.toggle_presenter)
        v.mute_box.toggled.connect(self.set_muted)
        v.wrap_up_spin.valueChanged.connect(self._on_wrap_up)
        v.screen_combo.activated.connect(lambda _i: presenting.screen_chosen(self))
        v.report_button.clicked.connect(self.save_report)
        bind(self, "agenda.print", self.print_report)
        bind(self, "agenda.save_pdf", self.save_report)

    def _keys_active(self, widget: QWidget | None) -> bool:
        if self.data is None:
            return False
        presenter = self.presenter_window
        if presenter is not None and widget is not None and presenter.isAncestorOf(widget):
            return presenter.content() is self.presenter_view
        if presenter is not None and widget is presenter:
            return presenter.content() is self.presenter_view
        return (
            self.isVisible()
            and widget is not None
            and (widget is self or self.isAncestorOf(widget))
        )

    @property
    def shown_day(self) -> int:
        """The day whose tab is shown (the editor inserts and moves items within it)."""
        return self._shown_day

    # -- loading -----------------------------------------------------------------------------------

    @property
    def agenda_id(self) -> int | None:
        return self.data.agenda.id if self.data else None

    def main_widget(self) -> QWidget | None:
        """The day's table: the timer keys (Space, N, P, J, F5...) act on it."""
        return self.view.table

    def refresh(self) -> None:
        """Reload the agendas of the PI and the chosen agenda's items and timer log."""
        combo = self.view.agenda_combo
        agendas = self.ctx.ws.agenda.agendas(self.pi_id) if self.pi_id is not None else []
        remembered = self.ctx.settings.get(AGENDA_CHOSEN, pi_id=self.pi_id)
        chosen = combo.currentData() if combo.count() else None
        if remembered is not None and remembered != chosen:
            chosen = None  # another agenda was chosen (or created) since
        if chosen not in [a.id for a in agendas]:
            chosen = next((a.id for a in agendas if a.id == remembered), None)
        if chosen is None and agendas:
            chosen = self.ctx.ws.agenda.find(self.pi_id or 0).id
        combo.blockSignals(True)
        combo.clear()
        for agenda in agendas:
            combo.addItem(agenda.title, agenda.id)
        combo.setCurrentIndex(combo.findData(chosen))
        combo.blockSignals(False)
        self.editor.fill_template_menu()
        self.load(chosen)

    def load(self, agenda_id: int | None) -> None:
        self.data = self.ctx.ws.agenda_timer.run_data(agenda_id) if agenda_id else None
        self.run = self.data.run() if self.data else None
        enabled = self.data is not None
        for widget in (self.view.strip, self.view.table, self.view.report_button):
            widget.setEnabled(enabled)
        zone = self.data.agenda.second_time_zone if self.data else None
        self.view.zone_combo.setCurrentText(zone or "")
        day_now = current_day(self.run) if self.run else 1
        if self._follow_day != day_now:
            self._shown_day, self._follow_day = day_now, day_now  # follow the timer's day
        self._fill_day_tabs()
        self.tick(full=True)
        self.update_ticker()

    def _fill_day_tabs(self) -> None:
        tabs = self.view.day_tabs
        days = sorted({i.day for i in self.data.items}) if self.data else []
        tabs.blockSignals(True)
        while tabs.count():
            tabs.removeTab(0)
        for day in days or [1]:
            tabs.addTab(self.tr("Day %d") % day)
            tabs.setTabData(tabs.count() - 1, day)
        if self._shown_day not in days:
            self._shown_day = days[0] if days else 1
        tabs.setCurrentIndex((days or [1]).index(self._shown_day))
        tabs.blockSignals(False)

    def _on_day_tab(self, index: int) -> None:
        self._shown_day = int(self.view.day_tabs.tabData(index) or 1)
        self.tick(full=True)

    def _on_agenda_chosen(self, _index: int) -> None:
        self.choose_agenda(self.view.agenda_combo.currentData())

    def choose_agenda(self, agenda_id: int | None) -> None:
        """Show this agenda (remembered per PI)."""
        self.ctx.settings.put(AGENDA_CHOSEN, agenda_id, pi_id=self.pi_id)
        self._follow_day = None
        combo = self.view.agenda_combo
        if combo.findData(agenda_id) < 0:
            self.refresh()
            return
        combo.setCurrentIndex(combo.findData(agenda_id))
        self.load(agenda_id)

    # -- the display tick --------------------------------------------------------------------------

    def reading(self) -> Reading:
        clock = self.ctx.ws.clock
        return Reading.of(clock.now(), clock.monotonic())

    @property
    def wrap_up_s(self) -> int:
        return self.view.wrap_up_spin.value() * 60

    def tick(self, full: bool = False) -> None:
        """Repaint from the clock: status strip, projected times, the presenter; chime if due."""
        if self.run is None or self.data is None:
            self.snapshot, self.schedule = None, []
            self.model.set_day([], {}, None, "")
            self._show_empty()
            return
        now = self.reading()
        snap = self.run.at(now, self.wrap_up_s)
        self.snapshot = snap
        self.schedule = project(self.run, now, self.data.tz)
        current = next((d for d in self.schedule if d.day == current_day(self.run)), None)
        shown = next((d for d in self.schedule if d.day == self._shown_day), None)
        rows = {r.item.id or 0: r for r in shown.rows} if shown else {}
        if full:
            second = self.data.second_tz
            label = self.data.agenda.second_time_zone or ""
            items = [i for i in self.data.items if i.day == self._shown_day]
            self.model.set_day(items, rows, second, label.rsplit("/", 1)[-1].replace("_", " "))
            self.view.table.setColumnHidden(5, second is None)
        else:
            self.model.update_rows(rows)
        frame = display.frame(snap, current)
        self.presenter_view.set_frame(frame)
        self._update_strip(snap, frame)
        self._maybe_chime(snap)

    def _update_strip(self, snap: TimerSnapshot, frame: PresenterFrame) -> None:
        v = self.view
        _set_text(v.state_label, frame.badge)
        _set_text(v.title_label, frame.title)
        _set_text(v.remaining_label, frame.big)
        _set_text(v.caption_label, frame.caption)
        _set_text(v.next_label, frame.next_line)
        _set_text(v.day_label, frame.day_line)
        colour = display_colour(snap.state, is_dark(self.palette()))
        style = f"color: {colour};" if colour else ""
        if v.state_label.styleSheet() != style:
            v.state_label.setStyleSheet(style)
            v.remaining_label.setStyleSheet(style)
        toggle = self.tr("Pause") if snap.state in RUNNING_STATES else self.tr("Start")
        if snap.state is TimerState.PAUSED or (
            snap.state is TimerState.IDLE and self.run and self.run.started
        ):
            toggle = self.tr("Resume")
        _set_text(v.toggle_button, toggle)

    def _show_empty(self) -> None:
        text = self.tr("No agenda for this PI yet: choose New agenda and a template.")
        self.view.title_label.setText(text)
        for label in (self.view.state_label, self.view.remaining_label, self.view.caption_label):
            label.setText("")
        self.view.next_label.setText("")
        self.view.day_label.setText("")
        self.presenter_view.set_frame(PresenterFrame(title=text))

    def _maybe_chime(self, snap: TimerSnapshot) -> None:
        key = (snap.item.id if snap.item else None, snap.state)
        previous, self._alerted = self._alerted, key
        if previous is None:
            return  # the first look after opening: no chime for a state we were already in
        if snap.state in (TimerState.WRAP_UP, TimerState.OVERRUN) and key != previous:
            self.chime.play()

    def update_ticker(self) -> None:
        """Tick and take the timer keys while someone can see the timer.

        Projected times move even when paused. The keys' application-wide filter would otherwise
        run Python for every event of every panel.
        """
        live = self.data is not None and presenting.on_screen(self)
        if live and not self.ticker.isActive():
            self.ticker.start()
        elif not live:
            self.ticker.stop()
        app = QApplication.instance()
        if app is not None and live != self._listening:
            if live:
                app.installEventFilter(self.keys)
            else:
                app.removeEventFilter(self.keys)
            self._listening = live

    def on_changes(self, changes: Changes) -> None:
        """Refresh as any panel does, and also while hidden if the projector shows the timer."""
        super().on_changes(changes)
        if self._stale and presenting.on_screen(self):
            self.refresh_now()

    def presenter_changed(self) -> None:
        """The presenter closes (still visible now) or shows another panel: look again soon."""
        QTimer.singleShot(0, self.update_ticker)

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)  # type: ignore[arg-type]
        self.update_ticker()

    def hideEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        super().hideEvent(event)  # type: ignore[arg-type]
        self.update_ticker()

    # -- commands ----------------------------------------------------------------------------------

    def on_key(self, command: KeyCommand) -> None:
        """A timer key or button: one service call, then the display reloads from the log."""
        if command.name == "presenter":
            self.toggle_presenter()
            return
        if command.name == "mute":
            self.view.mute_box.setChecked(not self.chime.muted)
            return
        agenda_id = self.agenda_id
        if agenda_id is None:
            return
        timer = self.ctx.ws.agenda_timer
        selected = self.editor.selected_item_id()
        actions = {
            # Space never moves the timer: it starts (or pauses, resumes) the current item.
            "toggle": lambda: timer.toggle(agenda_id),
            "next": lambda: timer.next(agenda_id),
            "previous": lambda: timer.previous(agenda_id),
            "jump": lambda: timer.jump(agenda_id, selected) if selected else None,
            "extend": lambda: timer.extend(agenda_id, command.amount_s),
        }
        self.guard(actions[command.name])

    def guard(self, action: object) -> bool:
        """Run a service call; a refused one shows its message under the table."""
        try:
            action()  # type: ignore[operator]
        except DomainError as exc:
            self.view.error_label.setText(str(exc))
            self.view.error_label.show()
            return False
        self.view.error_label.hide()
        return True

    def reset_run(self) -> None:
        if self.agenda_id is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Reset the timer"),
            self.tr("Forget this run and start the agenda afresh? The log keeps its history."),
        )
        if answer == QMessageBox.StandardButton.Yes:
            agenda_id = self.agenda_id
            self.guard(lambda: self.ctx.ws.agenda_timer.reset(agenda_id))

    def set_muted(self, muted: bool) -> None:
        self.chime.muted = muted
        self.ctx.settings.put(AGENDA_MUTED, muted)

    def _on_wrap_up(self, minutes: int) -> None:
        self.ctx.settings.put(AGENDA_WRAP_UP_MIN, minutes)
        self.tick()

    # -- the presenter window (ui/agenda/presenting.py) ------------------------------------------

    def set_presenter(self, window: PresenterWindow) -> None:
        """The main window's presenter window, where F5 shows the timer."""
        self.presenter_window = window

    def on_the_wall(self) -> bool:
        return self.presenter_window is not None and self.presenter_window.is_showing(
            self.presenter_view
        )

    def take_the_wall(self) -> None:
        """Show this timer on the presenter window where it is (another train was opened)."""
        if presenting.presenter(self) is not None:
            self.tick()
            self.update_ticker()

    def chosen_screen(self) -> QScreen | None:
        """The screen chosen for the presenter, if it is still connected."""
        return presenting.chosen_screen(self)

    def presenter(self) -> PresenterWindow | None:
        """The presenter window, made to show this panel's timer (None: none was handed in)."""
        return presenting.presenter(self)

    def toggle_presenter(self) -> None:
        """F5: show the presenter on the chosen screen; again: toggle full screen."""
        presenting.toggle_presenter(self)

    def report(self) -> Report | None:
        """The chosen agenda's timing report (None without one)."""
        agenda_id = self.agenda_id
        if agenda_id is None or self.data is None:
            return None
        name = self.data.agenda.title.replace("/", "-")
        return Report(
            self.tr("Timing report"),
            f"{name} timing.pdf",
            lambda path: self.ctx.ws.agenda_timer.timing_report(agenda_id, path),
        )

    def save_report(self) -> None:
        """Ctrl+Shift+P: save the timing report PDF (asks where)."""
        save_pdf(self, self.report())

    def print_report(self) -> None:
        """Ctrl+P: print the timing report through the system print dialog."""
        print_report(self, self.report())


RUNNING_STATES = (TimerState.RUNNING, TimerState.WRAP_UP, TimerState.OVERRUN)


def display_colour(state: TimerState, dark: bool = False) -> str:
    """The status colour (Okabe-Ito); paused is sky blue on a dark theme for contrast."""
    colours = {
        TimerState.RUNNING: OK,
        TimerState.WRAP_UP: WARN,
        TimerState.OVERRUN: BAD,
        TimerState.PAUSED: SKY if dark else INFO,
    }
    colour = colours.get(state)
    return colour.name() if colour is not None else ""


def _set_text(widget: object, text: str) -> None:
    """Set the text only when it changes (a tick then costs almost nothing)."""
    if widget.text() != text:  # type: ignore[attr-defined]
        widget.setText(text)  # type: ignore[attr-defined]

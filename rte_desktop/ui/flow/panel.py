"""The Flow panel (Ctrl+9): SAFe's six flow metrics, the charts, aging WIP and forecasts.

The figures come from ``ws.flow`` (which keeps the ART's history in memory, so changing team or
window only recomputes). The first visit reads that history on a worker thread (seconds on a
ten-year train): the panel says "Loading the flow history (N items)…" meanwhile, and draws when
the read comes back through a queued signal (a read made stale by a change is dropped).
The charts (``ui/flow/charts.py``, matplotlib) are built the first time
the panel is really on screen: the idle-time warm-up builds this panel but must not load the
charting library, which start-up never pays for.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import threading
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rte_desktop.services.common.changes import Area, Changes
from rte_desktop.ui.panel_base import Panel, PanelContext
from rte_desktop.ui.refusals import run_or_warn
from rte_desktop.ui.shortcuts import bind, bind_each, keys_of
from rte_desktop.ui.widgets.report_actions import Report, print_report, save_pdf

if TYPE_CHECKING:
    from rte_desktop.services.flow.flow import FinishedItem, FlowData, FlowFigures, FlowService
    from rte_desktop.services.flow.flow_report import FlowReportService
    from rte_desktop.services.objectives.objectives import ObjectiveService
    from rte_desktop.services.train.train import TrainService
    from rte_desktop.ui.flow.charts import Chart

TILES = (
    ("distribution", "Flow Distribution"),
    ("velocity", "Flow Velocity"),
    ("time", "Flow Time"),
    ("load", "Flow Load"),
    ("efficiency", "Flow Efficiency"),
    ("predictability", "Flow Predictability"),
)
CHART_KEYS = ("scatter", "histogram", "cfd", "aging")  # the tabs, in order (Alt+1 ... Alt+4)
WINDOW_PI, WINDOW_90, WINDOW_365 = "pi", "90", "365"


class _Mailbox(QObject):
    """Carries a finished read from the worker thread to the GUI thread (a queued signal)."""

    delivered = Signal(object)  # (art id, generation, FlowData or the exception raised)


def flow_panel(ctx: PanelContext, parent: QWidget | None = None) -> FlowPanel:
    """The Flow panel with the services it uses."""
    ws = ctx.ws
    return FlowPanel(ctx, ws.flow, ws.flow_report, ws.train, ws.objectives, parent)


class FlowPanel(Panel):
    """Flow metrics, charts and forecasts of the ART or one team.

    Args:
        ctx: the panel context (bus, undo stack, settings).
        flow: the flow service (figures, forecasts).
        report: the Flow report PDF.
        train: the train service (teams, PIs).
        objectives: the objectives service (the PI's predictability).
        parent: the parent widget.
    """

    areas = (Area.FLOW, Area.OBJECTIVES)
    # The idle warm-up builds this panel but leaves its data and charts for the first visit.
    loads_when_shown = True
    # "Loading the flow history…" appears only when the read takes longer than this
    loading_note_ms = 100

    def __init__(
        self,
        ctx: PanelContext,
        flow: FlowService,
        report: FlowReportService,
        train: TrainService,
        objectives: ObjectiveService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self._flow = flow
        self._report = report
        self._train = train
        self._objectives = objectives
        self.figures: FlowFigures | None = None
        self.charts: dict[str, Chart] = {}
        # The first visit reads the ART's whole history on a worker thread (seconds on ten
        # years); the panel says so meanwhile and the rest of the app stays usable.
        self.loading: tuple[int, int] | None = None  # (art id, generation) being read
        self._mailbox = _Mailbox(self)
        self._mailbox.delivered.connect(self._history_read)
        self._undrawn: list[str] = []  # charts whose drawing waits for the event loop
        self.team_combo = QComboBox()
        self.team_combo.setAccessibleName(self.tr("Team"))
        self.window_combo = QComboBox()
        self.window_combo.setAccessibleName(self.tr("Window"))
        self.window_combo.addItem(self.tr("The PI chosen above"), WINDOW_PI)
        self.window_combo.addItem(self.tr("Last 90 days"), WINDOW_90)
        self.window_combo.addItem(self.tr("Last 12 months"), WINDOW_365)
        self.scope_label = QLabel()
        self.mapping_button = QPushButton(self.tr("Workflow && mappings…"))
        self.mapping_button.setToolTip(keys_of("flow.mappings"))
        self.export_button = QPushButton(self.tr("Export chart…"))
        self.export_button.setToolTip(keys_of("flow.export_chart"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Team:")))
        top.addWidget(self.team_combo)
        top.addWidget(QLabel(self.tr("Window:")))
        top.addWidget(self.window_combo)
        top.addWidget(self.scope_label, 1)
        top.addWidget(self.mapping_button)
        top.addWidget(self.export_button)

        self.tiles: dict[str, QLabel] = {}
        grid = QGridLayout()
        for column, (key, title) in enumerate(TILES):
            heading = QLabel(title)
            heading.setStyleSheet("font-weight: bold")
            value = QLabel("…")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            font = value.font()
            font.setPointSizeF(font.pointSizeF() * 1.25)
            value.setFont(font)
            grid.addWidget(heading, 0, column)
            grid.addWidget(value, 1, column, Qt.AlignmentFlag.AlignTop)
            self.tiles[key] = value
        self.little = QLabel()
        self.little.setWordWrap(True)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.hover = QLabel(" ")
        self.forecast_items = QSpinBox()
        self.forecast_items.setRange(1, 100_000)
        self.forecast_items.setValue(50)
        self.forecast_items.setAccessibleName(self.tr("Items to forecast"))
        self.forecast_date = QDateEdit()
        self.forecast_date.setCalendarPopup(True)
        self.forecast_date.setDisplayFormat("yyyy-MM-dd")
        self.forecast_button = QPushButton(self.tr("Forecast"))
        self.forecast_button.setToolTip(keys_of("flow.forecast"))
        self.forecast_result = QLabel()
        self.forecast_result.setWordWrap(True)
        forecast = QHBoxLayout()
        forecast.addWidget(QLabel(self.tr("When will")))
        forecast.addWidget(self.forecast_items)
        forecast.addWidget(QLabel(self.tr("items be done? How many by")))
        forecast.addWidget(self.forecast_date)
        forecast.addWidget(self.forecast_button)
        forecast.addWidget(self.forecast_result, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addWidget(self.little)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.hover)
        layout.addLayout(forecast)

        self.team_combo.currentIndexChanged.connect(lambda _i: self.redraw())
        self.window_combo.currentIndexChanged.connect(lambda _i: self.redraw())
        self.tabs.currentChanged.connect(lambda _i: self._draw_current())
        self.forecast_button.clicked.connect(self.run_forecast)
        self.export_button.clicked.connect(self.export_chart)
        self.mapping_button.clicked.connect(self.edit_mappings)
        bind(self, "flow.export_chart", self.export_chart)
        bind(self, "flow.print", self.print_report)
        bind(self, "flow.save_pdf", self.save_report)
        bind(self, "flow.mappings", self.edit_mappings)
        bind(self, "flow.team", self.team_combo.setFocus)
        bind(self, "flow.window", self.window_combo.setFocus)
        bind(self, "flow.forecast", self.run_forecast)
        bind_each(
            self,
            "flow.chart",
            [partial(self.tabs.setCurrentIndex, n) for n in range(len(CHART_KEYS))],
        )

    # -- loading --------------------------------------------------------------------------------

    def on_changes(self, changes: Changes) -> None:
        """Drop the loaded history when work items, mappings or the train changed.

        An objectives change (predictability) only redraws: reloading a ten-year history takes
        seconds, and would freeze the wall each time someone scores an objective.
        """
        if changes.touches(Area.FLOW):  # a TRAIN change (teams, PIs) touches every area
            self._flow.forget()
        super().on_changes(changes)

    def refresh(self) -> None:
        if not self.isVisible():
            # The idle warm-up refreshes hidden panels: loading a ten-year history (seconds) is
            # not a short idle step. Stay stale; showing the panel refreshes it.
            self._stale = True
            return
        self.team_combo.blockSignals(True)
        current = self.team_combo.currentData()
        self.team_combo.clear()
        self.team_combo.addItem(self.tr("Whole ART"), None)
        if self.art_id is not None:
            for team in self._train.teams(self.art_id):
                self.team_combo.addItem(team.name, team.name)
        found = self.team_combo.findData(current)
        self.team_combo.setCurrentIndex(max(found, 0))
        self.team_combo.blockSignals(False)
        if self.art_id is not None:
            later = self._flow.today(self.art_id) + dt.timedelta(days=30)
            self.forecast_date.setDate(QDate(later.year, later.month, later.day))
        self.redraw()

    def chosen_window(self) -> tuple[dt.date, dt.date]:
        """The chosen window's first and last day."""
        assert self.art_id is not None
        choice = self.window_combo.currentData()
        today = self._flow.today(self.art_id)
        if choice == WINDOW_90:
            return today - dt.timedelta(days=89), today
        if choice == WINDOW_365:
            return today - dt.timedelta(days=364), today
        if self.pi_id is not None:
            pi = self._train.pi(self.pi_id)
            return pi.start, pi.end
        return self._flow.window_of_pi(self.art_id, None)

    def redraw(self) -> None:
        """Recompute the figures for the chosen team and window and redraw what is on screen."""
        if self.art_id is None:
            self._show_empty(self.tr("Open or create a train to see its flow."))
            return
        if self._flow.loaded(self.art_id) is None:
            self._read_history(self.art_id)
            return
        first, last = self.chosen_window()
        team = self.team_combo.currentData()
        self.figures = self._flow.figures(self.art_id, team, first, last)
        self._fill_tiles(self.figures)
        if self.isVisible():
            self._draw_charts()

    def _read_history(self, art_id: int) -> None:
        """Read the ART's history on a worker thread; ``_history_read`` draws when it is in."""
        generation = self._flow.generation
        if self.loading == (art_id, generation):
            return  # already under way
        self.loading = (art_id, generation)
        for label in self.tiles.values():
            label.setText("…")
        # a small train is read in a blink: say "loading" only when it takes a moment
        QTimer.singleShot(self.loading_note_ms, partial(self._say_loading, art_id, generation))
        read, mailbox = self._flow.read, self._mailbox

        def work() -> None:
            result: FlowData | Exception
            try:
                result = read(art_id, index=True)
                # the charts' first draw imports matplotlib (about 0.4 s): do it here too
                importlib.import_module("rte_desktop.ui.flow.charts")
            except Exception as error:  # noqa: BLE001 (shown on the GUI thread)
                result = error
            with contextlib.suppress(RuntimeError):  # the panel was closed: nobody waits
                mailbox.delivered.emit((art_id, generation, result))

        threading.Thread(target=work, name="flow-history", daemon=True).start()

    def _say_loading(self, art_id: int, generation: int) -> None:
        if self.loading == (art_id, generation):
            count = self._flow.item_count(art_id)
            text = self.tr("Loading the flow history ({0} items)…").format(f"{count:,}")
            self.little.setText(text)

    def _history_read(self, delivery: tuple[int, int, FlowData | Exception]) -> None:
        """A read finished (GUI thread): keep it unless the train changed meanwhile, then draw."""
        art_id, generation, result = delivery
        if self.loading == (art_id, generation):
            self.loading = None
        if isinstance(result, Exception):
            if self.loading is None and art_id == self.art_id:
                self._show_empty(self.tr("The flow history could not be read: {0}").format(result))
            return
        kept = self._flow.keep(art_id, result, generation)
        if art_id != self.art_id or self.loading is not None:
            return  # another ART is shown, or a newer read is under way
        if kept:
            self.redraw()
        elif self._flow.loaded(art_id) is None and self.isVisible():
            self.redraw()  # a stale read was dropped and no newer one came: read again

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self.figures is not None and not self.charts:
            self._draw_charts()

    def _show_empty(self, text: str) -> None:
        for label in self.tiles.values():
            label.setText("–")
        self.little.setText(text)

    def _fill_tiles(self, figures: FlowFigures) -> None:
        scope = figures.team or figures.art
        self.scope_label.setText(f"  {scope}: {figures.first} – {figures.last}")
        shares = figures.distribution
        self.tiles["distribution"].setText(
            "\n".join(f"{name} {share:g}%" for name, share in shares.items()) or "nothing finished"
        )
        per_iteration = ", ".join(str(n) for _name, n in figures.velocity_by_iteration)
        self.tiles["velocity"].setText(
            f"{figures.velocity} finished"
            + (f"\nper iteration: {per_iteration}" if per_iteration else "")
        )
        stats = figures.flow_time
        label = "flow time" if figures.basis == "flow time" else "lead time (created → resolved)"
        self.tiles["time"].setText(
            f"p50 {stats.p50:g} · p85 {stats.p85:g} · p95 {stats.p95:g} days\n{label}"
            if stats.count
            else f"no {label} yet"
        )
        elapsed = figures.elapsed()
        now = figures.load[elapsed[-1]] if elapsed else 0
        self.tiles["load"].setText(f"{now} in progress\n(average {figures.mean_load:.1f})")
        self.tiles["efficiency"].setText(figures.efficiency_text())
        self.tiles["predictability"].setText(self._predictability())
        self.little.setText(figures.little_law())

    def _predictability(self) -> str:
        if self.pi_id is None:
            return "n/a"
        measure = self._objectives.predictability(self.pi_id)
        if not measure.assessed:
            return "not assessed yet (no actual business value)"
        return f"{measure.art.label()} ART (target 80–100%)"

    # -- charts ---------------------------------------------------------------------------------

    def _draw_charts(self) -> None:
        from rte_desktop.ui.flow import charts

        if not self.charts:
            for key, title, _draw in charts.CHARTS:
                chart = charts.new_chart(self)
                self.charts[key] = chart
                self.tabs.addTab(chart.canvas, title)
            scatter = self.charts["scatter"]
            scatter.canvas.mpl_connect("motion_notify_event", self._hovered)
            scatter.canvas.mpl_connect("button_press_event", self._clicked)
        if self.figures is None:
            return
        # The chart on screen is drawn now, the others one per turn of the event loop (each
        # takes a tenth of a second or more on ten years; the timers tick in between). Showing
        # or exporting another chart draws what is left first.
        current = CHART_KEYS[max(self.tabs.currentIndex(), 0)]
        self._undrawn = [key for key in CHART_KEYS if key != current]
        self._draw_chart(current)
        QTimer.singleShot(0, self._draw_next_chart)

    def _draw_chart(self, key: str) -> None:
        from rte_desktop.ui.flow import charts

        if self.figures is not None:
            draw = next(draw for name, _title, draw in charts.CHARTS if name == key)
            self.charts[key].draw(draw, self.figures, self._dark())

    def _draw_next_chart(self) -> None:
        if self._undrawn:
            self._draw_chart(self._undrawn.pop(0))
            QTimer.singleShot(0, self._draw_next_chart)

    def _draw_current(self) -> None:
        """A tab chosen before its turn came: draw that chart now, the others keep their turn."""
        key = CHART_KEYS[self.tabs.currentIndex()] if self.tabs.currentIndex() >= 0 else None
        if key in self._undrawn:
            self._undrawn.remove(key)
            self._draw_chart(key)

    def _dark(self) -> bool:
        return self.palette().window().color().lightness() < 128

    def _hovered(self, event: object) -> None:
        from rte_desktop.ui.flow.charts import point_at

        point = point_at(self.charts["scatter"], event)
        self.hover.setText(self._describe(point) if point else " ")

    def _clicked(self, event: object) -> None:
        from rte_desktop.ui.flow.charts import point_at

        point = point_at(self.charts["scatter"], event)
        if point is not None:
            QMessageBox.information(self, point.key, self._describe(point))

    @staticmethod
    def _describe(point: FinishedItem) -> str:
        team = f", {point.team}" if point.team else ""
        return (
            f"{point.key}: {point.title} ({point.work_type}{team}) "
            f"done {point.done}, {point.days} days"
        )

    def current_chart(self) -> Chart | None:
        if not self.charts:
            return None
        self._draw_current()
        key = CHART_KEYS[self.tabs.currentIndex()]
        return self.charts[key]

    def export_chart(self) -> None:
        """Save the chart on screen as PNG or SVG."""
        chart = self.current_chart()
        if chart is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export chart"), "flow.png", self.tr("PNG image (*.png);;SVG (*.svg)")
        )
        if path:
            run_or_warn(self, self.tr("Flow"), lambda: chart.save(path), files=True)

    def edit_mappings(self) -> None:
        """The workflow, type and team mappings of the ART; OK stores the changes."""
        if self.art_id is None:
            return
        from rte_desktop.ui.flow.mapping_dialog import MappingDialog

        dialog = MappingDialog(self._flow, self.art_id, self._train.teams(self.art_id), self)
        if dialog.exec():
            run_or_warn(self, self.tr("Flow"), dialog.apply)

    def report(self) -> Report | None:
        """The Flow report of the team and window on screen; None before there are figures."""
        if self.art_id is None or self.figures is None:
            return None
        art_id, figures = self.art_id, self.figures
        predictability = self._predictability()
        scope = "".join(ch if ch.isalnum() else "-" for ch in (figures.team or ""))[:40]
        return Report(
            self.tr("Flow report"),
            f"flow-report-{scope}.pdf" if scope else "flow-report.pdf",
            lambda path: self._report.export(
                path, art_id, figures.first, figures.last, predictability, team=figures.team
            ),
        )

    def save_report(self) -> None:
        """Ctrl+Shift+P: save the Flow report PDF (asks where, then opens it)."""
        save_pdf(self, self.report())

    def print_report(self) -> None:
        """Ctrl+P: print the Flow report through the system print dialog."""
        print_report(self, self.report())

    # -- forecasts ------------------------------------------------------------------------------

    def run_forecast(self) -> None:
        if self.art_id is None:
            return
        art_id = self.art_id
        if self._flow.loaded(art_id) is None:
            return  # the history is still being read (the panel says so)
        team = self.team_combo.currentData()
        today = self._flow.today(art_id)
        if not self.forecast_date.date().isValid() or self.forecast_date.date() <= QDate(
            today.year, today.month, today.day
        ):
            later = today + dt.timedelta(days=30)
            self.forecast_date.setDate(QDate(later.year, later.month, later.day))
        until: dt.date = self.forecast_date.date().toPython()  # type: ignore[assignment]
        items = self.forecast_items.value()
        answers: list[str] = []

        def forecast() -> None:
            when = self._flow.forecast(art_id, team, items=items)
            count = self._flow.forecast(art_id, team, until=until)
            parts = []
            for confidence in (50, 85, 95):
                days = when.by_confidence[confidence]
                day = (
                    "not within ten years" if days is None else str(today + dt.timedelta(days=days))
                )
                parts.append(f"{confidence}%: {day}")
            answers.append(f"{items} items done by — " + ", ".join(parts))
            answers.append(
                f"By {until}: "
                + ", ".join(f"{c}%: {count.by_confidence[c]} items" for c in (50, 85, 95))
                + f" (10,000 trials over the last 90 days, seed {when.seed})"
            )

        if run_or_warn(self, self.tr("Flow"), forecast):
            self.forecast_result.setText("\n".join(answers))

"""The "Generate cadence" dialog: a few inputs, the event rules, and a live preview.

The preview says what generating would add, change, remove and keep (events edited by hand are
kept). ``request()`` returns the inputs once accepted; the panel asks for confirmation when
stored data would be replaced and then calls the cadence service.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QTime, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from rte_desktop.domain.cadence import MAX_ITERATIONS, MAX_PIS, WEEKDAYS
from rte_desktop.domain.calendar_rules import (
    CalendarRules,
    InspectAdaptRule,
    PiPlanningRule,
    RefinementRule,
    SyncRule,
    SystemDemoRule,
)
from rte_desktop.domain.errors import DomainError
from rte_desktop.services.calendar.cadence import CadencePreview, CadenceRequest
from rte_desktop.ui.theme import BAD

Previewer = Callable[[CadenceRequest], CadencePreview]


def _weekday_combo(value: int) -> QComboBox:
    combo = QComboBox()
    for number, name in enumerate(WEEKDAYS):
        combo.addItem(name, number)
    combo.setCurrentIndex(value)
    return combo


def _time_edit(value: dt.time) -> QTimeEdit:
    edit = QTimeEdit(QTime(value.hour, value.minute))
    edit.setDisplayFormat("HH:mm")
    return edit


def _spin(low: int, high: int, value: int, suffix: str = "") -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setSuffix(suffix)
    return spin


def _time(edit: QTimeEdit) -> dt.time:
    t = edit.time()
    return dt.time(t.hour(), t.minute())


class GenerateCadenceDialog(QDialog):
    def __init__(
        self,
        initial: CadenceRequest,
        zones: list[str],
        previewer: Previewer,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Generate cadence"))
        self._previewer = previewer
        self._request: CadenceRequest | None = None
        self._preview: CadencePreview | None = None
        rules = initial.rules
        # -- cadence -------------------------------------------------------------------------
        start = initial.first_start
        self.first_start = QDateEdit(QDate(start.year, start.month, start.day))
        self.first_start.setCalendarPopup(True)
        self.first_start.setDisplayFormat("ddd yyyy-MM-dd")
        self.pi_count = _spin(1, MAX_PIS, initial.pi_count)
        self.iteration_weeks = _spin(1, 4, initial.iteration_weeks, self.tr(" weeks"))
        self.dev_iterations = _spin(1, MAX_ITERATIONS, initial.dev_iterations)
        self.ip_iteration = QCheckBox(self.tr("IP iteration at the end of each PI"))
        self.ip_iteration.setChecked(initial.ip_iteration)
        self.naming = QLineEdit(initial.naming)
        self.naming.setToolTip(self.tr("{year}, {yy}, {n} (number in the year), {seq}, {q}"))
        self.time_zone = QComboBox()
        self.time_zone.setEditable(True)
        self.time_zone.addItems(zones)
        self.time_zone.setCurrentText(initial.time_zone)
        self.working: list[QCheckBox] = []
        days_row = QHBoxLayout()
        for number, name in enumerate(WEEKDAYS):
            box = QCheckBox(name[:3])
            box.setChecked(str(number) in initial.working_days)
            self.working.append(box)
            days_row.addWidget(box)
        cadence_box = QGroupBox(self.tr("Cadence"))
        form = QGridLayout(cadence_box)  # two label/field columns keep the dialog low
        pairs: list[tuple[str, QWidget | QHBoxLayout]] = [
            (self.tr("First PI &starts:"), self.first_start),
            (self.tr("Number of &PIs:"), self.pi_count),
            (self.tr("&Iteration length:"), self.iteration_weeks),
            (self.tr("&Development iterations:"), self.dev_iterations),
            (self.tr("PI &names:"), self.naming),
            ("", self.ip_iteration),
            (self.tr("&Time zone:"), self.time_zone),
            (self.tr("Working days:"), days_row),
        ]
        for index, (text, field) in enumerate(pairs):
            row, col = index // 2, (index % 2) * 2
            label = QLabel(text)
            form.addWidget(label, row, col)
            if isinstance(field, QHBoxLayout):
                form.addLayout(field, row, col + 1)
            else:
                label.setBuddy(field)
                form.addWidget(field, row, col + 1)
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 1)
        # -- event rules ---------------------------------------------------------------------
        pip, ia, demo = rules.pi_planning, rules.inspect_adapt, rules.system_demo
        sync, ref = rules.sync, rules.refinement
        self.pip_on = QCheckBox(self.tr("PI Planning"))
        self.pip_on.setMinimumWidth(170)  # the rule names line up
        self.pip_on.setChecked(pip.enabled)
        self.pip_week = _spin(1, 4, pip.week)
        self.pip_weekday = _weekday_combo(pip.weekday)
        self.pip_days = _spin(1, 4, pip.days, self.tr(" days"))
        self.pip_start = _time_edit(pip.start)
        self.ia_on = QCheckBox(self.tr("Inspect && Adapt"))
        self.ia_on.setMinimumWidth(170)
        self.ia_on.setChecked(ia.enabled)
        self.ia_start = _time_edit(ia.start)
        self.ia_minutes = _spin(30, 960, ia.duration_min, self.tr(" min"))
        self.demo_on = QCheckBox(self.tr("System Demo"))
        self.demo_on.setMinimumWidth(170)
        self.demo_on.setChecked(demo.enabled)
        self.demo_weekday = _weekday_combo(demo.weekday)
        self.demo_start = _time_edit(demo.start)
        self.demo_minutes = _spin(15, 480, demo.duration_min, self.tr(" min"))
        self.sync_on = QCheckBox(self.tr("ART Sync"))
        self.sync_on.setMinimumWidth(170)
        self.sync_on.setChecked(sync.enabled)
        self.sync_weekday = _weekday_combo(sync.weekday)
        self.sync_start = _time_edit(sync.start)
        self.sync_minutes = _spin(15, 240, sync.duration_min, self.tr(" min"))
        self.sync_split = QCheckBox(self.tr("split: Coach Sync, and PO Sync on"))
        self.sync_split.setChecked(sync.split)
        self.po_weekday = _weekday_combo(sync.po_weekday)
        self.po_start = _time_edit(sync.po_start)
        self.ref_on = QCheckBox(self.tr("Backlog refinement"))
        self.ref_on.setMinimumWidth(170)
        self.ref_on.setChecked(ref.enabled)
        self.ref_weekday = _weekday_combo(ref.weekday)
        self.ref_start = _time_edit(ref.start)
        self.ref_minutes = _spin(15, 480, ref.duration_min, self.tr(" min"))
        self.ref_times = _spin(1, 2, ref.per_iteration, self.tr("× per iteration"))
        rules_box = QGroupBox(self.tr("Events"))
        lines = QVBoxLayout(rules_box)
        rows: list[list[QWidget | str]] = [
            [
                self.pip_on,
                self.tr("in week"),
                self.pip_week,
                self.tr("of the IP iteration, from"),
                self.pip_weekday,
                self.tr("for"),
                self.pip_days,
                self.tr("at"),
                self.pip_start,
            ],
            [
                self.ia_on,
                self.tr("the working day before PI Planning, at"),
                self.ia_start,
                self.tr("for"),
                self.ia_minutes,
            ],
            [
                self.demo_on,
                self.tr("in each iteration's last week, on"),
                self.demo_weekday,
                self.tr("at"),
                self.demo_start,
                self.tr("for"),
                self.demo_minutes,
            ],
            [
                self.sync_on,
                self.tr("weekly on"),
                self.sync_weekday,
                self.tr("at"),
                self.sync_start,
                self.tr("for"),
                self.sync_minutes,
                self.sync_split,
                self.po_weekday,
                self.tr("at"),
                self.po_start,
            ],
            [
                self.ref_on,
                self.tr("on"),
                self.ref_weekday,
                self.tr("at"),
                self.ref_start,
                self.tr("for"),
                self.ref_minutes,
                self.ref_times,
            ],
        ]
        for cells in rows:
            line = QHBoxLayout()
            for cell in cells:
                line.addWidget(QLabel(cell) if isinstance(cell, str) else cell)
            line.addStretch(1)
            lines.addLayout(line)
        # -- preview and buttons -------------------------------------------------------------
        self.preview_text = QPlainTextEdit()
        self.preview_text.setReadOnly(True)
        self.preview_text.setMinimumHeight(110)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {BAD.name()}; font-weight: bold")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.generate_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.generate_button.setText(self.tr("&Generate"))
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(cadence_box)
        layout.addWidget(rules_box)
        layout.addWidget(QLabel(self.tr("What generating will do:")))
        layout.addWidget(self.preview_text, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.update_preview)
        # any change asks for a new preview, a moment later (typing a name is many changes)
        for spin in self.findChildren(QSpinBox):
            spin.valueChanged.connect(self._timer.start)
        for combo in self.findChildren(QComboBox):
            combo.currentIndexChanged.connect(self._timer.start)
        for edit in self.findChildren(QDateEdit) + self.findChildren(QTimeEdit):
            edit.dateTimeChanged.connect(self._timer.start)
        for box in self.findChildren(QCheckBox):
            box.toggled.connect(self._timer.start)
        self.naming.textChanged.connect(self._timer.start)
        self.time_zone.currentTextChanged.connect(self._timer.start)
        self.update_preview()

    # -- reading the form ----------------------------------------------------------------------

    def current_request(self) -> CadenceRequest:
        d = self.first_start.date()
        rules = CalendarRules(
            pi_planning=dataclasses.replace(
                PiPlanningRule(),
                enabled=self.pip_on.isChecked(),
                week=self.pip_week.value(),
                weekday=self.pip_weekday.currentIndex(),
                days=self.pip_days.value(),
                start=_time(self.pip_start),
            ),
            inspect_adapt=InspectAdaptRule(
                self.ia_on.isChecked(), _time(self.ia_start), self.ia_minutes.value()
            ),
            system_demo=SystemDemoRule(
                self.demo_on.isChecked(),
                self.demo_weekday.currentIndex(),
                _time(self.demo_start),
                self.demo_minutes.value(),
            ),
            sync=SyncRule(
                self.sync_on.isChecked(),
                self.sync_weekday.currentIndex(),
                _time(self.sync_start),
                self.sync_minutes.value(),
                self.sync_split.isChecked(),
                self.po_weekday.currentIndex(),
                _time(self.po_start),
            ),
            refinement=RefinementRule(
                self.ref_on.isChecked(),
                self.ref_weekday.currentIndex(),
                _time(self.ref_start),
                self.ref_minutes.value(),
                self.ref_times.value(),
            ),
        )
        return CadenceRequest(
            first_start=dt.date(d.year(), d.month(), d.day()),
            pi_count=self.pi_count.value(),
            iteration_weeks=self.iteration_weeks.value(),
            dev_iterations=self.dev_iterations.value(),
            ip_iteration=self.ip_iteration.isChecked(),
            naming=self.naming.text(),
            working_days="".join(str(n) for n, box in enumerate(self.working) if box.isChecked()),
            time_zone=self.time_zone.currentText().strip(),
            rules=rules,
        )

    def update_preview(self) -> None:
        """Ask the service what the current inputs would do; show it or the reason they fail."""
        try:
            request = self.current_request()
            preview = self._previewer(request)
        except DomainError as exc:
            self._preview = None
            self.error.setText(str(exc))
            self.preview_text.setPlainText("")
            self.generate_button.setEnabled(False)
            return
        self._preview = preview
        self.error.setText("")
        self.preview_text.setPlainText("\n".join(preview.summary()))
        self.generate_button.setEnabled(True)

    def _on_accept(self) -> None:
        self._timer.stop()
        self.update_preview()
        if self._preview is None:
            return
        self._request = self.current_request()
        self.accept()

    def request(self) -> CadenceRequest | None:
        return self._request

    def preview(self) -> CadencePreview | None:
        return self._preview

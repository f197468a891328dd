"""The Calendar panel's bigger actions: generate the cadence, holidays, ICS and PDF files."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from rte_desktop.domain.calendar_rules import (
    CalendarRules,
    SyncRule,
    rules_from_dict,
    rules_to_dict,
)
from rte_desktop.domain.errors import DomainError
from rte_desktop.services.calendar.cadence import CadenceRequest
from rte_desktop.ui.settings import CALENDAR_RULES
from rte_desktop.ui.widgets.report_actions import Report, print_report, save_pdf, save_report

if TYPE_CHECKING:
    from rte_desktop.services.calendar.cadence import CadenceService
    from rte_desktop.services.calendar.calendar import CalendarService
    from rte_desktop.services.train.train import TrainService
    from rte_desktop.ui.panel_base import PanelContext


class CalendarActions:
    """The Calendar panel's file and cadence actions.

    Args:
        panel: the widget that owns the dialogs and messages.
        ctx: the panel's context (settings, undo stack).
        calendar: the calendar service.
        cadence: the cadence generator.
        train: the train service (ARTs, PIs, today in the ART's zone).
        scope: the ART and PI on screen.
        say: shows a line in the panel's status.
        confirm: asks whether to replace the listed data (True: go ahead).
    """

    def __init__(
        self,
        panel: QWidget,
        ctx: PanelContext,
        calendar: CalendarService,
        cadence: CadenceService,
        train: TrainService,
        scope: Callable[[], tuple[int | None, int | None]],
        say: Callable[[str], None],
        confirm: Callable[[list[str]], bool],
    ) -> None:
        self.panel = panel
        self.ctx = ctx
        self._calendar = calendar
        self._cadence = cadence
        self._train = train
        self._scope = scope
        self._say = say
        self._confirm = confirm

    def initial_request(self) -> CadenceRequest:
        """The dialog's starting values: the ART's settings and the rules used last time."""
        art_id, pi_id = self._scope()
        assert art_id is not None
        art = self._train.art(art_id)
        pis = self._train.pis(art_id)
        chosen = next((p for p in pis if p.id == pi_id), pis[0] if pis else None)
        start = chosen.start if chosen else self._train.today(art_id)
        following = [p for p in pis if chosen and p.start >= chosen.start]
        base = CalendarRules(sync=SyncRule(weekday=art.art_sync_weekday, start=art.art_sync_time))
        try:
            saved = json.loads(self.ctx.settings.get(CALENDAR_RULES, art_id=art_id))
        except ValueError:
            saved = {}
        saved = saved if isinstance(saved, dict) else {}
        stored_rules = saved.get("rules")
        rules = rules_from_dict(stored_rules if isinstance(stored_rules, dict) else {}, base)
        naming = saved.get("naming")
        return CadenceRequest(
            first_start=start,
            pi_count=len(following) if len(following) > 1 else 5,
            iteration_weeks=art.iteration_weeks,
            dev_iterations=art.dev_iterations,
            ip_iteration=art.ip_iteration,
            naming=naming if isinstance(naming, str) else CadenceRequest.naming,
            working_days=art.working_days,
            time_zone=art.time_zone,
            rules=rules,
        )

    def generate_cadence(self) -> None:
        """Open the dialog; confirm replacements; generate (not undoable: it says so)."""
        import zoneinfo

        from rte_desktop.ui.calendar.generate_dialog import GenerateCadenceDialog

        art_id = self._scope()[0]
        if art_id is None:
            return
        zones = sorted(zoneinfo.available_timezones())
        dialog = GenerateCadenceDialog(
            self.initial_request(), zones, lambda r: self._cadence.preview(art_id, r), self.panel
        )
        if not dialog.exec() or (request := dialog.request()) is None:
            return
        preview = dialog.preview()
        if (
            preview is not None
            and preview.replaces_anything
            and not self._confirm(preview.replacements())
        ):
            return
        try:
            self._cadence.generate(art_id, request)
        except DomainError as exc:
            QMessageBox.warning(self.panel, self.panel.tr("Generate cadence"), str(exc))
            return
        self.ctx.settings.put(
            CALENDAR_RULES,
            json.dumps({"rules": rules_to_dict(request.rules), "naming": request.naming}),
            art_id=art_id,
        )
        # earlier undo steps may name events the generator replaced: start the history afresh
        self.ctx.undo.clear()
        self._say(self.panel.tr("Cadence generated. (Undo history cleared.)"))

    def confirm_replacements(self, lines: list[str]) -> bool:
        box = QMessageBox(self.panel)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.panel.tr("Replace calendar data?"))
        box.setText(
            self.panel.tr(
                "Generating changes or removes stored data (events edited by hand are kept). "
                "This cannot be undone."
            )
        )
        shown = lines[:12] + (
            [self.panel.tr("... and %n more (see details)", "", len(lines) - 12)]
            if len(lines) > 12
            else []
        )
        box.setInformativeText("\n".join(shown))
        box.setDetailedText("\n".join(lines))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Yes

    def edit_holidays(self) -> None:
        from rte_desktop.ui.calendar.holidays_dialog import HolidaysDialog

        art_id = self._scope()[0]
        if art_id is None:
            return
        today = self._train.today(art_id)
        HolidaysDialog(self._calendar, art_id, self.ctx.undo, today, self.panel).exec()

    def export_ics(self) -> Path | None:
        """Save the ART's whole calendar as .ics (stable UIDs: re-importing updates events)."""
        art_id = self._scope()[0]
        if art_id is None:
            return None
        name = self._train.art(art_id).name
        return save_report(
            self.panel,
            self.panel.tr("Export calendar (ICS)"),
            f"{name} calendar.ics",
            lambda path: self._calendar.export_ics(path, art_id),
            self.panel.tr("iCalendar (*.ics)"),
            open_after=False,
        )

    def report(self) -> Report | None:
        """The calendar PDF of the ART in scope (None without an ART)."""
        art_id = self._scope()[0]
        if art_id is None:
            return None
        return Report(
            self.panel.tr("Calendar PDF"),
            "calendar.pdf",
            lambda path: self._calendar.calendar_pdf(path, art_id),
        )

    def save_pdf(self) -> Path | None:
        """Ctrl+Shift+P: save the calendar PDF (asks where)."""
        return save_pdf(self.panel, self.report())

    def print_pdf(self) -> None:
        """Ctrl+P: print the calendar through the system print dialog."""
        print_report(self.panel, self.report())

"""The Calendar panel's bigger actions: generate the cadence, holidays, ICS and PDF files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from rte_desktop.domain.calendar_rules import (
    CalendarRules,
    SyncRule,
    rules_from_dict,
    rules_to_dict,
)
from rte_desktop.domain.errors import DomainError
from rte_desktop.services.calendar.cadence import CadenceRequest
from rte_desktop.ui.widgets.report_actions import save_report

if TYPE_CHECKING:
    from rte_desktop.ui.calendar.panel import CalendarPanel


def _rules_key(panel: CalendarPanel) -> str:
    return f"calendar/rules/art{panel.art_id}"


def initial_request(panel: CalendarPanel) -> CadenceRequest:
    """The dialog's starting values: the ART's settings and the rules used last time."""
    assert panel.art_id is not None
    ws = panel.ctx.ws
    art = ws.train.art(panel.art_id)
    pis = ws.train.pis(panel.art_id)
    chosen = next((p for p in pis if p.id == panel.pi_id), pis[0] if pis else None)
    start = chosen.start if chosen else ws.train.today(panel.art_id)
    following = [p for p in pis if chosen and p.start >= chosen.start]
    base = CalendarRules(sync=SyncRule(weekday=art.art_sync_weekday, start=art.art_sync_time))
    try:
        saved = json.loads(panel.ctx.settings.value(_rules_key(panel), "{}"))
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


def generate_cadence(panel: CalendarPanel) -> None:
    """Open the dialog; confirm replacements; generate (not undoable: it says so)."""
    import zoneinfo

    from rte_desktop.ui.calendar.generate_dialog import GenerateCadenceDialog

    if panel.art_id is None:
        return
    art_id = panel.art_id
    zones = sorted(zoneinfo.available_timezones())
    dialog = GenerateCadenceDialog(
        initial_request(panel), zones, lambda r: panel.ctx.ws.cadence.preview(art_id, r), panel
    )
    if not dialog.exec() or (request := dialog.request()) is None:
        return
    preview = dialog.preview()
    if (
        preview is not None
        and preview.replaces_anything
        and not panel.confirm_replacements(preview.replacements())
    ):
        return
    try:
        panel.ctx.ws.cadence.generate(art_id, request)
    except DomainError as exc:
        QMessageBox.warning(panel, panel.tr("Generate cadence"), str(exc))
        return
    panel.ctx.settings.set_value(
        _rules_key(panel),
        json.dumps({"rules": rules_to_dict(request.rules), "naming": request.naming}),
    )
    # earlier undo steps may name events the generator replaced: start the history afresh
    panel.ctx.undo.clear()
    panel.status.setText(panel.tr("Cadence generated. (Undo history cleared.)"))


def confirm_replacements(panel: CalendarPanel, lines: list[str]) -> bool:
    box = QMessageBox(panel)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(panel.tr("Replace calendar data?"))
    box.setText(
        panel.tr(
            "Generating changes or removes stored data (events edited by hand are kept). "
            "This cannot be undone."
        )
    )
    shown = lines[:12] + (
        [panel.tr("... and %n more (see details)", "", len(lines) - 12)] if len(lines) > 12 else []
    )
    box.setInformativeText("\n".join(shown))
    box.setDetailedText("\n".join(lines))
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Yes


def edit_holidays(panel: CalendarPanel) -> None:
    from rte_desktop.ui.calendar.holidays_dialog import HolidaysDialog

    if panel.art_id is None:
        return
    ws = panel.ctx.ws
    HolidaysDialog(ws, panel.art_id, panel.ctx.undo, ws.train.today(panel.art_id), panel).exec()


def export_ics(panel: CalendarPanel) -> Path | None:
    """Save the ART's whole calendar as .ics (stable UIDs: re-importing updates events)."""
    if panel.art_id is None:
        return None
    art_id = panel.art_id
    name = panel.ctx.ws.train.art(art_id).name
    return save_report(
        panel,
        panel.tr("Export calendar (ICS)"),
        f"{name} calendar.ics",
        lambda path: panel.ctx.ws.calendar.export_ics(path, art_id),
        panel.tr("iCalendar (*.ics)"),
        open_after=False,
    )


def save_pdf(panel: CalendarPanel) -> Path | None:
    if panel.art_id is None:
        return None
    art_id = panel.art_id
    return save_report(
        panel,
        panel.tr("Calendar PDF"),
        "calendar.pdf",
        lambda path: panel.ctx.ws.calendar.calendar_pdf(path, art_id),
    )

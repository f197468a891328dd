"""The objectives panel's file actions: import, template, PDF, preview and print.

Each action has a dialog wrapper (asks for a file) and a plain function taking a path, which the
tests call directly.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from rte_desktop.domain.errors import DomainError
from rte_desktop.domain.objectives import UnknownTeamsError

if TYPE_CHECKING:
    from rte_desktop.ui.objectives.panel import ObjectivesPanel
    from rte_desktop.ui.widgets.pdf_preview import PdfPreviewDialog

IMPORT_FILTER = "Objectives (*.csv *.xlsx *.xlsm *.txt);;All files (*)"


def _warn(panel: ObjectivesPanel, title: str, error: Exception) -> None:
    text = str(error) if isinstance(error, DomainError) else f"{error}"
    QMessageBox.warning(panel, title, text)


def import_from(panel: ObjectivesPanel, path: Path, ask: bool = True) -> int:
    """Import a file into the panel's PI; returns the number imported (0: nothing changed).

    Unknown teams are listed and, after a Yes (``ask``), created.
    """
    if panel.pi_id is None:
        return 0
    service = panel.ctx.ws.objectives
    title = panel.tr("Import objectives")
    try:
        try:
            result = service.import_file(path, panel.pi_id).value
        except UnknownTeamsError as exc:
            if not ask:
                raise
            question = (
                panel.tr("%1\n\nCreate the team(s) %2 and import?")
                .replace("%1", str(exc))
                .replace("%2", ", ".join(exc.names))
            )
            answer = QMessageBox.question(panel, title, question)
            if answer != QMessageBox.StandardButton.Yes:
                return 0
            result = service.import_file(path, panel.pi_id, create_teams=True).value
    except (DomainError, OSError) as exc:
        panel.message.setText(str(exc))
        _warn(panel, title, exc)
        return 0
    panel.message.clear()
    panel.summary.setText(
        panel.tr("Imported %1 objectives from %2 (not undoable: delete them to take it back).")
        .replace("%1", str(result.count))
        .replace("%2", path.name)
    )
    return result.count


def import_dialog(panel: ObjectivesPanel) -> None:
    name, _ = QFileDialog.getOpenFileName(
        panel, panel.tr("Import objectives"), "", panel.tr(IMPORT_FILTER)
    )
    if name:
        import_from(panel, Path(name))


def template_dialog(panel: ObjectivesPanel) -> None:
    name, chosen = QFileDialog.getSaveFileName(
        panel,
        panel.tr("Save the import template"),
        "objectives-template.xlsx",
        panel.tr("Excel workbook (*.xlsx);;CSV (*.csv)"),
    )
    if not name:
        return
    path = Path(name)
    if path.suffix.casefold() not in (".xlsx", ".csv"):
        path = path.with_suffix(".csv" if "csv" in chosen.casefold() else ".xlsx")
    try:
        panel.ctx.ws.objectives.write_template(path, panel.art_id)
    except (DomainError, OSError) as exc:
        _warn(panel, panel.tr("Template"), exc)


def write_pdf(panel: ObjectivesPanel, path: Path) -> Path | None:
    if panel.pi_id is None:
        return None
    try:
        return panel.ctx.ws.objectives.export_pdf(panel.pi_id, path, panel.paper_key())
    except (DomainError, OSError) as exc:
        _warn(panel, panel.tr("PI objectives PDF"), exc)
        return None


def _suggested_name(panel: ObjectivesPanel) -> str:
    pi = panel.ctx.ws.train.pi(panel.pi_id) if panel.pi_id is not None else None
    stem = (pi.name if pi else "pi").replace(" ", "-").replace("/", "-")
    return f"objectives-{stem}.pdf"


def pdf_dialog(panel: ObjectivesPanel) -> None:
    name, _ = QFileDialog.getSaveFileName(
        panel, panel.tr("Save the PI objectives PDF"), _suggested_name(panel), "PDF (*.pdf)"
    )
    if name and (path := write_pdf(panel, Path(name))) is not None:
        from rte_desktop.ui.widgets.pdf_preview import preview_pdf  # QtPdf: only when used

        preview_pdf(path, panel)


def _temporary_pdf(panel: ObjectivesPanel) -> Path | None:
    folder = Path(tempfile.mkdtemp(prefix="rte-desktop-"))
    return write_pdf(panel, folder / _suggested_name(panel))


def preview(panel: ObjectivesPanel) -> PdfPreviewDialog | None:
    """Render to a temporary file and show it in the in-app preview (QtPdf)."""
    from rte_desktop.ui.widgets.pdf_preview import preview_pdf  # QtPdf: only when used

    path = _temporary_pdf(panel)
    return preview_pdf(path, panel) if path is not None else None


def print_dialog(panel: ObjectivesPanel) -> None:
    """Render, then print through the system print dialog (from the preview's pages)."""
    dialog = preview(panel)
    if dialog is not None:
        dialog.print_document()

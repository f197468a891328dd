"""The objectives panel's file actions: import, template, PDF, preview and print.

Each action has a dialog wrapper (asks for a file) and a plain method taking a path, which the
tests call directly.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QWidget

from rte_desktop.domain.errors import DomainError
from rte_desktop.domain.objectives import UnknownTeamsError
from rte_desktop.services.objectives.objectives import ObjectiveService
from rte_desktop.services.train.train import TrainService

if TYPE_CHECKING:
    from rte_desktop.ui.widgets.pdf_preview import PdfPreviewDialog

IMPORT_FILTER = "Objectives (*.csv *.xlsx *.xlsm *.txt);;All files (*)"


class FilesHost(Protocol):
    """What the file actions read of the panel (the panel, structurally)."""

    pi_id: int | None
    art_id: int | None
    message: QLabel  # a refusal, in red under the table
    summary: QLabel  # what an import did

    def paper_key(self) -> str: ...


class ObjectiveFiles(QObject):
    """Import, template, PDF, preview and print for the panel's PI.

    Args:
        host: the panel: its ART and PI, its paper size, where messages go.
        window: the widget dialogs open over (the panel).
        objectives: the objective service.
        train: the train service (the PI's name for a file name).
    """

    def __init__(
        self,
        host: FilesHost,
        window: QWidget,
        objectives: ObjectiveService,
        train: TrainService,
    ) -> None:
        super().__init__(window)
        self.host, self.window = host, window
        self.objectives, self.train = objectives, train

    def _warn(self, title: str, error: Exception) -> None:
        QMessageBox.warning(self.window, title, str(error))

    def import_from(self, path: Path, ask: bool = True) -> int:
        """Import a file into the panel's PI; returns the number imported (0: nothing changed).

        Unknown teams are listed and, after a Yes (``ask``), created.
        """
        pi_id = self.host.pi_id
        if pi_id is None:
            return 0
        title = self.tr("Import objectives")
        try:
            try:
                result = self.objectives.import_file(path, pi_id).value
            except UnknownTeamsError as exc:
                if not ask:
                    raise
                question = (
                    self.tr("%1\n\nCreate the team(s) %2 and import?")
                    .replace("%1", str(exc))
                    .replace("%2", ", ".join(exc.names))
                )
                answer = QMessageBox.question(self.window, title, question)
                if answer != QMessageBox.StandardButton.Yes:
                    return 0
                result = self.objectives.import_file(path, pi_id, create_teams=True).value
        except (DomainError, OSError) as exc:
            self.host.message.setText(str(exc))
            self._warn(title, exc)
            return 0
        self.host.message.clear()
        self.host.summary.setText(
            self.tr("Imported %1 objectives from %2 (not undoable: delete them to take it back).")
            .replace("%1", str(result.count))
            .replace("%2", path.name)
        )
        return result.count

    def import_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Import objectives"), "", self.tr(IMPORT_FILTER)
        )
        if name:
            self.import_from(Path(name))

    def template_dialog(self) -> None:
        name, chosen = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Save the import template"),
            "objectives-template.xlsx",
            self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"),
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.casefold() not in (".xlsx", ".csv"):
            path = path.with_suffix(".csv" if "csv" in chosen.casefold() else ".xlsx")
        try:
            self.objectives.write_template(path, self.host.art_id)
        except (DomainError, OSError) as exc:
            self._warn(self.tr("Template"), exc)

    def write_pdf(self, path: Path) -> Path | None:
        """Write the PI objectives PDF to ``path`` (None: no PI, or refused with a message)."""
        pi_id = self.host.pi_id
        if pi_id is None:
            return None
        try:
            return self.objectives.export_pdf(pi_id, path, self.host.paper_key())
        except (DomainError, OSError) as exc:
            self._warn(self.tr("PI objectives PDF"), exc)
            return None

    def _suggested_name(self) -> str:
        pi_id = self.host.pi_id
        pi = self.train.pi(pi_id) if pi_id is not None else None
        stem = (pi.name if pi else "pi").replace(" ", "-").replace("/", "-")
        return f"objectives-{stem}.pdf"

    def pdf_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Save the PI objectives PDF"),
            self._suggested_name(),
            "PDF (*.pdf)",
        )
        if name and (path := self.write_pdf(Path(name))) is not None:
            from rte_desktop.ui.widgets.pdf_preview import preview_pdf  # QtPdf: only when used

            preview_pdf(path, self.window)

    def preview(self) -> PdfPreviewDialog | None:
        """Render to a temporary file and show it in the in-app preview (QtPdf)."""
        from rte_desktop.ui.widgets.pdf_preview import preview_pdf  # QtPdf: only when used

        folder = Path(tempfile.mkdtemp(prefix="rte-desktop-"))
        path = self.write_pdf(folder / self._suggested_name())
        return preview_pdf(path, self.window) if path is not None else None

    def print_dialog(self) -> None:
        """Render, then print through the system print dialog (from the preview's pages)."""
        dialog = self.preview()
        if dialog is not None:
            dialog.print_document()

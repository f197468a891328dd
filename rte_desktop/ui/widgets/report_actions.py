"""Save or print a report from a panel: render it through a service, then save or print it.

Every panel with a report offers both, on the same keys (``ui/shortcuts.py``): Ctrl+Shift+P
saves the PDF (asks where, then opens it), Ctrl+P prints it (renders to a temporary PDF, shows
the preview and the system print dialog, as the PI objectives always did).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from rte_desktop.domain.errors import DomainError

if TYPE_CHECKING:
    from rte_desktop.ui.widgets.pdf_preview import PdfPreviewDialog


@dataclass(frozen=True)
class Report:
    """A report a panel can save or print: its title, a file name to suggest and its renderer."""

    title: str
    suggested: str
    render: Callable[[Path], Path]


def save_report(
    parent: QWidget,
    title: str,
    suggested: str,
    render: Callable[[Path], Path],
    file_filter: str = "PDF (*.pdf)",
    open_after: bool = True,
) -> Path | None:
    """Ask for a file name, call ``render(path)`` and return the written path.

    Errors are shown as a message; nothing is written then.
    """
    name, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    if not name:
        return None
    try:
        path = render(Path(name))
    except (DomainError, OSError, ValueError) as exc:
        QMessageBox.warning(parent, title, str(exc))
        return None
    if open_after:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    return path


def save_pdf(parent: QWidget, report: Report | None) -> Path | None:
    """Ctrl+Shift+P: save ``report`` where the user says and open it (None: nothing to save)."""
    if report is None:
        return None
    return save_report(parent, report.title, report.suggested, report.render)


def print_report(parent: QWidget, report: Report | None) -> PdfPreviewDialog | None:
    """Ctrl+P: render ``report`` to a temporary PDF, preview it and open the print dialog.

    Returns:
        The preview window (it stays open after printing), or None when nothing was rendered.
    """
    if report is None:
        return None
    folder = Path(tempfile.mkdtemp(prefix="rte-desktop-"))
    try:
        path = report.render(folder / report.suggested)
    except (DomainError, OSError, ValueError) as exc:
        QMessageBox.warning(parent, report.title, str(exc))
        return None
    from rte_desktop.ui.widgets.pdf_preview import preview_pdf  # QtPdf: only when used

    dialog = preview_pdf(path, parent)
    dialog.print_document()
    return dialog

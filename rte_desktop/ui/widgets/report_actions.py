"""Save a report from a panel: ask where, render through a service, offer to preview it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from rte_desktop.domain.errors import DomainError


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

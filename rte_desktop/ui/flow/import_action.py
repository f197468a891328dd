"""File > Import work items...: an export into the ART chosen in the toolbar."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from rte_desktop.ui.refusals import run_or_warn

if TYPE_CHECKING:
    from rte_desktop.services.flow.work_item_import import ImportSummary
    from rte_desktop.ui.main_window import MainWindow


def import_work_items(window: MainWindow) -> None:
    """Ask for a Jira, cycle-data, transition or Azure DevOps CSV and import it."""
    art_id = window.art_combo.currentData()
    if art_id is None:
        QMessageBox.information(window, "RTE Desktop", window.tr("Create or open a train first."))
        return
    name, _ = QFileDialog.getOpenFileName(
        window,
        window.tr("Import work items"),
        "",
        window.tr("CSV exports (*.csv *.txt);;All files (*)"),
    )
    if not name:
        return
    done: list[ImportSummary] = []

    def run() -> None:
        done.append(window.workspace.flow.import_work_items(art_id, Path(name)).value)

    if run_or_warn(window, window.tr("Import work items"), run, files=True):
        QMessageBox.information(
            window, window.tr("Work items imported"), "\n".join(done[0].lines())
        )

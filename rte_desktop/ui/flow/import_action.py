"""File > Import work items...: an export into the ART chosen in the toolbar."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from rte_desktop.ui.refusals import run_or_warn

if TYPE_CHECKING:
    from rte_desktop.services.flow.flow import FlowService
    from rte_desktop.services.flow.work_item_import import ImportSummary


def import_work_items(parent: QWidget, flow: FlowService, art_id: int | None) -> None:
    """Ask for a Jira, cycle-data, transition or Azure DevOps CSV and import it into the ART."""
    if art_id is None:
        QMessageBox.information(parent, "RTE Desktop", parent.tr("Create or open a train first."))
        return
    name, _ = QFileDialog.getOpenFileName(
        parent,
        parent.tr("Import work items"),
        "",
        parent.tr("CSV exports (*.csv *.txt);;All files (*)"),
    )
    if not name:
        return
    done: list[ImportSummary] = []

    def run() -> None:
        done.append(flow.import_work_items(art_id, Path(name)).value)

    if run_or_warn(parent, parent.tr("Import work items"), run, files=True):
        QMessageBox.information(
            parent, parent.tr("Work items imported"), "\n".join(done[0].lines())
        )

"""The File menu's dialogs: create, open, back up, restore, export and import a train."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QComboBox, QFileDialog, QMessageBox, QStatusBar, QWidget

from rte_desktop.ui.refusals import run_or_warn

if TYPE_CHECKING:
    from rte_desktop.workspace import Workspace


class FileHost(Protocol):
    """What the File menu's dialogs use of the main window (the window, structurally)."""

    @property
    def workspace(self) -> Workspace: ...  # the open train

    @property
    def art_combo(self) -> QComboBox: ...  # a new train's ART is chosen there

    def window(self) -> QWidget: ...  # the dialogs' parent

    def statusBar(self) -> QStatusBar: ...  # noqa: N802 (Qt's name)

    def tr(self, text: str) -> str: ...

    def open_path(self, path: Path) -> bool: ...

    def set_workspace(self, ws: Workspace) -> None: ...


def guard(window: FileHost, action: Callable[[], object]) -> bool:
    """Run an action; a DomainError or OSError is shown as a message and changes nothing."""
    return run_or_warn(window.window(), "RTE Desktop", action, files=True)


def create_train(window: FileHost) -> None:
    from rte_desktop.ui.dialogs.new_train import NewTrainDialog

    ws = window.workspace
    dialog = NewTrainDialog(ws.train.today(None), window.window())  # a new ART's zone is UTC
    if dialog.exec() and (spec := dialog.spec()) is not None:

        def create() -> None:
            art = ws.train.create_train(spec).value
            window.art_combo.setCurrentIndex(window.art_combo.findData(art.id))

        guard(window, create)


def open_file(window: FileHost) -> None:
    folder = window.workspace.path.parent if window.workspace.path else ""
    name, _ = QFileDialog.getOpenFileName(
        window.window(),
        window.tr("Open a train"),
        str(folder),
        window.tr("RTE Desktop trains (*.sqlite *.db);;All files (*)"),
    )
    if name:
        window.open_path(Path(name))


def back_up(window: FileHost) -> None:
    name, _ = QFileDialog.getSaveFileName(
        window.window(),
        window.tr("Back up the train"),
        "train-backup.sqlite",
        window.tr("SQLite files (*.sqlite)"),
    )
    if name and guard(window, lambda: window.workspace.backup.backup_to(Path(name))):
        window.statusBar().showMessage(window.tr("Backed up to %s") % name, 8000)


def restore_backup(window: FileHost) -> None:
    from rte_desktop.ui.dialogs.restore_backup import restore_interactively

    if (ws := restore_interactively(window.window(), window.workspace)) is not None:
        window.set_workspace(ws)
        window.statusBar().showMessage(window.tr("Backup restored"), 8000)


def export_json(window: FileHost) -> None:
    name, _ = QFileDialog.getSaveFileName(
        window.window(), window.tr("Export JSON"), "train.json", window.tr("JSON files (*.json)")
    )
    if name and guard(window, lambda: window.workspace.transfer.export_json(Path(name))):
        window.statusBar().showMessage(window.tr("Exported to %s") % name, 8000)


def import_json(window: FileHost) -> None:
    """Import a JSON export; a train file that already holds data asks for a new file first."""
    name, _ = QFileDialog.getOpenFileName(
        window.window(), window.tr("Import JSON"), "", window.tr("JSON files (*.json)")
    )
    if not name:
        return
    if not window.workspace.train.is_empty():
        QMessageBox.information(
            window.window(),
            "RTE Desktop",
            window.tr("This file already holds a train. Choose a new file to import into."),
        )
        target, _ = QFileDialog.getSaveFileName(
            window.window(),
            window.tr("New train file"),
            "imported.sqlite",
            window.tr("SQLite files (*.sqlite)"),
        )
        if not target or not window.open_path(Path(target)):
            return
    guard(window, lambda: window.workspace.transfer.import_json(Path(name)))

"""File > Restore backup...: the train's backups by date; and the offer made for a damaged file.

Restoring replaces the open train with a backup. The workspace is closed first, the current file
is backed up (``services.backup.restore_backup`` does both checks and copies), and the restored
file is opened again, so the window shows it at once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rte_desktop.domain.errors import DomainError, UnreadableFileError
from rte_desktop.services.backup.backup import BackupInfo, restore_backup
from rte_desktop.workspace import Workspace, open_workspace


def _size(size: int) -> str:
    return f"{size / 1024:,.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:,.1f} MB"


class RestoreBackupDialog(QDialog):
    """Lists backups newest first; Enter restores the selected one, "Other file..." any file."""

    def __init__(self, db: Path, backups: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore a backup"))
        self.resize(760, 420)
        self._chosen: Path | None = None
        intro = QLabel(
            self.tr(
                "Replace <b>%s</b> with one of its backups. The current file is backed up first, "
                "so a restore can itself be undone from this list."
            )
            % db.name
        )
        intro.setWordWrap(True)
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels([self.tr("Taken"), self.tr("Kind"), self.tr("Size")])
        self.table.setAlternatingRowColors(True)
        self.table.setStyleSheet("QTreeView::item { padding: 3px 12px 3px 4px; }")
        for info in backups:
            item = QTreeWidgetItem(
                [info.taken.strftime("%a %d %b %Y  %H:%M"), self.tr(info.label), _size(info.size)]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, str(info.path))
            item.setToolTip(0, str(info.path))
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.addTopLevelItem(item)
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(110)
        for column, mode in enumerate(
            (
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.Stretch,
                QHeaderView.ResizeMode.ResizeToContents,
            )
        ):
            header.setSectionResizeMode(column, mode)
        self.table.itemActivated.connect(lambda _item, _col: self._on_restore())
        self.empty = QLabel(
            self.tr("No backups yet: the first is taken on the first use of a day.")
        )
        self.empty.setVisible(not backups)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(
            self.tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setDefault(True)
        self.restore_button.setEnabled(bool(backups))
        self.other_button = QPushButton(self.tr("&Other file..."))
        buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button.clicked.connect(self._on_restore)
        self.other_button.clicked.connect(self._on_other)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        if (first := self.table.topLevelItem(0)) is not None:
            self.table.setCurrentItem(first)
        self.table.setFocus()

    def chosen(self) -> Path | None:
        """The backup to restore, once accepted."""
        return self._chosen

    def _on_restore(self) -> None:
        item = self.table.currentItem()
        if item is not None:
            self._chosen = Path(item.data(0, Qt.ItemDataRole.UserRole))
            self.accept()

    def _on_other(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Restore from a file"), "", self.tr("Backups (*.sqlite *.db)")
        )
        if name:
            self._chosen = Path(name)
            self.accept()


def restore_interactively(parent: QWidget, ws: Workspace) -> Workspace | None:
    """Let the user pick a backup, confirm, restore it over the open train and reopen it.

    Returns:
        The workspace on the restored file, or None if nothing was restored (then ``ws`` is
        still usable: closing it only emptied its connection pool).
    """
    db = ws.path
    if db is None:
        QMessageBox.information(parent, "RTE Desktop", parent.tr("This train is not a file."))
        return None
    dialog = RestoreBackupDialog(db, ws.backup.backups(), parent)
    if not dialog.exec() or (chosen := dialog.chosen()) is None:
        return None
    answer = QMessageBox.question(
        parent,
        parent.tr("Restore a backup"),
        parent.tr(
            "Replace the open train with the backup\n%s?\n\nThe current file is backed up first."
        )
        % chosen.name,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    ws.close()
    try:
        restore_backup(chosen, db, ws.clock)
        return open_workspace(db, ws.clock)
    except (DomainError, OSError) as exc:
        QMessageBox.warning(parent, parent.tr("Restore a backup"), str(exc))
        return None


def offer_latest_backup(
    parent: QWidget | None, error: UnreadableFileError, db: Path
) -> Path | None:
    """Tell the user ``db`` cannot be opened and offer to restore its latest backup elsewhere.

    The damaged or foreign file is never written to: the backup is restored into a new file
    the user names. Returns that file, or None when the user declined.
    """
    latest = error.latest_backup
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("RTE Desktop")
    box.setStyleSheet(  # room for a path on one line (Qt's own names for the two labels)
        "QLabel#qt_msgbox_label, QLabel#qt_msgbox_informativelabel { min-width: 520px; }"
    )
    box.setText(error.reason)
    if latest is None:
        box.exec()
        return None
    box.setInformativeText(
        box.tr(
            "The file was left untouched. Its latest backup is:\n%s\n\n"
            "Restore that backup into a new file and open it?"
        )
        % latest
    )
    restore = box.addButton(
        box.tr("&Restore into a new file..."), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(restore)
    box.exec()
    if box.clickedButton() is not restore:
        return None
    name, _ = QFileDialog.getSaveFileName(
        parent,
        box.tr("Restore into"),
        str(db.with_name(f"{db.stem}-restored.sqlite")),
        box.tr("RTE Desktop trains (*.sqlite)"),
    )
    if not name:
        return None
    target = Path(name)
    if target.resolve() == db.resolve():
        QMessageBox.warning(
            parent, "RTE Desktop", box.tr("Choose a new file, not the damaged one.")
        )
        return None
    try:
        restore_backup(latest, target)
    except (DomainError, OSError) as exc:
        QMessageBox.warning(parent, "RTE Desktop", str(exc))
        return None
    return target

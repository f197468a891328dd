"""A list of the improvement items aimed at a PI: inputs to its planning from past I&As.

Embed it on any panel of the PI (board, objectives):

    inputs = ImprovementInputsWidget(ctx, ws.improvements)
    inputs.set_pi(pi_id)        # in the panel's refresh or set_scope

It refreshes itself when workshop data changes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from rte_desktop.domain.model import WorkKind
from rte_desktop.services.common.changes import Area, Changes
from rte_desktop.services.workshop.improvements import ImprovementInput, ImprovementService
from rte_desktop.ui.panel_base import PanelContext


class ImprovementInputsWidget(QWidget):
    def __init__(
        self,
        ctx: PanelContext,
        improvements: ImprovementService,
        pi_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._improvements = improvements
        self.pi_id = pi_id
        self.rows: list[ImprovementInput] = []
        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(
            [
                self.tr("Improvement item"),
                self.tr("Type"),
                self.tr("Owner"),
                self.tr("From workshop"),
            ]
        )
        self.tree.setAlternatingRowColors(True)
        self.empty = QLabel(self.tr("No improvement items from I&A target this PI."))
        self.empty.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        ctx.bus.data_changed.connect(self._on_data_changed)
        self._stale = True
        if pi_id is not None:
            self.refresh()

    def compact(self) -> None:
        """Show only the item and its owner (for a narrow side column); details in tooltips."""
        header = self.tree.header()
        for column in range(1, self.tree.columnCount()):
            self.tree.setColumnHidden(column, column != 2)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)
        header.setSectionResizeMode(2, header.ResizeMode.ResizeToContents)

    def set_pi(self, pi_id: int | None) -> None:
        """Show the items targeted at ``pi_id`` (None: nothing)."""
        self.pi_id = pi_id
        self.refresh()

    def refresh(self) -> None:
        self._stale = False
        self.rows = self._improvements.inputs_for_pi(self.pi_id) if self.pi_id else []
        self.tree.clear()
        for row in self.rows:
            item = row.item
            kind = self.tr("Feature") if item.kind is WorkKind.FEATURE else self.tr("Enabler")
            entry = QTreeWidgetItem(
                [item.title, kind, item.owner or "–", f"{row.workshop_title} ({row.workshop_pi})"]
            )
            entry.setToolTip(0, item.description or item.title)
            entry.setData(0, Qt.ItemDataRole.UserRole, item.id)
            self.tree.addTopLevelItem(entry)
        for column in range(1, 4):
            self.tree.resizeColumnToContents(column)
        self.heading.setText(
            self.tr("Inputs from Inspect & Adapt (%1)").replace("%1", str(len(self.rows)))
        )
        self.tree.setVisible(bool(self.rows))
        self.empty.setVisible(not self.rows)

    def _on_data_changed(self, changes: Changes) -> None:
        if changes.touches(Area.WORKSHOP):
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        if self._stale:
            self.refresh()
        super().showEvent(event)  # type: ignore[arg-type]

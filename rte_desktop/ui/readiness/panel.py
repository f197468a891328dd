"""The Readiness panel: the three checklists for the coming PI Planning, counting down.

With PI *n* chosen in the toolbar it shows the PI Planning held at the end of PI *n* (in its IP
iteration), which plans PI *n+1*; the arrows step to other PI Plannings. Items are stored on the
PI being planned. Every edit is undoable.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from rte_desktop.domain.backlog import countdown as backlog_countdown
from rte_desktop.domain.cadence import describe_day
from rte_desktop.domain.model import Checklist, ReadinessItem
from rte_desktop.domain.readiness import CHECKLIST_LABELS, ItemStatus
from rte_desktop.services.backlog.backlog import BacklogService
from rte_desktop.services.common.changes import Area
from rte_desktop.services.readiness.readiness import ReadinessService, ReadinessView
from rte_desktop.services.train.train import TrainService
from rte_desktop.ui.panel_base import Panel, PanelContext
from rte_desktop.ui.readiness.edits import ReadinessEdits
from rte_desktop.ui.readiness.models import CHECKLIST_ROLE, ITEM_ROLE, build_model
from rte_desktop.ui.refusals import run_or_warn
from rte_desktop.ui.shortcuts import bind, keys_of
from rte_desktop.ui.theme import BAD, OK, WARN


def readiness_panel(ctx: PanelContext, parent: QWidget | None = None) -> ReadinessPanel:
    """The Readiness panel with the services it uses."""
    ws = ctx.ws
    return ReadinessPanel(ctx, ws.readiness, ws.train, ws.backlog, parent)


class ReadinessPanel(Panel):
    """The checklists counting down to PI Planning, and the top features' readiness.

    Args:
        ctx: the panel context (bus, undo stack, settings).
        readiness: the checklists (writes go through ``edits``).
        train: the ART's PIs.
        backlog: how many of the top features are ready.
        parent: the parent widget.
    """

    areas = (Area.READINESS, Area.CALENDAR, Area.BACKLOG)

    def __init__(
        self,
        ctx: PanelContext,
        readiness: ReadinessService,
        train: TrainService,
        backlog: BacklogService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.readiness, self.train, self.backlog = readiness, train, backlog
        self.edits = ReadinessEdits(readiness, ctx.undo)  # the one write path (undoable)
        self.planned_pi_id: int | None = None  # the PI whose PI Planning is shown
        self._offset = 0  # arrows: how many PI Plannings away from the toolbar's
        self.view: ReadinessView | None = None
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.anchor = QLabel()
        self.anchor.setWordWrap(True)
        self.backlog_line = QLabel()  # "8 of the top 10 features ready, T-2w" (ART backlog)
        self.backlog_line.setObjectName("backlogReadiness")
        bold = self.backlog_line.font()
        bold.setBold(True)
        self.backlog_line.setFont(bold)
        self.overdue = QLabel()
        self.overdue.setWordWrap(True)
        self.overdue.setStyleSheet(f"color: {BAD.name()}; font-weight: bold")
        self.prev_button = QToolButton()
        self.prev_button.setText("◀")
        self.prev_button.setToolTip(self.tr("The PI Planning before"))
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setToolTip(self.tr("The PI Planning after"))
        self.bars: dict[Checklist, QProgressBar] = {}
        self.bar_labels: dict[Checklist, QLabel] = {}
        bars = QHBoxLayout()
        for checklist in Checklist:
            column = QVBoxLayout()
            label = QLabel()
            bar = QProgressBar()
            bar.setTextVisible(True)
            column.addWidget(label)
            column.addWidget(bar)
            bars.addLayout(column)
            self.bars[checklist], self.bar_labels[checklist] = bar, label
        self.model = QStandardItemModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setStyleSheet("QTreeView::item { padding: 2px 0px; }")
        self.add_button = QPushButton(self.tr("&Add item"))
        self.edit_button = QPushButton(self.tr("&Edit"))
        self.tick_button = QPushButton(self.tr("&Tick / untick"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.prefill_button = QPushButton(self.tr("&Fill from SAFe templates"))
        for button, keys in (
            (self.add_button, "readiness.add"),
            (self.edit_button, "readiness.edit"),
            (self.tick_button, "readiness.tick"),
            (self.remove_button, "readiness.remove"),
            (self.prefill_button, "readiness.prefill"),
        ):
            button.setToolTip(keys_of(keys))
        self.empty = QLabel(
            self.tr(
                "No checklist items for this PI Planning yet. Fill the three checklists "
                "from the SAFe templates, then adjust owners and due dates."
            )
        )
        self.empty.setWordWrap(True)
        head = QHBoxLayout()
        head.addWidget(self.prev_button)
        head.addWidget(self.title, 1)
        head.addWidget(self.next_button)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.tick_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.prefill_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.anchor)
        layout.addWidget(self.backlog_line)
        layout.addWidget(self.overdue)
        layout.addLayout(bars)
        layout.addWidget(self.empty)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self._wire()

    def _wire(self) -> None:
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.add_button.clicked.connect(self.add_item)
        self.edit_button.clicked.connect(self.edit_selected)
        self.tick_button.clicked.connect(self.toggle_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.prefill_button.clicked.connect(self.prefill)
        self.tree.doubleClicked.connect(self._on_double_click)
        self.tree.clicked.connect(self._on_click)
        bind(self, "readiness.add", self.add_item)
        bind(self.tree, "readiness.edit", self.edit_selected)
        bind(self.tree, "readiness.tick", self.toggle_selected)
        bind(self, "readiness.remove", self.remove_selected)
        bind(self, "readiness.prefill", self.prefill)

    # -- scope ------------------------------------------------------------------------------------

    def set_scope(self, art_id: int | None, pi_id: int | None) -> None:
        self._offset = 0
        super().set_scope(art_id, pi_id)

    def step(self, delta: int) -> None:
        self._offset += delta
        self.refresh()

    def _planned_pi(self) -> int | None:
        """The PI planned at the end of the toolbar's PI (its successor), moved by the arrows."""
        if self.art_id is None or self.pi_id is None:
            return None
        ids = [p.id for p in self.train.pis(self.art_id)]
        if self.pi_id not in ids:
            return None
        index = ids.index(self.pi_id) + 1 + self._offset
        index = max(0, min(index, len(ids) - 1))
        self._offset = index - ids.index(self.pi_id) - 1
        self.prev_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(ids) - 1)
        return ids[index]

    # -- showing ----------------------------------------------------------------------------------

    def main_widget(self) -> QWidget | None:
        """The checklists, on an item (Space ticks it at once)."""
        if self.selected_item() is None:
            first = self.model.index(0, 0)
            if self.model.rowCount(first):
                self.tree.setCurrentIndex(self.model.index(0, 0, first))
        return self.tree

    def refresh(self) -> None:
        self.planned_pi_id = self._planned_pi()
        if self.planned_pi_id is None:
            self.view = None
            self.title.setText(self.tr("No PI yet"))
            self.model.clear()
            return
        selected = self.selected_item()
        view = self.view = self.readiness.view(self.planned_pi_id)
        self.title.setText(self.tr("Readiness: PI Planning for %1").replace("%1", view.pi.name))
        days = (view.anchor.day_one - view.today).days
        when = (
            self.tr("in %n day(s)", "", days)
            if days > 0
            else self.tr("today")
            if days == 0
            else self.tr("%n day(s) ago", "", -days)
        )
        if view.anchor.found:
            self.anchor.setText(
                self.tr("Day 1: %1, %2  (%3). Due dates count back from day 1 (T-5w … T-1d).")
                .replace("%1", describe_day(view.anchor.day_one))
                .replace("%2", when)
                .replace("%3", view.anchor.source)
            )
            self.anchor.setStyleSheet("")
        else:
            self.anchor.setText(view.anchor.source)
            self.anchor.setStyleSheet(f"color: {WARN.name()}")
        backlog = self.backlog.readiness(self.planned_pi_id)
        countdown = backlog_countdown(days) if view.anchor.found else ""
        self.backlog_line.setText(
            self.tr("ART backlog: %1 (%2)")
            .replace("%1", backlog.sentence(countdown))
            .replace("%2", keys_of("window.go.backlog"))
        )
        colour = OK if backlog.ready >= backlog.top and backlog.top else WARN
        self.backlog_line.setStyleSheet(f"color: {colour.name()}")
        for checklist in Checklist:
            progress = view.progress(checklist)
            bar = self.bars[checklist]
            bar.setRange(0, max(progress.total, 1))
            bar.setValue(progress.done)
            bar.setFormat(f"{progress.done}/{progress.total} done ({progress.percent}%)")
            text = f"<b>{CHECKLIST_LABELS[checklist]}</b>"
            if progress.overdue:
                text += (
                    f"  <span style='color:{BAD.name()}'><b>⚠ "
                    + self.tr("%n overdue", "", progress.overdue)
                    + "</b></span>"
                )
            self.bar_labels[checklist].setText(text)
        late = [i for i in view.items if view.status(i) is ItemStatus.OVERDUE]
        self.overdue.setVisible(bool(late))
        self.overdue.setText(
            "⚠ "
            + self.tr("Overdue: ")
            + "; ".join(
                f"{i.title} ({i.owner or self.tr('no owner')}, {describe_day(view.due(i))})"
                for i in late[:3]
            )
            + (f" … +{len(late) - 3}" if len(late) > 3 else "")
        )
        build_model(self.model, view)
        for row in range(self.model.rowCount()):  # a checklist's heading spans the row
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
        self.tree.expandAll()
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(0, 4 * self.fontMetrics().height())
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.empty.setVisible(not view.items)
        self.prefill_button.setDefault(not view.items)
        self.select_item(selected.id if selected else None)

    # -- selection --------------------------------------------------------------------------------

    def selected_item(self) -> ReadinessItem | None:
        index = self.tree.currentIndex()
        value = index.data(ITEM_ROLE) if index.isValid() else None
        return value if isinstance(value, ReadinessItem) else None

    def current_checklist(self) -> Checklist:
        index = self.tree.currentIndex()
        item = self.selected_item()
        if item is not None:
            return item.checklist
        value = index.data(CHECKLIST_ROLE) if index.isValid() else None
        return Checklist(value) if value else Checklist.ORGANIZATIONAL  # Qt returns a str

    def select_item(self, item_id: int | None) -> None:
        if item_id is None:
            return
        for row in range(self.model.rowCount()):
            heading = self.model.item(row, 0)
            for child in range(heading.rowCount()):
                value = heading.child(child, 0).data(ITEM_ROLE)
                if value.id == item_id:
                    self.tree.setCurrentIndex(heading.child(child, 1).index())
                    return

    def _on_click(self, index: QModelIndex) -> None:
        if index.column() == 0 and isinstance(index.data(ITEM_ROLE), ReadinessItem):
            self.toggle_selected()

    def _on_double_click(self, index: QModelIndex) -> None:
        if index.column() != 0:
            self.edit_selected()

    # -- editing (undoable) ----------------------------------------------------------------------

    def _run(self, action: Callable[[], object]) -> bool:
        return run_or_warn(self, self.tr("Readiness"), action)

    def toggle_selected(self) -> None:
        item = self.selected_item()
        if item is None or item.id is None:
            return
        self._run(lambda: self.edits.set_done(item, not item.done))
        self.select_item(item.id)

    def add_item(self) -> None:
        from rte_desktop.ui.readiness.item_dialog import ItemDialog

        if self.view is None:
            return
        dialog = ItemDialog(
            self.tr("Add checklist item"),
            None,
            self.current_checklist(),
            self.view.anchor.day_one,
            self,
        )
        if not dialog.exec() or (value := dialog.value(self.view.pi.id or 0)) is None:
            return
        added: list[ReadinessItem] = []
        if self._run(lambda: added.append(self.edits.add(value))):
            self.select_item(added[0].id)

    def edit_selected(self) -> None:
        from rte_desktop.ui.readiness.item_dialog import ItemDialog

        old = self.selected_item()
        if old is None or self.view is None:
            return
        dialog = ItemDialog(
            self.tr("Edit checklist item"), old, old.checklist, self.view.anchor.day_one, self
        )
        if not dialog.exec() or (value := dialog.value(old.pi_id)) is None:
            return
        # a new checklist puts the item at its end
        position = old.position if value.checklist is old.checklist else 10_000
        new = dataclasses.replace(value, id=old.id, position=position)
        self._run(lambda: self.edits.edit(old, new))
        self.select_item(old.id)

    def remove_selected(self) -> None:
        item = self.selected_item()
        if item is None or item.id is None:
            return
        self._run(lambda: self.edits.remove(item))

    def prefill(self) -> None:
        if self.planned_pi_id is None:
            return
        pi_id = self.planned_pi_id
        self._run(lambda: self.edits.prefill(pi_id))

"""The System Demo panel: each iteration's demo plan, run live with keys.

The toolbar's PI picks the demos (its System Demo events, from the calendar); Alt+Up/Down step
between them. The plan lists the slots in running order; during the demo D marks a slot demoed,
A cycles accepted / not accepted / undecided, F types feedback, and on a feedback line B makes
it a backlog feature and R a risk. The timebox is the agenda timer: Ctrl+Shift+A writes the
System Demo agenda for the event, which the Agenda & Timer panel runs (no second timer).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from rte_desktop.domain.clock import Clock
from rte_desktop.domain.system_demo import acceptance_label
from rte_desktop.services.common.changes import Area
from rte_desktop.services.system_demo.demo_plan import DemoPlan, DemoSlot
from rte_desktop.services.system_demo.system_demo import SystemDemoService
from rte_desktop.ui.panel_base import Panel, PanelContext
from rte_desktop.ui.refusals import run_or_warn
from rte_desktop.ui.shortcuts import bind, bind_each, keys_of
from rte_desktop.ui.theme import BAD, OK, WARN

if TYPE_CHECKING:
    from rte_desktop.ui.widgets.report_actions import Report

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
HEADERS = ("#", "Feature / enabler", "By", "Min", "Demo", "Accepted", "Feedback")
NEXT_ACCEPTANCE: dict[bool | None, bool | None] = {None: True, True: False, False: None}


def system_demo_panel(ctx: PanelContext, parent: QWidget | None = None) -> SystemDemoPanel:
    """The System Demo panel with the service (and clock) it uses."""
    ws = ctx.ws
    return SystemDemoPanel(ctx, ws.system_demo, ws.clock, parent)


class SystemDemoPanel(Panel):
    areas = (Area.SYSTEM_DEMO, Area.CALENDAR, Area.BOARD, Area.AGENDA)

    def __init__(
        self,
        ctx: PanelContext,
        system_demo: SystemDemoService,
        clock: Clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self._demo = system_demo
        self._clock = clock
        self.plan: DemoPlan | None = None
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.demo_box = QComboBox()
        self.summary = QLabel()
        self.timebox = QLabel()
        self.timebox.setWordWrap(True)
        self.shares = QLabel()
        self.shares.setWordWrap(True)
        self.model = QStandardItemModel(self)
        self.table = QTreeView()
        self.table.setModel(self.model)
        self.table.setRootIsDecorated(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setUniformRowHeights(True)
        self.feedback_list = QListWidget()
        self.feedback_edit = QLineEdit()
        self.feedback_edit.setPlaceholderText(
            self.tr("Feedback on the selected slot (F), Enter saves")
        )
        self.feedback_title = QLabel(self.tr("Feedback"))
        bold = self.feedback_title.font()
        bold.setBold(True)
        self.feedback_title.setFont(bold)
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.feedback_title)
        column.addWidget(self.feedback_list, 1)
        column.addWidget(self.feedback_edit)
        column.addWidget(QLabel(self.tr("On a feedback line: B → backlog feature, R → risk")))
        self.split = QSplitter()
        self.split.addWidget(self.table)
        self.split.addWidget(side)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        self.fill_button = QPushButton(self.tr("&Plan from the board"))
        self.add_button = QPushButton(self.tr("&Add slot"))
        self.agenda_button = QPushButton(self.tr("&Timebox with the agenda"))
        self.report_button = QPushButton(self.tr("Report &PDF"))
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.demo_box)
        buttons = QHBoxLayout()
        for button in (self.fill_button, self.add_button, self.agenda_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.report_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.summary)
        layout.addWidget(self.timebox)
        layout.addWidget(self.split, 1)
        layout.addWidget(self.shares)
        layout.addLayout(buttons)
        self._wire()

    def _wire(self) -> None:
        self.demo_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.fill_button.clicked.connect(self.fill_from_board)
        self.add_button.clicked.connect(self.add_slot)
        self.agenda_button.clicked.connect(self.build_agenda)
        self.report_button.clicked.connect(self.save_pdf)
        self.feedback_edit.returnPressed.connect(self.save_feedback)
        self.table.selectionModel().currentChanged.connect(lambda *_: self._show_feedback())
        table, feedback = self.table, self.feedback_list
        bind(self, "system_demo.fill", self.fill_from_board)
        bind(self, "system_demo.add", self.add_slot)
        bind(table, "system_demo.table.edit", self.edit_slot)
        bind(table, "system_demo.table.demoed", self.toggle_demoed)
        bind(table, "system_demo.table.accepted", self.cycle_accepted)
        bind(table, "system_demo.table.feedback", self.feedback_edit.setFocus)
        bind(self, "system_demo.feedback", self.feedback_edit.setFocus)
        bind(feedback, "system_demo.feedback_list.to_feature", self.feedback_to_feature)
        bind(feedback, "system_demo.feedback_list.to_risk", self.feedback_to_risk)
        bind_each(
            table, "system_demo.table.move", [lambda: self.move_slot(-1), lambda: self.move_slot(1)]
        )
        bind(table, "system_demo.table.delete", self.delete_slot)
        bind(self, "system_demo.agenda", self.build_agenda)
        bind_each(
            self, "system_demo.step_demo", [lambda: self.step_demo(-1), lambda: self.step_demo(1)]
        )
        bind(self, "system_demo.print", self.print_report)
        bind(self, "system_demo.save_pdf", self.save_pdf)
        for button, action_id in (
            (self.fill_button, "system_demo.fill"),
            (self.add_button, "system_demo.add"),
            (self.agenda_button, "system_demo.agenda"),
            (self.report_button, "system_demo.save_pdf"),
        ):
            button.setToolTip(keys_of(action_id))
        self.demo_box.setToolTip(keys_of("system_demo.step_demo"))

    def main_widget(self) -> QWidget | None:
        return self.table  # D, A, F act on its current slot

    # -- showing ----------------------------------------------------------------------------------

    def step_demo(self, delta: int) -> None:
        count = self.demo_box.count()
        if count:
            self.demo_box.setCurrentIndex(
                max(0, min(count - 1, self.demo_box.currentIndex() + delta))
            )

    def _demo_choices(self) -> None:
        """Fill the demo chooser with the PI's System Demos; pick the next one due by default."""
        if self.pi_id is None:
            self.demo_box.clear()
            return
        summaries = self._demo.demos(self.pi_id)
        wanted = [s.event.id for s in summaries]
        have = [self.demo_box.itemData(i) for i in range(self.demo_box.count())]
        if wanted == have:
            return
        current = self.demo_box.currentData()
        self.demo_box.blockSignals(True)
        self.demo_box.clear()
        for s in summaries:
            self.demo_box.addItem(f"{s.event.title} · {s.event.start:%a %d %b}", s.event.id)
        if current in wanted:
            self.demo_box.setCurrentIndex(wanted.index(current))
        else:
            today = self._clock.now().date()
            upcoming = [i for i, s in enumerate(summaries) if s.event.start.date() >= today]
            self.demo_box.setCurrentIndex(upcoming[0] if upcoming else max(0, len(summaries) - 1))
        self.demo_box.blockSignals(False)

    def refresh(self) -> None:
        self._demo_choices()
        event_id = self.demo_box.currentData()
        if event_id is None:
            self.plan = None
            self.title.setText(self.tr("System Demo: no System Demo in this PI"))
            self.model.clear()
            self.feedback_list.clear()
            self.summary.setText(
                self.tr("Generate the calendar's events to get a System Demo per iteration.")
            )
            return
        selected = self.selected_slot()
        plan = self.plan = self._demo.plan(int(event_id))
        iteration = f" · {plan.iteration.name}" if plan.iteration else ""
        self.title.setText(self.tr("System Demo") + iteration)
        slots = plan.slots
        demoed = sum(1 for s in slots if s.item.demoed)
        accepted = sum(1 for s in slots if s.item.accepted)
        self.summary.setText(
            self.tr("%1 slots, %2 min · %3 demoed · %4 accepted")
            .replace("%1", str(len(slots)))
            .replace("%2", str(plan.minutes))
            .replace("%3", str(demoed))
            .replace("%4", str(accepted))
        )
        if plan.agenda is None:
            self.timebox.setText(
                self.tr(
                    "Not timeboxed yet: Ctrl+Shift+A writes the System Demo agenda; the "
                    "Agenda && Timer panel runs it."
                ).replace("&&", "&")
            )
        else:
            self.timebox.setText(
                self.tr("Timeboxed by the agenda “%1” (run it in Agenda & Timer).").replace(
                    "%1", plan.agenda.title
                )
            )
        self._fill(slots)
        if self.pi_id is not None:
            parts = [
                f"{s.iteration}: {s.demoed}/{s.planned}"
                + (f" ({s.percent:.0f}%)" if s.percent is not None else "")
                for s in self._demo.shares(self.pi_id)
            ]
            self.shares.setText(
                self.tr("Planned features demoed: ")
                + ("; ".join(parts) or self.tr("no demo held yet"))
            )
        row = next(
            (
                i
                for i, s in enumerate(slots)
                if selected is not None and s.item.id == selected.item.id
            ),
            0,
        )
        if slots:
            self.table.setCurrentIndex(self.model.index(row, 0))
        self._show_feedback()

    def _fill(self, slots: list[DemoSlot]) -> None:
        self.model.clear()
        self.model.setHorizontalHeaderLabels([self.tr(h) for h in HEADERS])
        bold = QFont(self.font())
        bold.setBold(True)
        for order, slot in enumerate(slots, start=1):
            item = slot.item
            demo = "✓ " + self.tr("demoed") if item.demoed else "○ " + self.tr("not yet")
            accepted = {True: "✓ ", False: "✗ ", None: "? "}[item.accepted] + self.tr(
                acceptance_label(item.accepted)
            )
            cells = [
                QStandardItem(str(order)),
                QStandardItem(slot.label),
                QStandardItem(item.presenter),
                QStandardItem(str(item.minutes)),
                QStandardItem(demo),
                QStandardItem(accepted),
                QStandardItem(str(len(slot.feedback)) if slot.feedback else ""),
            ]
            if item.demoed:
                cells[4].setForeground(QBrush(OK))
                cells[4].setFont(bold)
            colour = {True: OK, False: BAD, None: WARN}[item.accepted]
            if item.demoed:
                cells[5].setForeground(QBrush(colour))
            cells[0].setData(item.id, ITEM_ROLE)
            self.model.appendRow(cells)
        header = self.table.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)

    def selected_slot(self) -> DemoSlot | None:
        if self.plan is None:
            return None
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        item_id = index.siblingAtColumn(0).data(ITEM_ROLE)
        return next((s for s in self.plan.slots if s.item.id == item_id), None)

    def _show_feedback(self) -> None:
        slot = self.selected_slot()
        row = self.feedback_list.currentRow()
        self.feedback_list.clear()
        self.feedback_edit.setEnabled(slot is not None)
        if slot is None:
            self.feedback_title.setText(self.tr("Feedback"))
            return
        self.feedback_title.setText(self.tr("Feedback on %1").replace("%1", slot.label))
        for fb in slot.feedback:
            marks = []
            if fb.feature_id is not None:
                marks.append(self.tr("→ backlog"))
            if fb.risk_id is not None:
                marks.append(self.tr("→ risk"))
            entry = QListWidgetItem(f"{fb.text}  {' '.join(marks)}".strip())
            entry.setData(ITEM_ROLE, fb.id)
            self.feedback_list.addItem(entry)
        if self.feedback_list.count():
            self.feedback_list.setCurrentRow(max(0, min(row, self.feedback_list.count() - 1)))

    # -- editing ----------------------------------------------------------------------------------

    def _event_id(self) -> int | None:
        value = self.demo_box.currentData()
        return int(value) if value is not None else None

    def fill_from_board(self) -> None:
        event_id = self._event_id()
        if event_id is not None:
            run_or_warn(self, self.tr("Plan"), lambda: self._demo.plan_from_board(event_id))

    def add_slot(self) -> None:
        event_id = self._event_id()
        if event_id is None:
            return
        title, ok = QInputDialog.getText(
            self, self.tr("Add a demo slot"), self.tr("What is shown:")
        )
        if ok and title.strip():
            run_or_warn(
                self,
                self.tr("Add slot"),
                lambda: self._demo.add_item(event_id, title=title),
            )

    def edit_slot(self) -> None:
        """Ask who presents the selected slot and for how many minutes."""
        slot = self.selected_slot()
        if slot is None:
            return
        presenter, ok = QInputDialog.getText(
            self, self.tr("Demo slot"), self.tr("Presented by:"), text=slot.item.presenter
        )
        if not ok:
            return
        minutes, ok = QInputDialog.getInt(
            self, self.tr("Demo slot"), self.tr("Minutes:"), slot.item.minutes, 1, 120
        )
        if not ok:
            return
        item_id = slot.item.id or 0
        run_or_warn(
            self,
            self.tr("Demo slot"),
            lambda: self._demo.edit_item(item_id, presenter=presenter, minutes_=minutes),
        )

    def toggle_demoed(self) -> None:
        slot = self.selected_slot()
        if slot is not None:
            item_id, demoed = slot.item.id or 0, not slot.item.demoed
            run_or_warn(self, self.tr("Demo"), lambda: self._demo.set_demoed(item_id, demoed))

    def cycle_accepted(self) -> None:
        slot = self.selected_slot()
        if slot is not None:
            item_id, value = slot.item.id or 0, NEXT_ACCEPTANCE[slot.item.accepted]
            run_or_warn(
                self,
                self.tr("Acceptance"),
                lambda: self._demo.set_accepted(item_id, value),
            )

    def move_slot(self, delta: int) -> None:
        slot = self.selected_slot()
        if slot is not None:
            item_id = slot.item.id or 0
            run_or_warn(self, self.tr("Order"), lambda: self._demo.move_item(item_id, delta))

    def delete_slot(self) -> None:
        slot = self.selected_slot()
        if slot is not None:
            item_id = slot.item.id or 0
            run_or_warn(self, self.tr("Remove"), lambda: self._demo.delete_item(item_id))

    def save_feedback(self) -> None:
        slot = self.selected_slot()
        text = self.feedback_edit.text()
        if slot is None or not text.strip():
            return
        item_id = slot.item.id or 0
        if run_or_warn(self, self.tr("Feedback"), lambda: self._demo.add_feedback(item_id, text)):
            self.feedback_edit.clear()

    def _feedback_id(self) -> int | None:
        entry = self.feedback_list.currentItem()
        return int(entry.data(ITEM_ROLE)) if entry is not None else None

    def feedback_to_feature(self) -> None:
        feedback_id = self._feedback_id()
        if feedback_id is not None:
            run_or_warn(
                self,
                self.tr("Backlog feature"),
                lambda: self._demo.feedback_to_feature(feedback_id),
            )
            self.feedback_list.setFocus()

    def feedback_to_risk(self) -> None:
        feedback_id = self._feedback_id()
        if feedback_id is not None:
            run_or_warn(self, self.tr("Risk"), lambda: self._demo.feedback_to_risk(feedback_id))
            self.feedback_list.setFocus()

    def build_agenda(self) -> None:
        event_id = self._event_id()
        if event_id is not None:
            run_or_warn(self, self.tr("Agenda"), lambda: self._demo.build_agenda(event_id))

    def report(self) -> Report | None:
        """The report of the chosen iteration's demo (every demo of the PI without a plan)."""
        from rte_desktop.ui.widgets.report_actions import Report

        if self.pi_id is None:
            return None
        pi_id, demo = self.pi_id, self._demo
        number = self.plan.iteration.number if self.plan and self.plan.iteration else None
        return Report(
            self.tr("Save the System Demo report"),
            "system-demo.pdf" if number is None else f"system-demo-I{number}.pdf",
            lambda path: demo.report(pi_id, path, number),
        )

    def save_pdf(self) -> None:
        """Ctrl+Shift+P: save the System Demo report PDF (asks where, then opens it)."""
        from rte_desktop.ui.widgets.report_actions import save_pdf

        save_pdf(self, self.report())

    def print_report(self) -> None:
        """Ctrl+P: print the System Demo report through the system print dialog."""
        from rte_desktop.ui.widgets.report_actions import print_report

        print_report(self, self.report())

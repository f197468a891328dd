"""The Backlog & WSJF panel: the ART backlog of the PI being prepared, ordered by WSJF.

With PI *n* in the toolbar it shows the backlog of PI *n+1* (the one the coming PI Planning
plans); the arrows step to other PIs. The grid is keyboard-first: digits set the WSJF estimate
of the current cell, Ctrl+Left/Right move the state; the details pane holds the epic, likely
teams, acceptance criteria and the Definition of Ready checklist. F5 puts the WSJF session on
the projector (``ui/backlog/session.py``); the keys are rows ``backlog.*`` of ``ui/shortcuts.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QBrush,
    QFont,
    QKeyEvent,
    QPalette,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rte_desktop.domain.backlog import BACKLOG_STATES, STATE_LABELS
from rte_desktop.domain.kinds import BacklogState, WsjfColumn
from rte_desktop.domain.wsjf import COLUMNS, SHORT_LABELS, format_wsjf, typed_value
from rte_desktop.services.backlog.backlog import BacklogService
from rte_desktop.services.backlog.backlog_view import BacklogRow, BacklogView
from rte_desktop.services.common.changes import Area
from rte_desktop.services.train.train import TrainService
from rte_desktop.ui.panel_base import Panel, PanelContext
from rte_desktop.ui.refusals import run_or_warn
from rte_desktop.ui.shortcuts import bind, bind_each, keys_of
from rte_desktop.ui.theme import OK, WARN
from rte_desktop.ui.undo_recipes import push_updated

if TYPE_CHECKING:
    from rte_desktop.ui.presenter.window import PresenterWindow
    from rte_desktop.ui.widgets.report_actions import Report

FEATURE_ROLE = Qt.ItemDataRole.UserRole + 1
HEADERS = (
    "Rank",
    "Key",
    "Feature",
    "State",
    "UBV",
    "TC",
    "RR/OE",
    "Size",
    "CoD",
    "WSJF",
    "Epic",
    "DoR",
    "Teams",
)
FIRST_ESTIMATE = 4  # the column of UBV; COLUMNS follow in order


def rank_text(row: BacklogRow) -> str:
    if row.rank is None:
        return ""
    return f"={row.rank}" if row.tied else str(row.rank)


class BacklogGrid(QTableView):
    """The table; digits and Delete in an estimate column go to ``on_value``."""

    def __init__(self, on_value: Callable[[int, WsjfColumn, int | None], None]) -> None:
        super().__init__()
        self._on_value = on_value
        self._typed = ""
        self._cell: tuple[int, int] = (-1, -1)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        index = self.currentIndex()
        column = index.column() - FIRST_ESTIMATE
        feature_id = index.siblingAtColumn(0).data(FEATURE_ROLE) if index.isValid() else None
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if feature_id is not None and 0 <= column < len(COLUMNS) and plain:
            if (index.row(), index.column()) != self._cell:
                self._cell, self._typed = (index.row(), index.column()), ""
            text = event.text()
            if text.isdigit():
                value, self._typed = typed_value(self._typed, text)
                if value is not None:
                    self._on_value(int(feature_id), COLUMNS[column], value)
                event.accept()
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self._on_value(int(feature_id), COLUMNS[column], None)
                event.accept()
                return
        super().keyPressEvent(event)


def backlog_panel(ctx: PanelContext, parent: QWidget | None = None) -> BacklogPanel:
    """The Backlog & WSJF panel with the services it uses."""
    ws = ctx.ws
    return BacklogPanel(ctx, ws.backlog, ws.train, parent)


class BacklogPanel(Panel):
    areas = (Area.BACKLOG, Area.BOARD)

    def __init__(
        self,
        ctx: PanelContext,
        backlog: BacklogService,
        train: TrainService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self._backlog = backlog
        self._train = train
        self.backlog_pi_id: int | None = None
        self._offset = 0
        self.view: BacklogView | None = None
        self.session_view: QWidget | None = None
        self.presenter_window: PresenterWindow | None = None  # handed in by the main window
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.prev_button = QToolButton()
        self.prev_button.setText("◀")
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.readiness = QLabel()
        bold = self.readiness.font()
        bold.setBold(True)
        self.readiness.setFont(bold)
        self.session_line = QLabel()
        self.capacity = QSpinBox()
        self.capacity.setRange(1, 500)
        self.capacity.setSuffix(self.tr(" features"))
        self.capacity.setToolTip(self.tr("The ART's expected PI capacity (the top N counted)"))
        self.model = QStandardItemModel(self)
        self.grid = BacklogGrid(self.set_estimate)
        self.grid.setModel(self.model)
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setAlternatingRowColors(True)
        self.grid.verticalHeader().setVisible(False)
        self.grid.setTabKeyNavigation(False)
        # details
        self.detail_title = QLabel()
        self.detail_title.setWordWrap(True)
        self.detail_title.setFont(bold)
        self.epic = QLineEdit()
        self.teams = QLineEdit()
        self.criteria = QPlainTextEdit()
        self.criteria.setPlaceholderText(self.tr("Given … When … Then …"))
        self.save_criteria = QPushButton(self.tr("Save criteria"))
        self.dor = QListWidget()
        form = QFormLayout()
        form.addRow(self.tr("&Epic"), self.epic)
        form.addRow(self.tr("&Likely teams"), self.teams)
        details = QWidget()
        side = QVBoxLayout(details)
        side.addWidget(self.detail_title)
        side.addLayout(form)
        side.addWidget(QLabel(self.tr("Acceptance criteria")))
        side.addWidget(self.criteria, 2)
        side.addWidget(self.save_criteria)
        side.addWidget(QLabel(self.tr("Definition of Ready (Space ticks)")))
        side.addWidget(self.dor, 2)
        self.split = QSplitter()
        self.split.addWidget(self.grid)
        self.split.addWidget(details)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 1)
        self.add_button = QPushButton(self.tr("&New feature"))
        self.session_button = QPushButton(self.tr("WSJF &session (projector)"))
        self.report_button = QPushButton(self.tr("&PDF pre-read"))
        self.export_button = QPushButton(self.tr("E&xport CSV/XLSX"))
        head = QHBoxLayout()
        head.addWidget(self.prev_button)
        head.addWidget(self.title, 1)
        head.addWidget(self.next_button)
        line = QHBoxLayout()
        line.addWidget(self.readiness, 1)
        line.addWidget(QLabel(self.tr("PI capacity:")))
        line.addWidget(self.capacity)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.session_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.report_button, self.export_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(line)
        layout.addWidget(self.session_line)
        layout.addWidget(self.split, 1)
        layout.addLayout(buttons)
        self._wire()

    def _wire(self) -> None:
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.add_button.clicked.connect(self.add_feature)
        self.session_button.clicked.connect(self.open_session)
        self.report_button.clicked.connect(self.save_pdf)
        self.export_button.clicked.connect(self.export)
        self.capacity.editingFinished.connect(self._capacity_changed)
        self.epic.editingFinished.connect(self._details_changed)
        self.teams.editingFinished.connect(self._details_changed)
        self.save_criteria.clicked.connect(self._criteria_changed)
        self.dor.itemChanged.connect(self._dor_changed)
        self.grid.selectionModel().currentChanged.connect(self._show_details)
        bind(self, "backlog.new_feature", self.add_feature)
        bind(self, "backlog.start_session", self.open_session)
        bind_each(
            self.grid,
            "backlog.grid.state",
            [lambda: self.step_state(-1), lambda: self.step_state(1)],
        )
        bind_each(
            self.grid,
            "backlog.grid.move",
            [lambda: self.move_feature(-1), lambda: self.move_feature(1)],
        )
        bind(self, "backlog.details", self.epic.setFocus)
        bind(self.criteria, "backlog.criteria.save", self._criteria_changed)
        bind(self, "backlog.dor", self.dor.setFocus)
        bind(self, "backlog.export", self.export)
        bind(self, "backlog.print", self.print_report)
        bind(self, "backlog.save_pdf", self.save_pdf)
        for button, action_id in (
            (self.add_button, "backlog.new_feature"),
            (self.session_button, "backlog.start_session"),
            (self.report_button, "backlog.save_pdf"),
            (self.export_button, "backlog.export"),
        ):
            button.setToolTip(keys_of(action_id))
        self.save_criteria.setToolTip(keys_of("backlog.criteria.save"))

    def main_widget(self) -> QWidget | None:
        return self.grid  # digits, Delete and Ctrl+arrows act on its current cell

    # -- scope ------------------------------------------------------------------------------------

    def set_scope(self, art_id: int | None, pi_id: int | None) -> None:
        self._offset = 0
        super().set_scope(art_id, pi_id)

    def step(self, delta: int) -> None:
        self._offset += delta
        self.refresh()

    def _backlog_pi(self) -> int | None:
        """The PI after the toolbar's (the one being prepared), moved by the arrows."""
        if self.art_id is None or self.pi_id is None:
            return None
        ids = [p.id for p in self._train.pis(self.art_id)]
        if self.pi_id not in ids:
            return None
        index = max(0, min(ids.index(self.pi_id) + 1 + self._offset, len(ids) - 1))
        self._offset = index - ids.index(self.pi_id) - 1
        self.prev_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(ids) - 1)
        return ids[index]

    # -- showing ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.backlog_pi_id = self._backlog_pi()
        if self.backlog_pi_id is None:
            self.view = None
            self.title.setText(self.tr("No PI yet"))
            self.model.clear()
            return
        current = self.grid.currentIndex()
        keep = (current.row(), current.column()) if current.isValid() else (0, FIRST_ESTIMATE)
        selected = self.selected_feature()
        view = self.view = self._backlog.view(self.backlog_pi_id)
        self.title.setText(self.tr("ART backlog: %1").replace("%1", view.pi.name))
        self.readiness.setText(view.readiness.sentence())
        colour = OK if view.readiness.ready >= view.readiness.top else WARN
        self.readiness.setStyleSheet(f"color: {colour.name()}")
        self.capacity.blockSignals(True)
        self.capacity.setValue(view.art.pi_capacity_features)
        self.capacity.blockSignals(False)
        session = view.session
        if session is None:
            self.session_line.setText(self.tr("No WSJF session yet."))
        elif session.finished_at is None:
            self.session_line.setText(self.tr("A WSJF session is open (F5 shows it)."))
        else:
            self.session_line.setText(
                self.tr("Last WSJF session finished %1.").replace(
                    "%1", f"{session.finished_at:%d %b %Y}"
                )
            )
        self._fill(view)
        row = next(
            (r for r in range(self.model.rowCount()) if self._feature_at(r) == selected), keep[0]
        )
        if self.model.rowCount():
            row = min(row, self.model.rowCount() - 1)
            self.grid.setCurrentIndex(self.model.index(row, keep[1]))
        self._show_details()
        self._update_session()

    def _fill(self, view: BacklogView) -> None:
        self.model.clear()
        self.model.setHorizontalHeaderLabels([self.tr(h) for h in HEADERS])
        dim = QBrush(self.palette().color(QPalette.ColorRole.PlaceholderText))
        total = len(view.definition)
        bold = QFont(self.font())
        bold.setBold(True)
        for row in view.rows + view.later:
            f = row.feature
            in_backlog = row in view.rows
            values = [
                rank_text(row),
                f.key,
                f.title + (f" ({f.kind.value})" if f.kind.value != "feature" else ""),
                STATE_LABELS[f.state] + (" ✓" if f.state is BacklogState.READY else ""),
                *(
                    "" if f.__getattribute__(c.value) is None else str(f.__getattribute__(c.value))
                    for c in COLUMNS
                ),
                "" if row.cost_of_delay is None else str(row.cost_of_delay),
                format_wsjf(row.wsjf) if row.wsjf is not None else "",
                f.epic,
                f"{len(row.met)}/{total}" if total else "",
                f.candidate_teams or row.team,
            ]
            items = []
            for column, text in enumerate(values):
                item = QStandardItem(text)
                if column in (0, 4, 5, 6, 7, 8, 9, 11):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if not in_backlog:
                    item.setForeground(dim)
                if column == 0 and row.tied:
                    item.setForeground(QBrush(WARN))
                    item.setToolTip(self.tr("Tie: same WSJF, kept in backlog order"))
                if column == 9:
                    item.setFont(bold)
                items.append(item)
            items[0].setData(f.id, FEATURE_ROLE)
            self.model.appendRow(items)
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    def _feature_at(self, row: int) -> int | None:
        value = self.model.index(row, 0).data(FEATURE_ROLE)
        return int(value) if value is not None else None

    def selected_feature(self) -> int | None:
        index = self.grid.currentIndex()
        return self._feature_at(index.row()) if index.isValid() else None

    def selected_row(self) -> BacklogRow | None:
        feature_id = self.selected_feature()
        if self.view is None or feature_id is None:
            return None
        return self.view.row(feature_id)

    def _show_details(self, *_args: object) -> None:
        row = self.selected_row()
        enabled = row is not None
        for widget in (self.epic, self.teams, self.criteria, self.save_criteria, self.dor):
            widget.setEnabled(enabled)
        self.dor.blockSignals(True)
        self.dor.clear()
        if row is None or self.view is None:
            self.detail_title.setText(self.tr("No feature selected"))
            self.dor.blockSignals(False)
            return
        f = row.feature
        self.detail_title.setText(f"{f.key} {f.title}".strip())
        self.epic.setText(f.epic)
        self.teams.setText(f.candidate_teams)
        self.criteria.setPlainText(f.acceptance_criteria)
        for item in self.view.definition:
            entry = QListWidgetItem(item.text)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(
                Qt.CheckState.Checked if item.id in row.met else Qt.CheckState.Unchecked
            )
            entry.setData(FEATURE_ROLE, item.id)
            self.dor.addItem(entry)
        self.dor.blockSignals(False)

    # -- editing ----------------------------------------------------------------------------------

    def set_estimate(self, feature_id: int, column: WsjfColumn, value: int | None) -> None:
        """Set one WSJF part (undoable with Ctrl+Z, in the panel and in the session)."""
        old = self._backlog.feature(feature_id).__getattribute__(column.value)
        if old == value:
            return
        backlog = self._backlog
        run_or_warn(
            self,
            self.tr("WSJF"),
            lambda: push_updated(
                self.ctx.undo,
                self.tr("Set %1").replace("%1", SHORT_LABELS[column]),
                lambda v: backlog.set_estimate(feature_id, column, v),
                old,
                value,
            ),
        )

    def step_state(self, delta: int) -> None:
        row = self.selected_row()
        if row is None:
            return
        states = list(BACKLOG_STATES)
        state = row.feature.state
        if state not in states:
            return
        target = states[max(0, min(len(states) - 1, states.index(state) + delta))]
        if target is not state:
            feature_id, backlog = row.feature.id or 0, self._backlog
            run_or_warn(
                self,
                self.tr("State"),
                lambda: push_updated(
                    self.ctx.undo,
                    self.tr("Change the state"),
                    lambda s: backlog.set_state(feature_id, s),
                    state,
                    target,
                ),
            )

    def move_feature(self, delta: int) -> None:
        feature_id = self.selected_feature()
        if feature_id is not None:
            run_or_warn(self, self.tr("Order"), lambda: self._backlog.move(feature_id, delta))

    def add_feature(self) -> None:
        if self.backlog_pi_id is None:
            return
        title, ok = QInputDialog.getText(self, self.tr("New backlog feature"), self.tr("Title:"))
        if ok and title.strip():
            pi_id = self.backlog_pi_id
            run_or_warn(
                self, self.tr("New feature"), lambda: self._backlog.add_feature(pi_id, title)
            )

    def _details_changed(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        epic, teams = self.epic.text(), self.teams.text()
        if (epic.strip(), teams.strip()) == (row.feature.epic, row.feature.candidate_teams):
            return
        feature_id = row.feature.id or 0
        run_or_warn(
            self,
            self.tr("Details"),
            lambda: self._backlog.update_details(feature_id, epic=epic, candidate_teams=teams),
        )

    def _criteria_changed(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        text = self.criteria.toPlainText()
        feature_id = row.feature.id or 0
        run_or_warn(
            self,
            self.tr("Acceptance criteria"),
            lambda: self._backlog.update_details(feature_id, acceptance_criteria=text),
        )

    def _dor_changed(self, item: QListWidgetItem) -> None:
        row = self.selected_row()
        if row is None:
            return
        met = item.checkState() == Qt.CheckState.Checked
        feature_id, item_id = row.feature.id or 0, int(item.data(FEATURE_ROLE))
        position = self.dor.row(item)
        run_or_warn(
            self,
            self.tr("Definition of Ready"),
            lambda: self._backlog.set_met(feature_id, item_id, met),
        )
        if self.dor.count() > position:
            self.dor.setCurrentRow(position)

    def _capacity_changed(self) -> None:
        if self.view is None or self.view.art.id is None:
            return
        value, art_id = self.capacity.value(), self.view.art.id
        if value != self.view.art.pi_capacity_features:
            run_or_warn(
                self, self.tr("Capacity"), lambda: self._backlog.set_capacity(art_id, value)
            )

    # -- files ------------------------------------------------------------------------------------

    def report(self) -> Report | None:
        """The PI Planning pre-read of the backlog shown (None without one)."""
        from rte_desktop.ui.widgets.report_actions import Report

        if self.view is None or self.backlog_pi_id is None:
            return None
        pi_id, backlog = self.backlog_pi_id, self._backlog
        return Report(
            self.tr("Save the backlog PDF"),
            f"backlog-{self.view.pi.name.replace(' ', '-')}.pdf",
            lambda path: backlog.report(pi_id, path),
        )

    def save_pdf(self) -> None:
        """Ctrl+Shift+P: save the backlog PDF (asks where, then opens it)."""
        from rte_desktop.ui.widgets.report_actions import save_pdf

        save_pdf(self, self.report())

    def print_report(self) -> None:
        """Ctrl+P: print the backlog PDF through the system print dialog."""
        from rte_desktop.ui.widgets.report_actions import print_report

        print_report(self, self.report())

    def export(self) -> None:
        if self.view is None or self.backlog_pi_id is None:
            return
        name, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the backlog"),
            f"backlog-{self.view.pi.name}.xlsx",
            self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"),
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.casefold() not in (".xlsx", ".csv"):
            path = path.with_suffix(".csv" if "csv" in chosen.casefold() else ".xlsx")
        pi_id = self.backlog_pi_id
        run_or_warn(self, self.tr("Export"), lambda: self._backlog.export(pi_id, path), files=True)

    # -- the WSJF session -------------------------------------------------------------------------

    def set_presenter(self, window: PresenterWindow) -> None:
        """The main window's presenter window, where the WSJF session goes."""
        self.presenter_window = window

    def on_the_wall(self) -> bool:
        """Whether the presenter window shows this panel's WSJF session now."""
        window = self.presenter_window
        return window is not None and window.is_showing(self.session_view)

    def take_the_wall(self) -> None:
        """Show the WSJF session on the presenter window where it is (another train opened)."""
        if not self.on_the_wall():
            self.open_session()

    def open_session(self) -> None:
        """Start (or continue) the WSJF session and show it on the presenter window."""
        from rte_desktop.ui.backlog.session import WsjfSessionView

        window = self.presenter_window
        if self.backlog_pi_id is None or window is None:
            return
        pi_id = self.backlog_pi_id
        if not run_or_warn(
            self, self.tr("WSJF session"), lambda: self._backlog.start_session(pi_id)
        ):
            return
        if self.session_view is None:
            view = WsjfSessionView()
            view.estimate.connect(self.set_estimate)
            view.finish.connect(self.finish_session)
            view.message.connect(lambda text: view.status.setText("⚠ " + text))
            view.undo.connect(self.ctx.undo.undo)
            view.redo.connect(self.ctx.undo.redo)
            self.session_view = view
        window.show_content(self.session_view)
        self._update_session()
        if not window.isVisible():
            window.show()
        window.raise_()
        window.activateWindow()
        self.session_view.setFocus()

    def _update_session(self) -> None:
        from rte_desktop.ui.backlog.session import WsjfSessionView

        if isinstance(self.session_view, WsjfSessionView):
            self.session_view.set_view(self.view)

    def finish_session(self) -> None:
        view = self.view
        if view is None or view.session is None or view.session.finished_at is not None:
            return
        session_id = view.session.id or 0
        run_or_warn(
            self,
            self.tr("WSJF session"),
            lambda: self._backlog.finish_session(session_id),
        )

"""The Risks panel: the ROAM board, the history of moves, and ART Sync (a tab: no sidebar slot).

Every edit goes through ``RiskService`` and the undo stack; the board reloads from the database
on ``data_changed``. Moving to Owned or Mitigated asks for an owner when the risk has none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rte_desktop.domain import roam
from rte_desktop.domain.errors import DomainError
from rte_desktop.domain.model import Risk, RoamStatus
from rte_desktop.domain.train import zone_or_utc
from rte_desktop.services.art_sync.art_sync import ArtSyncService
from rte_desktop.services.common.changes import Area
from rte_desktop.services.risks.risks import RiskService
from rte_desktop.services.train.train import TrainService
from rte_desktop.ui.art_sync.timer import SyncTimerServices
from rte_desktop.ui.art_sync.view import ArtSyncView
from rte_desktop.ui.panel_base import Panel, PanelContext, first_focusable
from rte_desktop.ui.refusals import run_or_warn
from rte_desktop.ui.risks.board_view import RoamBoardView
from rte_desktop.ui.risks.dialog import RiskDialog
from rte_desktop.ui.risks.edits import RiskEdits
from rte_desktop.ui.risks.history import HistoryView
from rte_desktop.ui.shortcuts import bind
from rte_desktop.ui.widgets.report_actions import Report, print_report, save_pdf


def risks_panel(ctx: PanelContext, parent: QWidget | None = None) -> RisksPanel:
    """The Risks panel (ROAM board, history, ART Sync) with the services it uses."""
    ws = ctx.ws
    timer = SyncTimerServices(ws.agenda, ws.agenda_timer, ws.train, ws.clock)
    return RisksPanel(ctx, ws.risks, ws.train, ws.art_sync, timer, parent)


class RisksPanel(Panel):
    """The ROAM board, the risks' history and the ART Sync meetings of a PI.

    Args:
        ctx: the panel context (bus, undo stack, settings).
        risks: the risk service.
        train: the train service (teams, ARTs, today in the ART's zone).
        art_sync: the ART Sync service.
        timer: what starting an ART Sync timebox uses.
        parent: the parent widget.
    """

    areas = (Area.RISKS, Area.ART_SYNC)

    def __init__(
        self,
        ctx: PanelContext,
        risks: RiskService,
        train: TrainService,
        art_sync: ArtSyncService,
        timer: SyncTimerServices,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self._risks = risks
        self._train = train
        self.edits = RiskEdits(risks, ctx.undo)  # the panel's one write path (undoable)
        self.team_filter = QComboBox()
        self.team_filter.setMinimumWidth(150)
        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText(
            self.tr("Filter: words in title, owner, team... (Ctrl+F)")
        )
        self.text_filter.setClearButtonEnabled(True)
        self.new_button = QPushButton(self.tr("&New risk"))
        self.edit_button = QPushButton(self.tr("Ed&it..."))
        self.poster_button = QPushButton(self.tr("&Poster PDF..."))
        self.status_line = QLabel()
        self.bar = QWidget()  # filters and buttons of the board and history (hidden on ART Sync)
        bar = QHBoxLayout(self.bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(QLabel(self.tr("Team:")))
        bar.addWidget(self.team_filter)
        bar.addWidget(self.text_filter, 1)
        bar.addWidget(self.new_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.poster_button)

        self.board = RoamBoardView()
        self.history = HistoryView()
        self.art_sync = ArtSyncView(ctx, art_sync, risks, timer)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.board, self.tr("ROAM &board"))
        self.tabs.addTab(self.history, self.tr("Histor&y"))
        self.tabs.addTab(self.art_sync, self.tr("ART &Sync"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status_line)

        self.team_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.text_filter.textChanged.connect(lambda _t: self.refresh())
        self.new_button.clicked.connect(lambda: self.new_risk(self.board.focused_status()))
        self.edit_button.clicked.connect(self.edit_selected)
        self.poster_button.clicked.connect(self.save_poster)
        self.board.move_requested.connect(self.move_risk)
        self.board.drop_requested.connect(self._on_drop_requested)
        self.board.edit_requested.connect(self.edit_risk)
        self.board.delete_requested.connect(self.delete_risk)
        self.board.new_requested.connect(self.new_risk)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        # Keys and their contexts: ui/shortcuts.py (these act while the panel is visible).
        bind(self, "risks.filter", self._focus_filter)
        bind(self, "risks.print", self.print_poster)
        bind(self, "risks.save_pdf", self.save_poster)
        bind(self.text_filter, "risks.filter_box.clear", self._clear_filter)

    # -- loading --------------------------------------------------------------------------------

    def _team_names(self) -> dict[int, str]:
        if self.art_id is None:
            return {}
        return {t.id: t.name for t in self._train.teams(self.art_id) if t.id is not None}

    def _reload_team_filter(self) -> None:
        current = self.team_filter.currentData()
        self.team_filter.blockSignals(True)
        self.team_filter.clear()
        self.team_filter.addItem(self.tr("All teams"), None)
        for team_id, name in self._team_names().items():
            self.team_filter.addItem(name, team_id)
        self.team_filter.setCurrentIndex(max(0, self.team_filter.findData(current)))
        self.team_filter.blockSignals(False)

    def set_scope(self, art_id: int | None, pi_id: int | None) -> None:
        self.art_sync.set_scope(art_id, pi_id)
        super().set_scope(art_id, pi_id)

    def main_widget(self) -> QWidget | None:
        """The ROAM board's first column with a risk on the board tab; else the tab's page."""
        if self.tabs.currentWidget() is self.board:
            columns = self.board.columns
            filled = [v for v in columns.values() if v.model() and v.model().rowCount()]
            return filled[0] if filled else columns[RoamStatus.UNROAMED]
        return first_focusable(self.tabs.currentWidget())

    def refresh(self) -> None:
        if self.team_filter.count() == 0 or self.team_filter.property("art") != self.art_id:
            self._reload_team_filter()
            self.team_filter.setProperty("art", self.art_id)
        if self.pi_id is None:
            self.board.set_risks([], {}, self._today())
            return
        names = self._team_names()
        team_id = self.team_filter.currentData()
        text = self.text_filter.text()
        risks = self._risks.risks(self.pi_id, team_id=team_id, text=text)
        self.board.set_risks(risks, names, self._today())
        if self.tabs.currentWidget() is self.history:
            kept = {r.id for r in risks}
            entries = [e for e in self._risks.history(self.pi_id) if e.change.risk_id in kept]
            self.history.history_model.set_entries(entries, names, self._zone())
        if self.tabs.currentWidget() is self.art_sync:
            self.art_sync.refresh()
        total = len(self._risks.risks(self.pi_id))
        shown = len(risks)
        self.status_line.setText(
            self.tr("%1 of %2 risks shown").replace("%1", str(shown)).replace("%2", str(total))
            if shown != total
            else self.tr("%1 risks").replace("%1", str(total))
        )

    def _on_tab_changed(self, _index: int) -> None:
        self.bar.setVisible(self.tabs.currentWidget() is not self.art_sync)
        self.refresh()

    def _today(self) -> dt.date:
        """Today in the ART's time zone: what decides overdue and the default due dates."""
        return self._train.today(self.art_id)

    def _zone(self) -> ZoneInfo:
        try:
            return zone_or_utc(self._train.art(self.art_id or 0).time_zone)
        except DomainError:  # no ART yet
            return ZoneInfo("UTC")

    def _focus_filter(self) -> None:
        self.text_filter.setFocus()
        self.text_filter.selectAll()

    def _clear_filter(self) -> None:
        self.text_filter.clear()
        self.board.columns[RoamStatus.UNROAMED].setFocus()

    def _guard(self, action: Callable[[], object]) -> bool:
        return run_or_warn(self, self.tr("Risks"), action)

    # -- edits ----------------------------------------------------------------------------------

    def ask_owner(self, risk: Risk, status: RoamStatus) -> str | None:
        """Who owns the risk now (None: cancelled). A method so tests can answer it."""
        owner, ok = QInputDialog.getText(
            self,
            self.tr("Owner needed"),
            self.tr("%1 needs an owner. Who follows up '%2'?")
            .replace("%1", roam.STATUS_TITLE[status])
            .replace("%2", risk.title),
        )
        return owner if ok else None

    def _on_drop_requested(self, risk_id: int, status: RoamStatus) -> None:
        # A drop arrives inside the drag's event handling: move after it has finished.
        QTimer.singleShot(0, lambda: self.move_risk(risk_id, status))

    def move_risk(self, risk_id: int, status: RoamStatus) -> None:
        """Move a risk to another column (undoable), asking for an owner where one is needed.

        It moves the risk as the board shows it: a risk another facilitator re-ROAMed since is
        not moved again (a message says where it is now).
        """
        old = self.board.shown_risk(risk_id) or self._risks.risk(risk_id)
        if old.status is status:
            return
        owner = None
        if status in roam.NEEDS_OWNER and not old.owner.strip():
            owner = self.ask_owner(old, status)
            if owner is None:
                return
        self._guard(lambda: self.edits.move(old, status, owner))
        self.board.select_risk(risk_id, focus=True)

    def new_risk(self, status: RoamStatus = RoamStatus.UNROAMED) -> None:
        if self.pi_id is None:
            return
        pi_id = self.pi_id
        draft = Risk(
            pi_id=pi_id,
            title="",
            status=status,
            team_id=self.team_filter.currentData(),
            created_at=dt.datetime(2000, 1, 1),
        )
        created: list[Risk] = []

        def save(risk: Risk) -> None:
            created.append(self.edits.add(pi_id, risk))

        RiskDialog(draft, self._train.teams(self.art_id or 0), save, self._today(), self).exec()
        if created and created[0].id is not None:
            self.board.select_risk(created[0].id, focus=True)

    def edit_selected(self) -> None:
        risk = self.board.selected_risk()
        if risk is not None and risk.id is not None:
            self.edit_risk(risk.id)

    def edit_risk(self, risk_id: int) -> None:
        # The risk as the board shows it: another facilitator's change since is not overwritten.
        old = self.board.shown_risk(risk_id) or self._risks.risk(risk_id)

        def save(risk: Risk) -> None:
            self.edits.edit(old, risk)

        RiskDialog(old, self._train.teams(self.art_id or 0), save, self._today(), self).exec()
        self.board.select_risk(risk_id, focus=True)

    def delete_risk(self, risk_id: int) -> None:
        self._guard(  # a refusal (a read-only role, a lost server) is one message, not a crash
            lambda: self.edits.delete(risk_id, self.board.shown_risk(risk_id))
        )

    def poster_report(self) -> Report | None:
        """The poster of the PI in scope (None without a PI)."""
        if self.pi_id is None:
            return None
        pi_id = self.pi_id
        name = self._train.pi(pi_id).name.replace(" ", "-")
        return Report(
            self.tr("ROAM poster"),
            f"roam-{name}.pdf",
            lambda path: self._risks.poster(pi_id, Path(path)),
        )

    def save_poster(self) -> None:
        """Ctrl+Shift+P: save the poster PDF (asks where)."""
        save_pdf(self, self.poster_report())

    def print_poster(self) -> None:
        """Ctrl+P: print the poster through the system print dialog."""
        print_report(self, self.poster_report())

"""The I&A problem-solving workshop panel: one place for the whole flow, step by step.

Problem → Fishbone → Vote & Pareto → Solutions & backlog, with the PI's measurement beside it.
A PI can hold several workshops (one per problem group, and follow-ups restated from a cause).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rte_desktop.domain.errors import DomainError
from rte_desktop.domain.model import Workshop
from rte_desktop.services.common.changes import Area, Changes
from rte_desktop.ui.panel_base import Panel, PanelContext, first_focusable
from rte_desktop.ui.settings import WORKSHOP_CURRENT, WORKSHOP_STEP
from rte_desktop.ui.shortcuts import bind, bind_each
from rte_desktop.ui.theme import BAD
from rte_desktop.ui.widgets.report_actions import Report, print_report, save_pdf
from rte_desktop.ui.workshop.backlog_tab import BacklogTab
from rte_desktop.ui.workshop.edits import WorkshopEdits
from rte_desktop.ui.workshop.fishbone_tab import FishboneTab
from rte_desktop.ui.workshop.measurement_tab import MeasurementTab
from rte_desktop.ui.workshop.phone_dots import DotStarter, PhoneDots
from rte_desktop.ui.workshop.problem_tab import ProblemTab
from rte_desktop.ui.workshop.vote_tab import VoteTab

if TYPE_CHECKING:
    from rte_desktop.services.common.phone_devices import DeviceCount
    from rte_desktop.services.flow.flow import FlowService
    from rte_desktop.services.system_demo.system_demo import SystemDemoService
    from rte_desktop.services.train.train import TrainService
    from rte_desktop.services.workshop.improvements import ImprovementService
    from rte_desktop.services.workshop.inspect_adapt import InspectAdaptService
    from rte_desktop.services.workshop.phone_dots import DotTally
    from rte_desktop.services.workshop.workshop import WorkshopService

PROBLEM, FISHBONE, VOTE, BACKLOG, MEASUREMENT = range(5)


def workshop_panel(ctx: PanelContext, parent: QWidget | None = None) -> WorkshopPanel:
    """The I&A Workshop panel with the services it uses."""
    from rte_desktop.phones.dots import DotSession

    ws = ctx.ws
    review = QuantitativeReview(ws.inspect_adapt, ws.system_demo, ws.flow)
    starter = partial(DotSession.start, ws)
    return WorkshopPanel(
        ctx, ws.workshop, ws.improvements, ws.train, review, parent, start_phones=starter
    )


@dataclass(frozen=True)
class QuantitativeReview:
    """Where the measurement tab's figures come from (I&A's quantitative review)."""

    inspect_adapt: InspectAdaptService  # predictability and the vote
    system_demo: SystemDemoService  # planned features demoed per iteration
    flow: FlowService  # the PI's flow figures, when the ART has work items


class WorkshopPanel(Panel):
    """The I&A problem-solving workshop, step by step, and the PI's quantitative review.

    Args:
        ctx: the panel context (bus, undo stack, settings).
        workshop: workshops, causes and dots.
        improvements: solutions and improvement backlog items.
        train: the ART's PIs.
        review: the quantitative review's sources.
        parent: the parent widget.
        start_phones: opens and serves a workshop's dot voting to phones (None: no Phones box).
    """

    areas = (Area.WORKSHOP, Area.OBJECTIVES, Area.VOTES, Area.SYSTEM_DEMO)

    def __init__(
        self,
        ctx: PanelContext,
        workshop: WorkshopService,
        improvements: ImprovementService,
        train: TrainService,
        review: QuantitativeReview,
        parent: QWidget | None = None,
        start_phones: DotStarter | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.phones = PhoneDots(start_phones, ctx.bus, self) if start_phones else None
        self._join_shown = False
        self._fishbone_stale = False  # phones' dots came while another step was shown
        self.workshop_service, self.train, self.review = workshop, train, review
        self.edits = WorkshopEdits(workshop, improvements, ctx.undo)
        self.workshops: list[Workshop] = []
        self.workshop_id: int | None = None
        self._measured_pi: int | None = None

        self.combo = QComboBox()
        self.combo.setMinimumWidth(320)
        # Long problem titles must not widen the panel beyond a 1280-pixel screen.
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(36)
        self.new_button = QPushButton(self.tr("&New workshop..."))
        self.new_button.setToolTip("Ctrl+Shift+N")
        self.delete_button = QPushButton(self.tr("Delete workshop"))
        self.report_button = QToolButton()
        self.report_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.report_this = QAction(self.tr("Report PDF (this workshop)..."), self)
        self.report_all = QAction(self.tr("Report PDF (every workshop of the PI)..."), self)
        menu = QMenu(self.report_button)
        menu.addActions([self.report_this, self.report_all])
        self.report_button.setMenu(menu)
        self.report_button.setDefaultAction(self.report_this)
        self.report_button.setToolTip("Ctrl+P")
        top = QHBoxLayout()
        label = QLabel(self.tr("&Workshop:"))
        label.setBuddy(self.combo)
        for widget in (label, self.combo, self.new_button):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.report_button)
        top.addWidget(self.delete_button)

        self.tabs = QTabWidget()
        self.problem = ProblemTab()
        self.fishbone = FishboneTab(self.edits)
        self.vote = VoteTab()
        self.backlog = BacklogTab(improvements, train, self.edits)
        self.measurement = MeasurementTab()
        steps: tuple[tuple[QWidget, str], ...] = (
            (self.problem, self.tr("1 Problem")),
            (self.fishbone, self.tr("2 Fishbone")),
            (self.vote, self.tr("3 Vote && Pareto")),
            (self.backlog, self.tr("4 Solutions && backlog")),
            (self.measurement, self.tr("5 Measurement")),
        )
        for page, title in steps:
            self.tabs.addTab(page, title)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 42)
        empty_page = QWidget()
        empty_layout = QVBoxLayout(empty_page)
        empty_layout.addWidget(self.empty, 0, Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.tabs)
        self.pages.addWidget(empty_page)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.status)

        self.combo.currentIndexChanged.connect(self._on_combo)
        self.new_button.clicked.connect(self._ask_new_workshop)
        self.delete_button.clicked.connect(self.delete_workshop)
        self.report_this.triggered.connect(lambda: self.save_report(all_workshops=False))
        self.report_all.triggered.connect(lambda: self.save_report(all_workshops=True))
        self.problem.field_edited.connect(self._on_problem_edited)
        self.vote.votes_requested.connect(self._on_votes)
        self.vote.voting_requested.connect(self._on_voting)
        self.vote.hidden_requested.connect(self._on_hidden)
        self.vote.clear_requested.connect(self._on_clear)
        self.vote.restate_requested.connect(self.restate)
        self.vote.phone_bar.setVisible(self.phones is not None)
        self.vote.phone_bar.start.clicked.connect(self.toggle_phones)
        if self.phones is not None:
            self.phones.arrived.connect(self._on_phone_dots)
        step = self.ctx.settings.get(WORKSHOP_STEP)
        self.tabs.setCurrentIndex(step if 0 <= step < 5 else PROBLEM)
        self.tabs.currentChanged.connect(self._on_tab)
        bind(self, "workshop.new", self._ask_new_workshop)
        bind(self, "workshop.print", self.print_report)
        bind(self, "workshop.save_pdf", lambda: self.save_report(all_workshops=False))
        bind(self, "workshop.hide_dots", self.vote.toggle_hidden)
        bind(self, "workshop.restate", self.vote.restate_button.click)
        bind(self, "workshop.phones", self.toggle_phones)
        bind_each(self, "workshop.step", [partial(self.show_step, index) for index in range(5)])

    # -- scope and data ---------------------------------------------------------------------------

    @property
    def workshop(self) -> Workshop | None:
        return next((w for w in self.workshops if w.id == self.workshop_id), None)

    def main_widget(self) -> QWidget | None:
        """The fishbone on its step; else the first field of the step shown ("New workshop"...)."""
        if self.pages.currentWidget() is not self.tabs:
            return self.new_button  # no workshop yet: Enter starts one
        if self.tabs.currentIndex() == FISHBONE:
            return self.fishbone.view
        return first_focusable(self.tabs.currentWidget())

    def refresh(self) -> None:
        self.workshops = self.workshop_service.workshops(self.pi_id) if self.pi_id else []
        ids = [w.id for w in self.workshops]
        if self.workshop_id not in ids:
            remembered = self.ctx.settings.get(WORKSHOP_CURRENT, pi_id=self.pi_id)
            self.workshop_id = remembered if remembered in ids else (ids[0] if ids else None)
        self._fill_combo()
        self._load_workshop()

    def _fill_combo(self) -> None:
        titles = {w.id: w.title for w in self.workshops}
        self.combo.blockSignals(True)
        self.combo.clear()
        for shop in self.workshops:
            prefix = "↳ " if shop.parent_id in titles else ""
            self.combo.addItem(prefix + shop.title, shop.id)
        self.combo.setCurrentIndex(self.combo.findData(self.workshop_id))
        self.combo.blockSignals(False)
        has = bool(self.workshops)
        for widget in (self.combo, self.delete_button, self.report_button):
            widget.setEnabled(has)

    def _load_workshop(self) -> None:
        if self.phones is not None:
            self.phones.forget_reads()  # a tally being read is older than what is read here
        shop = self.workshop
        if shop is None:
            self.pages.setCurrentIndex(1)
            self.empty.setText(self._empty_text())
            self.fishbone.load(None, True)
            self.stop_phones(self.tr("Phones stopped: no workshop is shown."))
            return
        assert shop.id is not None
        self.pages.setCurrentWidget(self.tabs)
        service = self.workshop_service
        data = service.fishbone(shop.id)
        titles = {w.id: w.title for w in self.workshops}
        self.problem.load(shop, titles.get(shop.parent_id, "") if shop.parent_id else "")
        self.fishbone.load(data, show_votes=not shop.votes_hidden)
        self._fishbone_stale = False
        self._check_phones()
        phones_on = self.phones is not None and self.phones.serves(shop.id)
        self.vote.load(data, data.counted_pareto(), data.counted_budget(), phones_on)
        self._show_phones()
        self.backlog.load(shop.id, self.art_id)
        self._measured_pi = None  # the measurement tab (15 ms on ten years) loads when shown
        if self.tabs.currentIndex() == MEASUREMENT:
            self._load_measurement()

    def _load_measurement(self) -> None:
        shop = self.workshop
        if shop is not None and self._measured_pi != shop.pi_id:
            self.measurement.load(self.review.inspect_adapt.measurement(shop.pi_id))
            self.measurement.load_flow(self._flow_lines(shop.pi_id))
            self.measurement.load_demo_shares(self.review.system_demo.shares(shop.pi_id))
            self._measured_pi = shop.pi_id

    def _flow_lines(self, pi_id: int) -> list[str]:
        """The PI's flow figures for the ART, or none when it has no work items."""
        pi = self.train.pi(pi_id)
        flow = self.review.flow
        if not flow.data(pi.art_id).items:
            return []
        return flow.figures(pi.art_id, None, pi.start, pi.end).summary()

    def _empty_text(self) -> str:
        if self.pi_id is None:
            return self.tr("Choose a PI in the toolbar.")
        others = []
        if self.art_id is not None:
            for pi in self.train.pis(self.art_id):
                if pi.id != self.pi_id and pi.id is not None:
                    count = len(self.workshop_service.workshops(pi.id))
                    if count:
                        others.append(f"{pi.name} ({count})")
        text = self.tr(
            "No problem-solving workshop in this PI yet.\n\n"
            "Start one with “New workshop” (Ctrl+Shift+N): agree on the problem, find the "
            "root causes on the fishbone, vote, and turn the best solutions into improvement "
            "backlog items for the next PI."
        )
        if others:
            text += "\n\n" + self.tr("Workshops in other PIs: %1 (pick the PI in the toolbar).")
            text = text.replace("%1", ", ".join(others))
        return text

    def _on_combo(self, index: int) -> None:
        self.workshop_id = self.combo.itemData(index)
        if self.workshop_id is not None:
            self.ctx.settings.put(WORKSHOP_CURRENT, self.workshop_id, pi_id=self.pi_id)
        self._load_workshop()

    def _on_tab(self, index: int) -> None:
        self.ctx.settings.put(WORKSHOP_STEP, index)
        if index == FISHBONE:
            if self._fishbone_stale:
                self._load_fishbone()
            self.fishbone.view.setFocus()
        elif index == MEASUREMENT:
            self._load_measurement()

    # -- phones (ui/workshop/phone_dots.py) -------------------------------------------------------

    def set_scope(self, art_id: int | None, pi_id: int | None) -> None:
        """Another ART or PI: the phones stop (their workshop belongs to the PI shown before)."""
        if pi_id != self.pi_id:
            self.stop_phones(self.tr("Phones stopped: another PI is shown."))
        super().set_scope(art_id, pi_id)

    def toggle_phones(self) -> None:
        """Ctrl+Shift+M: let phones place dots in the workshop shown, or close their voting."""
        phones, shop = self.phones, self.workshop
        if phones is None or shop is None or shop.id is None:
            return
        if phones.running:
            done, _ = self._run(phones.close)
            if done:
                self._say(self.tr("Phone voting closed; the dots stay on the causes."))
            self.refresh()
            return
        self.tabs.setCurrentIndex(VOTE)
        host = self.vote.phone_bar.host()
        try:
            done, session = self._run(lambda: phones.start(shop.id or 0, host))
        except OSError as exc:
            text = self.tr("Phones could not start on %1: %2")
            self._say(text.replace("%1", host).replace("%2", str(exc)), error=True)
            return
        self.refresh()
        if done:
            self._say(
                self.tr("Phones place %1 dots each: scan the QR code or open %2")
                .replace("%1", str(shop.dots_per_participant))
                .replace("%2", session.url)
            )

    def stop_phones(self, message: str = "") -> None:
        """Stop serving (the port closes; the round stays open until closed)."""
        if self.phones is None or not self.phones.running:
            return
        self.phones.stop()
        self._show_phones()
        if message:
            self._say(message)

    def _on_phone_dots(self, tally: DotTally | None = None) -> None:
        """Phones saved dots (``tally``, read off the GUI thread): show only what they change.

        The "Phones" cells that changed, the budget, the device count and the chart: the table
        is not rebuilt, so the RTE's selection and a count being typed stay (a whole refresh
        would redraw every step). The room's edits reload the step through the bus, so between
        them only the phones' dots change.
        """
        shop = self.workshop
        if shop is None or shop.id is None or not self.isVisible():
            self.on_changes(Changes.of(Area.WORKSHOP))  # hidden: a whole refresh when shown
            return
        phones, data = self.phones, self.vote.data
        served = phones is not None and phones.serves(shop.id)
        if tally is not None and served and data is not None and data.workshop.id == shop.id:
            data = data.with_phone_dots(tally.phone_dots)
        else:  # not served here any more, or the read failed: read the step again
            tally, data = None, self.workshop_service.fishbone(shop.id)
        self._check_phones(None if tally is None else tally.is_open)
        served = phones is not None and phones.serves(shop.id)
        self.vote.show_counts(data, data.counted_pareto(), data.counted_budget(), served)
        self._show_phones(tally.count if tally is not None and served else None)
        self._fishbone_stale = True
        if self.tabs.currentIndex() == FISHBONE:
            self._load_fishbone()

    def _load_fishbone(self) -> None:
        shop = self.workshop
        if shop is not None and shop.id is not None:
            data = self.workshop_service.fishbone(shop.id)
            self.fishbone.load(data, show_votes=not shop.votes_hidden)
        self._fishbone_stale = False

    def _check_phones(self, is_open: bool | None = None) -> None:
        """Stop serving once the round was closed elsewhere or another workshop is shown.

        Args:
            is_open: whether the round is open, when just read (None: read it).
        """
        phones = self.phones
        if phones is None or not phones.running or phones.session is None:
            return
        if not (phones.session.is_open() if is_open is None else is_open):
            phones.stop()
            self._say(self.tr("The phone voting was closed: phones stopped."))
        elif not phones.serves(self.workshop_id):
            self.stop_phones(self.tr("Phones stopped: another workshop is shown."))

    def _show_phones(self, count: DeviceCount | None = None) -> None:
        """The QR code box and the phone bar; ``count``: the devices, when just read."""
        phones = self.phones
        if phones is None:
            return
        served = phones.serves(self.workshop_id)
        self.vote.join.set_state(phones.join(count) if served else None)
        self.vote.phone_bar.set_running(served)
        self.vote.phone_bar.start.setEnabled(self.workshop is not None)
        if served != self._join_shown:  # the QR code gets a column the back row can scan
            self._join_shown = served
            total = sum(self.vote.splitter.sizes())
            join = min(340, total // 3) if served else 0
            rest = total - join
            self.vote.splitter.setSizes([rest * 9 // 20, rest - rest * 9 // 20, join])

    def _say(self, text: str, error: bool = False) -> None:
        """A message under the tabs (in red for an error)."""
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {BAD.name()};" if error else "")

    def show_step(self, index: int) -> None:
        if self.workshop is not None:
            self.tabs.setCurrentIndex(index)

    def select_workshop(self, workshop_id: int | None) -> None:
        self.workshop_id = workshop_id
        self.refresh()

    # -- edits ------------------------------------------------------------------------------------

    def _run(self, action: Callable[[], Any]) -> tuple[bool, Any]:
        """Run an edit; a refused one is explained under the tabs. Returns (done, result)."""
        try:
            result = action()
        except DomainError as exc:
            self.status.setText(str(exc))
            self.status.setStyleSheet(f"color: {BAD.name()};")
            return False, None
        self.status.setText("")
        self.status.setStyleSheet("")
        return True, result

    def _ask_new_workshop(self) -> None:
        if self.pi_id is None:
            return
        title, ok = QInputDialog.getText(
            self, self.tr("New workshop"), self.tr("The problem, in a few words:")
        )
        if ok and title.strip():
            self.new_workshop(title)

    def new_workshop(self, title: str) -> Workshop | None:
        """Create a workshop in the current PI (with the default bones) and show its problem."""
        pi_id = self.pi_id
        if pi_id is None:
            return None
        done, shop = self._run(lambda: self.edits.create_workshop(pi_id, title))
        if done:
            self.select_workshop(shop.id)
            self.tabs.setCurrentIndex(PROBLEM)
            self.problem.what.setFocus()
        return shop  # type: ignore[no-any-return]

    def delete_workshop(self) -> None:
        shop = self.workshop
        if shop is not None and shop.id is not None:
            shop_id = shop.id
            if self._run(lambda: self.edits.delete_workshop(shop_id))[0]:
                self.status.setText(
                    self.tr("Deleted “%1”; Ctrl+Z brings it back.").replace("%1", shop.title)
                )

    def restate(self, cause_id: int) -> None:
        """Start a follow-up workshop on a cause (the top of the Pareto chart)."""
        shop = self.workshop
        if shop is None:
            return
        done, new = self._run(lambda: self.edits.restate(shop, cause_id))
        if done:
            self.select_workshop(new.id)
            self.tabs.setCurrentIndex(PROBLEM)

    def _on_problem_edited(self, field: str, text: str) -> None:
        shop = self.workshop
        if shop is not None:
            self._run(lambda: self.edits.update_problem(shop, field, text))
            self.refresh()  # a refused edit shows the stored text again

    def _on_votes(self, cause_id: int, votes: int) -> None:
        cause = self.vote.cause(cause_id)
        if cause is not None:
            self._run(lambda: self.edits.set_votes(cause, votes))

    def _on_voting(self, participants: int, dots: int) -> None:
        shop = self.workshop
        if shop is not None:
            self._run(lambda: self.edits.set_voting(shop, participants, dots))

    def _on_hidden(self, hidden: bool) -> None:
        shop = self.workshop
        if shop is not None:
            self._run(lambda: self.edits.set_hidden(shop, hidden))

    def _on_clear(self) -> None:
        shop = self.workshop
        if shop is not None and shop.id is not None:
            shop_id = shop.id
            self._run(lambda: self.edits.clear_votes(shop_id))

    def report(self, all_workshops: bool = False) -> Report | None:
        """This workshop's report (or all the PI's); None without a workshop."""
        shop, pi_id = self.workshop, self.pi_id
        if shop is None or pi_id is None:
            return None
        ids = None if all_workshops or shop.id is None else [shop.id]
        stem = "".join(ch if ch.isalnum() else "-" for ch in shop.title)[:40]
        return Report(
            self.tr("Save the workshop report"),
            "workshops.pdf" if all_workshops else f"workshop-{stem}.pdf",
            lambda path: self.review.inspect_adapt.render_report(path, pi_id, ids),
        )

    def save_report(self, all_workshops: bool = False) -> None:
        """Ctrl+Shift+P: save the report PDF (asks where)."""
        save_pdf(self, self.report(all_workshops))

    def print_report(self) -> None:
        """Ctrl+P: print this workshop's report through the system print dialog."""
        print_report(self, self.report())

"""The vote panel's widgets and their layout (the controller in ``panel.py`` drives them)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rte_desktop.domain.model import VoteMode
from rte_desktop.services.vote.vote_values import MAX_ELIGIBLE
from rte_desktop.ui.shortcuts import keys_of
from rte_desktop.ui.vote.concerns import ConcernsBox
from rte_desktop.ui.vote.display import VoteDisplay
from rte_desktop.ui.vote.entry import BallotForm, TallyPad
from rte_desktop.ui.vote.phones import PhoneBox
from rte_desktop.ui.vote.state import mode_names
from rte_desktop.ui.vote.summary import SummaryView


class VoteView(QTabWidget):
    """Tab 1: scopes | display + entry | round controls + concerns. Tab 2: summary."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scopes = QListWidget()
        self.scopes.setMinimumWidth(150)
        self.scopes.setSpacing(2)
        self.scopes.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scopes.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.scopes.setToolTip(self.tr("Teams first, then the whole ART (Alt+Up / Alt+Down)"))

        self.display = VoteDisplay()
        self.pad = TallyPad()
        self.form = BallotForm()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addWidget(self.display, 1)
        centre_layout.addWidget(self.pad)
        centre_layout.addWidget(self.form)
        centre_layout.addWidget(self.message)

        self.round = QComboBox()
        self.round.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.round.setToolTip(self.tr("Earlier rounds stay as history"))
        self.mode = QComboBox()
        self.mode.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.mode.setToolTip(
            self.tr(
                "Keypad: hands counted in the room. Individual: names and comments. "
                "Hidden: nothing is shown until you reveal it."
            )
        )
        for mode, name in mode_names().items():
            self.mode.addItem(name, mode.value)
        self.eligible = QSpinBox()
        self.eligible.setRange(0, MAX_ELIGIBLE)
        self.eligible.setKeyboardTracking(False)
        self.eligible.setToolTip(self.tr("People who may vote (team size by default)"))
        self.start = QPushButton(self.tr("Start vote"))
        self.close_round = QPushButton(self.tr("Close round"))
        self.reveal = QPushButton(self.tr("Reveal votes"))
        self.projector = QPushButton(self.tr("Projector"))
        self.projector.setCheckable(True)
        self.report = QPushButton(self.tr("Report PDF..."))
        for button, keys in (
            (self.start, "vote.start"),
            (self.close_round, "vote.close_round"),
            (self.reveal, "vote.reveal"),
            (self.projector, "vote.projector"),
            (self.report, "vote.save_pdf"),
        ):
            button.setToolTip(f"{button.text()} ({keys_of(keys)})")
        box = QGroupBox(self.tr("Round"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for label, widget in (
            (self.tr("&Round"), self.round),
            (self.tr("Mo&de"), self.mode),
            (self.tr("E&ligible"), self.eligible),
        ):
            form.addRow(label, widget)
        form.addRow(self.start)
        pair = QHBoxLayout()
        pair.addWidget(self.close_round)
        pair.addWidget(self.reveal)
        form.addRow(pair)
        show = QHBoxLayout()
        show.addWidget(self.projector)
        show.addWidget(self.report)
        form.addRow(show)
        self.phones = PhoneBox()
        self.join = self.phones.join  # the QR code while phones vote (big on the projector)
        self.concerns = ConcernsBox()
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(box)
        side_layout.addWidget(self.phones)
        side_layout.addWidget(self.concerns, 1)

        self.splitter = QSplitter()
        self.splitter.addWidget(self.scopes)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([170, 620, 290])
        self.addTab(self.splitter, self.tr("Vote"))
        self.summary = SummaryView()
        self.addTab(self.summary, self.tr("Summary"))

    def chosen_mode(self) -> VoteMode:
        data = self.mode.currentData()
        return VoteMode(data) if data in {m.value for m in VoteMode} else VoteMode.TALLY

    def set_mode(self, mode: VoteMode) -> None:
        self.mode.blockSignals(True)
        self.mode.setCurrentIndex(max(0, self.mode.findData(mode.value)))
        self.mode.blockSignals(False)

    def set_eligible(self, value: int) -> None:
        self.eligible.blockSignals(True)
        self.eligible.setValue(value)
        self.eligible.blockSignals(False)

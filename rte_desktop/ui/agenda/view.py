"""Layout of the agenda panel (no service calls): agenda picker, timer strip, controls, the day."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rte_desktop.ui.agenda import models

COMMON_ZONES = (
    "",
    "Europe/London",
    "Europe/Berlin",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Sao_Paulo",
    "Asia/Kolkata",
    "Asia/Shanghai",
    "Asia/Singapore",
    "Asia/Tokyo",
    "Australia/Sydney",
)


def _scaled(label: QLabel, factor: float, bold: bool = False) -> QLabel:
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    label.setFont(font)
    return label


class AgendaView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # -- which agenda -------------------------------------------------------------------------
        self.agenda_combo = QComboBox()
        self.agenda_combo.setMinimumWidth(180)
        self.new_button = QPushButton(self.tr("New agenda"))
        self.new_button.setToolTip(self.tr("Create an agenda for this PI from a template"))
        self.zone_combo = QComboBox()
        self.zone_combo.setEditable(True)
        self.zone_combo.addItems(list(COMMON_ZONES))
        self.zone_combo.setMinimumWidth(150)
        self.zone_combo.setToolTip(self.tr("A second time zone shown beside the planned times"))
        self.report_button = QPushButton(self.tr("Report…"))
        self.report_button.setToolTip(self.tr("Timing report (PDF): planned vs actual"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Agenda:")))
        top.addWidget(self.agenda_combo)
        top.addWidget(self.new_button)
        top.addSpacing(16)
        top.addWidget(QLabel(self.tr("2nd zone:")))
        top.addWidget(self.zone_combo)
        top.addStretch(1)
        top.addWidget(self.report_button)

        # -- the timer strip ----------------------------------------------------------------------
        self.strip = QFrame()
        self.strip.setObjectName("timer_strip")
        self.strip.setFrameShape(QFrame.Shape.StyledPanel)
        self.state_label = _scaled(QLabel(), 1.25, bold=True)
        self.state_label.setMinimumWidth(150)
        self.title_label = _scaled(QLabel(), 1.35, bold=True)
        self.title_label.setWordWrap(True)
        self.remaining_label = _scaled(QLabel(), 2.6, bold=True)
        self.remaining_label.setAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        self.remaining_label.setMinimumWidth(170)
        self.caption_label = QLabel()
        self.caption_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.next_label = QLabel()
        self.day_label = _scaled(QLabel(), 1.1, bold=True)
        strip = QGridLayout(self.strip)
        strip.addWidget(self.state_label, 0, 0)
        strip.addWidget(self.title_label, 0, 1)
        strip.addWidget(self.remaining_label, 0, 2, 2, 1)
        strip.addWidget(self.next_label, 1, 0, 1, 2)
        strip.addWidget(self.day_label, 2, 0, 1, 2)
        strip.addWidget(self.caption_label, 2, 2)
        strip.setColumnStretch(1, 1)

        # -- controls -----------------------------------------------------------------------------
        def button(text: str, tip: str) -> QPushButton:
            widget = QPushButton(text)
            widget.setToolTip(tip)
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the timer
            widget.setMinimumWidth(0)
            widget.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            return widget

        self.previous_button = button(self.tr("◀ Prev"), self.tr("Previous item: P or Left"))
        self.toggle_button = button(self.tr("Start"), self.tr("Space"))
        self.toggle_button.setMinimumWidth(90)
        self.next_button = button(self.tr("Next ▶"), self.tr("Next item: N or Right"))
        self.minus5_button = button(self.tr("−5"), self.tr("Shorten by 5 minutes: Shift with -"))
        self.minus1_button = button(self.tr("−1"), self.tr("Shorten by 1 minute: -"))
        self.plus1_button = button(self.tr("+1"), self.tr("Extend by 1 minute: = or +"))
        self.plus5_button = button(self.tr("+5"), self.tr("Extend by 5 minutes: Shift with +"))
        self.jump_button = button(self.tr("Go to"), self.tr("Make the selected item current: J"))
        self.reset_button = button(self.tr("Reset…"), self.tr("Forget this run"))
        self.presenter_button = button(
            self.tr("Presenter (F5)"), self.tr("Show the presenter window; again: full screen")
        )
        self.screen_combo = QComboBox()
        self.screen_combo.setToolTip(self.tr("The screen the presenter window goes to"))
        self.mute_box = QCheckBox(self.tr("Mute (M)"))
        self.mute_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.wrap_up_spin = QSpinBox()
        self.wrap_up_spin.setRange(0, 30)
        self.wrap_up_spin.setSuffix(self.tr(" min wrap-up"))
        self.wrap_up_spin.setToolTip(self.tr("Chime and amber this many minutes before the end"))
        controls = QHBoxLayout()
        for widget in (
            self.previous_button,
            self.toggle_button,
            self.next_button,
            self.minus5_button,
            self.minus1_button,
            self.plus1_button,
            self.plus5_button,
            self.jump_button,
            self.reset_button,
        ):
            controls.addWidget(widget)
        controls.addStretch(1)
        controls.addWidget(self.wrap_up_spin)

        # -- the day ------------------------------------------------------------------------------
        self.day_tabs = QTabBar()
        self.day_tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.day_tabs.setDrawBase(False)
        # A tab bar created empty is laid out with no height: fix it from the font.
        self.day_tabs.setFixedHeight(self.day_tabs.fontMetrics().height() + 16)
        self.table = QTableView()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.insert_button = QPushButton(self.tr("Insert"))
        self.insert_button.setToolTip(self.tr("Insert an item after the selected one: Ins"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete the selected item: Del"))
        self.up_button = QPushButton(self.tr("Up"))
        self.up_button.setToolTip(self.tr("Move the selected item up: Alt+Up"))
        self.down_button = QPushButton(self.tr("Down"))
        self.down_button.setToolTip(self.tr("Move the selected item down: Alt+Down"))
        for widget in (self.insert_button, self.delete_button, self.up_button, self.down_button):
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.day_tabs)
        edit_row.addStretch(1)
        for widget in (self.insert_button, self.delete_button, self.up_button, self.down_button):
            edit_row.addWidget(widget)
        edit_row.addSpacing(12)
        edit_row.addWidget(self.mute_box)
        edit_row.addWidget(self.screen_combo)
        edit_row.addWidget(self.presenter_button)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #D55E00; font-weight: bold;")
        self.error_label.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.strip)
        layout.addLayout(controls)
        layout.addLayout(edit_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error_label)

    def set_model(self, model: models.AgendaTableModel) -> None:
        self.table.setModel(model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(models.TITLE, QHeaderView.ResizeMode.Stretch)
        widths = {
            models.MARK: 34,
            models.START: 64,
            models.MINUTES: 56,
            models.PROJECTED: 130,
            models.SECOND: 90,
            models.PRESENTER: 150,
            models.KIND: 90,
            models.NOTES: 120,
        }
        for column, width in widths.items():
            self.table.setColumnWidth(column, width)

"""The shell: sidebar of panels, ART/PI toolbar, menus, undo/redo and the welcome screen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from rte_desktop import __version__
from rte_desktop.domain.model import PlanningInterval
from rte_desktop.domain.train import current_pi, local_date
from rte_desktop.services.common.changes import Area, Changes
from rte_desktop.ui import file_actions
from rte_desktop.ui.bus import AppEvents
from rte_desktop.ui.panel_base import Panel, PanelContext
from rte_desktop.ui.panels import PanelSpec, go_keys, panel_specs
from rte_desktop.ui.settings import UiSettings
from rte_desktop.ui.theme import apply_theme
from rte_desktop.ui.welcome.panel import WelcomeView

if TYPE_CHECKING:
    from rte_desktop.services.startup.startup import TrainPeek
    from rte_desktop.ui.warm_up import PanelWarmer
    from rte_desktop.workspace import Workspace

Opener = Callable[[Path], "Workspace"]


class MainWindow(QMainWindow):
    def __init__(
        self,
        ws: Workspace | None,
        settings: UiSettings,
        bus: AppEvents,
        opener: Opener | None = None,
        peek: TrainPeek | None = None,
        now: dt.datetime | None = None,
    ) -> None:
        """Build the shell on ``ws``.

        With ``ws=None`` it paints from ``peek`` until ``set_workspace`` hands over the opened
        workspace (fast start-up).
        """
        super().__init__()
        self.settings = settings
        self.bus = bus
        self._opener = opener
        self.undo_stack = QUndoStack(self)
        self.specs: list[PanelSpec] = panel_specs()
        self.panels: dict[str, Panel] = {}
        self.ws: Workspace | None = None
        self._warmer: PanelWarmer | None = None
        self.setWindowTitle("RTE Desktop")
        self._fit_to_screen()

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.go_keys = go_keys(self.specs)
        for index, spec in enumerate(self.specs):
            self.sidebar.addItem(spec.title.replace("&&", "&"))
            self.sidebar.item(index).setToolTip(self.go_keys[index])
        self.sidebar.setFixedWidth(210)
        font = self.sidebar.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.sidebar.setFont(font)
        self.sidebar.setStyleSheet("QListWidget#sidebar::item { padding: 8px 10px; }")
        self.stack = QStackedWidget()
        self.welcome = WelcomeView()
        self.stack.addWidget(self.welcome)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.art_combo = QComboBox()
        self.art_combo.setMinimumWidth(180)
        self.pi_combo = QComboBox()
        self.pi_combo.setMinimumWidth(200)
        toolbar = QToolBar(self.tr("Train"))
        toolbar.setObjectName("train_toolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(QLabel(self.tr(" ART: ")))
        toolbar.addWidget(self.art_combo)
        toolbar.addWidget(QLabel(self.tr("  PI: ")))
        toolbar.addWidget(self.pi_combo)
        self.addToolBar(toolbar)
        self.file_label = QLabel()
        self.statusBar().addPermanentWidget(self.file_label)

        self._build_menus()
        self.sidebar.currentRowChanged.connect(self._on_sidebar_row)
        self.art_combo.currentIndexChanged.connect(self._on_art_chosen)
        self.pi_combo.currentIndexChanged.connect(self._on_pi_chosen)
        self.welcome.create_requested.connect(self.create_train)
        self.welcome.demo_requested.connect(self.open_demo)
        self.bus.data_changed.connect(self._on_data_changed)
        self.bus.panel_requested.connect(self.show_panel_key)
        self._restore_state()
        if ws is not None:
            self.set_workspace(ws)
        elif peek is not None:
            self._show_peek(peek, now or dt.datetime.now(dt.UTC))

    # -- menus ----------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        from rte_desktop.ui.main_menus import build_menus

        self._menus = build_menus(self)

    # -- workspace and scope ----------------------------------------------------------------------

    def _show_peek(self, peek: TrainPeek, now: dt.datetime) -> None:
        """Fill the ART/PI pickers from a first look at the file while it opens."""
        self.art_combo.blockSignals(True)
        self.pi_combo.blockSignals(True)
        for art_id, name in peek.arts:
            self.art_combo.addItem(name, art_id)
        if peek.arts:
            art_id = peek.arts[0][0]
            pis = [pi for pi in peek.pis if pi.art_id == art_id]
            for pi in pis:
                self.pi_combo.addItem(self._pi_label(pi), pi.id)
            chosen = current_pi(pis, local_date(now, peek.zones.get(art_id, "UTC")))
            self.pi_combo.setCurrentIndex(
                max(0, self.pi_combo.findData(chosen.id if chosen else None))
            )
        self.art_combo.blockSignals(False)
        self.pi_combo.blockSignals(False)
        self.sidebar.setEnabled(False)
        self.statusBar().showMessage(self.tr("Opening the train..."))

    @staticmethod
    def _pi_label(pi: PlanningInterval) -> str:
        return f"{pi.name}  ({pi.start:%d %b} – {pi.end:%d %b %Y})"

    @property
    def workspace(self) -> Workspace:
        if self.ws is None:
            raise RuntimeError("the train is still opening")
        return self.ws

    def set_workspace(self, ws: Workspace) -> None:
        """Show another train file: panels are rebuilt for it, undo history starts afresh."""
        self.statusBar().clearMessage()
        if self.ws is not None and self.ws is not ws:
            self.ws.close()
        self.ws = ws
        self.ws.listeners.append(self.bus.data_changed.emit)
        self.undo_stack.clear()
        for panel in self.panels.values():
            self.stack.removeWidget(panel)
            panel.deleteLater()
        self.panels.clear()
        self.file_label.setText(str(ws.path or ws.url))
        self._reload_arts()
        if self._warmer is not None:  # the app warms panels up: the new file's too
            self._warmer.start()

    def _context(self) -> PanelContext:
        return PanelContext(
            ws=self.workspace, bus=self.bus, undo=self.undo_stack, settings=self.settings
        )

    def _reload_arts(self) -> None:
        arts = self.workspace.train.arts()
        current = self.art_combo.currentData()
        self.art_combo.blockSignals(True)
        self.art_combo.clear()
        for art in arts:
            self.art_combo.addItem(art.name, art.id)
        index = max(0, self.art_combo.findData(current))
        self.art_combo.setCurrentIndex(index if arts else -1)
        self.art_combo.blockSignals(False)
        self.sidebar.setEnabled(bool(arts))
        if not arts:
            self.stack.setCurrentWidget(self.welcome)
            self._reload_pis(None)
            return
        self._reload_pis(self.art_combo.currentData())
        row = self.sidebar.currentRow()
        if row < 0:
            keys = [spec.key for spec in self.specs]
            last = self.settings.last_panel
            row = keys.index(last) if last in keys else 0
        self.show_panel(row)

    def _reload_pis(self, art_id: int | None) -> None:
        current = self.pi_combo.currentData()
        self.pi_combo.blockSignals(True)
        self.pi_combo.clear()
        if art_id is not None:
            for pi in self.workspace.train.pis(art_id):
                self.pi_combo.addItem(self._pi_label(pi), pi.id)
            index = self.pi_combo.findData(current)
            if index < 0:
                chosen = self.workspace.train.current_pi(art_id)
                index = self.pi_combo.findData(chosen.id if chosen else None)
            self.pi_combo.setCurrentIndex(max(index, 0) if self.pi_combo.count() else -1)
        self.pi_combo.blockSignals(False)
        self._push_scope()

    def _push_scope(self) -> None:
        art_id, pi_id = self.art_combo.currentData(), self.pi_combo.currentData()
        for panel in self.panels.values():
            panel.set_scope(art_id, pi_id)
        self.bus.scope_changed.emit(art_id, pi_id)

    def _on_art_chosen(self, _index: int) -> None:
        self._reload_pis(self.art_combo.currentData())

    def _on_pi_chosen(self, _index: int) -> None:
        self._push_scope()

    def _on_data_changed(self, changes: Changes) -> None:
        if changes.touches(Area.TRAIN) and Area.TRAIN in changes.areas:
            self._reload_arts()
        for panel in self.panels.values():
            panel.on_changes(changes)

    # -- panels -----------------------------------------------------------------------------------

    def panel(self, key: str) -> Panel:
        """The panel for ``key``, built on first use."""
        if key not in self.panels:
            spec = next(s for s in self.specs if s.key == key)
            panel = spec.create(self._context())
            panel.set_scope(self.art_combo.currentData(), self.pi_combo.currentData())
            self.panels[key] = panel
            self.stack.addWidget(panel)
            panel.setGeometry(self.stack.contentsRect())  # laid out once, at its own size
        return self.panels[key]

    def show_panel_key(self, key: str) -> None:
        """Show the panel named ``key`` (see ``ui/panels.py``)."""
        keys = [spec.key for spec in self.specs]
        if key in keys:
            self.show_panel(keys.index(key))

    def show_panel(self, row: int) -> None:
        if not self.art_combo.count():
            return
        if self.sidebar.currentRow() != row:
            self.sidebar.setCurrentRow(row)  # comes back through _on_sidebar_row
            return
        self._on_sidebar_row(row)

    def _on_sidebar_row(self, row: int) -> None:
        if row < 0 or not self.art_combo.count():
            return
        spec = self.specs[row]
        panel = self.panel(spec.key)
        self.stack.setCurrentWidget(panel)
        panel.refresh_if_stale()
        self.settings.last_panel = spec.key

    def warm_up(self, delay_ms: int = 0) -> PanelWarmer:
        """Get the panels not shown yet ready in idle moments (see ``ui/warm_up.py``)."""
        from rte_desktop.ui.warm_up import PanelWarmer

        if self._warmer is None:
            self._warmer = PanelWarmer(self)
        self._warmer.start(delay_ms)
        return self._warmer

    def current_panel(self) -> Panel | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Panel) else None

    # -- file actions (ui/file_actions.py) --------------------------------------------------------

    def _guard(self, action: Callable[[], object]) -> bool:
        """Run an action; a DomainError is shown as a message and changes nothing."""
        return file_actions.guard(self, action)

    def create_train(self) -> None:
        file_actions.create_train(self)

    def open_demo(self) -> None:
        self._guard(self.workspace.demo.create)

    def open_file(self) -> None:
        file_actions.open_file(self)

    def open_path(self, path: Path) -> bool:
        """Open another train file (refused files stay untouched and the current one stays)."""
        if self._opener is None:
            return False
        if self.ws is not None and self.ws.path and Path(path).resolve() == self.ws.path.resolve():
            return True  # already open here
        opener = self._opener
        return self._guard(lambda: self.set_workspace(opener(path)))

    def back_up(self) -> None:
        file_actions.back_up(self)

    def restore_backup(self) -> None:
        file_actions.restore_backup(self)

    def export_json(self) -> None:
        file_actions.export_json(self)

    def export_calendar(self) -> None:
        """The Calendar panel's ICS export, reachable from the File menu."""
        if self.art_combo.count():
            self.panel("calendar").export_ics()  # type: ignore[attr-defined]

    def import_json(self) -> None:
        file_actions.import_json(self)

    # -- view and help ---------------------------------------------------------------------------

    def on_go_action(self, row: int, _checked: bool = False) -> None:
        self.show_panel(row)

    def on_theme_action(self, choice: str, _checked: bool = False) -> None:
        self.set_theme(choice)

    def set_theme(self, choice: str) -> None:
        self.settings.theme = choice
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, choice)
        self.bus.theme_changed.emit(choice)

    def shortcut_groups(self) -> list[tuple[str, list[tuple[str, str]]]]:
        general = [
            ("Ctrl+Z / Ctrl+Shift+Z or Ctrl+Y", self.tr("Undo / redo")),
            ("Ctrl+N", self.tr("New train")),
            ("Ctrl+O", self.tr("Open a train file")),
            ("Ctrl+Shift+B", self.tr("Back up")),
            ("Ctrl+Shift+E / Ctrl+Shift+I", self.tr("Export / import JSON")),
            ("Ctrl+Shift+C", self.tr("Export the calendar (ICS)")),
            ("F1", self.tr("This list")),
            ("Ctrl+Q", self.tr("Quit")),
        ]
        general[:0] = [
            (keys, self.tr("Show %1").replace("%1", spec.title.replace("&&", "&")))
            for keys, spec in zip(self.go_keys, self.specs, strict=True)
        ]
        groups = [(self.tr("Everywhere"), general)]
        groups += [(spec.title, list(spec.shortcuts)) for spec in self.specs if spec.shortcuts]
        return groups

    def show_shortcuts(self) -> None:
        from rte_desktop.ui.dialogs.shortcuts import ShortcutsDialog

        ShortcutsDialog(self.shortcut_groups(), self).exec()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About RTE Desktop"),
            self.tr(
                "<h3>RTE Desktop %s</h3><p>Run the events of an Agile Release Train from a laptop "
                "and a projector. Offline; your data stays in one file:</p><p>%s</p>"
            )
            % (__version__, self.workspace.path or self.workspace.url),
        )

    # -- window state ----------------------------------------------------------------------------

    def _fit_to_screen(self) -> None:
        """A comfortable default size that never exceeds the screen (projectors are 1280x720)."""
        available = self.screen().availableGeometry()
        self.resize(
            min(1400, int(available.width() * 0.95)), min(900, int(available.height() * 0.92))
        )

    def _restore_state(self) -> None:
        if (geometry := self.settings.geometry) is not None:
            self.restoreGeometry(geometry)
        if (state := self.settings.window_state) is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.settings.geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.sync()
        super().closeEvent(event)
        app = QApplication.instance()
        if app is not None and event.isAccepted():
            app.quit()  # presenter and scoring windows must not keep the train open

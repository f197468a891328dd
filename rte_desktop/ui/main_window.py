"""The shell: sidebar of panels, ART/PI toolbar, menus, undo/redo and the welcome screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtGui import QCloseEvent
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
from rte_desktop.domain.errors import StillOpeningError
from rte_desktop.domain.model import PlanningInterval
from rte_desktop.services.common.changes import Area, Changes
from rte_desktop.ui import file_actions
from rte_desktop.ui.bus import AppEvents
from rte_desktop.ui.panel_base import Panel, PanelContext
from rte_desktop.ui.panels import PanelSpec, panel_specs
from rte_desktop.ui.presenter.window import OnTheWall, PresenterWindow
from rte_desktop.ui.settings import UiSettings
from rte_desktop.ui.shortcuts import has, help_groups, keys_of
from rte_desktop.ui.theme import apply_theme
from rte_desktop.ui.undo import UndoStack
from rte_desktop.ui.welcome.panel import WelcomeView

if TYPE_CHECKING:
    from rte_desktop.ui.server.live_updates import LiveUpdates
    from rte_desktop.ui.warm_up import PanelWarmer
    from rte_desktop.workspace import Workspace

Opener = Callable[[Path], "Workspace"]
"""Opens a train file for the window (the app's ``TrainOpener`` also takes its lock)."""


@runtime_checkable
class LockHolder(Protocol):
    """An opener that holds the open file's single-instance lock (the app's ``TrainOpener``)."""

    def release(self) -> None:
        """Let go of the open file's lock."""


class MainWindow(QMainWindow):
    def __init__(
        self,
        ws: Workspace | None,
        settings: UiSettings,
        bus: AppEvents,
        opener: Opener | None = None,
    ) -> None:
        """Build the shell on ``ws`` (None: a train is still on its way; ``set_workspace``).

        A workspace shown from its early reads (``ws.opening``) is completed by ``open_fully``.
        """
        super().__init__()
        self.settings = settings
        self.bus = bus
        self._opener = opener
        self.undo_stack = UndoStack(self)
        self.undo_stack.failed.connect(self._undo_failed)
        self.specs: list[PanelSpec] = panel_specs()
        self.panels: dict[str, Panel] = {}
        self.ws: Workspace | None = None
        self._warmer: PanelWarmer | None = None
        self._presenter: PresenterWindow | None = None  # the projector's window, made on first use
        self.setWindowTitle("RTE Desktop")
        self._fit_to_screen()

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        for index, spec in enumerate(self.specs, start=1):
            self.sidebar.addItem(spec.title.replace("&&", "&"))
            if has(go := f"window.go.{spec.key}"):
                self.sidebar.item(index - 1).setToolTip(keys_of(go))
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
        self._live: LiveUpdates | None = None
        self._where = ""
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

    # -- menus ----------------------------------------------------------------------------------

    def _undo_failed(self, message: str) -> None:
        # emitted after the stack call returned (see UndoStack): this box never runs inside it
        QMessageBox.warning(self, "RTE Desktop", message)

    def _build_menus(self) -> None:
        from rte_desktop.ui.main_menus import build_menus

        self._menus = build_menus(self)

    # -- workspace and scope ----------------------------------------------------------------------

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
        on_wall = self._wall_owner()
        if self._presenter is not None:
            self._presenter.clear_content()  # the old train's views leave the wall
        for panel in self.panels.values():
            self.stack.removeWidget(panel)
            panel.deleteLater()
        self.panels.clear()
        self._watch(ws)
        try:
            self._reload_arts()
        except StillOpeningError:  # the early reads cannot read the train: the full open will
            for combo in (self.art_combo, self.pi_combo):
                combo.blockSignals(True)
                combo.clear()
                combo.blockSignals(False)
            self.sidebar.setEnabled(False)
        self._follow_wall(on_wall)
        if ws.opening:
            self.statusBar().showMessage(self.tr("Opening the train..."))
        if self._warmer is not None:  # the app warms panels up: the new file's too
            self._warmer.start()

    def open_fully(self, opened: Workspace) -> None:
        """The train shown from its early reads has fully opened as ``opened``: it takes over.

        The panels stay as they are (their services now read and write through ``opened``'s
        engine); one that had to wait for it reads now, and all of them read again if another
        program changed the file meanwhile. Anything else opened is shown afresh.
        """
        shown = self.ws
        if shown is None or not shown.opening or shown.url != opened.url:
            self.set_workspace(opened)
            return
        changed = shown.attach(opened)
        self.statusBar().clearMessage()
        if not self.art_combo.count():  # the early reads could not fill the pickers
            self._reload_arts()
        elif changed:
            self.bus.data_changed.emit(Changes.everything())
        panel = self.current_panel()
        if panel is not None:
            panel.refresh_if_stale()

    # -- the presenter window (the wall) -----------------------------------------------------------

    @property
    def presenter(self) -> PresenterWindow:
        """The projector's window, owned by this window and handed to the panels on the wall."""
        if self._presenter is None:
            self._presenter = PresenterWindow(self)
        return self._presenter

    def _wall_owner(self) -> str | None:
        """The key of the panel whose view the presenter window shows now, if it is up."""
        if self._presenter is None or not self._presenter.isVisible():
            return None
        for key, panel in self.panels.items():
            if isinstance(panel, OnTheWall) and panel.on_the_wall():
                return key
        return None

    def _follow_wall(self, key: str | None) -> None:
        """After another train opened: its panel takes the wall again, or the wall closes."""
        if self._presenter is None:
            return
        panel = self.panel(key) if key is not None and self.art_combo.count() else None
        if isinstance(panel, OnTheWall):
            panel.take_the_wall()
        else:
            self._presenter.close()

    def _watch(self, ws: Workspace) -> None:
        """Show where the train lives; follow other clients' changes and the server's health."""
        from rte_desktop.ui.server.live_updates import LiveUpdates

        if self._live is not None:
            self._live.stop()
            self._live.deleteLater()
        self._live = LiveUpdates(ws, self.bus, self)
        self._live.status_changed.connect(self._show_server_status)
        self._where = ws.display_name
        if ws.on_server and ws.read_only:
            self._where += self.tr(" — read-only (your server role may not change this train)")
        self._show_server_status("")

    def _show_server_status(self, problem: str) -> None:
        """The database's place in the status bar; a lost server in words and colour."""
        self.file_label.setToolTip(problem)
        if problem:
            self.file_label.setText(self.tr("⚠ Server unreachable: edits refused, reconnecting..."))
            self.file_label.setStyleSheet(
                "color: white; background: #b00020; font-weight: bold; padding: 2px 6px;"
            )
        else:
            self.file_label.setText(self._where)
            self.file_label.setStyleSheet("")

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

    def step_pi(self, step: int, _checked: bool = False) -> None:
        """Go > Previous / Next PI (Ctrl+Shift+PgUp / PgDown): the toolbar's PI, one step."""
        combo = self.pi_combo
        if combo.count():
            combo.setCurrentIndex(max(0, min(combo.count() - 1, combo.currentIndex() + step)))

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
            if isinstance(panel, OnTheWall):
                panel.set_presenter(self.presenter)
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

    def connect_to_server(self) -> None:
        """File > Connect to server...: open a train on a PostgreSQL server."""
        from rte_desktop.ui.server.connect import connect_to_server

        connect_to_server(self, self.settings.qsettings, self.open_url)

    def open_url(self, url: str) -> bool:
        """Open a train on a database server (no lock: several clients are the point there).

        Once the server's train is open, the file that was open lets go of its single-instance
        lock: another app (or the command line) may open it now. A refused connection keeps
        the file open here, and its lock.
        """
        from rte_desktop.workspace import open_workspace

        opened = self._guard(lambda: self.set_workspace(open_workspace(url)))
        if opened and isinstance(self._opener, LockHolder):
            self._opener.release()
        return opened

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

    def import_work_items(self) -> None:
        """File > Import work items...: a Jira or Azure DevOps export into the chosen ART."""
        from rte_desktop.ui.flow.import_action import import_work_items  # loaded when used

        import_work_items(self, self.workspace.flow, self.art_combo.currentData())

    # -- view and help ---------------------------------------------------------------------------

    def on_go_action(self, row: int, _checked: bool = False) -> None:
        """Ctrl+1..9: show the panel and give it the keyboard (its keys work without a click)."""
        self.show_panel(row)
        panel = self.current_panel()
        if panel is not None and self.sidebar.currentRow() == row:
            panel.take_focus()

    def on_theme_action(self, choice: str, _checked: bool = False) -> None:
        self.set_theme(choice)

    def set_theme(self, choice: str) -> None:
        self.settings.theme = choice
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, choice)
            # A widget with a style sheet keeps the palette it was polished with: polish again.
            for widget in (self, *self.findChildren(QWidget)):
                if sheet := widget.styleSheet():
                    widget.setStyleSheet(sheet)
        self.bus.theme_changed.emit(choice)

    def shortcut_groups(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """Help's list, built from the one shortcut table (``ui/shortcuts.py``)."""
        return help_groups([(spec.key, spec.title) for spec in self.specs])

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

"""The main window's menu bar: File, Edit, View, Go and Help, with their shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Protocol

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from rte_desktop.ui.panels import PanelSpec
from rte_desktop.ui.settings import UiSettings
from rte_desktop.ui.shortcuts import has, make_action, shortcut
from rte_desktop.ui.undo import UndoStack


class MenuHost(Protocol):
    """What the menus call on the main window (the window, structurally)."""

    @property
    def undo_stack(self) -> UndoStack: ...

    @property
    def settings(self) -> UiSettings: ...

    @property
    def specs(self) -> list[PanelSpec]: ...

    def window(self) -> QWidget: ...

    def menuBar(self) -> QMenuBar: ...  # noqa: N802 (Qt's name)

    def tr(self, text: str) -> str: ...

    def create_train(self) -> None: ...

    def open_file(self) -> None: ...

    def connect_to_server(self) -> None: ...

    def back_up(self) -> None: ...

    def restore_backup(self) -> None: ...

    def export_json(self) -> None: ...

    def import_json(self) -> None: ...

    def export_calendar(self) -> None: ...

    def import_work_items(self) -> None: ...

    def close(self) -> bool: ...

    def on_theme_action(self, choice: str, _checked: bool = False) -> None: ...

    def on_go_action(self, row: int, _checked: bool = False) -> None: ...

    def step_pi(self, step: int) -> None: ...

    def show_shortcuts(self) -> None: ...

    def show_about(self) -> None: ...


def _action(
    window: MenuHost,
    menu: QMenu,
    text: str,
    slot: Callable[[], object],
    action_id: str | None = None,
) -> QAction:
    """A menu entry; its keys come from the shortcut table (``ui/shortcuts.py``)."""
    parent = window.window()
    action = make_action(action_id, parent, text) if action_id else QAction(text, parent)
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


def build_menus(w: MenuHost) -> dict[str, QMenu]:
    """Fill ``w``'s menu bar and return its menus by name."""
    bar = w.menuBar()
    menus = {
        "file": bar.addMenu(w.tr("&File")),
        "edit": bar.addMenu(w.tr("&Edit")),
        "view": bar.addMenu(w.tr("&View")),
        "go": bar.addMenu(w.tr("&Go")),
        "help": bar.addMenu(w.tr("&Help")),
    }
    file = menus["file"]
    _action(w, file, w.tr("&New train..."), w.create_train, "window.new_train")
    _action(w, file, w.tr("&Open..."), w.open_file, "window.open")
    _action(w, file, w.tr("Co&nnect to server..."), w.connect_to_server, "window.connect")
    _action(w, file, w.tr("&Back up..."), w.back_up, "window.back_up")
    _action(w, file, w.tr("&Restore backup..."), w.restore_backup)
    file.addSeparator()
    _action(w, file, w.tr("&Export JSON..."), w.export_json, "window.export_json")
    _action(w, file, w.tr("&Import JSON..."), w.import_json, "window.import_json")
    _action(w, file, w.tr("Export &calendar (ICS)..."), w.export_calendar, "window.export_calendar")
    _action(w, file, w.tr("Import &work items..."), w.import_work_items, "window.import_work_items")
    file.addSeparator()
    _action(w, file, w.tr("&Quit"), w.close, "window.quit")

    undo = w.undo_stack.createUndoAction(w.window(), w.tr("&Undo"))
    redo = w.undo_stack.createRedoAction(w.window(), w.tr("&Redo"))
    for action, action_id in ((undo, "window.undo"), (redo, "window.redo")):
        row = shortcut(action_id)
        action.setObjectName(action_id)
        action.setShortcuts([QKeySequence(k) for k in row.keys])
    menus["edit"].addActions([undo, redo])

    theme_menu = menus["view"].addMenu(w.tr("&Theme"))
    group = QActionGroup(w.window())
    for key, label in (
        ("system", w.tr("Follow the &system")),
        ("light", w.tr("&Light")),
        ("dark", w.tr("&Dark")),
    ):
        action = QAction(label, w.window(), checkable=True)
        action.setChecked(w.settings.theme == key)
        action.setData(key)
        action.triggered.connect(partial(w.on_theme_action, key))
        group.addAction(action)
        theme_menu.addAction(action)

    for index, spec in enumerate(w.specs):
        go = f"window.go.{spec.key}"
        _action(w, menus["go"], spec.title, partial(w.on_go_action, index), go if has(go) else None)
    menus["go"].addSeparator()
    earlier, later = shortcut("window.step_pi").keys
    for text, step, key in ((w.tr("&Previous PI"), -1, earlier), (w.tr("&Next PI"), 1, later)):
        action = make_action("window.step_pi", w.window(), text, keys=[key])
        action.triggered.connect(partial(w.step_pi, step))
        menus["go"].addAction(action)

    _action(w, menus["help"], w.tr("&Keyboard shortcuts"), w.show_shortcuts, "window.shortcuts")
    _action(w, menus["help"], w.tr("&About RTE Desktop"), w.show_about)
    return menus

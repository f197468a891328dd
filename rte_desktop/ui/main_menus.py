"""The main window's menu bar: File, Edit, View, Go and Help, with their shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from rte_desktop.ui.shortcuts import has, make_action, shortcut

if TYPE_CHECKING:
    from rte_desktop.ui.main_window import MainWindow


def _action(
    window: MainWindow,
    menu: QMenu,
    text: str,
    slot: Callable[[], object],
    action_id: str | None = None,
) -> QAction:
    """A menu entry; its keys come from the shortcut table (``ui/shortcuts.py``)."""
    action = make_action(action_id, window, text) if action_id else QAction(text, window)
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


def build_menus(w: MainWindow) -> dict[str, QMenu]:
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
    file.addSeparator()
    _action(w, file, w.tr("&Quit"), w.close, "window.quit")

    undo = w.undo_stack.createUndoAction(w, w.tr("&Undo"))
    redo = w.undo_stack.createRedoAction(w, w.tr("&Redo"))
    for action, action_id in ((undo, "window.undo"), (redo, "window.redo")):
        row = shortcut(action_id)
        action.setObjectName(action_id)
        action.setShortcuts([QKeySequence(k) for k in row.keys])
    menus["edit"].addActions([undo, redo])

    theme_menu = menus["view"].addMenu(w.tr("&Theme"))
    group = QActionGroup(w)
    for key, label in (
        ("system", w.tr("Follow the &system")),
        ("light", w.tr("&Light")),
        ("dark", w.tr("&Dark")),
    ):
        action = QAction(label, w, checkable=True)
        action.setChecked(w.settings.theme == key)
        action.setData(key)
        action.triggered.connect(partial(w.on_theme_action, key))
        group.addAction(action)
        theme_menu.addAction(action)

    for index, spec in enumerate(w.specs):
        go = f"window.go.{spec.key}"
        _action(w, menus["go"], spec.title, partial(w.on_go_action, index), go if has(go) else None)

    _action(w, menus["help"], w.tr("&Keyboard shortcuts"), w.show_shortcuts, "window.shortcuts")
    _action(w, menus["help"], w.tr("&About RTE Desktop"), w.show_about)
    return menus

"""The main window's menu bar: File, Edit, View, Go and Help, with their shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from rte_desktop.ui.main_window import MainWindow


def _action(
    window: MainWindow,
    menu: QMenu,
    text: str,
    slot: Callable[[], object],
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
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
    _action(w, file, w.tr("&New train..."), w.create_train, QKeySequence.StandardKey.New)
    _action(w, file, w.tr("&Open..."), w.open_file, QKeySequence.StandardKey.Open)
    _action(w, file, w.tr("&Back up..."), w.back_up, "Ctrl+Shift+B")
    _action(w, file, w.tr("&Restore backup..."), w.restore_backup)
    file.addSeparator()
    _action(w, file, w.tr("&Export JSON..."), w.export_json, "Ctrl+Shift+E")
    _action(w, file, w.tr("&Import JSON..."), w.import_json, "Ctrl+Shift+I")
    _action(w, file, w.tr("Export &calendar (ICS)..."), w.export_calendar, "Ctrl+Shift+C")
    file.addSeparator()
    # The standard Quit key is empty on some platforms (Windows, the offscreen and minimal
    # ones), yet the shortcut list promises Ctrl+Q everywhere (Cmd+Q on macOS).
    _action(w, file, w.tr("&Quit"), w.close, "Ctrl+Q")

    undo = w.undo_stack.createUndoAction(w, w.tr("&Undo"))
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = w.undo_stack.createRedoAction(w, w.tr("&Redo"))
    # The platform's Redo key differs (Ctrl+Y, Ctrl+Shift+Z): accept both everywhere.
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
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

    for index, (spec, keys) in enumerate(zip(w.specs, w.go_keys, strict=True)):
        _action(w, menus["go"], spec.title, partial(w.on_go_action, index), keys)

    _action(w, menus["help"], w.tr("&Keyboard shortcuts"), w.show_shortcuts, "F1")
    _action(w, menus["help"], w.tr("&About RTE Desktop"), w.show_about)
    return menus

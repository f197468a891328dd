"""Shortcuts are declared once (ui/shortcuts.py): what is bound is what Help lists, no clashes.

The walk looks at the live widgets (every QShortcut and QAction with keys in the main window
with all its panels built, the vote's projector view, the PDF preview and the holidays dialog),
so a key bound outside the table, or a row nobody binds, fails here.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from rte_desktop.ui import shortcuts
from rte_desktop.ui.main_window import MainWindow
from rte_desktop.ui.shortcuts import TABLE, Shortcut, shortcut
from rte_desktop.workspace import Workspace

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _norm(keys: str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.PortableText)


def _bound(root: QObject) -> dict[str, set[str]]:
    """Every key bound under ``root``, by the object's name ('' for an unnamed binding)."""
    found: dict[str, set[str]] = defaultdict(set)
    for bound in root.findChildren(QShortcut):
        for key in bound.keys():  # noqa: SIM118 (QShortcut.keys: its key sequences)
            found[bound.objectName()].add(key.toString())
    for action in root.findChildren(QAction):
        for key in action.shortcuts():
            found[action.objectName()].add(key.toString())
    return found


def _show_every_panel(qtbot, window: MainWindow) -> None:
    for index, spec in enumerate(window.specs):
        go = shortcuts.shortcut(f"window.go.{spec.key}").keys[0]
        sequence = QKeySequence(go)[0]
        qtbot.keyClick(window, sequence.key(), sequence.keyboardModifiers())
        assert window.current_panel() is window.panels[spec.key], go
        assert window.sidebar.currentRow() == index


def test_every_binding_is_in_the_table_and_every_row_is_bound(
    qtbot, make_window, demo_ws: Workspace, tmp_path: Path
) -> None:
    from rte_desktop.ui.calendar.holidays_dialog import HolidaysDialog
    from rte_desktop.ui.widgets.pdf_preview import PdfPreviewDialog

    window = make_window(demo_ws)
    _show_every_panel(qtbot, window)
    vote = window.panels["vote"]
    vote.toggle_projector()  # type: ignore[attr-defined]
    pi = demo_ws.train.find_pi(None, None)
    preview = PdfPreviewDialog(demo_ws.objectives.export_pdf(pi.id, tmp_path / "o.pdf"))
    qtbot.addWidget(preview)
    art_id = window.art_combo.currentData()
    holidays = HolidaysDialog(
        demo_ws.calendar, art_id, window.undo_stack, demo_ws.train.today(art_id)
    )
    qtbot.addWidget(holidays)

    bound: dict[str, set[str]] = defaultdict(set)
    for root in (window, vote.projector_view, preview, holidays):  # type: ignore[attr-defined]
        for name, keys in _bound(root).items():
            bound[name] |= keys
    rows = {row.id: row for row in TABLE}
    unlisted = {name: keys for name, keys in bound.items() if name not in rows}
    assert unlisted == {}, "bound but not in ui/shortcuts.py (so not in Help)"
    for name, keys in bound.items():
        assert keys <= {_norm(k) for k in rows[name].keys}, name
    unbound = [row.id for row in TABLE if {_norm(k) for k in row.keys} - bound.get(row.id, set())]
    assert unbound == [], "listed in Help with keys that nothing binds"

    help_lines = {
        (title, keys) for title, lines in window.shortcut_groups() for keys, _what in lines
    }
    titles = {spec.key: spec.title for spec in window.specs} | shortcuts.TITLES
    for name in bound:
        row = rows[name]
        if row.scope == "window.go":
            assert ("Everywhere", "Ctrl+1 … Ctrl+9") in help_lines
            assert ("Everywhere", "Ctrl+Alt+1 … Ctrl+Alt+2") in help_lines
        else:
            assert (titles[row.panel], row.keys_text()) in help_lines, name


def _overlap(a: Shortcut, b: Shortcut) -> bool:
    """Whether ``a`` and ``b`` can act at one moment (one scope holds the other)."""
    if "window" in (a.panel, b.panel):
        return True
    sa, sb = a.scope + ".", b.scope + "."
    return sa.startswith(sb) or sb.startswith(sa)


def test_no_two_bindings_clash_in_one_context() -> None:
    clashes = []
    for i, a in enumerate(TABLE):
        for b in TABLE[i + 1 :]:
            if not _overlap(a, b):
                continue
            mine = {_norm(k) for k in a.keys}
            theirs = {_norm(k) for k in b.keys}
            same = (mine & ({_norm(k) for k in b.handled} | theirs)) | (
                theirs & {_norm(k) for k in a.handled}
            )
            if same:
                clashes.append((a.id, b.id, sorted(same)))
    assert clashes == []


def test_the_clash_check_sees_a_panel_key_under_a_window_key() -> None:
    window_key = Shortcut("window.go.backlog", ("Ctrl+0",), "Show the panel")
    fishbone = next(row for row in TABLE if row.id == "workshop.fishbone.zoom")
    assert _overlap(window_key, fishbone) and "Ctrl+0" in fishbone.handled


def test_every_panel_key_and_go_key_has_one_row() -> None:
    ids = [row.id for row in TABLE]
    assert len(ids) == len(set(ids))


REPORT_PANELS = [
    "calendar",
    "agenda",
    "vote",
    "objectives",
    "risks",
    "board",
    "workshop",
    "flow",
    "backlog",
    "system_demo",
]


@pytest.fixture
def no_message_boxes(monkeypatch):
    shown: list[str] = []
    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda _p, _t, text, *a: shown.append(text))
    return shown


def _open_panel(qtbot, window: MainWindow, key: str):
    if key == "workshop":  # the demo's I&A workshop belongs to the PI before the current one
        ws = window.workspace
        pis = ws.train.pis(window.art_combo.currentData())
        with_one = next(pi.id for pi in pis if ws.workshop.workshops(pi.id))
        window.pi_combo.setCurrentIndex(window.pi_combo.findData(with_one))
    go = QKeySequence(shortcut(f"window.go.{key}").keys[0])[0]
    qtbot.keyClick(window, go.key(), go.keyboardModifiers())
    panel = window.current_panel()
    assert panel is window.panels[key]
    panel.refresh_if_stale()
    if key == "flow":  # the first visit reads the history on a worker thread
        qtbot.waitUntil(lambda: panel.figures is not None)
    if not panel.isAncestorOf(QApplication.focusWidget()):
        panel.setFocus()  # the panel's keys act while the focus is in it
    return panel


@pytest.mark.parametrize("key", REPORT_PANELS)
def test_ctrl_p_prints_the_report_through_the_print_dialog(
    qtbot, make_window, demo_ws: Workspace, tmp_path: Path, monkeypatch, key, no_message_boxes
) -> None:
    printed = tmp_path / "printed.pdf"
    asked: list[str] = []

    def print_to_file(dialog: QPrintDialog) -> QDialog.DialogCode:
        printer = dialog.printer()
        asked.append(printer.docName())
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        printer.setResolution(40)  # the test needs the pages, not the ink
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", print_to_file)
    window = make_window(demo_ws)
    panel = _open_panel(qtbot, window, key)
    qtbot.keyClick(QApplication.focusWidget() or panel, Qt.Key.Key_P, CTRL)
    assert no_message_boxes == []
    assert len(asked) == 1, "Ctrl+P did not reach the print dialog"
    previews = [w for w in QApplication.topLevelWidgets() if type(w).__name__ == "PdfPreviewDialog"]
    source = next(w.path for w in previews if w.isVisible() and w.path.stem == asked[0])
    assert len(PdfReader(printed).pages) == len(PdfReader(source).pages) >= 1
    for preview in previews:
        preview.close()


@pytest.mark.parametrize("key", REPORT_PANELS)
def test_ctrl_shift_p_saves_the_report_pdf(
    qtbot, make_window, demo_ws: Workspace, tmp_path: Path, monkeypatch, key, no_message_boxes
) -> None:
    target = tmp_path / "report.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: True)
    printed: list[object] = []
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: printed.append(dialog) or 0)
    window = make_window(demo_ws)
    panel = _open_panel(qtbot, window, key)
    qtbot.keyClick(QApplication.focusWidget() or panel, Qt.Key.Key_P, CTRL_SHIFT)
    assert no_message_boxes == []
    assert printed == []  # saving is not printing
    assert len(PdfReader(target).pages) >= 1
    for widget in QApplication.topLevelWidgets():
        if type(widget).__name__ == "PdfPreviewDialog":
            widget.close()

"""Regressions found by the code review after merging the panels."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from rte_desktop.domain.errors import ImportFormatError
from rte_desktop.workspace import Workspace, open_workspace


def test_a_failing_undo_is_reported_and_dropped(qtbot, make_window, demo_ws, monkeypatch) -> None:
    from rte_desktop.ui.undo import push

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    window = make_window(demo_ws)

    def broken_undo() -> None:
        raise RuntimeError("the row is gone")

    push(window.undo_stack, "Rename team", lambda: None, broken_undo)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(shown))  # reported once the stack call has returned
    assert shown and "the row is gone" in shown[0]
    assert window.undo_stack.count() == 0  # dropped: redo cannot replay it on top of a failure


def test_theme_change_after_opening_another_train(qtbot, make_window, demo_ws, tmp_path) -> None:
    from rte_desktop.ui.theme import is_dark

    window = make_window(demo_ws)
    window.show_panel_key("board")
    old_board = window.panels["board"]
    other = open_workspace(tmp_path / "other.sqlite", demo_ws.clock)
    other.demo.create()
    with qtbot.waitSignal(old_board.destroyed):  # deleteLater has run
        window.set_workspace(other)
    window.show_panel_key("board")
    board = window.panels["board"]
    with qtbot.captureExceptions() as raised:
        window.set_theme("dark")  # must not reach the deleted board panel
        qtbot.waitUntil(lambda: is_dark(board.scene.colours))  # ... and must reach the live one
        window.set_theme("light")
        qtbot.waitUntil(lambda: not is_dark(board.scene.colours))
    assert raised == []
    window.set_theme("system")


@pytest.mark.parametrize("kind", ["zip", "truncated"])
def test_objective_import_refuses_workbooks_that_are_not(
    demo_ws: Workspace, tmp_path: Path, kind: str
) -> None:
    pi = demo_ws.train.find_pi(None, None)
    path = tmp_path / "objectives.xlsx"
    if kind == "zip":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("hello.txt", "not a workbook")
    else:
        import openpyxl

        book = openpyxl.Workbook()
        book.active.append(["team", "objective", "committed", "planned_bv"])
        for n in range(300):
            book.active.append(["Phoenix", f"Objective {n}", "yes", 5])
        book.save(path)
        data = path.read_bytes()
        path.write_bytes(data[: len(data) * 2 // 3])
    before = len(demo_ws.objectives.objectives(pi.id))
    with pytest.raises(ImportFormatError):
        demo_ws.objectives.import_file(path, pi.id)
    assert len(demo_ws.objectives.objectives(pi.id)) == before


def test_create_teams_treats_names_differing_by_case_as_one(demo_ws: Workspace, tmp_path) -> None:
    pi = demo_ws.train.find_pi(None, None)
    path = tmp_path / "o.csv"
    path.write_text("team,objective\nGhosts,One\nGHOSTS,Two\n", encoding="utf-8")
    demo_ws.objectives.import_file(path, pi.id, create_teams=True)
    names = [t.name for t in demo_ws.train.teams(pi.art_id)]
    assert [n for n in names if n.casefold() == "ghosts"] == ["Ghosts"]


def test_improvement_csv_cannot_start_a_formula(demo_ws: Workspace) -> None:
    from rte_desktop.services.workshop.improvements import spreadsheet_safe

    assert spreadsheet_safe("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert spreadsheet_safe("+1") == "'+1"
    assert spreadsheet_safe("Plain") == "Plain"
    rows = list(csv.reader(io.StringIO(demo_ws.improvements.csv_text([]))))
    assert len(rows) == 1  # the header


# The runaway recurrence (FREQ=SECONDLY) is refused, naming its RRULE line, in
# tests/services/test_holiday_feeds.py::test_a_runaway_series_is_refused_naming_its_rule.

"""No N+1 queries: a panel switch issues as many SQL statements on a long history as on a short
one (the count may depend on the panel, never on how many PIs, teams' rows or ballots exist)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from sqlalchemy import event

from rte_desktop.domain.clock import FakeClock
from rte_desktop.ui.bus import AppEvents
from rte_desktop.ui.flow.panel import FlowPanel
from rte_desktop.ui.main_window import MainWindow
from rte_desktop.ui.settings import UiSettings
from rte_desktop.workspace import open_workspace


def _statements_per_panel(qtbot, path: Path, clock: FakeClock, years: int) -> dict:
    ui_settings = UiSettings(QSettings(str(path) + ".ini", QSettings.Format.IniFormat))
    ws = open_workspace(path, clock)
    ws.demo.create(years=years, teams=6)
    window = MainWindow(ws, ui_settings, AppEvents())
    qtbot.addWidget(window)
    window.show()
    counts: dict[str, int] = {}
    statements: list[str] = []
    event.listen(ws.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    for row, spec in enumerate(window.specs):
        statements.clear()
        window.show_panel(row)
        window.repaint()
        panel = window.current_panel()
        if isinstance(panel, FlowPanel):  # its history is read on a worker thread: wait for it,
            # or its statements are counted with whichever switch comes next
            qtbot.waitUntil(lambda flow=panel: flow.figures is not None, timeout=30_000)
        counts[spec.key] = len(statements)
    window.close()
    ws.close()
    return counts


def test_panel_switch_statements_do_not_grow_with_history(
    qtbot, tmp_path: Path, clock: FakeClock, monkeypatch
) -> None:
    # The Flow panel counts the items for "Loading the flow history (N items)…" only when its
    # read is slow: on a busy machine that added a statement to one run and not the other.
    monkeypatch.setattr(FlowPanel, "loading_note_ms", 3_600_000)
    short = _statements_per_panel(qtbot, tmp_path / "short.sqlite", clock, 1)
    long = _statements_per_panel(qtbot, tmp_path / "long.sqlite", clock, 4)
    assert long == short
    assert all(count <= 40 for count in long.values()), long


def _trend_statements(path: Path, clock: FakeClock, years: int) -> tuple[int, int]:
    ws = open_workspace(path, clock)
    ws.demo.create(years=years, teams=6)
    art_id = ws.train.arts()[0].id
    statements: list[str] = []
    event.listen(ws.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    points = ws.votes.art_trend(art_id)
    ws.close()
    return len(statements), len(points)


def test_the_vote_trend_reads_every_pi_in_a_fixed_number_of_statements(
    tmp_path: Path, clock: FakeClock
) -> None:
    short, short_pis = _trend_statements(tmp_path / "short.sqlite", clock, 1)
    long, long_pis = _trend_statements(tmp_path / "long.sqlite", clock, 4)
    assert long_pis > short_pis
    assert long == short

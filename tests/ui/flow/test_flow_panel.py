"""The Flow panel, driven by keys on the demo train: figures, team switch, chart export."""

from __future__ import annotations

import datetime as dt
import itertools
import threading
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage
from PySide6.QtWidgets import QFileDialog

from rte_desktop.domain.flow_metrics import WorkType
from rte_desktop.workspace import Workspace


def test_ctrl9_shows_flow_and_switching_team_recomputes(
    qtbot, demo_ws: Workspace, make_window, tmp_path: Path, monkeypatch
) -> None:
    window = make_window(demo_ws)
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    panel = window.panels["flow"]
    qtbot.waitUntil(lambda: panel.isVisible() and panel.figures is not None)
    art_id = window.art_combo.currentData()
    pi = demo_ws.train.pi(window.pi_combo.currentData())
    whole = demo_ws.flow.figures(art_id, None, pi.start, pi.end)
    assert panel.figures.team is None
    assert panel.tiles["velocity"].text().startswith(f"{whole.velocity} finished")
    assert panel.charts, "the charts are drawn once the panel is on screen"

    qtbot.keyClick(panel, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    assert panel.team_combo.hasFocus()
    qtbot.keyClick(panel.team_combo, Qt.Key.Key_Down)
    first_team = demo_ws.train.teams(art_id)[0].name
    assert panel.figures.team == first_team
    team = demo_ws.flow.figures(art_id, first_team, pi.start, pi.end)
    assert panel.tiles["velocity"].text().startswith(f"{team.velocity} finished")
    assert team.velocity < whole.velocity

    png, svg = tmp_path / "scatter.png", tmp_path / "cfd.svg"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(png), ""))
    qtbot.keyClick(panel, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    image = QImage(str(png))  # read back by Qt, not by matplotlib
    assert not image.isNull() and image.width() > 400
    qtbot.keyClick(panel, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(svg), ""))
    qtbot.keyClick(panel, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    assert "Cumulative flow" in svg.read_text("utf-8")


def test_forecast_from_the_keyboard(qtbot, demo_ws: Workspace, make_window) -> None:
    window = make_window(demo_ws)
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    panel = window.panels["flow"]
    qtbot.waitUntil(lambda: panel.figures is not None)
    panel.forecast_items.setValue(30)
    qtbot.keyClick(panel, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    text = panel.forecast_result.text()
    art_id = window.art_combo.currentData()
    expected = demo_ws.flow.forecast(art_id, None, items=30).by_confidence
    today = demo_ws.flow.today(art_id)

    assert f"85%: {today + dt.timedelta(days=expected[85])}" in text
    assert "By " in text and "items" in text


def test_file_import_work_items_from_the_keyboard(
    qtbot, demo_ws: Workspace, make_window, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    window = make_window(demo_ws)
    source = tmp_path / "changes.csv"
    source.write_text(
        "Key,To Status,Timestamp\nNEW-1,In Progress,2026-11-20 10:00\nNEW-1,Done,2026-11-23 10:00\n"
        "NEW-2,Deployed,2026-11-23 10:00\n",
        encoding="utf-8",
    )
    shown: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    art_id = window.art_combo.currentData()
    before = len(demo_ws.flow.data(art_id).items)
    qtbot.keyClick(
        window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    assert "unknown status 'Deployed'" in shown[-1]  # refused, nothing written
    demo_ws.flow.forget()
    assert len(demo_ws.flow.data(art_id).items) == before
    source.write_text(source.read_text("utf-8").replace("Deployed", "Review"), encoding="utf-8")
    qtbot.keyClick(
        window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    assert "2 items added" in shown[-1]
    assert {"NEW-1", "NEW-2"} <= {i.key for i in demo_ws.flow.data(art_id).items}


def test_hovering_a_point_names_the_item(qtbot, demo_ws: Workspace, make_window) -> None:
    from matplotlib.backend_bases import MouseEvent
    from matplotlib.dates import date2num

    window = make_window(demo_ws)
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    panel = window.panels["flow"]
    qtbot.waitUntil(lambda: bool(panel.charts) and panel.figures is not None)
    chart = panel.charts["scatter"]
    chart.canvas.draw()
    item = max(panel.figures.finished, key=lambda p: p.days)  # the highest point stands alone
    ax = chart.figure.axes[0]
    x, y = ax.transData.transform((date2num(item.done), item.days))
    panel._hovered(MouseEvent("motion_notify_event", chart.canvas, x, y))
    assert panel.hover.text().startswith(f"{item.key}: {item.title}")
    panel._hovered(MouseEvent("motion_notify_event", chart.canvas, x + 300, y + 300))
    assert panel.hover.text().strip() == ""


def test_flow_report_from_the_panel(
    qtbot, demo_ws: Workspace, make_window, tmp_path: Path, monkeypatch
) -> None:
    from tests.pdf_tools import assert_pdf_valid, pdf_text

    window = make_window(demo_ws)
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    panel = window.panels["flow"]
    qtbot.waitUntil(lambda: panel.figures is not None)
    out = tmp_path / "flow.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(panel, Qt.Key.Key_P, modifiers)
    assert_pdf_valid(out)
    first = " ".join(pdf_text(out)[0].split())
    assert f"{panel.figures.velocity} finished" in first
    assert "Flow Predictability (ART)" in first
    assert [url.toLocalFile() for url in opened] == [str(out)]  # saved, then opened


def test_mapping_dialog_changes_the_figures(qtbot, demo_ws: Workspace, make_window) -> None:
    from rte_desktop.domain.flow_metrics import StageKind
    from rte_desktop.ui.flow.mapping_dialog import MappingDialog

    window = make_window(demo_ws)
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    panel = window.panels["flow"]
    qtbot.waitUntil(lambda: panel.figures is not None)
    before = panel.figures.efficiency_percent
    art_id = window.art_combo.currentData()
    dialog = MappingDialog(demo_ws.flow, art_id, demo_ws.train.teams(art_id), panel)
    qtbot.addWidget(dialog)
    combo = dialog.status_combos["Review"]
    combo.setFocus()
    qtbot.keyClicks(combo, "waiting")  # typing selects the kind, as a user would
    assert combo.currentData() == StageKind.WAITING
    assert dialog.apply() == 1
    assert {s.name: s.kind for s in demo_ws.flow.workflow(art_id)}["Review"] is StageKind.WAITING
    qtbot.waitUntil(lambda: panel.figures.efficiency_percent != before)
    assert panel.figures.efficiency_percent < before  # review days no longer count as active


def test_the_warm_up_leaves_flow_and_matplotlib_for_the_first_visit(
    qtbot, demo_ws: Workspace, make_window
) -> None:
    import sys

    window = make_window(demo_ws)
    loaded_before = "matplotlib" in sys.modules
    warmer = window.warm_up()
    qtbot.waitUntil(lambda: warmer.done, timeout=60_000)
    panel = window.panels["flow"]
    assert panel.figures is None and not panel.charts  # built, but nothing loaded or drawn
    if not loaded_before:  # (another test in this process may have imported it already)
        assert "matplotlib" not in sys.modules
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.figures is not None and bool(panel.charts))


def test_an_objective_change_redraws_without_reloading_the_history(
    qtbot, demo_ws: Workspace, make_window, other_app: Workspace
) -> None:
    window = make_window(demo_ws)
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    panel = window.panels["flow"]
    qtbot.waitUntil(lambda: panel.isVisible() and panel.figures is not None)
    art_id = window.art_combo.currentData()
    loaded = demo_ws.flow.data(art_id)
    objective = demo_ws.objectives.objectives(window.pi_combo.currentData())[0]
    demo_ws.objectives.update(objective.id, actual_bv=objective.planned_bv)
    assert demo_ws.flow.data(art_id) is loaded  # kept: reloading takes seconds on ten years

    # another facilitator maps a type: the live update makes the panel load the history again
    shown = panel.figures
    other_app.flow.map_type(art_id, "Story", WorkType.DEBT)
    qtbot.waitUntil(lambda: panel.figures is not shown, timeout=5000)
    assert demo_ws.flow.data(art_id) is not loaded
    assert "debt" in panel.figures.distribution


def _held_reads(monkeypatch, flow) -> tuple[threading.Event, list[object]]:
    """Make the service's reads wait for the test: the first read is held until the event."""
    release = threading.Event()
    results: list[object] = []
    calls = itertools.count()  # which read this is, decided when it begins (a later read may
    real_read = flow.read  # finish first on a busy machine)

    def held_read(art_id: int, **options):
        first = next(calls) == 0
        data = real_read(art_id, **options)  # what the database holds when the read begins
        if first:
            assert release.wait(timeout=30), "the test never released the read"
        results.append(data)
        return data

    monkeypatch.setattr(flow, "read", held_read)
    return release, results


def test_the_first_visit_reads_the_history_without_freezing_the_window(
    qtbot, demo_ws: Workspace, make_window, monkeypatch
) -> None:
    from rte_desktop.ui.flow.panel import FlowPanel

    release, results = _held_reads(monkeypatch, demo_ws.flow)
    monkeypatch.setattr(FlowPanel, "loading_note_ms", 0)  # say it at the next turn of the loop
    window = make_window(demo_ws)
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    panel = window.panels["flow"]
    art_id = window.art_combo.currentData()
    count = demo_ws.flow.item_count(art_id)
    assert window.stack.currentWidget() is panel
    qtbot.waitUntil(lambda: panel.little.text() == f"Loading the flow history ({count:,} items)…")
    assert panel.figures is None and demo_ws.flow.loaded(art_id) is None

    # the window answers meanwhile: another panel and back
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is not panel
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is panel
    assert panel.figures is None and "Loading the flow history" in panel.little.text()

    release.set()
    qtbot.waitUntil(lambda: panel.figures is not None and bool(panel.charts))
    assert len(results) == 1, "one read for the visit, not one per switch"
    assert demo_ws.flow.loaded(art_id) is results[0]
    pi = demo_ws.train.pi(window.pi_combo.currentData())
    whole = demo_ws.flow.figures(art_id, None, pi.start, pi.end)
    assert panel.tiles["velocity"].text().startswith(f"{whole.velocity} finished")
    assert "Loading" not in panel.little.text()


def test_a_change_during_the_read_drops_the_stale_history(
    qtbot, demo_ws: Workspace, make_window, monkeypatch
) -> None:
    release, results = _held_reads(monkeypatch, demo_ws.flow)
    window = make_window(demo_ws)
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    panel = window.panels["flow"]
    art_id = window.art_combo.currentData()
    assert panel.loading is not None

    # a type is mapped while the first read is held: the service forgets, the panel reads again
    demo_ws.flow.map_type(art_id, "Story", WorkType.DEBT)
    qtbot.waitUntil(lambda: panel.figures is not None)
    assert len(results) == 1  # the second read; the first is still held
    fresh = results[0]
    assert demo_ws.flow.loaded(art_id) is fresh
    assert "debt" in panel.figures.distribution
    shown = panel.figures

    with qtbot.waitSignal(panel._mailbox.delivered):  # noqa: SLF001 (the queued delivery)
        release.set()  # the stale read comes in last: dropped, nothing redrawn
    assert len(results) == 2 and results[1] is not fresh
    assert panel.loading is None
    assert demo_ws.flow.loaded(art_id) is fresh
    assert panel.figures is shown


def test_the_service_keeps_only_a_read_begun_after_the_last_change(demo_ws: Workspace) -> None:
    art_id = demo_ws.train.arts()[0].id
    generation = demo_ws.flow.generation
    data = demo_ws.flow.read(art_id)
    demo_ws.flow.forget()
    assert not demo_ws.flow.keep(art_id, data, generation)
    assert demo_ws.flow.loaded(art_id) is None
    fresh = demo_ws.flow.read(art_id)
    assert demo_ws.flow.keep(art_id, fresh, demo_ws.flow.generation)
    assert demo_ws.flow.data(art_id) is fresh


def test_the_other_charts_follow_and_showing_one_draws_it_at_once(
    qtbot, demo_ws: Workspace, make_window
) -> None:
    window = make_window(demo_ws)
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    panel = window.panels["flow"]
    qtbot.waitUntil(lambda: panel.figures is not None and bool(panel.charts))
    assert panel.charts["scatter"].figures is panel.figures  # the chart on screen: at once
    qtbot.keyClick(panel, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert panel.charts["cfd"].figures is panel.figures  # shown: drawn before it is painted
    qtbot.waitUntil(lambda: all(c.figures is panel.figures for c in panel.charts.values()))
    assert all(chart.figure.axes for chart in panel.charts.values())

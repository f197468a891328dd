"""The Flow panel's first visit on the 10-year file: how long the window is held, and until when.

A fresh process opens the app's main window on a copy of the file and switches to the Flow panel
(as Ctrl+9 does), as ``bench/panels.py`` switches panels. Measured:
  * switch: the switch call until the panel has painted (what freezes the window), and when
    a tick first saw the panel's "Loading the flow history…" note;
  * figures drawn: until the tiles and all four charts are drawn;
  * ticks: a 50 ms QTimer (the agenda timer's kind of tick) runs throughout; the worst and
    median lateness of its ticks between the switch and the figures (0 = on time);
  * the same for a 0-item baseline: an empty-page switch and paint (bench/panels.py's).
The history itself: ``FlowService.data`` from a cold service (best of 3, same process).

Usage: python bench/flow_first_visit.py DEMO_DB TEN_YEAR_DB
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TICK_MS = 50


def first_visit(big: str) -> None:
    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from rte_desktop.ui.bus import AppEvents
    from rte_desktop.ui.main_window import MainWindow
    from rte_desktop.ui.settings import UiSettings
    from rte_desktop.workspace import open_workspace

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "big.sqlite"
        shutil.copyfile(big, copy)
        settings = UiSettings(QSettings(str(Path(tmp) / "ui.ini"), QSettings.Format.IniFormat))
        ws = open_workspace(copy)
        window = MainWindow(ws, settings, AppEvents())
        window.resize(1400, 900)
        window.show()
        app.processEvents()
        row = next(i for i, spec in enumerate(window.specs) if spec.key == "flow")
        ticks: list[float] = []
        loop = QEventLoop()
        done: list[float] = []
        noted: list[tuple[float, str]] = []

        def tick() -> None:
            ticks.append(time.perf_counter())
            panel = window.panels.get("flow")
            if panel is not None and "Loading" in panel.little.text() and not noted:
                noted.append((time.perf_counter(), panel.little.text()))
            drawn = panel is not None and panel.figures is not None and bool(panel.charts)
            if drawn and not getattr(panel, "_undrawn", None) and not done:  # every chart
                done.append(time.perf_counter())
                loop.quit()

        timer = QTimer()
        timer.setInterval(TICK_MS)
        timer.timeout.connect(tick)
        timer.start()
        start = time.perf_counter()
        window.show_panel(row)
        window.repaint()
        switched = time.perf_counter() - start
        if not done:
            loop.exec()
        drawn = done[0] - start
        timer.stop()
        during = [t for t in ticks if start <= t <= done[0]]
        gaps = [(b - a) * 1000 - TICK_MS for a, b in zip([start, *during], during, strict=False)]
        print(f"  switch to Flow until painted {switched * 1000:8.0f} ms")
        if noted:
            seen, note = noted[0]
            print(f"  loading note seen by a tick  {(seen - start) * 1000:8.0f} ms   {note!r}")
        print(f"  until the figures are drawn  {drawn * 1000:8.0f} ms")
        print(
            f"  {TICK_MS} ms ticks meanwhile: {len(during)}, lateness worst "
            f"{max(gaps, default=0):.0f} ms, median {statistics.median(gaps or [0]):.0f} ms"
        )
        if os.environ.get("FLOW_BENCH_TICKS"):
            late = [
                (round((t - start) * 1000), round(g))
                for t, g in zip(during, gaps, strict=True)
                if g > 30
            ]
            print(f"  late ticks (at ms, late by ms): {late}")
        window.close()
        ws.close()


def load_only(big: str) -> None:
    from rte_desktop.workspace import open_workspace

    ws = open_workspace(big)
    art = ws.train.arts()[0]
    assert art.id is not None
    samples = []
    for _ in range(3):
        ws.flow.forget()
        start = time.perf_counter()
        data = ws.flow.data(art.id)
        samples.append(time.perf_counter() - start)
    print(f"  loading the ART's {len(data.items)} items and history {min(samples) * 1000:8.0f} ms")
    ws.close()


if __name__ == "__main__":
    first_visit(sys.argv[-1])
    load_only(sys.argv[-1])

"""Switching to every panel on the 10-year file: time until the panel has painted.

Two fresh processes, as the app runs (PySide6's source scan off, bytecode compiled):
  * cold: no warm-up, so each first visit imports, builds, loads and lays out its panel
    (what a switch costs in the first moments after start-up);
  * warmed: after the app's idle-time warm-up (``ui/warm_up.py``), which also reports its
    longest step (the longest the interface is held while it runs) and its total.
Baseline, in the same process: switching a QStackedWidget between two empty widgets and painting.
Usage: python bench/panels.py DEMO_DB TEN_YEAR_DB
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def baseline() -> float:
    from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QWidget

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = QMainWindow()
    stack = QStackedWidget()
    for page in (QWidget(), QWidget()):
        stack.addWidget(page)
    window.setCentralWidget(stack)
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    samples = []
    for i in range(50):

        def switch(i: int = i) -> None:
            stack.setCurrentIndex(i % 2)
            window.repaint()

        samples.append(timed(switch))
    window.close()
    return statistics.median(samples)


def measure(big: str, warm: bool) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from rte_desktop.ui.source_scan import stop_source_scan

    stop_source_scan()
    from rte_desktop.ui.bus import AppEvents
    from rte_desktop.ui.main_window import MainWindow
    from rte_desktop.ui.settings import UiSettings
    from rte_desktop.workspace import open_workspace

    base = baseline()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as tmp:
        settings = UiSettings(QSettings(str(Path(tmp) / "ui.ini"), QSettings.Format.IniFormat))
        window = MainWindow(open_workspace(big), settings, AppEvents())
        window.resize(1400, 900)
        window.show()
        app.processEvents()
        if warm:
            warmer = window.warm_up()
            while not warmer.done:
                app.processEvents()
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(
                f"  warm-up: longest step {warmer.longest_step_s * 1000:.1f} ms, "
                f"{warmer.busy_s * 1000:.0f} ms in all; peak memory with every panel "
                f"ready {peak:.0f} MiB"
            )
        print(f"  {'panel':<14}{'first visit':>14}{'next visits':>14}{'x baseline':>12}")
        worst = 0.0
        for row, spec in enumerate(window.specs):

            def visit(row: int = row) -> None:
                window.show_panel(row)
                window.repaint()

            first = timed(visit)
            other = 0 if row else 1
            again = []
            for _ in range(5):
                window.show_panel(other)
                app.processEvents()
                again.append(timed(visit))
            median = statistics.median(again)
            worst = max(worst, first, median)
            print(
                f"  {spec.key:<14}{first * 1000:11.1f} ms{median * 1000:11.1f} ms"
                f"{median / base:11.0f}x"
            )
        print(f"  slowest switch {worst * 1000:.1f} ms (target < 50 ms)")
        print(f"  baseline: empty-page switch + paint {base * 1000:.2f} ms")
        window.close()
    return 0


def main(big: str) -> int:
    for mode, title in (("cold", "cold (no warm-up)"), ("warm", "after the warm-up")):
        print(f" {title}", flush=True)
        subprocess.run([sys.executable, __file__, f"--{mode}", big], check=True)
    return 0


if __name__ == "__main__":
    if sys.argv[1] in ("--cold", "--warm"):
        raise SystemExit(measure(sys.argv[2], warm=sys.argv[1] == "--warm"))
    raise SystemExit(main(sys.argv[-1]))

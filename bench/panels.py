"""Switching to every panel on the 10-year file: time until the panel has painted.

Baseline, in the same run: switching a QStackedWidget between two empty widgets and painting.
Usage: python bench/panels.py DEMO_DB TEN_YEAR_DB
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QWidget  # noqa: E402

from rte_desktop.services.workspace import open_workspace  # noqa: E402
from rte_desktop.ui.bus import AppEvents  # noqa: E402
from rte_desktop.ui.main_window import MainWindow  # noqa: E402
from rte_desktop.ui.settings import UiSettings  # noqa: E402


def timed(action) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def baseline(app: QApplication) -> float:
    window = QMainWindow()
    stack = QStackedWidget()
    pages = [QWidget(), QWidget()]
    for page in pages:
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


def main(big: str) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    base = baseline(app)
    print(f"  baseline: empty-page switch + paint {base * 1000:7.2f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        settings = UiSettings(QSettings(str(Path(tmp) / "ui.ini"), QSettings.Format.IniFormat))
        window = MainWindow(open_workspace(big), settings, AppEvents())
        window.resize(1400, 900)
        window.show()
        app.processEvents()
        print(f"  {'panel':<22}{'first visit':>14}{'next visits':>14}{'x baseline':>12}")
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
                f"  {spec.key:<22}{first * 1000:11.1f} ms{median * 1000:11.1f} ms"
                f"{median / base:11.1f}x"
            )
        print(f"  slowest switch {worst * 1000:.1f} ms (target < 50 ms)")
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[-1]))

"""One display refresh of the running agenda timer: the panel and a 1920x1080 presenter.

Each measured tick advances the fake clock by one second (so the countdown's digits change and
the presenter really repaints), calls the panel's tick slot and lets Qt paint everything that
asked for it. The baseline, in the same run, is an empty QWidget of the presenter's size asked
to repaint the same way. Prints the median and 95th percentile in ms and the ratio.

    QT_QPA_PLATFORM=offscreen python bench/timer_tick.py [--ticks N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from rte_desktop.domain.clock import FakeClock  # noqa: E402
from rte_desktop.ui.agenda.chime import SilentChime  # noqa: E402
from rte_desktop.ui.agenda.panel import AgendaPanel  # noqa: E402
from rte_desktop.ui.bus import AppEvents  # noqa: E402
from rte_desktop.ui.panel_base import PanelContext  # noqa: E402
from rte_desktop.ui.presenter.window import PresenterWindow  # noqa: E402
from rte_desktop.ui.settings import UiSettings  # noqa: E402
from rte_desktop.ui.undo import UndoStack  # noqa: E402
from rte_desktop.workspace import open_workspace  # noqa: E402


def timed(step, ticks: int) -> list[float]:
    app = QApplication.instance()
    samples = []
    for _ in range(ticks):
        start = time.perf_counter()
        step()
        app.processEvents()  # deliver the update requests: the actual painting
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def summary(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(len(ordered) * 0.95) - 1]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ticks", type=int, default=300)
    parser.add_argument("files", nargs="*", help="ignored (bench/run.py passes its demo files)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        clock = FakeClock(dt.datetime(2026, 11, 25, 7, 0, tzinfo=dt.UTC))
        ws = open_workspace(Path(tmp) / "bench.sqlite", clock)
        ws.demo.create()
        bus = AppEvents()
        ws.listeners.append(bus.data_changed.emit)
        settings = UiSettings(QSettings(str(Path(tmp) / "ui.ini"), QSettings.Format.IniFormat))
        panel = AgendaPanel(PanelContext(ws=ws, bus=bus, undo=UndoStack(), settings=settings))
        panel.chime = SilentChime(panel)
        bus.data_changed.connect(panel.on_changes)
        art = ws.train.arts()[0]
        panel.resize(1400, 850)
        panel.set_scope(art.id, ws.train.current_pi(art.id).id)
        panel.show()
        panel.refresh_now()
        panel.ticker.stop()  # the benchmark calls the tick slot itself
        window = PresenterWindow()  # as the main window hands it in
        panel.set_presenter(window)
        panel.toggle_presenter()
        window.resize(1920, 1080)
        ws.agenda_timer.start(panel.agenda_id)
        app.processEvents()

        def tick() -> None:
            clock.advance(1.0)
            panel.tick()

        timed(tick, 20)  # warm up (fonts, glyph caches)
        timer_ms = timed(tick, args.ticks)

        empty = QWidget()
        empty.resize(1920, 1080)
        empty.show()
        app.processEvents()
        timed(empty.update, 20)
        base_ms = timed(empty.update, args.ticks)
        app.removeEventFilter(panel.keys)
        window.close()
        window.deleteLater()
        panel.close()
        panel.deleteLater()
        empty.deleteLater()
        app.processEvents()
        ws.close()

    t_med, t_p95 = summary(timer_ms)
    b_med, b_p95 = summary(base_ms)
    print(f"timer tick (panel + 1920x1080 presenter): median {t_med:.3f} ms, p95 {t_p95:.3f} ms")
    print(f"baseline (empty 1920x1080 QWidget repaint): median {b_med:.3f} ms, p95 {b_p95:.3f} ms")
    print(f"ratio (median): {t_med / b_med:.1f}x; target: under 2 ms per tick")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""How long one refresh of the vote display takes, against an empty widget's repaint.

Three numbers, medians over many runs, at projector size (1280x720, offscreen):
  * baseline: repaint of an empty QWidget of the same size (what Qt costs anyway);
  * display: a new DisplayState painted (histogram, average, badge, "to be heard");
  * panel: what one key press costs on screen: the panel reloads the round from SQLite
    (demo train, ART round with 63 ballots) and repaints its display.
Ratios are to the baseline measured in the same run, so machines can be compared.

Run: QT_QPA_PLATFORM=offscreen python bench/vote_tick.py [--runs N]

Note: with PySide6 6.12.0 on CPython 3.11 every Python call of a void Qt method drops one
reference to None (6.11.3 does not); after the numbers are printed the interpreter may abort
at exit with "none_dealloc". The numbers are unaffected.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's rte_desktop


def median_ms(action: Callable[[], object], runs: int) -> float:
    action()  # warm up (font caches, first paint)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def run(runs: int = 200) -> dict[str, float]:
    """Measure and return the medians (ms) and ratios to the empty-widget baseline."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QWidget

    from rte_desktop.domain.clock import FakeClock
    from rte_desktop.ui.bus import AppEvents
    from rte_desktop.ui.panel_base import PanelContext
    from rte_desktop.ui.settings import VOTE_SCOPE, UiSettings
    from rte_desktop.ui.undo import UndoStack
    from rte_desktop.ui.vote.display import VoteDisplay
    from rte_desktop.ui.vote.panel import vote_panel
    from rte_desktop.ui.vote.state import DisplayState
    from rte_desktop.workspace import open_workspace

    app = QApplication.instance() or QApplication(sys.argv[:1])
    size = (1280, 720)

    empty = QWidget()
    empty.resize(*size)
    empty.show()

    display = VoteDisplay()
    display.resize(*size)
    display.show()
    states = [
        DisplayState(
            "Kraken",
            "Round 1 · voting open",
            counts,
            "9 of 9 voted (100%)",
            avg,
            verdict,
            passed,
            "Passes at an average of 3.00 or more",
            heard,
        )
        for counts, avg, verdict, passed, heard in (
            ((0, 1, 2, 4, 2), "3.78", "PASS", True, 1),
            ((7, 15, 28, 11, 0), "2.70", "FAIL", False, 22),
        )
    ]
    flip = [0]

    def paint_display() -> None:
        flip[0] ^= 1
        display.set_state(states[flip[0]])
        display.repaint()

    with tempfile.TemporaryDirectory() as folder:
        ws = open_workspace(Path(folder) / "bench.sqlite", FakeClock())
        ws.demo.create()
        art = ws.train.arts()[0]
        pi = ws.train.pis(art.id)[1]
        settings = UiSettings(QSettings(str(Path(folder) / "ui.ini"), QSettings.Format.IniFormat))
        settings.put(VOTE_SCOPE, "art")
        panel = vote_panel(PanelContext(ws, AppEvents(), UndoStack(), settings))
        panel.resize(1280, 720)
        panel.set_scope(art.id, pi.id)
        panel.show()
        app.processEvents()

        def refresh_panel() -> None:
            panel.refresh()
            panel.view.display.repaint()

        baseline = median_ms(empty.repaint, runs)
        painted = median_ms(paint_display, runs)
        refreshed = median_ms(refresh_panel, max(20, runs // 4))
        for widget in (panel, display, empty):
            widget.close()
            widget.deleteLater()
        app.processEvents()
        ws.close()
    return {
        "baseline_ms": baseline,
        "display_ms": painted,
        "display_ratio": painted / baseline,
        "panel_refresh_ms": refreshed,
        "panel_refresh_ratio": refreshed / baseline,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("files", nargs="*", help="ignored (bench/run.py passes its demo files)")
    result = run(parser.parse_args().runs)
    print(f"vote_tick: empty-widget repaint {result['baseline_ms']:.3f} ms (baseline)")
    print(
        f"vote_tick: vote display repaint {result['display_ms']:.3f} ms "
        f"({result['display_ratio']:.1f}x baseline)"
    )
    print(
        f"vote_tick: panel refresh (SQLite read + repaint) {result['panel_refresh_ms']:.3f} ms "
        f"({result['panel_refresh_ratio']:.1f}x baseline)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

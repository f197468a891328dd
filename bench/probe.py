"""One start-up measured inside a fresh process: ``python bench/probe.py bare|app [DB]``.

Prints one JSON line: seconds from interpreter start to the first paint, and peak memory (KiB).
"""

from __future__ import annotations

import json
import os
import resource
import sys


def _since_process_start() -> float:
    # /proc/self/stat field 22 is the start time in clock ticks since boot.
    with open("/proc/self/stat") as handle:
        start_ticks = int(handle.read().rsplit(")", 1)[1].split()[19])
    with open("/proc/uptime") as handle:
        uptime = float(handle.read().split()[0])
    return uptime - start_ticks / os.sysconf("SC_CLK_TCK")


def _report() -> None:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": round(_since_process_start(), 4), "peak_kib": peak}))


def bare() -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1400, 900)

    class Watch(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                window.removeEventFilter(self)
                QTimer.singleShot(0, app.quit)
            return False

    watcher = Watch()
    window.installEventFilter(watcher)
    window.show()
    app.exec()
    _report()
    return 0


def app(db: str) -> int:
    import contextlib
    import io

    from rte_desktop.app import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["--startup-check", "--db", db])
    times = dict(line.split(": ") for line in out.getvalue().splitlines() if ": " in line)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "seconds": float(times["startup"].split()[0]),
                "ready": float(times["ready"].split()[0]),
                "open": float(times["open"].split()[0]),
                "peak_kib": peak,
            }
        )
    )
    return code


if __name__ == "__main__":
    mode = sys.argv[1]
    raise SystemExit(bare() if mode == "bare" else app(sys.argv[2]))

"""The train on a local PostgreSQL server vs the same train in a SQLite file, in one run.

* start-up (first paint and panel ready, median of fresh processes) on the 10-year train:
  server / file (target <= 1.5x);
* every panel switch on the server (bench/panels.py, after the warm-up; target < 50 ms);
* a change by another client visible in an open window (target < 1 s), server and file.
The server is a throwaway one (tests/pg_server.py: initdb in a temporary folder, Unix socket).
Usage: python bench/postgres.py DEMO_DB TEN_YEAR_DB
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests/pg_server.py starts the server
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.pg_server import PgServer, find_bin_dir  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "7"))


def startup(db: str) -> dict[str, float]:
    from run import probe  # type: ignore[import-not-found]

    env = dict(os.environ)
    probe("app", db, env=env)  # warm caches once
    samples = [probe("app", db, env=env) for _ in range(RUNS)]
    return {key: statistics.median(s[key] for s in samples) for key in ("seconds", "ready")}


def change_seen(db: str) -> float:
    """Seconds from another client's commit to the open window showing it (risks panel)."""
    out = subprocess.run(
        [sys.executable, __file__, "--seen", db], capture_output=True, text=True, check=True
    )
    return float(out.stdout.strip().splitlines()[-1])


def _seen_in_process(db: str) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from rte_desktop.ui.bus import AppEvents
    from rte_desktop.ui.main_window import MainWindow
    from rte_desktop.ui.settings import UiSettings
    from rte_desktop.workspace import open_workspace

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        settings = UiSettings(QSettings(str(Path(tmp) / "ui.ini"), QSettings.Format.IniFormat))
        window = MainWindow(open_workspace(db), settings, AppEvents())
        window.show()
        window.show_panel_key("risks")
        app.processEvents()
        panel = window.current_panel()
        other = open_workspace(db)
        samples = []
        for n in range(5):
            title = f"Seen from afar {n} {uuid.uuid4().hex[:8]}"  # new in every run
            other.risks.add(panel.pi_id or 0, title)  # type: ignore[attr-defined]
            start = time.perf_counter()
            while title not in [
                r.title
                for m in panel.board.models.values()  # type: ignore[attr-defined]
                for r in m.risks
            ]:
                app.processEvents()
                time.sleep(0.002)
                if time.perf_counter() - start > 5:
                    break
            samples.append(time.perf_counter() - start)
        other.close()
        window.close()
    print(statistics.median(samples))
    return 0


def main(demo: str, big: str) -> int:
    bin_dir = find_bin_dir()
    if bin_dir is None:
        print("  SKIPPED: PostgreSQL binaries not found (scripts/system-deps.sh installs them)")
        return 0
    server = PgServer(bin_dir)
    try:
        server.init()
        server.start()
        url = server.url(server.create_database())
        subprocess.run(
            [sys.executable, "-m", "rte_desktop", "copy", "--from", big, "--to", url],
            check=True,
            capture_output=True,
        )
        file_times = startup(big)
        server_times = startup(url)
        print(f"  start-up on 10 years, 12 teams (median of {RUNS}):")
        for label, times in (("file", file_times), ("server", server_times)):
            print(
                f"    {label:<7} first paint {times['seconds'] * 1000:5.0f} ms   "
                f"ready {times['ready'] * 1000:5.0f} ms"
            )
        print(
            f"    server / file: first paint {server_times['seconds'] / file_times['seconds']:.2f}x"
            f", ready {server_times['ready'] / file_times['ready']:.2f}x (target <= 1.5x)"
        )
        print("  panel switches on the server:", flush=True)
        subprocess.run([sys.executable, str(HERE / "panels.py"), "--warm", url], check=True)
        scratch = Path(server.base) / "scratch.sqlite"  # the edits must not touch ``big``
        shutil.copyfile(big, scratch)
        for label, db in (("server", url), ("file", str(scratch))):
            print(
                f"  another client's change visible ({label}): "
                f"{change_seen(db) * 1000:.0f} ms (median of 5; target < 1000 ms)"
            )
    finally:
        server.destroy()
    return 0


if __name__ == "__main__":
    if sys.argv[1] == "--seen":
        raise SystemExit(_seen_in_process(sys.argv[2]))
    raise SystemExit(main(sys.argv[-2], sys.argv[-1]))

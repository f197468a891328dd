"""The daily backup at start-up: taking it, and the check on every later start that finds it.

The check must stay about as cheap as listing the backups folder (it runs on every start); the
baseline is that listing, measured in the same run. Moved here from a wall-clock assertion in
tests/safety/test_backups.py.

Usage: python bench/daily_backup.py DEMO_DB TEN_YEAR_DB
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from rte_desktop.paths import backup_dir
from rte_desktop.workspace import open_workspace


def _median_ms(action, runs: int = 15) -> float:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def main(big: str) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "train.sqlite"
        shutil.copyfile(big, db)
        ws = open_workspace(db)
        start = time.perf_counter()
        ws.backup.daily_backup()
        take = (time.perf_counter() - start) * 1000
        check = _median_ms(ws.backup.daily_backup)
        listing = _median_ms(lambda: list(backup_dir(db).iterdir()))
        ws.close()
        print(f"  baseline: list the backups folder {listing:8.2f} ms")
        print(f"  take today's backup (10 years)    {take:8.1f} ms  {take / listing:8.0f}x")
        print(f"  check on a later start            {check:8.2f} ms  {check / listing:8.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[-1]))

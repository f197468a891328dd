"""JSON export and import of the 10-year file, against copying the same file with SQLite's
backup API (the cheapest way to move every byte of it) in the same run.

Usage: python bench/json_io.py DEMO_DB TEN_YEAR_DB
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from rte_desktop.workspace import open_workspace


def main(big: str) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        ws = open_workspace(big)
        start = time.perf_counter()
        ws.backup.backup_to(Path(tmp) / "copy.sqlite")
        base = time.perf_counter() - start
        start = time.perf_counter()
        out = ws.transfer.export_json(Path(tmp) / "train.json")
        export = time.perf_counter() - start
        target = open_workspace(Path(tmp) / "imported.sqlite")
        start = time.perf_counter()
        rows = target.transfer.import_json(out).value
        imported = time.perf_counter() - start
        size = out.stat().st_size / 1e6
        print(f"  baseline: online backup copy      {base * 1000:8.0f} ms")
        print(
            f"  export JSON ({size:.1f} MB)          {export * 1000:8.0f} ms  {export / base:6.1f}x"
        )
        print(f"  import JSON ({rows} rows)     {imported * 1000:8.0f} ms  {imported / base:6.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[-1]))

"""PySide6's per-import source scan is off in the app (it kept ~380 module sources in memory)."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import linecache, sys
import PySide6.QtCore
if sys.argv[1] == "stop":
    from rte_desktop.ui.source_scan import stop_source_scan
    assert stop_source_scan()
import colorsys  # a stdlib module nothing above imports
print(colorsys.__file__ in linecache.cache)
"""


def _cached_after_import(mode: str) -> bool:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, mode], capture_output=True, text=True, check=True
    ).stdout
    return out.strip() == "True"


def test_pyside_keeps_the_source_of_each_later_import_without_the_fix() -> None:
    # If PySide6 stops scanning one day, this fails and the module can go.
    assert _cached_after_import("keep")


def test_stop_source_scan_keeps_later_imports_out_of_linecache() -> None:
    assert not _cached_after_import("stop")

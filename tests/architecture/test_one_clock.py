"""Time comes from the injected clock: nothing in the app reads the wall clock by itself.

Only ``domain/clock.py`` (``SystemClock``) may; everything else gets a ``Clock`` so tests can
set the time and advance it. File timestamps and monotonic timers are not the time of day.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "rte_desktop"
ALLOWED = {PACKAGE / "domain" / "clock.py"}
# (object, attribute) calls that read the wall clock
WALL_CLOCK = {
    ("date", "today"),
    ("datetime", "now"),
    ("datetime", "today"),
    ("datetime", "utcnow"),
    ("time", "time"),
    ("QDate", "currentDate"),
    ("QDateTime", "currentDateTime"),
}


def _wall_clock_reads(source: str, name: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            owner_name = (
                owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
            )
            if (owner_name, node.func.attr) in WALL_CLOCK:
                found.append(f"{name}:{node.lineno}")
    return found


def test_only_the_system_clock_reads_the_wall_clock() -> None:
    reads = [
        hit
        for path in sorted(PACKAGE.rglob("*.py"))
        if path not in ALLOWED
        for hit in _wall_clock_reads(
            path.read_text(encoding="utf-8"), str(path.relative_to(PACKAGE.parent))
        )
    ]
    assert reads == []


def test_the_check_sees_a_wall_clock_read() -> None:
    source = "import datetime as dt\nfrom PySide6.QtCore import QDate\n"
    source += "start = dt.date.today()\nshown = QDate.currentDate()\nok = clock.now()\n"
    assert _wall_clock_reads(source, "sample.py") == ["sample.py:3", "sample.py:4"]

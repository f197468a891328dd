"""Parent side of the crash trials: start ``crash_child``, SIGKILL it at a chosen moment, check.

The child prints a line per committed write. A reader thread collects the lines; the parent waits
until a condition on them holds, sleeps a random moment and kills. Lines the child flushed before
it died are still in the pipe, so ``Trial.lines`` is exactly what the user would have seen as done.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Trial:
    lines: list[str]
    returncode: int
    stderr: str

    @property
    def killed(self) -> bool:
        return self.returncode == -signal.SIGKILL

    def reported(self, kind: str) -> list[int]:
        """Ids of ``done <kind> <id>`` lines."""
        return [int(line.split()[2]) for line in self.lines if line.startswith(f"done {kind} ")]


def run_and_kill(
    args: list[str],
    *,
    when: Callable[[list[str]], bool],
    delay: float,
    timeout: float = 60.0,
) -> Trial:
    """Run ``crash_child`` with ``args``; once ``when(lines)`` holds, wait ``delay`` s and kill.

    The child is killed with SIGKILL (no cleanup, no atexit, no flush), like a power button or
    the OOM killer. If it exits by itself first, nothing is killed.
    """
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.safety.crash_child", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: list[str] = []
    eof = threading.Event()
    changed = threading.Condition()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            with changed:
                lines.append(line.strip())
                changed.notify_all()
        with changed:
            eof.set()
            changed.notify_all()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        with changed:
            if not changed.wait_for(lambda: eof.is_set() or when(lines), timeout):
                raise AssertionError(f"the child never reached the kill point: {lines[-3:]}")
        if delay > 0:
            time.sleep(delay)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout)
        reader.join(timeout)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.stderr is not None
    stderr = proc.stderr.read()
    proc.stderr.close()
    return Trial(list(lines), proc.returncode, stderr)


def integrity(db: Path) -> tuple[str, list[tuple[object, ...]]]:
    """``PRAGMA integrity_check`` and ``foreign_key_check`` after the crash.

    The connection recovers the write-ahead log first, as any later open of the file does.
    """
    conn = sqlite3.connect(db)
    try:
        verdict = "; ".join(row[0] for row in conn.execute("PRAGMA integrity_check"))
        orphans = conn.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        conn.close()
    return verdict, orphans


def child_count(lines: list[str], prefix: str = "done ") -> int:
    return sum(1 for line in lines if line.startswith(prefix))

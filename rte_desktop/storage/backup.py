"""Copies of a live database made with SQLite's online backup API (never a plain file copy)."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def backup_file(source: Path, destination: Path) -> Path:
    """Write a consistent copy of ``source`` to ``destination`` and return it."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(destination)
    try:
        with dst:
            src.backup(dst)
    finally:
        dst.close()
        src.close()
    return destination

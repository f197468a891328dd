"""A first look at a train file with the standard library only, before SQLAlchemy is loaded.

Start-up paints the window (ART and PI pickers) from this while the full storage layer loads;
importing SQLAlchemy's ORM alone costs about twice a bare Qt window's start-up.
The SQL is plain, portable SELECTs on a read-only connection.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from rte_desktop.domain.model import PlanningInterval
from rte_desktop.storage.backup import read_only_uri


@dataclass(frozen=True)
class TrainPeek:
    arts: list[tuple[int, str]]  # id, name, by name
    pis: list[PlanningInterval]  # every PI of every ART, by start
    zones: dict[int, str]  # each ART's time zone: its "today" picks the current PI


def peek(path: Path, revision: str) -> TrainPeek | None:
    """ARTs and PIs of an up-to-date train file, or None when a full open is needed first."""
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if not row or row[0] != revision:
            return None
        rows = conn.execute("SELECT id, name, time_zone FROM art ORDER BY name").fetchall()
        arts = [(int(i), str(n)) for i, n, _zone in rows]
        zones = {int(i): str(zone) for i, _n, zone in rows}
        pis = [
            PlanningInterval(
                id=int(i),
                art_id=int(a),
                name=str(n),
                start=dt.date.fromisoformat(s),
                end=dt.date.fromisoformat(e),
            )
            for i, a, n, s, e in conn.execute(
                'SELECT id, art_id, name, start, "end" FROM pi ORDER BY start, id'
            )
        ]
        return TrainPeek(arts, pis, zones)
    except (sqlite3.Error, ValueError):
        return None
    finally:
        conn.close()

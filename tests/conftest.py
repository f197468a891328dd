"""Shared fixtures. Qt runs offscreen; settings and data live in tmp_path; time is fake."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from rte_desktop.domain.clock import FakeClock  # noqa: E402
from rte_desktop.ui.source_scan import stop_source_scan  # noqa: E402
from rte_desktop.workspace import Workspace, open_workspace  # noqa: E402

stop_source_scan()  # as the app does (pytest-qt has imported PySide6 by now)


@pytest.fixture
def clock() -> FakeClock:
    """Wednesday 25 November 2026, 08:00 UTC (inside the demo train's current PI)."""
    return FakeClock(dt.datetime(2026, 11, 25, 8, 0, tzinfo=dt.UTC))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "train.sqlite"


@pytest.fixture
def ws(db_path: Path, clock: FakeClock) -> Workspace:
    """An empty, migrated train file."""
    workspace = open_workspace(db_path, clock)
    yield workspace
    workspace.close()


@pytest.fixture
def demo_ws(ws: Workspace) -> Workspace:
    """The demo train, written with the fake clock."""
    ws.demo.create()
    return ws

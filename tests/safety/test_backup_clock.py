"""Backups are named by the injected clock, never by the machine's own."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from rte_desktop.domain.clock import FakeClock
from rte_desktop.services.backup.backup import make_backup, restore_backup
from rte_desktop.workspace import Workspace


@pytest.fixture
def utc_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    """This computer's zone is UTC, so local backup names can be written down literally."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_manual_backup_and_restore_are_named_by_the_given_clock(
    demo_ws: Workspace, tmp_path: Path, utc_machine: None
) -> None:
    db = demo_ws.path
    assert db is not None
    clock = FakeClock(dt.datetime(2031, 2, 3, 4, 5, 6, tzinfo=dt.UTC))
    backup = make_backup(db, clock=clock)
    assert backup.name == "train.sqlite-manual-20310203-040506.sqlite"
    demo_ws.close()
    clock.advance(3600)
    done = restore_backup(backup, db, clock)
    assert done.previous is not None
    assert "20310203-050506" in done.previous.name


def test_daily_backup_is_named_by_the_workspace_clock(
    demo_ws: Workspace, clock: FakeClock, utc_machine: None
) -> None:
    taken = demo_ws.backup.daily_backup()
    assert taken is not None
    assert taken.name == "train.sqlite-daily-20261125-080000.sqlite"

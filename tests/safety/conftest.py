"""Template train files for the safety tests, built once per session and copied per test."""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
from pathlib import Path

import pytest

from rte_desktop.domain.clock import FakeClock
from rte_desktop.workspace import open_workspace


def _closed_copy(template: Path, target: Path) -> Path:
    """Copy a CLOSED template file (no -wal beside it), so a plain copy is safe here."""
    assert not Path(f"{template}-wal").exists()
    shutil.copyfile(template, target)
    return target


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """``empty``: a migrated empty file; ``demo``: the demo train; ``demo_json``: its export."""
    folder = tmp_path_factory.mktemp("templates")
    clock = FakeClock(dt.datetime(2026, 11, 25, 8, 0, tzinfo=dt.UTC))
    empty = folder / "empty.sqlite"
    open_workspace(empty, clock).close()
    demo = folder / "demo.sqlite"
    ws = open_workspace(demo, clock)
    ws.demo.create()
    ws.transfer.export_json(folder / "demo.json")
    ws.close()
    return {"empty": empty, "demo": demo, "demo_json": folder / "demo.json"}


@pytest.fixture
def copy_template(templates: dict[str, Path]):
    """``copy_template("demo", path)`` writes a fresh copy of a template file to ``path``."""

    def copy(name: str, target: Path) -> Path:
        return _closed_copy(templates[name], target)

    return copy


@pytest.fixture
def rng() -> random.Random:
    """The crash trials' randomness; ``RTE_CRASH_SEED`` replays a run."""
    seed = int(os.environ.get("RTE_CRASH_SEED", random.SystemRandom().randrange(2**32)))
    print(f"RTE_CRASH_SEED={seed}")  # shown by pytest when a trial fails
    return random.Random(seed)

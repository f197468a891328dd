"""Revision 0004 (backlog and System Demo) upgrades a train written by the previous release.

The "previous release" file is made here the way that release made it: Alembic's 0001 script
alone, rows written with plain SQL (the current records have columns 0001 lacks).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command

from rte_desktop.domain.backlog import DEFAULT_DEFINITION_OF_READY
from rte_desktop.domain.kinds import BacklogState
from rte_desktop.domain.model import Art, DorItem, Feature, Team
from rte_desktop.storage.db import make_engine
from rte_desktop.storage.migrate import _alembic_config, open_database
from rte_desktop.storage.schema_check import head_revision
from rte_desktop.storage.unit_of_work import UnitOfWork


def _previous_release_file(path: Path) -> None:
    engine = make_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0001")  # type: ignore[arg-type]
    engine.dispose()
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO art (id, name, time_zone, iteration_weeks, dev_iterations, ip_iteration,"
            " vote_threshold, dots_per_participant, art_sync_weekday, art_sync_time,"
            " working_days) VALUES (1, 'Old ART', 'Europe/Berlin', 2, 4, 1, 3.0, 5, 2,"
            " '10:00:00.000000', '01234')"
        )
        db.execute("INSERT INTO team (id, art_id, name, size, position) VALUES (1, 1, 'Ada', 7, 0)")
        db.execute(
            'INSERT INTO pi (id, art_id, name, start, "end") '
            "VALUES (1, 1, 'PI 1', '2026-01-05', '2026-03-13')"
        )
        db.execute(
            'INSERT INTO iteration (id, pi_id, number, name, start, "end", is_ip) '
            "VALUES (1, 1, 1, 'Iteration 1', '2026-01-05', '2026-01-16', 0)"
        )
        db.execute(
            "INSERT INTO feature (id, pi_id, team_id, iteration_id, key, title, kind, position)"
            " VALUES (1, 1, 1, 1, 'F-1', 'Planned one', 'feature', 0),"
            " (2, 1, 1, NULL, 'F-2', 'Not planned yet', 'enabler', 1)"
        )
    db.close()


def test_a_previous_release_train_keeps_everything_and_gains_the_backlog(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    _previous_release_file(path)
    engine = open_database(path)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == (
            head_revision()
        )
    with UnitOfWork(engine) as uow:
        (art,) = uow.find(Art)
        assert (art.name, art.time_zone, art.pi_capacity_features) == (
            "Old ART",
            "Europe/Berlin",
            10,
        )
        assert [t.name for t in uow.find(Team)] == ["Ada"]
        features = {f.key: f for f in uow.find(Feature)}
        dor = uow.find(DorItem, art_id=art.id, order_by=["position"])
    assert features["F-1"].state is BacklogState.PLANNED
    assert features["F-1"].iteration_id == 1 and features["F-1"].title == "Planned one"
    assert features["F-2"].state is BacklogState.FUNNEL
    assert features["F-2"].kind.value == "enabler"
    assert features["F-2"].backlog_position == 2
    assert (features["F-2"].business_value, features["F-2"].job_size) == (None, None)
    assert features["F-2"].epic == "" and features["F-2"].acceptance_criteria == ""
    assert [d.text for d in dor] == list(DEFAULT_DEFINITION_OF_READY)
    engine.dispose()
    assert list((tmp_path / "backups").glob("old.sqlite-before-*.sqlite")), "no backup first"


def test_a_new_train_file_has_no_definition_of_ready_rows_until_a_train_is_made(
    tmp_path: Path,
) -> None:
    engine = open_database(tmp_path / "new.sqlite")
    with UnitOfWork(engine) as uow:
        assert uow.count(DorItem) == 0
    engine.dispose()

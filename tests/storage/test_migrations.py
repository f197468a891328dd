"""Models and migrations agree; the database enforces what the app relies on."""

import datetime as dt
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.exc import IntegrityError

from rte_desktop.domain.model import Art, Team
from rte_desktop.storage.db import make_engine
from rte_desktop.storage.migrate import open_database, script_revisions
from rte_desktop.storage.orm import Base
from rte_desktop.storage.schema_check import REVISIONS
from rte_desktop.storage.unit_of_work import UnitOfWork


def test_models_and_migrations_do_not_drift(new_db) -> None:
    engine = open_database(new_db("t", migrated=False))  # a file, then a server (both back ends)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_revision_constants_match_the_scripts() -> None:
    assert list(REVISIONS) == script_revisions()


def test_sqlite_pragmas_are_on(tmp_path: Path) -> None:
    engine = open_database(tmp_path / "t.sqlite")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


def test_foreign_keys_are_enforced(new_db) -> None:
    engine = open_database(new_db("t", migrated=False))  # a file, then a server (both back ends)
    with pytest.raises(IntegrityError), UnitOfWork(engine) as uow:
        uow.add(Team(art_id=999, name="orphan"))


def test_deleting_an_art_cascades(new_db) -> None:
    engine = open_database(new_db("t", migrated=False))  # a file, then a server (both back ends)
    with UnitOfWork(engine) as uow:
        art = uow.add(Art(name="A"))
        uow.add(Team(art_id=art.id, name="T"))
    with UnitOfWork(engine) as uow:
        uow.delete(Art, art.id)
    with UnitOfWork(engine) as uow:
        assert uow.count(Team) == 0


def test_an_up_to_date_file_opens_without_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "t.sqlite"
    engine = open_database(path)
    with UnitOfWork(engine) as uow:
        uow.add(Art(name="Kept"))
    engine.dispose()
    engine = open_database(path)
    with UnitOfWork(engine) as uow:
        assert [a.name for a in uow.find(Art)] == ["Kept"]
    engine.dispose()
    assert not (tmp_path / "backups").exists()


def test_unit_of_work_rolls_back_on_error(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'x.sqlite'}")
    Base.metadata.create_all(engine)
    with pytest.raises(RuntimeError), UnitOfWork(engine) as uow:
        uow.add(Art(name="gone"))
        raise RuntimeError("boom")
    with UnitOfWork(engine) as uow:
        assert uow.count(Art) == 0


def test_round_trip_keeps_every_type(new_db) -> None:
    engine = open_database(new_db("t", migrated=False))  # a file, then a server (both back ends)
    art = Art(name="Ωmega ART", art_sync_time=dt.time(9, 30), second_time_zone=None)
    with UnitOfWork(engine) as uow:
        stored = uow.add(art)
    with UnitOfWork(engine) as uow:
        assert uow.get(Art, stored.id) == stored
        assert stored.name == "Ωmega ART"

"""A file that is not ours, corrupt, read-only or newer is refused and left byte-for-byte as is."""

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from rte_desktop.domain.errors import DatabaseError
from rte_desktop.storage.migrate import open_database
from rte_desktop.storage.schema_check import head_revision


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _assert_refused(path: Path, match: str) -> None:
    before = _digest(path)
    names_before = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(DatabaseError, match=match):
        open_database(path)
    assert _digest(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == names_before  # no -wal, no backup


def test_text_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("just some notes\n")
    _assert_refused(path, "not a SQLite database")


def test_other_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.close()
    _assert_refused(path, "another program")


def test_corrupt_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "train.sqlite"
    open_database(path).dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    for extra in tmp_path.glob("train.sqlite-*"):
        extra.unlink()
    data = bytearray(path.read_bytes())
    data[4096:] = b"\xa5" * (len(data) - 4096)  # scribble over every page but the header
    path.write_bytes(bytes(data))
    _assert_refused(path, "damaged")


def test_newer_schema_is_refused_naming_both_versions(tmp_path: Path) -> None:
    path = tmp_path / "train.sqlite"
    open_database(path).dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    head = head_revision()
    with pytest.raises(DatabaseError, match=rf"newer RTE Desktop \(schema 9999\).*schema {head}"):
        open_database(path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only files")
def test_read_only_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "train.sqlite"
    open_database(path).dispose()
    path.chmod(0o444)
    _assert_refused(path, "read-only")


def test_read_only_file_is_refused_even_for_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "train.sqlite"
    open_database(path).dispose()
    real_access = os.access
    monkeypatch.setattr(
        os,
        "access",
        lambda p, mode: False if Path(p) == path and mode == os.W_OK else real_access(p, mode),
    )
    _assert_refused(path, "read-only")


@pytest.mark.parametrize("damage", ["DELETE FROM alembic_version", "DROP TABLE alembic_version"])
def test_our_tables_without_a_schema_version_are_refused_untouched(
    tmp_path: Path, damage: str
) -> None:
    path = tmp_path / "train.sqlite"
    open_database(path).dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")  # a plain file: nothing beside it to compare
        conn.execute(damage)
    conn.close()
    for extra in tmp_path.glob("train.sqlite-*"):
        extra.unlink()
    _assert_refused(path, "RTE Desktop tables but no schema version")


def test_unversioned_tables_are_refused_through_a_url_too(tmp_path: Path) -> None:
    path = tmp_path / "train.sqlite"
    open_database(path).dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM alembic_version")
    conn.close()
    with pytest.raises(DatabaseError, match="no schema version"):
        open_database(f"sqlite+pysqlite:///{path}")
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM alembic_version").fetchone() == (0,)

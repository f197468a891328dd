"""`rte-desktop copy`: a whole train from a file to a server and back, all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from rte_desktop.app import main
from tests.pg_server import PgServer


def _export(db: str, out: Path) -> bytes:
    assert main(["export", "json", "--db", db, "--out", str(out)]) == 0
    return out.read_bytes()


@pytest.fixture
def demo_file(tmp_path: Path) -> str:
    db = str(tmp_path / "demo.sqlite")
    assert main(["demo", "--db", db]) == 0
    return db


def test_file_to_server_and_back_keeps_every_row(
    demo_file: str, pg_server: PgServer, tmp_path: Path, capsys
) -> None:
    server = pg_server.url(pg_server.create_database())  # a new database: no tables yet
    back = str(tmp_path / "back.sqlite")
    assert main(["copy", "--from", demo_file, "--to", server]) == 0
    assert "Copied" in capsys.readouterr().out
    assert main(["copy", "--from", server, "--to", back]) == 0
    original = _export(demo_file, tmp_path / "a.json")
    assert _export(server, tmp_path / "s.json") == original
    assert _export(back, tmp_path / "b.json") == original
    # The server takes new rows after the copy (its id sequences were moved).
    csv = tmp_path / "o.csv"
    csv.write_text("team,objective\nΩmega,After the move\n", encoding="utf-8")
    assert main(["import", "objectives", str(csv), "--db", server]) == 0


def test_a_non_empty_target_is_refused_and_left_alone(
    demo_file: str, pg_server: PgServer, tmp_path: Path, capsys
) -> None:
    server = pg_server.url(pg_server.create_database())
    assert main(["copy", "--from", demo_file, "--to", server]) == 0
    before = _export(server, tmp_path / "before.json")
    capsys.readouterr()
    assert main(["copy", "--from", demo_file, "--to", server]) == 1
    err = capsys.readouterr().err
    assert "is not empty" in err and "Traceback" not in err
    assert _export(server, tmp_path / "after.json") == before
    # ... and a file target too
    assert main(["copy", "--from", server, "--to", demo_file]) == 1
    assert "is not empty" in capsys.readouterr().err


def test_a_copy_that_fails_half_way_writes_nothing(
    demo_file: str, pg_server: PgServer, tmp_path: Path, capsys
) -> None:
    name = pg_server.create_database()
    server = pg_server.url(name)
    assert main(["export", "json", "--db", server, "--out", str(tmp_path / "e.json")]) == 0
    # The server refuses objectives, which come after a dozen other tables.
    pg_server.execute(
        "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'no objectives today'; END $$",
        "CREATE TRIGGER refuse BEFORE INSERT ON objective FOR EACH STATEMENT "
        "EXECUTE FUNCTION refuse()",
        database=name,
    )
    capsys.readouterr()
    assert main(["copy", "--from", demo_file, "--to", server]) == 1
    err = capsys.readouterr().err
    assert "no objectives today" in err and "Traceback" not in err
    assert _export(server, tmp_path / "after.json") == (tmp_path / "e.json").read_bytes()


def test_a_missing_source_copies_nothing_and_creates_no_file(tmp_path: Path, capsys) -> None:
    target = tmp_path / "new.sqlite"
    assert main(["copy", "--from", str(tmp_path / "nope.sqlite"), "--to", str(target)]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert not target.exists() and not (tmp_path / "nope.sqlite").exists()


def test_a_failed_copy_into_a_new_file_leaves_no_file(
    demo_file: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    from rte_desktop.domain.errors import ImportFormatError
    from rte_desktop.services.transfer.transfer import TransferService

    def refuse(self: TransferService, data: object) -> None:
        raise ImportFormatError("tables.risk[0]: refused")

    monkeypatch.setattr(TransferService, "import_data", refuse)
    target = tmp_path / "new.sqlite"
    assert main(["copy", "--from", demo_file, "--to", str(target)]) == 1
    err = capsys.readouterr().err
    assert "tables.risk[0]" in err and "Traceback" not in err
    assert not target.exists() and not Path(f"{target}-wal").exists()


def test_a_long_text_a_file_allows_is_named_when_the_server_refuses_it(
    demo_file: str, pg_server: PgServer, tmp_path: Path, capsys
) -> None:
    """SQLite does not enforce VARCHAR(500); PostgreSQL does: the copy names the row."""
    import sqlite3

    with sqlite3.connect(demo_file) as conn:
        conn.execute("UPDATE team SET name = ? WHERE id = 2", ("x" * 600,))
    server = pg_server.url(pg_server.create_database())
    capsys.readouterr()
    assert main(["copy", "--from", demo_file, "--to", server]) == 1
    err = capsys.readouterr().err
    assert "tables.team[1]" in err and "Traceback" not in err


def test_no_password_is_printed(pg_server: PgServer, tmp_path: Path, capsys) -> None:
    name = pg_server.create_database()
    server = pg_server.url(name, password="s3cret-word")  # the test server trusts the socket
    assert main(["demo", "--db", server]) == 0
    assert main(["copy", "--from", server, "--to", str(tmp_path / "t.sqlite")]) == 0
    out = capsys.readouterr().out
    assert "Demo train written to postgresql://" in out and "Copied" in out
    assert "s3cret-word" not in out

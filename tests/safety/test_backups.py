"""Rolling backups, the list by date, restore, and the backup offered for a damaged file."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest

from rte_desktop.app import main
from rte_desktop.domain.clock import FakeClock
from rte_desktop.domain.errors import DatabaseError, UnreadableFileError
from rte_desktop.domain.model import Team
from rte_desktop.paths import backup_dir
from rte_desktop.services.backup.backup import (
    DAILY_KEEP,
    latest_backup,
    list_backups,
    make_backup,
    restore_backup,
)
from rte_desktop.workspace import Workspace, open_workspace
from tests.safety.crash_harness import integrity, run_and_kill


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _team_names(db: Path) -> list[str]:
    ws = open_workspace(db)
    try:
        with ws.uow() as uow:
            return [t.name for t in uow.find(Team)]
    finally:
        ws.close()


def _scribble(path: Path) -> None:
    """Damage every page after the first, as a failing disk would."""
    data = bytearray(path.read_bytes())
    data[4096:] = b"\xa5" * (len(data) - 4096)
    path.write_bytes(bytes(data))


def test_daily_backup_once_a_day_keeping_the_newest(demo_ws: Workspace, clock: FakeClock) -> None:
    first = demo_ws.backup.daily_backup()
    assert first is not None and first.parent == backup_dir(demo_ws.path)
    assert demo_ws.backup.daily_backup() is None  # same day: nothing new
    clock.advance(3600)
    assert demo_ws.backup.daily_backup() is None
    for _day in range(DAILY_KEEP + 5):
        clock.advance(24 * 3600)
        assert demo_ws.backup.daily_backup() is not None
    dailies = [b for b in demo_ws.backup.backups() if b.kind == "daily"]
    assert len(dailies) == DAILY_KEEP
    assert dailies[0].taken.date() == clock.now().astimezone().date()  # newest first, kept
    assert not first.exists()  # the oldest went
    verdict, _ = integrity(dailies[0].path)
    assert verdict == "ok"


def test_daily_backup_skips_an_empty_train(ws: Workspace) -> None:
    assert ws.backup.daily_backup() is None
    assert ws.backup.backups() == []


# How cheap the daily check is at start-up is measured in bench/daily_backup.py.


def test_list_by_date_ignores_other_trains_and_odd_files(tmp_path: Path) -> None:
    db = tmp_path / "train.sqlite"
    folder = backup_dir(db)
    folder.mkdir()
    names = [
        "train.sqlite-daily-20261124-080000.sqlite",
        "train.sqlite-before-0002-20261120-101500.sqlite",
        "train.sqlite-before-restore-20261125-090000.sqlite",
        "train-manual-20261101-000000.sqlite",  # named by the stem, before 0.2: still its own
        "train-2-daily-20261125-080000.sqlite",  # another train's
        "train.sqlite.old-daily-20261125-080000.sqlite",  # another train's
        "train-daily-20261399-080000.sqlite",  # no such date
        ".train-daily-20261126-080000.sqlite.partial",  # interrupted copy
        "train-unreadable-20261125-070000.sqlite",  # a set-aside damaged file
    ]
    for name in names:
        (folder / name).write_bytes(b"x")
    found = list_backups(db)
    assert [b.path.name for b in found] == [names[2], names[0], names[1], names[3]]
    assert [b.label for b in found] == [
        "before a restore",
        "daily",
        "before migrating to schema 0002",
        "by hand",
    ]
    assert latest_backup(db) == found[0]


def test_restore_replaces_the_train_and_keeps_a_safety_copy(demo_ws: Workspace) -> None:
    db = demo_ws.path
    backup = make_backup(db)
    art_id = demo_ws.train.arts()[0].id
    demo_ws.train.add_team(art_id, "Added after the backup")
    demo_ws.close()
    done = restore_backup(backup, db)
    assert "Added after the backup" not in _team_names(db)
    assert done.previous is not None and not done.set_aside
    assert "Added after the backup" in _team_names(done.previous)
    assert done.previous in [b.path for b in list_backups(db)]


def test_restore_over_a_file_with_a_crash_log_beside_it(
    tmp_path: Path, copy_template, templates
) -> None:
    """A killed app leaves a -wal file; the restore must not mix it into the restored data."""
    db = copy_template("demo", tmp_path / "train.sqlite")
    trial = run_and_kill(["edits", str(db)], when=lambda lines: len(lines) > 12, delay=0)
    assert trial.killed and Path(f"{db}-wal").exists()
    restore_backup(templates["demo"], db)
    assert integrity(db)[0] == "ok"
    assert not any(name.startswith("Crash team") for name in _team_names(db))
    assert _team_names(db) == _team_names(templates["demo"])


def test_restore_over_a_damaged_file_sets_it_aside_untouched(
    tmp_path: Path, copy_template, templates
) -> None:
    db = copy_template("demo", tmp_path / "train.sqlite")
    _scribble(db)
    damaged = _digest(db)
    done = restore_backup(templates["demo"], db)
    assert done.set_aside and done.previous is not None
    assert _digest(done.previous) == damaged
    assert _team_names(db) == _team_names(templates["demo"])


@pytest.mark.parametrize("kind", ["foreign", "damaged", "newer", "missing"])
def test_unusable_backups_are_refused_and_nothing_changes(
    tmp_path: Path, copy_template, kind: str
) -> None:
    db = copy_template("demo", tmp_path / "train.sqlite")
    bad = tmp_path / "bad.sqlite"
    if kind == "foreign":
        with sqlite3.connect(bad) as conn:
            conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY)")
        conn.close()
    elif kind == "damaged":
        copy_template("demo", bad)
        _scribble(bad)
    elif kind == "newer":
        copy_template("demo", bad)
        with sqlite3.connect(bad) as conn:
            conn.execute("UPDATE alembic_version SET version_num = '9999'")
        conn.close()
    before = _digest(db)
    with pytest.raises(DatabaseError):
        restore_backup(bad, db)
    assert _digest(db) == before
    assert list_backups(db) == []


def test_a_damaged_file_names_its_latest_backup(tmp_path: Path, copy_template) -> None:
    db = copy_template("demo", tmp_path / "train.sqlite")
    backup = make_backup(db)
    _scribble(db)
    with pytest.raises(UnreadableFileError) as caught:
        open_workspace(db)
    assert caught.value.latest_backup == backup
    assert str(backup) in str(caught.value) and "rte-desktop restore" in str(caught.value)
    assert "damaged" in caught.value.reason and str(backup) not in caught.value.reason


def test_cli_backup_list_restore_round_trip(tmp_path: Path, copy_template, capsys) -> None:
    db = copy_template("demo", tmp_path / "my #1 train.sqlite")  # '#' must not break the URI
    out = tmp_path / "copy.sqlite"
    assert main(["backup", "--db", str(db), "--out", str(out)]) == 0
    assert main(["backup", "--db", str(db)]) == 0
    assert main(["backups", "--db", str(db)]) == 0
    listed = capsys.readouterr().out
    assert "by hand" in listed
    _scribble(db)
    assert main(["export", "json", "--db", str(db), "--out", str(tmp_path / "x.json")]) == 1
    err = capsys.readouterr().err
    assert "damaged" in err and "my #1 train.sqlite-manual-" in err and "Traceback" not in err
    assert main(["restore", str(out), "--db", str(db)]) == 0
    said = capsys.readouterr().out
    assert "was unreadable and was moved to" in said
    assert _team_names(db) == _team_names(out)


def test_cli_backup_refuses_a_foreign_file(tmp_path: Path, capsys) -> None:
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY)")
    conn.close()
    assert main(["backup", "--db", str(other)]) == 1
    assert "another program" in capsys.readouterr().err
    assert not backup_dir(other).exists()


def test_backup_of_a_train_being_written_is_consistent(tmp_path: Path, copy_template) -> None:
    """The online backup API copies committed data only, even mid-write in another process."""
    db = copy_template("demo", tmp_path / "train.sqlite")
    copies = []

    def back_up_while_writing(lines: list[str]) -> bool:
        if sum(line.startswith("done") for line in lines) >= 5 and len(copies) < 3:
            copies.append(make_backup(db, tmp_path / f"live-{len(copies)}.sqlite"))
        return len(copies) >= 3

    trial = run_and_kill(["edits", str(db)], when=back_up_while_writing, delay=0)
    assert trial.killed
    for copy in copies:
        assert integrity(copy)[0] == "ok"
        assert not Path(f"{copy}-wal").exists()  # a self-contained file
        names = _team_names(copy)
        assert len([n for n in names if n.startswith("Crash team")]) >= 5


def test_migration_backup_is_listed(tmp_path: Path) -> None:
    db = tmp_path / "train.sqlite"
    open_workspace(db).close()
    stamp = dt.datetime(2026, 11, 20, 10, 15)
    folder = backup_dir(db)
    folder.mkdir()
    (folder / f"train-before-0001-{stamp:%Y%m%d-%H%M%S}.sqlite").write_bytes(b"")
    assert list_backups(db)[0].label == "before migrating to schema 0001"


def test_two_trains_differing_in_extension_keep_their_own_backups(
    tmp_path: Path, copy_template, clock: FakeClock
) -> None:
    """train.sqlite and train.db in one folder: each its own daily backup, list and restore."""
    from rte_desktop.domain import model as m

    first, second = tmp_path / "train.sqlite", tmp_path / "train.db"
    copy_template("demo", first)
    copy_template("demo", second)
    ws_first, ws_second = open_workspace(first, clock), open_workspace(second, clock)
    with ws_second.uow() as uow:  # tell the two apart
        uow.patch(m.Art, ws_second.train.arts()[0].id, name="Second ART")
    taken_first = ws_first.backup.daily_backup()
    taken_second = ws_second.backup.daily_backup()
    assert taken_first is not None and taken_second is not None  # neither skipped the other's
    assert [b.path for b in list_backups(first)] == [taken_first]
    assert [b.path for b in list_backups(second)] == [taken_second]
    assert latest_backup(second).path == taken_second
    ws_first.close()
    ws_second.close()
    restore_backup(taken_second, second, clock)
    assert open_workspace(second, clock).train.arts()[0].name == "Second ART"
    # Stem-named backups of old versions are ambiguous here: neither train claims them.
    (backup_dir(first) / "train-daily-20261101-080000.sqlite").write_bytes(b"x")
    assert all(b.path.name.startswith("train.sqlite-") for b in list_backups(first))

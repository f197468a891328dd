"""One running RTE Desktop per train file: a second is told who holds it; a dead holder's lock is
taken over."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from rte_desktop.app import acquire_lock, main
from rte_desktop.domain.errors import DatabaseError
from rte_desktop.paths import lock_path
from rte_desktop.services.backup.backup import lock_holder, make_backup
from tests.safety.crash_harness import ROOT

HOLD = """
import sys, time
from rte_desktop.app import acquire_lock
lock = acquire_lock(sys.argv[1])
print("locked", flush=True)
time.sleep(120)
"""


@pytest.fixture
def holder(tmp_path: Path, copy_template):
    """Another process holding the lock on a demo train file: (db, process)."""
    db = copy_template("demo", tmp_path / "train.sqlite")
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    yield db, proc
    if proc.poll() is None:
        proc.kill()
    proc.wait()
    proc.stdout.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_second_acquire_is_refused_naming_the_holder(holder) -> None:
    db, proc = holder
    with pytest.raises(DatabaseError, match=rf"already open in RTE Desktop \(process {proc.pid} "):
        acquire_lock(db)
    assert lock_holder(db) == f"process {proc.pid} on {os.uname().nodename}"


def test_lock_of_a_killed_process_is_recovered(holder) -> None:
    db, proc = holder
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert lock_path(db).exists()  # SIGKILL left the lock file behind
    assert lock_holder(db) is None  # ... and it is seen as stale
    lock = acquire_lock(db)
    try:
        assert lock.isLocked()
        assert lock.getLockInfo()[0] == os.getpid()
    finally:
        lock.unlock()


def test_second_app_on_a_held_file_opens_nothing(holder, tmp_path: Path) -> None:
    db, proc = holder
    before = _digest(db)
    files_before = sorted(p.name for p in db.parent.iterdir())
    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "cfg"),
    )
    result = subprocess.run(
        [sys.executable, "-m", "rte_desktop", "--startup-check", "--db", str(db)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert f"process {proc.pid}" in result.stderr and "Traceback" not in result.stderr
    assert _digest(db) == before
    assert sorted(p.name for p in db.parent.iterdir() if p.name != "cfg") == files_before


def test_restore_is_refused_while_the_app_holds_the_file(holder, tmp_path: Path, capsys) -> None:
    db, proc = holder
    backup = make_backup(db, tmp_path / "copy.sqlite")
    before = _digest(db)
    assert main(["restore", str(backup), "--db", str(db)]) == 1
    assert f"process {proc.pid}" in capsys.readouterr().err
    assert _digest(db) == before
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert main(["restore", str(backup), "--db", str(db)]) == 0  # the holder died: stale lock


@pytest.mark.parametrize(
    "argv",
    [
        ["demo"],
        ["import", "json", "train.json"],
        ["import", "objectives", "objectives.csv"],
    ],
    ids=["demo", "import-json", "import-objectives"],
)
def test_commands_that_write_are_refused_while_the_app_holds_the_file(
    holder, tmp_path: Path, capsys, argv: list[str]
) -> None:
    db, proc = holder
    (tmp_path / "objectives.csv").write_text("team,objective\nAtlas,Ship it\n", "utf-8")
    (tmp_path / "train.json").write_text("{}", "utf-8")
    args = [str(tmp_path / a) if a.endswith((".json", ".csv")) else a for a in argv]
    before = _digest(db)
    assert main([*args, "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert f"open in RTE Desktop (process {proc.pid}" in err and "close it first" in err
    assert _digest(db) == before
    # Reading is fine while the app has the file open.
    assert main(["report", "risks", "--db", str(db), "--out", str(tmp_path / "r.pdf")]) == 0


def test_a_command_line_writer_holds_the_lock_while_it_writes(
    tmp_path: Path, copy_template, monkeypatch
) -> None:
    """Checking for a holder is not enough: the app could open the file mid-import."""
    from rte_desktop.services.objectives.objectives import ObjectiveService

    db = copy_template("demo", tmp_path / "train.sqlite")
    csv = tmp_path / "objectives.csv"
    csv.write_text("team,objective\nAtlas,Ship it\n", "utf-8")
    during: list[str] = []
    real = ObjectiveService.import_file

    def import_file(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        try:
            acquire_lock(db)  # what a starting RTE Desktop does
        except DatabaseError:
            during.append("an app starting now is refused")
        else:
            during.append("an app starting now gets the file")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(ObjectiveService, "import_file", import_file)
    assert main(["import", "objectives", str(csv), "--db", str(db)]) == 0
    assert during == ["an app starting now is refused"]
    assert not lock_path(db).exists()  # and let go when the command ended
    acquire_lock(db).unlock()


START_UP_SPY = """
import sys
from pathlib import Path

import rte_desktop.app as app_module

events = []
real = app_module.acquire_lock


class Spy:
    def __init__(self, lock):
        self.lock = lock

    def unlock(self):
        events.append("unlock")
        self.lock.unlock()


def spy(path):
    events.append("acquire")
    return Spy(real(path))


app_module.acquire_lock = spy
code = app_module.run_gui(sys.argv[1], startup_check=True, settings_path=Path(sys.argv[2]))
print("events:", ",".join(events), "code:", code, flush=True)
"""


def test_start_up_keeps_the_lock_from_its_first_check_to_the_open_file(
    tmp_path: Path, copy_template
) -> None:
    """Released after the check and taken again after the first paint, a second instance could
    take the file in between. (In a process of its own: the app's start-up changes Qt's state.)"""
    db = copy_template("demo", tmp_path / "train.sqlite")
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", START_UP_SPY, str(db), str(tmp_path / "ui.ini")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    # One lock, let go only when the window closed.
    assert done.stdout.splitlines()[-1] == "events: acquire,unlock code: 0"

"""The command line, in-process for speed and once in a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rte_desktop import __version__
from rte_desktop.app import main


def test_help_lists_the_commands(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for word in ("demo", "export", "import", "report", "--startup-check", "--db"):
        assert word in out


def test_version(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    assert __version__ in capsys.readouterr().out


def test_demo_export_import_round_trip(tmp_path: Path, new_db, capsys) -> None:
    db, db2 = new_db("a"), new_db("b")
    out, out2 = tmp_path / "a.json", tmp_path / "b.json"
    assert main(["demo", "--db", str(db)]) == 0
    assert main(["export", "json", "--db", str(db), "--out", str(out)]) == 0
    assert main(["import", "json", str(out), "--db", str(db2)]) == 0
    assert main(["export", "json", "--db", str(db2), "--out", str(out2)]) == 0
    assert out.read_bytes() == out2.read_bytes()
    assert json.loads(out.read_text("utf-8"))["format"] == "rte-desktop"


@pytest.mark.sqlite_only
def test_bad_file_gives_message_and_exit_1(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "x.sqlite"
    bad.write_bytes(b"not a database at all")
    assert main(["export", "json", "--db", str(bad), "--out", str(tmp_path / "o.json")]) == 1
    err = capsys.readouterr().err
    assert "not a SQLite database" in err and "Traceback" not in err
    assert bad.read_bytes() == b"not a database at all"
    assert not (tmp_path / "o.json").exists()


def test_startup_check_in_a_subprocess(tmp_path: Path, new_db) -> None:
    db = new_db("demo")
    assert main(["demo", "--db", str(db)]) == 0
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    result = subprocess.run(
        [sys.executable, "-m", "rte_desktop", "--startup-check", "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("startup: ")
    assert sorted(line.split(":")[0] for line in lines[1:]) == ["open", "ready"]
    assert "Traceback" not in result.stderr

"""`report workshop` and `export improvements` from the command line."""

from __future__ import annotations

import csv
from pathlib import Path

from rte_desktop.app import main
from rte_desktop.domain.clock import FakeClock
from rte_desktop.workspace import open_workspace
from tests.pdf_tools import assert_pdf_valid, pdf_text


def write_demo(db: str) -> int:
    """The demo as of 2026-11-25 (PI 2026.1 finished, 2026.2 current, 2027.1 planned), whatever
    the real date: the names below stay true."""
    ws = open_workspace(db, FakeClock())
    ws.demo.create()
    ws.close()
    return 0


def test_report_workshop_and_export_improvements(tmp_path: Path, new_db, capsys) -> None:
    db = new_db("demo")
    assert write_demo(db) == 0
    pdf = tmp_path / "ws.pdf"
    assert (
        main(["report", "workshop", "--db", str(db), "--out", str(pdf), "--pi", "PI 2026.1"]) == 0
    )
    assert_pdf_valid(pdf)
    assert "Features slip to the next PI" in pdf_text(pdf)[0]
    out = tmp_path / "items.csv"
    assert (
        main(
            ["export", "improvements", "--db", str(db), "--out", str(out), "--target", "PI 2026.2"]
        )
        == 0
    )
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["Title"] for r in rows] == [
        "Self-service test environments",
        "Dependency review in Coach Sync",
    ]
    assert rows[1]["Owner"] == "李雷" and rows[1]["Type"] == "Feature"
    assert "2 improvement item(s)" in capsys.readouterr().out


def test_report_without_workshop_in_the_pi_says_where_they_are(
    tmp_path: Path, new_db, capsys
) -> None:
    db = new_db("demo")
    assert write_demo(db) == 0
    capsys.readouterr()
    pdf = tmp_path / "ws.pdf"
    assert (
        main(["report", "workshop", "--db", str(db), "--out", str(pdf), "--pi", "PI 2027.1"]) == 1
    )
    err = capsys.readouterr().err
    assert "PI 2027.1 has no problem-solving workshop yet" in err and "PI 2026.1" in err
    assert not pdf.exists()
    assert main(["export", "improvements", "--db", str(db), "--out", str(pdf), "--pi", "PI 9"]) == 1
    assert "No PI is named 'PI 9'" in capsys.readouterr().err


def test_report_without_pi_prints_the_latest_workshop(tmp_path: Path, new_db, capsys) -> None:
    db = new_db("demo")
    assert write_demo(db) == 0
    capsys.readouterr()
    pdf = tmp_path / "ws.pdf"
    assert main(["report", "workshop", "--db", str(db), "--out", str(pdf)]) == 0
    assert "Workshop report for PI 2026.1" in capsys.readouterr().out  # the PI before today's
    assert pdf.stat().st_size > 0

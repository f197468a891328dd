"""report risks, report board and import features from the command line."""

from __future__ import annotations

from pathlib import Path

from rte_desktop.app import main
from rte_desktop.domain.clock import FakeClock
from rte_desktop.workspace import open_workspace
from tests.pdf_tools import assert_pdf_valid, pdf_text


def demo(db: str) -> str:
    """The demo as of 2026-11-25, whatever the real date, so the PI names below stay true."""
    ws = open_workspace(db, FakeClock())
    ws.demo.create()
    ws.close()
    return db


def test_report_risks_and_board(tmp_path: Path, new_db, capsys) -> None:
    db = demo(new_db("demo"))
    risks, board = tmp_path / "risks.pdf", tmp_path / "board.pdf"
    assert main(["report", "risks", "--db", str(db), "--out", str(risks), "--pi", "PI 2026.1"]) == 0
    assert main(["report", "board", "--db", str(db), "--out", str(board), "--paper", "a4"]) == 0
    for out in (risks, board):
        assert_pdf_valid(out)
    assert "PI 2026.1" in pdf_text(risks)[0]
    assert "tile 1 of" in pdf_text(board)[0]
    assert "written to" in capsys.readouterr().out


def test_import_features_reports_counts(tmp_path: Path, new_db, capsys) -> None:
    db = demo(new_db("demo"))
    csv = tmp_path / "f.csv"
    csv.write_text(
        "Summary,Issue key,Team,Sprint,Blocks\nNew one,N-1,Atlas,I3,N-2\nNew two,N-2,Atlas,I4,\n",
        encoding="utf-8",
    )
    assert main(["import", "features", str(csv), "--db", str(db), "--pi", "PI 2027.1"]) == 0
    assert "PI 2027.1: 2 features added, 0 updated, 1 dependency added." in capsys.readouterr().out


def test_import_features_with_a_bad_row_changes_nothing(tmp_path: Path, new_db, capsys) -> None:
    db = demo(new_db("demo"))
    csv = tmp_path / "bad.csv"
    csv.write_text("Summary,Issue key,Team\nFine,B-1,Atlas\n,B-2,Atlas\n", encoding="utf-8")
    assert main(["import", "features", str(csv), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "line 3, column 1 (Summary): the title is empty" in err
    assert "Traceback" not in err
    ws = open_workspace(db)
    try:
        art = ws.train.arts()[0]
        pi = ws.train.current_pi(art.id)
        assert "B-1" not in [f.key for f in ws.board.board(pi.id).features]
    finally:
        ws.close()

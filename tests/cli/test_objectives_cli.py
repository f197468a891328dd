"""`import objectives`, `predictability` and `report objectives` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rte_desktop.app import main
from rte_desktop.domain.clock import FakeClock
from rte_desktop.workspace import open_workspace
from tests.pdf_tools import assert_pdf_valid, pdf_text


@pytest.fixture
def tiny_db(new_db) -> str:
    """A train with two teams and one objective set whose numbers are known."""
    import datetime as dt

    from rte_desktop.services.train.train import NewTrain

    db = new_db("tiny")
    ws = open_workspace(db, FakeClock())
    art = ws.train.create_train(
        NewTrain(name="Tiny ART", teams=["Ωmega", "李雷"], first_pi_start=dt.date(2026, 11, 2))
    ).value
    pi = ws.train.pis(art.id)[0]
    omega, lilei = ws.train.teams(art.id)
    # DOMAIN.md §3.3 worked example for Ωmega: 24 / 23 = 104%.
    for committed, planned, actual in ((True, 10, 9), (True, 8, 8), (True, 5, 2), (False, 7, 5)):
        ws.objectives.add(
            pi.id, omega.id, "O", committed=committed, planned_bv=planned, actual_bv=actual
        )
    ws.objectives.add(pi.id, lilei.id, "Only uncommitted", committed=False, planned_bv=4)
    ws.close()
    return db


def _export(db: str, out: Path) -> str:
    """The whole train as JSON text: equal before and after means nothing was written."""
    assert main(["export", "json", "--db", db, "--out", str(out)]) == 0
    return out.read_text("utf-8")


def test_predictability_json_exactly(tiny_db: str, capsys) -> None:
    assert main(["predictability", "--db", str(tiny_db), "--pi", "PI 2026.4", "--json"]) == 1
    capsys.readouterr()
    pi_name = open_workspace(tiny_db, FakeClock()).train.find_pi(None, None).name
    assert main(["predictability", "--db", str(tiny_db), "--pi", pi_name, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [
        {"team": "Ωmega", "planned": 23, "actual": 24, "percent": 104.35},  # 104.3478...
        {"team": "李雷", "planned": 0, "actual": 0, "percent": None},
        {"team": "ART", "planned": 23, "actual": 24, "percent": 104.35},
    ]


def test_predictability_table(tiny_db: str, capsys) -> None:
    assert main(["predictability", "--db", str(tiny_db)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1].split() == ["Team", "Planned", "Actual", "Percent"]
    assert out[2].split() == ["Ωmega", "23", "24", "104%"]
    assert out[3].split() == ["李雷", "0", "0", "n/a"]
    assert out[4].split() == ["ART", "(ratio", "of", "sums)", "23", "24", "104%"]


def test_import_then_report(tiny_db: str, tmp_path: Path, capsys) -> None:
    csv = tmp_path / "o.csv"
    csv.write_text(
        "team,objective,committed,planned_bv,actual_bv\nΩMEGA,From CSV,no,3,\n", encoding="utf-8"
    )
    assert main(["import", "objectives", str(csv), "--db", str(tiny_db)]) == 0
    assert "Imported 1 objectives" in capsys.readouterr().out
    out = tmp_path / "o.pdf"
    assert (
        main(["report", "objectives", "--db", str(tiny_db), "--out", str(out), "--paper", "letter"])
        == 0
    )
    assert_pdf_valid(out)
    pages = pdf_text(out)
    assert len(pages) == 3 and "From CSV" in pages[1] and "李雷" in pages[2]


def test_import_refusals_exit_1_and_change_nothing(tiny_db: str, tmp_path: Path, capsys) -> None:
    before = _export(tiny_db, tmp_path / "before.json")
    csv = tmp_path / "bad.csv"
    csv.write_text("team,objective,planned_bv\nΩmega,A,11\n", encoding="utf-8")
    assert main(["import", "objectives", str(csv), "--db", str(tiny_db)]) == 1
    err = capsys.readouterr().err
    assert "line 2, column 3 (planned_bv)" in err and "Traceback" not in err
    csv.write_text("team,objective\nGhosts,A\n", encoding="utf-8")
    assert main(["import", "objectives", str(csv), "--db", str(tiny_db)]) == 1
    assert "Known teams: Ωmega, 李雷" in capsys.readouterr().err
    assert _export(tiny_db, tmp_path / "after.json") == before
    assert main(["import", "objectives", str(csv), "--db", str(tiny_db), "--create-teams"]) == 0
    assert "New teams: Ghosts" in capsys.readouterr().out


def test_report_refuses_a_bad_paper(tiny_db: str, tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit):
        main(
            [
                "report",
                "objectives",
                "--db",
                str(tiny_db),
                "--out",
                str(tmp_path / "x.pdf"),
                "--paper",
                "a5",
            ]
        )
    assert not (tmp_path / "x.pdf").exists()


def test_import_objectives_after_import_json(tiny_db: str, new_db, tmp_path: Path, capsys) -> None:
    """The issue's steps: a train filled by `import json` takes one new objective."""
    exported = tmp_path / "tiny.json"
    assert main(["export", "json", "--db", tiny_db, "--out", str(exported)]) == 0
    copy = new_db("copy")
    assert main(["import", "json", str(exported), "--db", copy]) == 0
    csv = tmp_path / "o.csv"
    csv.write_text("team,objective,committed,planned_bv\nΩmega,One more,yes,2\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["import", "objectives", str(csv), "--db", copy]) == 0, capsys.readouterr().err
    assert "Imported 1 objectives" in capsys.readouterr().out
    rows = json.loads(_export(copy, tmp_path / "after.json"))["tables"]["objective"]
    assert [row["text"] for row in rows].count("One more") == 1 and len(rows) == 6

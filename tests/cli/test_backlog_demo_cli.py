"""report backlog, export backlog (round trip through import features) and report demo."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

from rte_desktop.app import main
from rte_desktop.domain.clock import FakeClock
from rte_desktop.domain.kinds import BacklogState
from rte_desktop.domain.model import Feature, PlanningInterval
from rte_desktop.workspace import open_workspace
from tests.pdf_tools import assert_pdf_valid, pdf_text

NEXT_PI = "PI 2027.1"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo as of 2026-11-25 (made once; tests copy it before writing)."""
    db = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    ws = open_workspace(db, FakeClock())
    ws.demo.create()
    ws.close()
    return db


def _copy(db: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy.sqlite"
    target.write_bytes(db.read_bytes())
    return target


def _features(db: Path) -> dict[str, Feature]:
    ws = open_workspace(db, FakeClock())
    with ws.uow() as uow:
        (pi,) = uow.find(PlanningInterval, name=NEXT_PI)
        result = {f.key: f for f in uow.find(Feature, pi_id=pi.id)}
    ws.close()
    return result


def test_without_pi_the_backlog_is_the_next_pis_like_the_panel(
    demo_db: Path, tmp_path: Path, capsys
) -> None:
    out = tmp_path / "backlog.xlsx"
    assert main(["export", "backlog", "--db", str(demo_db), "--out", str(out)]) == 0
    assert f"backlog features of {NEXT_PI} written to" in capsys.readouterr().out


def test_report_backlog_is_the_ordered_pre_read(demo_db: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "backlog.pdf"
    assert (
        main(["report", "backlog", "--db", str(demo_db), "--pi", NEXT_PI, "--out", str(out)]) == 0
    )
    assert "written to" in capsys.readouterr().out
    assert_pdf_valid(out)
    text = "\n".join(pdf_text(out))
    assert "ART backlog · PI 2027.1" in text
    assert "8 of the top 10 features ready" in text
    assert "WSJF session finished 19 Nov 2026" in text
    # AUR-201: (13 + 8 + 2) / 3 = 7.7, first; AUR-205 and AUR-222 tie at 4.0 (=8).
    assert text.index("AUR-201") < text.index("AUR-221") < text.index("AUR-210")
    assert "=8" in text and "7.7" in text
    assert "Acceptance criteria of the top features" in text


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_backlog_reads_back_and_round_trips(
    demo_db: Path, tmp_path: Path, suffix: str
) -> None:
    db = _copy(demo_db, tmp_path)
    out = tmp_path / f"backlog{suffix}"
    assert main(["export", "backlog", "--db", str(db), "--pi", NEXT_PI, "--out", str(out)]) == 0
    if suffix == ".csv":
        with out.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
    else:
        book = openpyxl.load_workbook(out, read_only=True)
        rows = [
            ["" if v is None else str(v) for v in r]
            for r in book["Features"].iter_rows(values_only=True)
        ]
        book.close()
    header, first = rows[0], rows[1]
    assert header[:6] == ["Rank", "Key", "Title", "Kind", "Team", "State"]
    assert len(rows) == 1 + 26  # 25 features + the one made from demo feedback
    assert first[1] == "AUR-201" and first[0] == "1"
    assert {r[0] for r in rows[1:]} >= {"=8"}
    before = _features(db)
    assert main(["import", "features", "--db", str(db), "--pi", NEXT_PI, str(out)]) == 0
    assert _features(db) == before  # exporting and importing again changes nothing


def test_an_edited_export_updates_the_backlog(demo_db: Path, tmp_path: Path) -> None:
    db = _copy(demo_db, tmp_path)
    out = tmp_path / "backlog.xlsx"
    assert main(["export", "backlog", "--db", str(db), "--pi", NEXT_PI, "--out", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    sheet = book["Features"]
    headers = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[1].value == "AUR-209")
    row[headers.index("Job size")].value = 2
    row[headers.index("State")].value = "Analysing"
    book.save(out)
    assert main(["import", "features", "--db", str(db), "--pi", NEXT_PI, str(out)]) == 0
    feature = _features(db)["AUR-209"]
    assert (feature.job_size, feature.state) == (2, BacklogState.ANALYSING)


def test_a_bad_backlog_cell_names_line_and_column_and_changes_nothing(
    demo_db: Path, tmp_path: Path, capsys
) -> None:
    db = _copy(demo_db, tmp_path)
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "Key,Title,Iteration,State,Job size,Time criticality\n"
        "AUR-201,One-click reorder,,ready,0,8\n"
        "AUR-202,Buy now pay later,,ready,13,4\n",
        encoding="utf-8",
    )
    both = tmp_path / "both.csv"
    both.write_text(
        "Key,Title,Iteration,State\nAUR-201,One-click reorder,,ready\nAUR-203,PSD2,I2,ready\n",
        encoding="utf-8",
    )
    before = _features(db)
    assert main(["import", "features", "--db", str(db), "--pi", NEXT_PI, str(bad)]) == 1
    err = capsys.readouterr().err
    assert "bad.csv: 2 problems, nothing was imported" in err
    assert "line 2, column 5 (Job size): a job size of 0" in err
    assert "line 3, column 6 (Time criticality): time criticality 4 is not on the scale" in err
    assert main(["import", "features", "--db", str(db), "--pi", NEXT_PI, str(both)]) == 1
    err = capsys.readouterr().err
    assert "line 3, column 4 (State): AUR-203 is planned in an iteration" in err
    assert "in the backlog as 'ready' at once" in err
    assert _features(db) == before


def test_report_demo_for_one_iteration_and_the_whole_pi(
    demo_db: Path, tmp_path: Path, capsys
) -> None:
    one, whole = tmp_path / "i1.pdf", tmp_path / "pi.pdf"
    args = ["report", "demo", "--db", str(demo_db), "--pi", "PI 2026.2"]
    assert main([*args, "--iteration", "1", "--out", str(one)]) == 0
    assert main([*args, "--out", str(whole)]) == 0
    for out in (one, whole):
        assert_pdf_valid(out)
    first = "\n".join(pdf_text(one))
    assert "System Demo PI 2026.2 I1" in first and "System Demo PI 2026.2 I2" not in first
    assert "✗ not demoed" in first and "accepted" in first
    assert "2 of 3 planned features demoed (67%)" in first
    assert "Nice! Can the address form suggest the postcode?" in first
    everything = "\n".join(pdf_text(whole))
    assert "System Demo PI 2026.2 I2" in everything and "No demo plan." in everything
    assert main([*args, "--iteration", "9", "--out", str(one)]) == 1
    assert "has no iteration 9" in capsys.readouterr().err

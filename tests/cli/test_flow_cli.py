"""import work-items and flow --json against values worked out by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rte_desktop.app import main
from rte_desktop.domain.clock import FakeClock
from rte_desktop.domain.model import Art, Team
from rte_desktop.workspace import open_workspace

DATA = Path(__file__).parent.parent / "data" / "flow"


def small_train(tmp_path: Path) -> Path:
    db = tmp_path / "train.sqlite"
    ws = open_workspace(db, FakeClock())
    with ws.uow() as uow:
        art = uow.add(Art(name="Rocket"))
        uow.add(Team(art_id=art.id, name="Phoenix"))
        uow.add(Team(art_id=art.id, name="Kraken", position=1))
    ws.close()
    return db


def flow_json(db: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict:  # type: ignore[type-arg]
    capsys.readouterr()
    assert main(["flow", "--db", str(db), "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_transitions_by_hand(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = small_train(tmp_path)
    assert main(["import", "work-items", str(DATA / "transitions.csv"), "--db", str(db)]) == 0
    assert "3 items added, 0 updated, 11 status changes added" in capsys.readouterr().out
    out = flow_json(db, capsys, "--from", "2025-10-01", "--to", "2025-10-10")
    # ART-21: In Progress 3 Oct .. Done 10 Oct = 7 days; active 3 (In Progress) + 2 (In Review)
    # ART-22: done on the 5th but moved back on the 6th: in progress to the end
    # ART-23: started on the 7th
    assert out["velocity"] == 1
    assert out["distribution"] == {"feature": 100.0}
    assert out["flow_time_days"] == {"count": 1, "mean": 7, "p50": 7, "p85": 7, "p95": 7}
    assert out["efficiency_percent"] == pytest.approx(71.43)
    assert out["load"] == {
        "2025-10-01": 0,
        "2025-10-02": 0,
        "2025-10-03": 1,
        "2025-10-04": 2,
        "2025-10-05": 2,
        "2025-10-06": 2,
        "2025-10-07": 3,
        "2025-10-08": 3,
        "2025-10-09": 3,
        "2025-10-10": 2,
    }
    assert out["basis"] == "flow time"
    kraken = flow_json(db, capsys, "--from", "2025-10-01", "--to", "2025-10-10", "--team", "kraken")
    assert kraken["velocity"] == 0
    assert kraken["load"]["2025-10-10"] == 2
    assert kraken["efficiency_percent"] is None


def test_reimport_never_duplicates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = small_train(tmp_path)
    source = DATA / "transitions.csv"
    assert main(["import", "work-items", str(source), "--db", str(db)]) == 0
    newer = tmp_path / "newer.csv"
    newer.write_text(
        source.read_text("utf-8")
        + "ART-23,Enabler,Faster import,Kraken,In Progress,Done,2025-10-09 12:00\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["import", "work-items", str(newer), "--db", str(db)]) == 0
    assert "0 items added, 3 updated, 1 status changes added" in capsys.readouterr().out
    out = flow_json(db, capsys, "--from", "2025-10-01", "--to", "2025-10-10")
    # ART-23 now done: In Progress 7 Oct .. Done 9 Oct = 2 days; with ART-21's 7: [2, 7]
    assert out["velocity"] == 2
    assert out["flow_time_days"] == {"count": 2, "mean": 4.5, "p50": 4.5, "p85": 6.25, "p95": 6.75}
    assert out["distribution"] == {"enabler": 50.0, "feature": 50.0}


def test_jira_snapshot_is_lead_time_without_efficiency(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = small_train(tmp_path)
    assert main(["import", "work-items", str(DATA / "jira_cloud.csv"), "--db", str(db)]) == 0
    assert "Task" in capsys.readouterr().out  # listed as not mapped to a flow type
    out = flow_json(db, capsys, "--from", "2025-12-01", "--to", "2025-12-31")
    # finished: ART-1 (1 -> 22 Dec: 21 days), ART-2 (3 -> 10: 7), ART-6 (15 -> 19: 4)
    assert out["basis"] == "lead time (created → resolved)"
    assert out["velocity"] == 3
    assert out["flow_time_days"]["p50"] == 7
    assert out["flow_time_days"]["p85"] == pytest.approx(16.8)  # 7 + 0.7 * (21 - 7)
    assert out["efficiency_percent"] is None
    assert out["distribution"] == {"debt": 33.4, "defect": 33.3, "feature": 33.3}


def test_unknown_status_on_a_later_import_is_located(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = small_train(tmp_path)
    assert main(["import", "work-items", str(DATA / "transitions.csv"), "--db", str(db)]) == 0
    later = tmp_path / "later.csv"
    later.write_text(
        "Key,To Status,Timestamp\nART-21,Deployed,2025-10-12 10:00\n", encoding="utf-8"
    )
    capsys.readouterr()
    assert main(["import", "work-items", str(later), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "later.csv, line 2, column 2 (To Status): unknown status 'Deployed'" in err
    assert main(["import", "work-items", str(later), "--db", str(db), "--add-statuses"]) == 0


def test_not_an_export_lists_the_formats(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = small_train(tmp_path)
    other = tmp_path / "objectives.csv"
    other.write_text("team,text\nPhoenix,Ship it\n", encoding="utf-8")
    assert main(["import", "work-items", str(other), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "not a work-item export" in err and "Azure DevOps query" in err
    assert "Traceback" not in err


def test_report_flow_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.pdf_tools import assert_pdf_valid, pdf_text

    db = small_train(tmp_path)
    assert main(["import", "work-items", str(DATA / "transitions.csv"), "--db", str(db)]) == 0
    out = tmp_path / "flow.pdf"
    args = ["report", "flow", "--db", str(db), "--out", str(out)]
    assert main([*args, "--from", "2025-10-01", "--to", "2025-10-10"]) == 0
    assert_pdf_valid(out)
    pages = pdf_text(out)
    first = " ".join(pages[0].split())
    assert "Flow report – Rocket" in first and "2025-10-01 to 2025-10-10" in first
    # the ART row (hand-computed above): 1 finished, flow time 7 days, efficiency 5/7 = 71%
    assert "1 finished" in first and "p50 7 · p85 7 · p95 7" in first and "71%" in first
    # Kraken finished nothing and has no efficiency to show
    assert "Kraken 0 finished" in first and "n/a (nothing finished)" in first
    assert "n/a (the window is not in a PI)" in first
    assert any("Cumulative flow" in page or "CFD" in page for page in pages)
    aging = " ".join(pages[-1].split())
    assert "ART-22" in aging and "ART-23" in aging


def test_flow_map_changes_kinds_types_and_teams(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = small_train(tmp_path)
    assert main(["import", "work-items", str(DATA / "transitions.csv"), "--db", str(db)]) == 0
    base = ["flow-map", "--db", str(db)]
    # 'In Review' becomes a waiting status: ART-21's active days drop from 5 to 3 (of 7)
    assert main([*base, "--status", "In Review=waiting", "--type", "Story=enabler"]) == 0
    out = capsys.readouterr().out
    assert "In Review (waiting)" in out and "Story = enabler" in out
    figures = flow_json(db, capsys, "--from", "2025-10-01", "--to", "2025-10-10")
    assert figures["efficiency_percent"] == pytest.approx(42.86)  # 3 / 7
    assert figures["distribution"] == {"enabler": 100.0}
    assert main([*base, "--team", "Phoenix=Kraken"]) == 0
    kraken = flow_json(db, capsys, "--from", "2025-10-01", "--to", "2025-10-10", "--team", "Kraken")
    assert kraken["velocity"] == 1
    assert main([*base, "--status", "Done=active"]) == 1
    assert "at least one done status" in capsys.readouterr().err
    assert main([*base, "--type", "Story=epic"]) == 1
    assert "not one of feature, enabler, defect, debt, risk" in capsys.readouterr().err

"""FlowService: the demo's work items, mappings, one-transaction imports, forecasts."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from rte_desktop.domain.errors import ImportFormatError, ValidationError
from rte_desktop.domain.flow_metrics import StageKind, WorkType
from rte_desktop.domain.model import Art, Team, WorkItem, WorkItemChange
from rte_desktop.workspace import Workspace

DATA = Path(__file__).parent.parent / "data" / "flow"


def test_the_demo_has_flow_to_show(demo_ws: Workspace) -> None:
    art_id = demo_ws.train.arts()[0].id
    assert art_id is not None
    first, last = demo_ws.flow.window_of_pi(art_id, None)
    figures = demo_ws.flow.figures(art_id, None, first, last)
    assert figures.basis == "flow time"
    assert figures.velocity > 50
    assert set(figures.distribution) <= {"feature", "defect", "enabler", "debt", "risk"}
    assert figures.efficiency_percent is not None and 0 < figures.efficiency_percent < 100
    assert figures.aging and figures.cfd["Done"][-1] > 0
    assert all(day <= figures.today for day in (i.done for i in figures.finished))
    team = demo_ws.train.teams(art_id)[0].name
    assert 0 < demo_ws.flow.figures(art_id, team, first, last).velocity < figures.velocity
    # the demo's iterations are named after their PI; the name is not said twice
    assert [name for name, _n in figures.velocity_by_iteration] == [
        "PI 2026.2 I1",
        "PI 2026.2 I2",
        "PI 2026.2 I3",
        "PI 2026.2 I4",
        "PI 2026.2 IP",
    ]


def _train(ws: Workspace) -> int:
    with ws.uow() as uow:
        art = uow.add(Art(name="Rocket"))
        uow.add(Team(art_id=art.id, name="Phoenix"))
    assert art.id is not None
    return art.id


def test_a_failed_import_writes_nothing(ws: Workspace, tmp_path: Path, db_path: Path) -> None:
    art_id = _train(ws)
    ws.flow.import_work_items(art_id, DATA / "transitions.csv")
    bad = tmp_path / "bad.csv"
    good_rows = "".join(f"NEW-{n},Done,2025-10-0{n} 10:00\n" for n in range(1, 5))
    bad.write_text("Key,To Status,Timestamp\n" + good_rows + "NEW-9,Done,yesterday\n", "utf-8")
    with ws.uow() as uow:
        before = (uow.count(WorkItem), uow.count(WorkItemChange))
    with pytest.raises(ImportFormatError, match=r"bad.csv, line 6, column 3 \(Timestamp\)"):
        ws.flow.import_work_items(art_id, bad)
    with ws.uow() as uow:
        assert (uow.count(WorkItem), uow.count(WorkItemChange)) == before == (3, 11)


def test_unknown_status_refusal_changes_nothing(ws: Workspace, tmp_path: Path) -> None:
    art_id = _train(ws)
    ws.flow.import_work_items(art_id, DATA / "transitions.csv")
    later = tmp_path / "later.csv"
    later.write_text("Key,To Status,Timestamp\nART-99,Shipped,2025-10-12 10:00\n", "utf-8")
    with pytest.raises(ImportFormatError, match="unknown status 'Shipped'"):
        ws.flow.import_work_items(art_id, later)
    with ws.uow() as uow:
        assert uow.count(WorkItem) == 3
    assert [s.name for s in ws.flow.workflow(art_id)][-1] == "Done"


def test_type_and_team_mappings_change_the_figures(ws: Workspace) -> None:
    art_id = _train(ws)
    with ws.uow() as uow:
        kraken = uow.add(Team(art_id=art_id, name="Kraken Squad"))
    ws.flow.import_work_items(art_id, DATA / "jira_cloud.csv")
    december = (dt.date(2025, 12, 1), dt.date(2025, 12, 31))
    assert ws.flow.type_mapping(art_id)["Task"] is None
    ws.flow.map_type(art_id, "technical debt", WorkType.ENABLER)
    shares = ws.flow.figures(art_id, None, *december).distribution
    # three equal shares: the spare tenth goes to the first name (largest remainder, ties by name)
    assert shares == {"defect": 33.4, "enabler": 33.3, "feature": 33.3}
    # 'Kraken' in the file is the team 'Kraken Squad'; ART-3 and ART-4 are open, none finished
    assert kraken.id is not None
    ws.flow.map_team(art_id, "kraken", kraken.id)
    squad = ws.flow.figures(art_id, "Kraken Squad", *december)
    assert squad.velocity == 0
    assert {a.key for a in squad.aging} == {"ART-3", "ART-4"}


def test_workflow_edits_are_checked(ws: Workspace) -> None:
    art_id = _train(ws)
    with pytest.raises(ValidationError, match="done status"):
        ws.flow.set_workflow(art_id, [("Open", StageKind.BACKLOG)])
    with pytest.raises(ValidationError, match="only once"):
        ws.flow.set_workflow(art_id, [("Done", StageKind.DONE), ("done", StageKind.DONE)])
    ws.flow.set_workflow(art_id, [("Open", StageKind.BACKLOG), ("Done", StageKind.DONE)])
    assert [(s.name, s.kind) for s in ws.flow.workflow(art_id)] == [
        ("Open", StageKind.BACKLOG),
        ("Done", StageKind.DONE),
    ]


def test_forecasts_are_reproducible(demo_ws: Workspace) -> None:
    art_id = demo_ws.train.arts()[0].id
    assert art_id is not None
    first = demo_ws.flow.forecast(art_id, None, items=40, seed=3)
    assert first == demo_ws.flow.forecast(art_id, None, items=40, seed=3)
    days = first.by_confidence
    assert days[50] is not None and days[85] is not None and days[95] is not None
    assert days[50] <= days[85] <= days[95]
    today = demo_ws.flow.today(art_id)
    count = demo_ws.flow.forecast(art_id, None, until=today + dt.timedelta(days=14)).by_confidence
    assert count[50] >= count[85] >= count[95]  # type: ignore[operator]
    with pytest.raises(ValidationError):
        demo_ws.flow.forecast(art_id, None, until=today)


def test_the_json_export_carries_work_items(demo_ws: Workspace, tmp_path: Path) -> None:
    out = demo_ws.transfer.export_json(tmp_path / "t.json")
    tables = json.loads(out.read_text("utf-8"))["tables"]
    assert len(tables["work_item"]) > 100 and len(tables["work_item_change"]) > 500
    assert {row["kind"] for row in tables["flow_stage"]} == {"backlog", "active", "waiting", "done"}


def test_a_read_only_unit_of_work_lets_others_write_meanwhile(demo_ws) -> None:
    """A long read (the Flow history on a worker thread) must not hold SQLite's write lock."""
    from rte_desktop.domain.model import Team

    art_id = demo_ws.train.arts()[0].id
    with demo_ws.uow(snapshot=True, read_only=True) as reading:
        before = len(reading.find(Team, art_id=art_id))
        demo_ws.train.add_team(art_id, "Nova")  # its own unit of work: no wait for the reader
        assert len(reading.find(Team, art_id=art_id)) == before  # the read keeps its snapshot
    assert len(demo_ws.train.teams(art_id)) == before + 1


def test_a_read_with_the_art_index_gives_the_same_figures(demo_ws) -> None:
    art_id = demo_ws.train.arts()[0].id
    first, last = demo_ws.flow.window_of_pi(art_id, None)
    plain = demo_ws.flow.figures(art_id, None, first, last)
    demo_ws.flow.forget()
    data = demo_ws.flow.read(art_id, index=True)
    assert data.whole is not None
    assert demo_ws.flow.keep(art_id, data, demo_ws.flow.generation)
    assert demo_ws.flow.figures(art_id, None, first, last) == plain

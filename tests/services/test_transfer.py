"""JSON export/import: lossless, one transaction, and errors that name the field."""

import json
from pathlib import Path

import pytest

from rte_desktop.domain.clock import FakeClock
from rte_desktop.domain.errors import ImportFormatError
from rte_desktop.services.common.changes import Area
from rte_desktop.services.transfer import json_format
from rte_desktop.services.transfer.transfer import shipped_schema
from rte_desktop.workspace import Workspace, open_workspace


def test_export_import_export_is_identical(
    demo_ws: Workspace, tmp_path: Path, clock: FakeClock, new_db
) -> None:
    first = demo_ws.transfer.export_json(tmp_path / "a.json")
    other = open_workspace(new_db("b"), clock)
    outcome = other.transfer.import_json(first)
    assert outcome.value > 500
    assert outcome.changes.touches(Area.RISKS)
    second = other.transfer.export_json(tmp_path / "b.json")
    assert first.read_bytes() == second.read_bytes()
    data = json.loads(first.read_text("utf-8"))
    assert {t["name"] for t in data["tables"]["team"]} >= {"Ωmega", "Sakura 桜"}


def test_new_rows_after_an_import_get_fresh_ids(
    demo_ws: Workspace, tmp_path: Path, clock: FakeClock, new_db
) -> None:
    """PostgreSQL hands out ids from sequences: an import must move them past its ids."""
    exported = demo_ws.transfer.export_json(tmp_path / "a.json")
    other = open_workspace(new_db("b"), clock)
    other.transfer.import_json(exported)
    data = json.loads(exported.read_text("utf-8"))["tables"]
    pi, team = data["planning_interval"][-1], data["team"][0]
    objective = other.objectives.add(pi["id"], team["id"], "New after import").value
    risk = other.risks.add(pi["id"], "New risk after import").value
    assert objective.id > max(row["id"] for row in data["objective"])
    assert risk.id > max(row["id"] for row in data["risk"])
    assert objective in other.objectives.objectives(pi["id"])
    other.close()


def test_shipped_schema_is_the_generated_one() -> None:
    assert shipped_schema() == json_format.json_schema()


def _count_rows(ws: Workspace) -> int:
    return sum(len(rows) for rows in ws.transfer.export_data()["tables"].values())


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["tables"]["team"][2].__setitem__("name", 7), r"tables\.team\[2\]\.name"),
        (
            lambda d: d["tables"]["objective"][0].__setitem__("planned_bv", "ten"),
            r"objective\[0\]\.planned_bv",
        ),
        (lambda d: d["tables"]["risk"][1].__setitem__("status", "ignored"), r"risk\[1\]\.status"),
        (lambda d: d.__setitem__("version", 99), "version"),
        (lambda d: d["tables"]["event"][0].__setitem__("start", "yesterday"), r"event\[0\]\.start"),
        (lambda d: d["tables"]["team"][0].__setitem__("art_id", 42), "inconsistent"),
    ],
)
def test_bad_field_is_named_and_nothing_changes(
    demo_ws: Workspace, tmp_path: Path, clock: FakeClock, mutate, message: str
) -> None:
    data = demo_ws.transfer.export_data()
    mutate(data)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    target = open_workspace(tmp_path / "empty.sqlite", clock)
    with pytest.raises(ImportFormatError, match=message):
        target.transfer.import_json(path)
    assert _count_rows(target) == 0


def test_not_json_says_where(ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"format": "rte-desktop",\n "version": 1,\n "tables": {,}}')
    with pytest.raises(ImportFormatError, match="line 3, column 13"):
        ws.transfer.import_json(path)


def test_import_into_a_train_is_refused(demo_ws: Workspace, tmp_path: Path) -> None:
    path = demo_ws.transfer.export_json(tmp_path / "a.json")
    before = _count_rows(demo_ws)
    with pytest.raises(ImportFormatError, match="already holds a train"):
        demo_ws.transfer.import_json(path)
    assert _count_rows(demo_ws) == before

"""Solutions, improvement items, the query per target PI and the CSV export."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from rte_desktop.domain.errors import NotFoundError, ValidationError
from rte_desktop.domain.model import WorkKind
from rte_desktop.services.common.changes import Area
from rte_desktop.services.workshop.improvements import CSV_HEADER, ItemDraft
from rte_desktop.workspace import Workspace


def _pi_id(ws: Workspace, name: str) -> int:
    pi = ws.train.find_pi(None, name)
    assert pi is not None and pi.id is not None
    return pi.id


@pytest.fixture
def demo_shop(demo_ws: Workspace):
    return demo_ws.workshop.workshops(_pi_id(demo_ws, "PI 2026.1"))[0]


def test_solutions_add_vote_delete_restore(demo_ws: Workspace, demo_shop) -> None:
    svc = demo_ws.improvements
    new = svc.add_solution(demo_shop.id, "Pair with the System Team").value
    svc.update_solution(new.id, "Pair with the System Team weekly", 6)
    assert svc.solutions(demo_shop.id)[-1].votes == 6
    with pytest.raises(ValidationError):
        svc.update_solution(new.id, "x", -2)
    gone = svc.delete_solution(new.id).value
    assert len(svc.solutions(demo_shop.id)) == 3
    svc.restore_solution(gone)
    assert svc.solutions(demo_shop.id)[-1].text == "Pair with the System Team weekly"


def test_items_target_a_pi_and_show_up_as_its_inputs(demo_ws: Workspace, demo_shop) -> None:
    svc = demo_ws.improvements
    target = svc.next_pi(demo_shop.id)
    assert target is not None and target.name == "PI 2026.2"
    outcome = svc.add_item(
        demo_shop.id,
        ItemDraft(
            "Contract tests", "Consumer-driven", " Олена  Коваль ", target.id, WorkKind.FEATURE
        ),
    )
    assert outcome.changes.touches(Area.BOARD) and outcome.changes.touches(Area.OBJECTIVES)
    assert outcome.value.owner == "Олена Коваль"
    inputs = svc.inputs_for_pi(target.id)
    assert [i.item.title for i in inputs] == [
        "Self-service test environments",
        "Dependency review in Coach Sync",
        "Contract tests",
    ]
    assert inputs[0].workshop_title == "Features slip to the next PI"
    assert inputs[0].workshop_pi == "PI 2026.1" and inputs[0].target_pi == "PI 2026.2"
    assert svc.inputs_for_pi(_pi_id(demo_ws, "PI 2027.1")) == []
    svc.update_item(outcome.value.id, ItemDraft("Contract tests", target_pi_id=None))
    assert len(svc.inputs_for_pi(target.id)) == 2
    with pytest.raises(ValidationError, match="title"):
        svc.add_item(demo_shop.id, ItemDraft("  "))
    with pytest.raises(NotFoundError):
        svc.add_item(demo_shop.id, ItemDraft("x", target_pi_id=999))


def test_csv_export_reads_back_with_the_csv_module(
    demo_ws: Workspace, demo_shop, tmp_path: Path
) -> None:
    svc = demo_ws.improvements
    svc.add_item(
        demo_shop.id,
        ItemDraft('Quote "this", and, commas', "line 1\nline 2", "李雷", None, WorkKind.ENABLER),
    )
    path, count = svc.export_csv(tmp_path / "items.csv")
    assert count == 3
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == CSV_HEADER
    assert rows[1] == [
        "Self-service test environments",
        "",
        "Zoë Ñúñez",
        "Enabler",
        "PI 2026.2",
        "Features slip to the next PI",
        "PI 2026.1",
    ]
    assert rows[3][:5] == ['Quote "this", and, commas', "line 1\nline 2", "李雷", "Enabler", ""]
    only_target = svc.csv_text(svc.for_export(target_pi_id=_pi_id(demo_ws, "PI 2026.2")))
    assert len(list(csv.reader(io.StringIO(only_target)))) == 3
    none_from = svc.for_export(pi_id=_pi_id(demo_ws, "PI 2026.2"))
    assert none_from == []

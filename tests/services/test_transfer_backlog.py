"""JSON export/import of the backlog and System Demo data, and of files written before them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema

from rte_desktop.domain.clock import FakeClock
from rte_desktop.domain.kinds import BacklogState, EventKind
from rte_desktop.domain.model import (
    Art,
    DemoFeedback,
    DemoItem,
    DorItem,
    Event,
    Feature,
    FeatureDorTick,
    PlanningInterval,
    WsjfSession,
)
from rte_desktop.services.transfer.transfer import shipped_schema
from rte_desktop.workspace import Workspace, open_workspace

NEW_TABLES = ("dor_item", "feature_dor_tick", "wsjf_session", "demo_item", "demo_feedback")
NEW_FEATURE_FIELDS = (
    "state",
    "backlog_position",
    "business_value",
    "time_criticality",
    "risk_reduction",
    "job_size",
    "epic",
    "acceptance_criteria",
    "candidate_teams",
)


def _fill(ws: Workspace) -> None:
    with ws.uow() as uow:
        art = uow.add(Art(name="JSON ART", pi_capacity_features=7))
        assert art.id is not None
        pi = uow.add(
            PlanningInterval(
                art_id=art.id, name="PI 1", start=dt.date(2026, 1, 5), end=dt.date(2026, 3, 13)
            )
        )
        assert pi.id is not None
        feature = uow.add(
            Feature(
                pi_id=pi.id,
                key="F-9",
                title="Self-service sign-up",
                state=BacklogState.READY,
                backlog_position=3,
                business_value=13,
                time_criticality=8,
                risk_reduction=1,
                job_size=5,
                epic="E-2 Onboarding",
                acceptance_criteria="Given a visitor\nWhen they sign up\nThen ...",
                candidate_teams="Ada, Turing",
            )
        )
        assert feature.id is not None
        dor = uow.add(DorItem(art_id=art.id, text="Acceptance criteria written"))
        assert dor.id is not None
        uow.add(FeatureDorTick(feature_id=feature.id, dor_item_id=dor.id))
        uow.add(
            WsjfSession(
                pi_id=pi.id,
                started_at=dt.datetime(2026, 1, 2, 9),
                finished_at=dt.datetime(2026, 1, 2, 10, 30),
            )
        )
        event = uow.add(
            Event(
                art_id=art.id,
                pi_id=pi.id,
                kind=EventKind.SYSTEM_DEMO,
                title="System Demo 1",
                start=dt.datetime(2026, 1, 15, 14),
                end=dt.datetime(2026, 1, 15, 15),
                uid="sd-1@test",
            )
        )
        assert event.id is not None
        item = uow.add(
            DemoItem(
                event_id=event.id,
                feature_id=feature.id,
                title="Sign-up",
                presenter="Ada",
                minutes=8,
                demoed=True,
                accepted=None,
            )
        )
        assert item.id is not None
        uow.add(
            DemoFeedback(
                demo_item_id=item.id, text="Needs SSO", at=dt.datetime(2026, 1, 15, 14, 20)
            )
        )


def test_every_new_table_and_field_round_trips(
    ws: Workspace, tmp_path: Path, clock: FakeClock
) -> None:
    _fill(ws)
    first = ws.transfer.export_json(tmp_path / "a.json")
    data = json.loads(first.read_text("utf-8"))
    jsonschema.validate(data, shipped_schema())  # the whole file, rows included
    for table in NEW_TABLES:
        assert len(data["tables"][table]) == 1, table
    (feature,) = data["tables"]["feature"]
    assert feature["state"] == "ready" and feature["business_value"] == 13
    assert data["tables"]["art"][0]["pi_capacity_features"] == 7
    assert data["tables"]["demo_item"][0]["accepted"] is None
    other = open_workspace(tmp_path / "b.sqlite", clock)
    other.transfer.import_json(first)
    second = other.transfer.export_json(tmp_path / "b.json")
    assert first.read_bytes() == second.read_bytes()


def test_a_file_written_before_the_backlog_imports_with_defaults(
    ws: Workspace, tmp_path: Path, clock: FakeClock
) -> None:
    _fill(ws)
    data = ws.transfer.export_data()
    for table in NEW_TABLES:
        del data["tables"][table]
    for row in data["tables"]["feature"]:
        for name in NEW_FEATURE_FIELDS:
            del row[name]
    del data["tables"]["art"][0]["pi_capacity_features"]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    target = open_workspace(tmp_path / "t.sqlite", clock)
    target.transfer.import_json(path)
    with target.uow() as uow:
        (feature,) = uow.find(Feature)
        (art,) = uow.find(Art)
    assert feature.title == "Self-service sign-up"
    assert (feature.state, feature.job_size, feature.epic) == (BacklogState.FUNNEL, None, "")
    assert art.pi_capacity_features == 10

"""JSON import/export against a document written by hand, not by the exporter.

Exporting and importing with the same code would pass even if a field were dropped on both
sides; here the document below is the expectation. It is imported, read back through the
services, exported, and the export must equal it row for row.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from rte_desktop.domain.errors import ImportFormatError
from rte_desktop.services.transfer import json_format
from rte_desktop.workspace import Workspace

SMALL_TRAIN: dict[str, Any] = {
    "format": "rte-desktop",
    "version": 1,
    "tables": {
        "art": [
            {
                "id": 1,
                "name": "Kestrel ART",
                "time_zone": "Europe/Lisbon",
                "second_time_zone": "America/Sao_Paulo",
                "iteration_weeks": 2,
                "dev_iterations": 1,
                "ip_iteration": True,
                "vote_threshold": 3.5,
                "dots_per_participant": 4,
                "art_sync_weekday": 3,
                "art_sync_time": "09:30:00",
                "working_days": "0123",
                "pi_capacity_features": 7,
            }
        ],
        "team": [
            {"id": 1, "art_id": 1, "name": "Ñandú", "size": 6, "position": 0},
            {"id": 2, "art_id": 1, "name": "ツバメ", "size": 9, "position": 1},
        ],
        "planning_interval": [
            {"id": 1, "art_id": 1, "name": "PI 2027.1", "start": "2027-01-04", "end": "2027-01-31"}
        ],
        "iteration": [
            {
                "id": 1,
                "pi_id": 1,
                "number": 1,
                "name": "I1",
                "start": "2027-01-04",
                "end": "2027-01-17",
                "is_ip": False,
            },
            {
                "id": 2,
                "pi_id": 1,
                "number": 2,
                "name": "IP",
                "start": "2027-01-18",
                "end": "2027-01-31",
                "is_ip": True,
            },
        ],
        "holiday": [
            {"id": 1, "art_id": 1, "name": "Carnaval", "start": "2027-02-08", "end": "2027-02-09"}
        ],
        "event": [
            {
                "id": 1,
                "art_id": 1,
                "pi_id": 1,
                "kind": "system_demo",
                "title": "System Demo I1",
                "start": "2027-01-15T14:00:00",
                "end": "2027-01-15T15:30:00",
                "uid": "system-demo-i1.pi1.art1@rte-desktop",
                "manual": True,
                "note": 'Room 2; bring the "big" screen',
            }
        ],
        "agenda": [
            {
                "id": 1,
                "pi_id": 1,
                "event_id": None,
                "title": "PI Planning",
                "template": "blank",
                "second_time_zone": None,
            }
        ],
        "agenda_item": [
            {
                "id": 1,
                "agenda_id": 1,
                "day": 1,
                "position": 0,
                "title": "Business context",
                "start": "09:00:00",
                "duration_min": 45,
                "presenter": "Business Owner",
                "notes": "",
                "is_break": False,
                "all_hands": True,
            },
            {
                "id": 2,
                "agenda_id": 1,
                "day": 1,
                "position": 1,
                "title": "Team breakouts",
                "start": "09:45:00",
                "duration_min": None,
                "presenter": "",
                "notes": "open-ended",
                "is_break": False,
                "all_hands": False,
            },
        ],
        "timer_event": [
            {
                "id": 1,
                "agenda_id": 1,
                "seq": 1,
                "action": "start",
                "item_id": 1,
                "amount_s": 0,
                "wall": "2027-01-20T09:01:02",
                "mono": 12.5,
            }
        ],
    },
}


def _document() -> dict[str, Any]:
    """The hand-written train, with every other table present and empty."""
    data = copy.deepcopy(SMALL_TRAIN)
    for name in json_format.TABLES:
        data["tables"].setdefault(name, [])
    return data


def _write(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "small.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def test_the_document_covers_every_field_of_its_tables() -> None:
    """A field added to the model must be added here too, or this test names it."""
    for name, rows in SMALL_TRAIN["tables"].items():
        fields = set(json_format.field_types(json_format.TABLES[name]))
        for row in rows:
            assert set(row) == fields, (name, fields ^ set(row))


def test_a_hand_written_train_imports_and_exports_unchanged(ws: Workspace, tmp_path: Path) -> None:
    ws.transfer.import_json(_write(tmp_path, _document()))
    # Read back through the services, not the exporter.
    art = ws.train.arts()[0]
    assert (art.name, art.time_zone, art.art_sync_time) == (
        "Kestrel ART",
        "Europe/Lisbon",
        dt.time(9, 30),
    )
    assert [(t.name, t.size) for t in ws.train.teams(art.id)] == [("Ñandú", 6), ("ツバメ", 9)]
    (pi,) = ws.train.pis(art.id)
    assert [(i.name, i.is_ip) for i in ws.train.iterations(pi.id)] == [("I1", False), ("IP", True)]
    (event,) = ws.calendar.events(art.id)
    assert event.start == dt.datetime(2027, 1, 15, 14, 0) and event.manual
    exported = ws.transfer.export_data()
    assert exported == _document()


@pytest.mark.parametrize(
    ("table", "field", "written", "stored"),
    [
        # Timer wall times are UTC: any offset is converted.
        ("timer_event", "wall", "2027-01-20T10:01:02+01:00", "2027-01-20T09:01:02"),
        ("timer_event", "wall", "2027-01-20T09:01:02Z", "2027-01-20T09:01:02"),
        ("timer_event", "wall", "2027-01-20T09:01:02", "2027-01-20T09:01:02"),
    ],
)
def test_an_offset_on_a_utc_field_is_converted(
    ws: Workspace, tmp_path: Path, table: str, field: str, written: str, stored: str
) -> None:
    data = _document()
    data["tables"][table][0][field] = written
    ws.transfer.import_json(_write(tmp_path, data))
    assert ws.transfer.export_data()["tables"][table][0][field] == stored


@pytest.mark.parametrize(
    ("table", "field", "written"),
    [
        ("event", "start", "2027-01-15T14:00:00+00:00"),
        ("event", "end", "2027-01-15T15:30:00-03:00"),
        ("art", "art_sync_time", "09:30:00+01:00"),
    ],
)
def test_an_offset_on_a_local_time_is_refused_naming_the_field(
    ws: Workspace, tmp_path: Path, table: str, field: str, written: str
) -> None:
    """The ART's local times carry no offset; one with an offset was silently dropped."""
    data = _document()
    data["tables"][table][0][field] = written
    with pytest.raises(ImportFormatError, match=rf"tables\.{table}\[0\]\.{field}: .*UTC offset"):
        ws.transfer.import_json(_write(tmp_path, data))
    assert ws.train.is_empty()

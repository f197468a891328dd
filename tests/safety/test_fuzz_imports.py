"""Fuzzed imports: every importer refuses malformed input with a located message, changing nothing.

Add an importer with one ``ImporterCase`` in ``CASES`` (see tests/safety/fuzz_importers.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from rte_desktop.app import main
from rte_desktop.services.transfer.transfer import parse_json
from tests.safety.fuzz_importers import (
    ImporterCase,
    compact_export,
    import_and_check,
    json_mutations,
    locate_json,
    locate_xlsx,
    malformed_bytes,
)


def _json_sample(templates: dict[str, Path]) -> bytes:
    data = compact_export(json.loads(templates["demo_json"].read_text("utf-8")))
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


CASES = [
    ImporterCase(
        name="json",
        suffix=".json",
        template="empty",
        run=lambda ws, path: ws.transfer.import_json(path),
        sample=_json_sample,
        locate=locate_json,
        structured=json_mutations,
        always_invalid=True,
    ),
    ImporterCase(
        name="objectives-csv",
        suffix=".csv",
        template="demo",
        run=lambda ws, path: ws.objectives.import_file(path, _current_pi(ws)),
        sample=lambda _t: (
            "team,objective,committed,planned_bv,actual_bv\n"
            "Phoenix,Ship the beta,yes,8,\nΩmega,Pilot 李雷's idea,no,5,3\n"
        ).encode(),
    ),
    ImporterCase(
        name="objectives-xlsx",
        suffix=".xlsx",
        template="demo",
        run=lambda ws, path: ws.objectives.import_file(path, _current_pi(ws)),
        sample=lambda _t: _xlsx_sample(),
        # A damaged zip container has no line to name: the message names the workbook itself.
        locate=locate_xlsx,
    ),
    ImporterCase(
        name="features-csv",
        suffix=".csv",
        template="demo",
        run=lambda ws, path: ws.board.import_features(path, _current_pi(ws)),
        sample=lambda _t: (
            b"Summary,Issue key,Team,Sprint,Blocks\n"
            b"New one,N-1,Atlas,I3,N-2\nNew two,N-2,Atlas,I4,\n"
        ),
    ),
    ImporterCase(
        name="holidays-ics",
        suffix=".ics",
        template="demo",
        run=lambda ws, path: ws.calendar.import_holidays(ws.train.arts()[0].id or 0, path),
        sample=lambda _t: (
            b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\n"
            b"UID:h1@t\r\nDTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n"
            b"SUMMARY:Silvester\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        ),
    ),
]


def _current_pi(ws) -> int:  # type: ignore[no-untyped-def]
    pi = ws.train.find_pi(None, None)
    return pi.id


def _xlsx_sample() -> bytes:
    import io

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["team", "objective", "committed", "planned_bv", "actual_bv"])
    sheet.append(["Phoenix", "Ship the beta", "yes", 8, None])
    sheet.append(["Kraken", "Harden the API", "no", 5, 2])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def fuzz_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@pytest.mark.parametrize("case", CASES, ids=str)
def test_the_valid_sample_imports(case: ImporterCase, templates, fuzz_folder: Path) -> None:
    """The fuzzer's starting point is valid, so the damage is what gets refused."""
    payload = case.sample(templates)
    folder = fuzz_folder
    assert import_and_check(case, templates[case.template], folder, payload, payload) == "accepted"


@pytest.mark.parametrize("case", CASES, ids=str)
@FUZZ
@given(data=st.data())
def test_damaged_bytes_are_refused_cleanly(
    case: ImporterCase, data: st.DataObject, templates, fuzz_folder: Path
) -> None:
    sample = case.sample(templates)
    payload = data.draw(malformed_bytes(sample), label="input")
    import_and_check(case, templates[case.template], fuzz_folder, payload, sample)


@pytest.mark.parametrize("case", [c for c in CASES if c.structured], ids=str)
@FUZZ
@given(data=st.data())
def test_format_aware_damage_is_refused_cleanly(
    case: ImporterCase, data: st.DataObject, templates, fuzz_folder: Path
) -> None:
    assert case.structured is not None
    sample = case.sample(templates)
    payload = data.draw(case.structured(sample), label="input")
    outcome = import_and_check(case, templates[case.template], fuzz_folder, payload, sample)
    if case.always_invalid:
        assert outcome == "refused", "a certainly-invalid input was imported"


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (b'{"a": 1,\n "b": }', "line 2"),
        (b"[" * 100_000, "nested too deeply"),
        (b'{\n"a": NaN}', "line 2"),
        (b'{\n\n"a": ' + b"9" * 5000 + b"}", "line 3"),
        (b'{"a":\n "\xff"}', "line 2"),
    ],
)
def test_json_parse_errors_name_the_line(text: bytes, where: str) -> None:
    from rte_desktop.domain.errors import ImportFormatError

    with pytest.raises(ImportFormatError, match=where):
        parse_json(text, "t.json")


def test_command_line_shows_one_line_and_no_traceback(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{"format": "rte-desktop", "version": 1, "tables": {"team": [{"id": "x"}]}}')
    db = tmp_path / "new.sqlite"
    assert main(["import", "json", str(bad), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("\n") == 1
    assert "tables.team[0]" in err or "tables[team][0]" in err or "team" in err

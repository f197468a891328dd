"""Fuzzed imports: every importer refuses malformed input with a located message, changing nothing.

Add an importer with one ``ImporterCase`` in ``CASES`` (see tests/safety/fuzz_importers.py).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rte_desktop.app import main
from rte_desktop.services.transfer import parse_json
from tests.safety.fuzz_importers import (
    LINE_OR_FIELD,
    ImporterCase,
    compact_export,
    import_and_check,
    json_mutations,
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
        located=re.compile(LINE_OR_FIELD.pattern + "|nested too deeply", re.IGNORECASE),
        structured=json_mutations,
        always_invalid=True,
    ),
    # Next: objectives CSV/XLSX, features CSV, holidays ICS (one entry each, when they land).
]

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
    assert import_and_check(case, templates[case.template], fuzz_folder, payload) == "accepted"


@pytest.mark.parametrize("case", CASES, ids=str)
@FUZZ
@given(data=st.data())
def test_damaged_bytes_are_refused_cleanly(
    case: ImporterCase, data: st.DataObject, templates, fuzz_folder: Path
) -> None:
    payload = data.draw(malformed_bytes(case.sample(templates)), label="input")
    import_and_check(case, templates[case.template], fuzz_folder, payload)


@pytest.mark.parametrize("case", [c for c in CASES if c.structured], ids=str)
@FUZZ
@given(data=st.data())
def test_format_aware_damage_is_refused_cleanly(
    case: ImporterCase, data: st.DataObject, templates, fuzz_folder: Path
) -> None:
    assert case.structured is not None
    payload = data.draw(case.structured(case.sample(templates)), label="input")
    outcome = import_and_check(case, templates[case.template], fuzz_folder, payload)
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

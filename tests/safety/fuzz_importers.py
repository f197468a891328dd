"""Fuzzing any importer: malformed inputs must be refused cleanly and change nothing.

An importer joins the fuzz test with ONE entry in ``tests/safety/test_fuzz_imports.py::CASES``::

    ImporterCase(
        name="objectives-csv",
        suffix=".csv",
        template="demo",  # the train it imports into: "empty" or "demo"
        run=lambda ws, path: ws.objectives.import_csv(ws.train.find_pi(None, None).id, path),
        sample=lambda templates: b"team,text,committed,planned_bv\\nPhoenix,Ship it,yes,8\\n",
        locate=located_line,  # the default; see locate_json and locate_xlsx for other formats
    )

``malformed_bytes(sample)`` then mangles the valid sample at the byte and line level (truncation,
flipped and inserted bytes, lost, doubled and swapped lines, junk cells, a wrong encoding), and
``structured`` may add inputs that know the format (see ``json_mutations``). For every input the
contract is: no exception but ``ImportFormatError`` (so the command line and the GUI show one
message and no traceback), a message that names where the input is wrong (``locate``), and a
train file byte-identical to what it was.

``locate`` knows where the damage is, because it compares the damaged input with the valid
sample: a named line must lie between the first line that differs and the end of the input, a
named JSON row must exist and be the changed row (or one whose reference or id the change broke),
and so on. A message that names the wrong place fails, not only one that names none.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from rte_desktop.domain.errors import ImportFormatError
from rte_desktop.services.transfer import json_format
from rte_desktop.storage import mapping
from rte_desktop.workspace import Workspace, open_workspace

LINES = re.compile(r"\b(?:line|row) (\d+)", re.IGNORECASE)
JSON_ROW = re.compile(r"tables\.([A-Za-z_]+)\[(\d+)\](?:\.(.*?))?: ")
JSON_KEY = re.compile(r"at '([^']+)'")

Locate = Callable[[bytes, bytes, str], None]


def first_difference(sample: bytes, payload: bytes) -> int:
    """The offset of the first byte where ``payload`` differs from ``sample``."""
    for offset, (a, b) in enumerate(zip(sample, payload, strict=False)):
        if a != b:
            return offset
    return min(len(sample), len(payload))


def located_line(sample: bytes, payload: bytes, message: str) -> None:
    """The message names a line where the damage can show: from the first changed line on.

    Everything before the first changed byte is the valid sample, so no error can be seen
    there, except when the change only took content away (truncated, last line lost): then
    "the file has no rows" may point at the header.
    """
    named = [int(n) for n in LINES.findall(message)]
    assert named, f"the message names no line: {message}"
    offset = first_difference(sample, payload)
    first = payload[:offset].count(b"\n") + 1  # \r or \r\n as breaks only count higher
    if not payload[offset:].strip():
        first = 1
    last = len(payload.splitlines()) + 1  # one past the end: "unexpected end of file"
    assert all(n <= last for n in named), f"a line past the end ({last}): {message}"
    assert any(first <= n <= last for n in named), (
        f"the damage starts on line {first}, the message names {named}: {message}"
    )


def _broken_row(data: dict[str, Any], table: str, row: dict[str, Any]) -> bool:
    """An unchanged row the change broke: a reference now dangles or its id is now doubled."""
    ids = {
        name: {r.get("id") for r in rows if isinstance(r, dict)}
        for name, rows in data["tables"].items()
        if isinstance(rows, list)
    }
    dangling = any(
        row.get(column) is not None and row.get(column) not in ids.get(target, set())
        for column, target in foreign_keys().get(table, {}).items()
    )
    doubled = [r.get("id") for r in data["tables"][table] if isinstance(r, dict)].count(
        row.get("id")
    )
    return dangling or doubled > 1


def locate_json(sample: bytes, payload: bytes, message: str) -> None:
    """A JSON refusal names the changed row and field, the changed top-level key, or a line."""
    if "nested too deeply" in message:
        assert payload.count(b"[") + payload.count(b"{") > 100, message
        return
    if not (match := JSON_ROW.search(message) or JSON_KEY.search(message)):
        located_line(sample, payload, message)
        return
    data, base = json.loads(payload), json.loads(sample)
    if match.re is JSON_KEY:
        key = match[1]
        if key == "(top)":  # the document itself: a required top-level key is gone
            assert not isinstance(data, dict) or set(base) - set(data), message
        else:
            top = key.split(".")[0].split("[")[0]
            assert not isinstance(data, dict) or data.get(top) != base.get(top), message
        return
    table, index, field_name = match[1], int(match[2]), match[3]
    rows = data["tables"][table]
    assert index < len(rows), f"no row {index} in {table}: {message}"
    row = rows[index]
    if field_name and "missing field" in message:
        assert field_name not in row, message
    elif field_name:
        assert field_name in row, f"row {table}[{index}] has no {field_name}: {message}"
    before = base["tables"].get(table, [])

    def canonical(value: Any) -> str:  # type-strict: False == 0 in Python, not in JSON
        return json.dumps(value, sort_keys=True)

    changed = index >= len(before) or canonical(row) != canonical(before[index])
    assert changed or _broken_row(data, table, row), (
        f"{table}[{index}] is as in the valid sample and nothing it refers to changed: {message}"
    )


def locate_xlsx(sample: bytes, payload: bytes, message: str) -> None:
    """A workbook that cannot be opened is named as such; an open one names the row or cell."""
    import io
    import zipfile

    import openpyxl

    try:
        with zipfile.ZipFile(io.BytesIO(payload)) as archive:
            assert archive.testzip() is None
        openpyxl.load_workbook(io.BytesIO(payload), read_only=True).close()
    except Exception:  # noqa: BLE001 (any failure: the container itself is damaged)
        assert re.search(r"input\.xlsx .*(not a readable|damaged)", message), message
        return
    cells = [int(n) for n in re.findall(r"\bcell [A-Z]+(\d+)", message)]
    named = [int(n) for n in LINES.findall(message)] + cells
    assert named, f"the message names no row of a readable workbook: {message}"


@dataclass(frozen=True)
class ImporterCase:
    """One importer under fuzz (see the module docstring for an example entry)."""

    name: str
    suffix: str
    template: str
    run: Callable[[Workspace, Path], object]
    sample: Callable[[dict[str, Path]], bytes]
    locate: Locate = located_line
    structured: Callable[[bytes], st.SearchStrategy[bytes]] | None = None
    always_invalid: bool = field(default=False)  # structured inputs are never valid

    def __str__(self) -> str:
        return self.name


def file_digest(db: Path) -> str:
    """SHA-256 of a CLOSED train file, which must have no pending write-ahead log beside it.

    (The read-only pre-check may leave an EMPTY -wal: it holds nothing, so that is fine.)
    """
    wal = Path(f"{db}-wal")
    assert not wal.exists() or wal.stat().st_size == 0, "a -wal with data: the file is not closed"
    return hashlib.sha256(db.read_bytes()).hexdigest()


def import_and_check(
    case: ImporterCase, template: Path, folder: Path, payload: bytes, sample: bytes
) -> str:
    """Import ``payload`` (``sample``, damaged) into a fresh copy of ``template``; assert.

    Returns:
        "refused" (ImportFormatError, file unchanged) or "accepted" (the input was valid).
    """
    db = folder / "train.sqlite"
    for leftover in folder.glob("train.sqlite*"):
        leftover.unlink()
    shutil.copyfile(template, db)
    source = folder / f"input{case.suffix}"
    source.write_bytes(payload)
    before = file_digest(db)
    ws = open_workspace(db)
    try:
        case.run(ws, source)
    except ImportFormatError as exc:
        message = str(exc)
        assert "Traceback" not in message and message.strip(), message
        case.locate(sample, payload, message)
        outcome = "refused"
    else:
        outcome = "accepted"
    finally:
        ws.close()
    if outcome == "refused":
        assert file_digest(db) == before, "a refused import changed the train file"
    return outcome


def malformed_bytes(sample: bytes) -> st.SearchStrategy[bytes]:
    """Byte- and line-level damage to a valid ``sample``, plus arbitrary bytes and text."""
    lines = sample.splitlines(keepends=True) or [sample]
    junk = st.sampled_from(
        [b"", b",", b'"', b"\x00", b"\xff\xfe", b"\r", b";;;", b"{", b"]", b"\t", b"NaN", b"-1"]
    ) | st.binary(max_size=12)

    def truncate(cut: int) -> bytes:
        return sample[: cut % (len(sample) + 1)]

    def flip(at: int, value: int) -> bytes:
        if not sample:
            return bytes([value])
        i = at % len(sample)
        return sample[:i] + bytes([value]) + sample[i + 1 :]

    def insert(at: int, extra: bytes) -> bytes:
        i = at % (len(sample) + 1)
        return sample[:i] + extra + sample[i:]

    def drop_line(at: int) -> bytes:
        i = at % len(lines)
        return b"".join(lines[:i] + lines[i + 1 :])

    def double_line(at: int) -> bytes:
        i = at % len(lines)
        return b"".join(lines[: i + 1] + lines[i:])

    def swap_lines(a: int, b: int) -> bytes:
        copy = list(lines)
        i, j = a % len(copy), b % len(copy)
        copy[i], copy[j] = copy[j], copy[i]
        return b"".join(copy)

    def re_encode(codec: str) -> bytes:
        return sample.decode("utf-8", errors="replace").encode(codec, errors="replace")

    index = st.integers(min_value=0, max_value=10**6)
    return st.one_of(
        st.builds(truncate, index),
        st.builds(flip, index, st.integers(0, 255)),
        st.builds(insert, index, junk),
        st.builds(drop_line, index),
        st.builds(double_line, index),
        st.builds(swap_lines, index, index),
        st.builds(re_encode, st.sampled_from(["utf-16", "latin-1", "cp1252"])),
        st.binary(max_size=200),
        st.text(max_size=200).map(lambda text: text.encode("utf-8", errors="surrogatepass")),
    )


# -- JSON: format-aware damage, each one certainly invalid -------------------------------------


def foreign_keys() -> dict[str, dict[str, str]]:
    """For each JSON table, its reference columns and the table each one points at."""
    names = {cls: name for name, cls in json_format.TABLES.items()}
    by_record = {mapping.RECORDS[cls].__table__.name: names[cls] for cls in names}
    references: dict[str, dict[str, str]] = {}
    for cls, name in names.items():
        table = mapping.RECORDS[cls].__table__
        references[name] = {
            fk.parent.name: by_record[fk.column.table.name] for fk in table.foreign_keys
        }
    return references


def compact_export(data: dict[str, Any], per_table: int = 3) -> dict[str, Any]:
    """The first rows of every table of an export, keeping only rows whose references resolve.

    A small but complete sample (every table, every kind of reference) keeps each fuzz example
    fast while still reaching the database's foreign-key checks.
    """
    references = foreign_keys()
    tables = {name: list(rows[:per_table]) for name, rows in data["tables"].items()}
    while True:
        ids = {name: {row["id"] for row in rows} for name, rows in tables.items()}
        kept = {
            name: [
                row
                for row in rows
                if all(
                    row[column] is None or row[column] in ids[target]
                    for column, target in references[name].items()
                )
            ]
            for name, rows in tables.items()
        }
        if kept == tables:
            return {**data, "tables": kept}
        tables = kept


def _wrong_values(base: type) -> st.SearchStrategy[Any]:
    """JSON values the field's type never accepts."""
    anything = st.one_of(
        st.lists(st.integers(), max_size=2),
        st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    )
    if base is bool:
        return anything | st.integers() | st.text(max_size=5)
    if base in (int, float):
        return anything | st.text(max_size=5) | st.booleans()
    return anything | st.booleans() | st.integers() | st.floats(allow_nan=False)


def json_mutations(sample: bytes) -> st.SearchStrategy[bytes]:
    """Valid JSON that breaks the train format in one place (type, field, reference, id)."""
    data = json.loads(sample)
    cells = [
        (name, index, column)
        for name, rows in data["tables"].items()
        for index, row in enumerate(rows)
        for column in row
    ]
    references = foreign_keys()
    reference_cells = [c for c in cells if c[2] in references[c[0]]]
    dated_cells = [
        c
        for c in cells
        if json_format.field_types(json_format.TABLES[c[0]])[c[2]][0].__name__
        in ("date", "datetime", "time")
    ]
    row_keys = [(name, i) for name, rows in data["tables"].items() for i in range(len(rows))]

    def copy() -> dict[str, Any]:
        return json.loads(sample)

    def wrong_type(cell: tuple[str, int, str], draw_value: Any) -> dict[str, Any]:
        result = copy()
        result["tables"][cell[0]][cell[1]][cell[2]] = draw_value
        return result

    @st.composite
    def wrong_typed(draw: st.DrawFn) -> dict[str, Any]:
        cell = draw(st.sampled_from(cells))
        base, _optional = json_format.field_types(json_format.TABLES[cell[0]])[cell[2]]
        return wrong_type(cell, draw(_wrong_values(base)))

    def missing_field(cell: tuple[str, int, str]) -> dict[str, Any]:
        result = copy()
        del result["tables"][cell[0]][cell[1]][cell[2]]
        return result

    def unknown_field(row: tuple[str, int], key: str) -> dict[str, Any]:
        result = copy()
        result["tables"][row[0]][row[1]]["zz_" + key] = 1
        return result

    def dangling(cell: tuple[str, int, str]) -> dict[str, Any]:
        return wrong_type(cell, 10**6)

    def bad_date(cell: tuple[str, int, str], text: str) -> dict[str, Any]:
        return wrong_type(cell, "not a date " + text)

    def duplicate_id(row: tuple[str, int]) -> dict[str, Any]:
        result = copy()
        rows = result["tables"][row[0]]
        rows.append(dict(rows[row[1]]))
        return result

    def top_level(key: str, value: Any) -> dict[str, Any]:
        result = copy()
        result[key] = value
        return result

    mutated = st.one_of(
        wrong_typed(),
        # Fields added later may be missing (older files lack them; they take their default).
        st.builds(
            missing_field,
            st.sampled_from(
                [c for c in cells if c[2] not in json_format.ADDED_FIELDS.get(c[0], ())]
            ),
        ),
        st.builds(unknown_field, st.sampled_from(row_keys), st.text("abc", max_size=4)),
        st.builds(dangling, st.sampled_from(reference_cells)),
        st.builds(bad_date, st.sampled_from(dated_cells), st.text(max_size=4)),
        st.builds(duplicate_id, st.sampled_from(row_keys)),
        st.builds(
            top_level,
            st.sampled_from(["format", "version", "tables"]),
            st.sampled_from(["rte", 99, None, [], "tables"]),
        ),
    )
    return mutated.map(lambda value: json.dumps(value, ensure_ascii=False).encode("utf-8"))

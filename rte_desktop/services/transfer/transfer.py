"""Export the whole database as JSON and import it back without loss."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rte_desktop.domain.errors import DomainError, ImportFormatError
from rte_desktop.services.common.changes import Changes, Outcome
from rte_desktop.services.common.files import write_atomically
from rte_desktop.services.transfer import json_format

if TYPE_CHECKING:
    from rte_desktop.services.common.context import ServiceContext
    from rte_desktop.storage.unit_of_work import UnitOfWork


def shipped_schema() -> dict[str, Any]:
    """The JSON Schema shipped in resources/ (kept equal to the generated one by a test)."""
    text = (resources.files("rte_desktop") / "resources" / "train.schema.json").read_text("utf-8")
    result: dict[str, Any] = json.loads(text)
    return result


class TransferService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def export_data(self) -> dict[str, Any]:
        """Every stored value, grouped by table, in id order (one consistent snapshot)."""
        tables: dict[str, list[dict[str, Any]]] = {}
        with self._ctx.uow(snapshot=True) as uow:
            for name, cls in json_format.TABLES.items():
                rows: list[Any] = uow.find(cls, order_by=["id"])
                tables[name] = [json_format.to_row(v) for v in rows]
        return {"format": json_format.FORMAT, "version": json_format.VERSION, "tables": tables}

    def export_json(self, out: Path) -> Path:
        """Write the whole train to ``out`` (UTF-8, stable order: same data, same bytes)."""
        text = json.dumps(self.export_data(), ensure_ascii=False, indent=1)
        return write_atomically(out, (text + "\n").encode("utf-8"))

    def import_json(self, source: Path) -> Outcome[int]:
        """Import a JSON export into this (empty) database in one transaction.

        Returns:
            The number of rows imported.

        Raises:
            ImportFormatError: the file is not valid JSON of this format; names the bad field.
        """
        return self.import_data(parse_json(Path(source).read_bytes(), str(source)))

    def import_data(self, data: Any) -> Outcome[int]:
        validate(data)
        tables = [
            (
                name,
                [
                    json_format.from_row(cls, row, f"tables.{name}[{index}]")
                    for index, row in enumerate(data["tables"].get(name, []))
                ],
            )
            for name, cls in json_format.TABLES.items()
        ]
        with self._ctx.uow() as uow:
            if uow.count(json_format.TABLES["art"]):
                raise ImportFormatError(
                    "This file already holds a train; import JSON into a new, empty file."
                )
            for name, values in tables:  # parents before children, one statement per table
                try:
                    with uow.savepoint():
                        uow.insert_rows(values)
                except Exception:  # integrity errors from the database: find the row
                    where, problem = _first_bad_row(uow, name, values)
                    raise ImportFormatError(
                        f"{where}: the data is inconsistent ({problem})."
                    ) from None
        return Outcome(sum(len(v) for _n, v in tables), self._ctx.publish(Changes.everything()))

    def row_count(self) -> int:
        """How many rows the whole train has (0: an empty database)."""
        with self._ctx.uow() as uow:
            return sum(uow.count(cls) for cls in json_format.TABLES.values())

    def copy_from(self, source: TransferService) -> Outcome[int]:
        """Copy the whole train of ``source`` into this empty database, in one transaction.

        Ids are kept, so links between rows survive; on PostgreSQL the id sequences are moved
        past them. Nothing is written unless everything is.

        Returns:
            The number of rows copied.

        Raises:
            DomainError: this database is not empty (nothing is overwritten or merged).
        """
        if self.row_count():
            raise DomainError(
                f"{self._ctx.display_name} is not empty; copy only into a new, empty "
                "database or file (nothing was changed)."
            )
        return self.import_data(source.export_data())


def parse_json(raw: bytes, name: str) -> Any:
    """Decode and parse a JSON file; every error names the line (and column) at fault.

    Raises:
        ImportFormatError: not UTF-8, not JSON, nested absurdly deep, or a number JSON cannot
            carry (NaN, Infinity, or an integer too long to read).
    """
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise ImportFormatError(f"{name}, line {line}: not UTF-8 text ({exc.reason}).") from exc

    def refuse_constant(token: str) -> Any:
        raise ValueError(f"{token} is not a number JSON allows")

    try:
        return json.loads(text, parse_constant=refuse_constant)
    except json.JSONDecodeError as exc:
        raise ImportFormatError(
            f"{name} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}."
        ) from exc
    except RecursionError as exc:
        raise ImportFormatError(f"{name} is nested too deeply to be a train file.") from exc
    except ValueError as exc:  # NaN/Infinity, or an integer beyond Python's digit limit
        found = re.search(r"NaN|-?Infinity|\d{1000,}", text)
        where = f", line {text.count(chr(10), 0, found.start()) + 1}" if found else ""
        raise ImportFormatError(f"{name}{where}: {_first_line(exc)}.") from exc


def _first_bad_row(uow: UnitOfWork, name: str, values: list[Any]) -> tuple[str, str]:
    """Insert a table's rows one by one to name the one the database refuses."""
    for index, value in enumerate(values):
        try:
            with uow.savepoint():
                uow.insert_rows([value])
        except Exception as exc:  # the database's own words, first line
            return f"tables.{name}[{index}]", _first_line(exc)
    return f"tables.{name}", "refused as a whole"


def _first_line(exc: Exception) -> str:
    return str(exc).splitlines()[0][:300]


def envelope_schema() -> dict[str, Any]:
    """The shipped schema with each table's rows left to ``json_format.from_row``.

    Rows are checked field by field while they are converted (with the same path-named
    errors), so validating them here too would only double the time of a large import.
    """
    schema = shipped_schema()
    for table in schema["properties"]["tables"]["properties"].values():
        table["items"] = {"type": "object"}
    return schema


def validate(data: Any) -> None:
    """Check the file's envelope against the shipped schema; the error names the JSON path."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(envelope_schema())
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error is not None:
        path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
        raise ImportFormatError(
            f"Invalid train file at '{path.lstrip('.') or '(top)'}': {error.message[:300]}"
        )

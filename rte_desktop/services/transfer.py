"""Export the whole database as JSON and import it back without loss."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rte_desktop.domain.errors import ImportFormatError
from rte_desktop.services import json_format
from rte_desktop.services.changes import Changes, Outcome
from rte_desktop.services.files import write_atomically

if TYPE_CHECKING:
    from rte_desktop.services.workspace import Workspace


def shipped_schema() -> dict[str, Any]:
    """The JSON Schema shipped in resources/ (kept equal to the generated one by a test)."""
    text = (resources.files("rte_desktop") / "resources" / "train.schema.json").read_text("utf-8")
    result: dict[str, Any] = json.loads(text)
    return result


class TransferService:
    def __init__(self, ws: Workspace) -> None:
        self._ws = ws

    def export_data(self) -> dict[str, Any]:
        """Every stored value, grouped by table, in id order."""
        tables: dict[str, list[dict[str, Any]]] = {}
        with self._ws.uow() as uow:
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
        try:
            data = json.loads(Path(source).read_text(encoding="utf-8"))
        except UnicodeDecodeError as exc:
            raise ImportFormatError(f"{source} is not UTF-8 text ({exc.reason}).") from exc
        except json.JSONDecodeError as exc:
            raise ImportFormatError(
                f"{source} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}."
            ) from exc
        return self.import_data(data)

    def import_data(self, data: Any) -> Outcome[int]:
        validate(data)
        tables = [
            [
                json_format.from_row(cls, row, f"tables.{name}[{index}]")
                for index, row in enumerate(data["tables"].get(name, []))
            ]
            for name, cls in json_format.TABLES.items()
        ]
        with self._ws.uow() as uow:
            if uow.count(json_format.TABLES["art"]):
                raise ImportFormatError(
                    "This file already holds a train; import JSON into a new, empty file."
                )
            try:
                for values in tables:  # parents before children, one flush per table
                    uow.insert_rows(values)
            except Exception as exc:  # integrity errors from the database: say which row
                raise ImportFormatError(f"The data is inconsistent: {_first_line(exc)}") from exc
        return Outcome(sum(map(len, tables)), self._ws.publish(Changes.everything()))


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

"""The versioned JSON format of a whole train: values to JSON and back, with located errors.

Format (documented in docs/json-format.md, schema in resources/train.schema.json)::

    {"format": "rte-desktop", "version": 1, "tables": {"team": [{"id": 1, ...}], ...}}

Table names are the snake_case domain type names; rows carry every field.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import re
import types
import typing
from typing import Any

from rte_desktop.domain import model
from rte_desktop.domain.errors import ImportFormatError

FORMAT = "rte-desktop"
VERSION = 1


def table_name(cls: type) -> str:
    """``PlanningInterval`` -> ``planning_interval``."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", cls.__name__).lower()


TABLES: dict[str, type] = {table_name(cls): cls for cls in model.ALL_TYPES}


def _encode(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    return value


def to_row(value: Any) -> dict[str, Any]:
    """A domain value as a JSON object."""
    return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}


@functools.cache
def field_types(cls: type) -> dict[str, tuple[type, bool]]:
    """Each field's base type and whether it may be null."""
    result: dict[str, tuple[type, bool]] = {}
    for name, hint in typing.get_type_hints(cls, vars(model)).items():
        args = typing.get_args(hint)
        optional = isinstance(hint, types.UnionType) and type(None) in args
        base = next(a for a in args if a is not type(None)) if optional else hint
        result[name] = (base, optional)
    return result


# Fields added to format version 1 after files were written without them (revision 0004: the
# ART backlog). A row may leave only these out; they take their default. Every other field is
# required, so a damaged file is still refused.
ADDED_FIELDS: dict[str, frozenset[str]] = {
    "art": frozenset({"pi_capacity_features"}),
    "feature": frozenset(
        {
            "state",
            "backlog_position",
            "business_value",
            "time_criticality",
            "risk_reduction",
            "job_size",
            "epic",
            "acceptance_criteria",
            "candidate_teams",
        }
    ),
}


@functools.cache
def field_defaults(cls: type) -> dict[str, Any]:
    """The fields a row of ``cls`` may leave out (see ``ADDED_FIELDS``), with their defaults."""
    added = ADDED_FIELDS.get(table_name(cls), frozenset())
    return {f.name: f.default for f in dataclasses.fields(cls) if f.name in added}


# Date-times stored in UTC (every other one is a local time of the ART's zone, without offset).
UTC_FIELDS = {(model.TimerEvent, "wall")}


def _local(value: dt.datetime | dt.time, utc: bool) -> dt.datetime | dt.time:
    """A parsed date-time or time as stored: without an offset.

    A UTC field takes any offset (converted to UTC). A local time of the ART's zone cannot be
    told from an offset alone, so one written with an offset is refused rather than stored
    with its offset silently dropped.
    """
    if value.tzinfo is None:
        return value
    if utc and isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).replace(tzinfo=None)
    raise ValueError(
        f"a local time of the ART's time zone is written without a UTC offset "
        f"(e.g. {value.replace(tzinfo=None).isoformat()}), not with one"
    )


def _decode(base: type, raw: Any, where: str, utc: bool = False) -> Any:
    try:
        if base is bool:
            if not isinstance(raw, bool):
                raise TypeError("expected true or false")
            return raw
        if base is int:
            if isinstance(raw, bool) or not isinstance(raw, int):
                raise TypeError("expected a whole number")
            return raw
        if base is float:
            if isinstance(raw, bool) or not isinstance(raw, (int, float)):
                raise TypeError("expected a number")
            return float(raw)
        if base is str:
            if not isinstance(raw, str):
                raise TypeError("expected text")
            return raw
        if not isinstance(raw, str):
            raise TypeError(f"expected an ISO {base.__name__} text")
        if base is dt.datetime:
            return _local(dt.datetime.fromisoformat(raw), utc)
        if base is dt.date:
            return dt.date.fromisoformat(raw)
        if base is dt.time:
            return _local(dt.time.fromisoformat(raw), utc)
        if issubclass(base, enum.Enum):
            return base(raw)
    except (TypeError, ValueError) as exc:
        raise ImportFormatError(f"{where}: {exc} (got {raw!r}).") from exc
    raise ImportFormatError(f"{where}: unsupported field type {base!r}.")


def from_row(cls: type, row: Any, where: str) -> Any:
    """Build a domain value from a JSON object; errors name the field path."""
    if not isinstance(row, dict):
        raise ImportFormatError(f"{where}: expected an object, got {type(row).__name__}.")
    spec = field_types(cls)
    unknown = sorted(set(row) - set(spec))
    if unknown:
        raise ImportFormatError(f"{where}.{unknown[0]}: unknown field.")
    values: dict[str, Any] = {}
    defaults = field_defaults(cls)
    for name, (base, optional) in spec.items():
        path = f"{where}.{name}"
        if name not in row:
            if name in defaults:  # a field added after the file was written
                values[name] = defaults[name]
                continue
            raise ImportFormatError(f"{path}: missing field.")
        raw = row[name]
        if raw is None:
            if not optional:
                raise ImportFormatError(f"{path}: must not be null.")
            values[name] = None
            continue
        values[name] = _decode(base, raw, path, utc=(cls, name) in UTC_FIELDS)
    return cls(**values)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the format, generated from the domain types."""

    def prop(base: type, optional: bool) -> dict[str, Any]:
        if base is bool:
            schema: dict[str, Any] = {"type": "boolean"}
        elif base is int:
            schema = {"type": "integer"}
        elif base is float:
            schema = {"type": "number"}
        elif isinstance(base, type) and issubclass(base, enum.Enum):
            schema = {"enum": [member.value for member in base]}
        elif base is dt.datetime:
            schema = {"type": "string", "format": "date-time"}
        elif base is dt.date:
            schema = {"type": "string", "format": "date"}
        elif base is dt.time:
            schema = {"type": "string", "format": "time"}
        else:
            schema = {"type": "string"}
        if optional:
            return {"anyOf": [schema, {"type": "null"}]}
        return schema

    tables: dict[str, Any] = {}
    for name, cls in TABLES.items():
        spec = field_types(cls)
        tables[name] = {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": [f for f in spec if f not in field_defaults(cls)],
                "properties": {field: prop(*spec[field]) for field in spec},
            },
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "rte-desktop/train.schema.json",
        "title": "RTE Desktop train",
        "type": "object",
        "required": ["format", "version", "tables"],
        "properties": {
            "format": {"const": FORMAT},
            "version": {"const": VERSION},
            "exported_at": {"type": "string"},
            "tables": {"type": "object", "additionalProperties": False, "properties": tables},
        },
    }

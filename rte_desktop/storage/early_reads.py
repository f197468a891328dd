"""The train file read with the standard library only, while SQLAlchemy loads.

Importing SQLAlchemy and mapping the records costs about two and a half bare Qt windows' start-up.
An up-to-date train file is read meanwhile through ``sqlite3`` on a read-only connection, so the
window opens on its first panel with real data, and the full storage layer takes over when it has
loaded (``ServiceContext.attach``).

Only the generic reads of ``UnitOfWork`` are here (``find``, ``first``, ``count``, ``get``),
answered from the same tables (``tables.py``) with the same field names, ordering and filters;
values are decoded by the domain dataclass's field types the way SQLAlchemy's SQLite types
decode them (a test compares every table with ``UnitOfWork``'s answer). Anything else (a write,
a session, a query of ``queries.py``) raises ``StillOpeningError``: the panel that asked waits
for the full open and reads again.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import enum
import sqlite3
import threading
import types
import typing
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from rte_desktop.domain import model as m
from rte_desktop.domain.errors import NotFoundError, StillOpeningError
from rte_desktop.storage.backup import read_only_uri
from rte_desktop.storage.tables import TABLES

T = TypeVar("T")

_Decode = Callable[[Any], Any]
_DECODERS: dict[type[Any], tuple[tuple[str, _Decode | None], ...]] = {}

# SQLAlchemy's SQLite types store dates and times as ISO text and booleans as 0/1.
_BY_TYPE: dict[object, _Decode] = {
    dt.datetime: dt.datetime.fromisoformat,
    dt.date: dt.date.fromisoformat,
    dt.time: dt.time.fromisoformat,
    bool: bool,
    float: float,
}


def _decoder(hint: object) -> _Decode | None:
    """How a column's stored value becomes the field's value (None: as it is)."""
    if isinstance(hint, types.UnionType):  # X | None: NULL stays None, the rest decodes as X
        (hint,) = [arg for arg in typing.get_args(hint) if arg is not type(None)]
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint
    return _BY_TYPE.get(hint)


def _fields(cls: type[Any]) -> tuple[tuple[str, _Decode | None], ...]:
    if cls not in _DECODERS:
        hints = typing.get_type_hints(cls, vars(m))
        _DECODERS[cls] = tuple((f.name, _decoder(hints[f.name])) for f in dataclasses.fields(cls))
    return _DECODERS[cls]


def _value(value: Any) -> Any:
    """A filter value as stored: an enum by its value, dates and times as SQLAlchemy's text."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (dt.datetime, dt.time)):
        if value.tzinfo is not None:  # stored naive: how it compares is the full layer's call
            raise StillOpeningError()
        clock = f"{value.hour:02d}:{value.minute:02d}:{value.second:02d}.{value.microsecond:06d}"
        if isinstance(value, dt.datetime):
            return f"{value.year:04d}-{value.month:02d}-{value.day:02d} {clock}"
        return clock
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class EarlyReads:
    """A read-only connection to an up-to-date train file, lent to units of work that read.

    It belongs to the thread that opened it (the GUI's); a worker thread is told to wait.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection, version: int) -> None:
        self.path = path
        self._conn = conn
        self._thread = threading.get_ident()
        self._version = version

    @classmethod
    def open(cls, path: Path, revision: str) -> EarlyReads | None:
        """Reads of the train file at ``path``; None when it needs the full open first.

        A missing, new, older or newer file, or one that is not a train (or not SQLite at all),
        gets None: opening it may create, migrate, refuse or restore it, which the storage layer
        does.
        """
        if not path.is_file():
            return None
        try:
            conn = sqlite3.connect(read_only_uri(path), uri=True, isolation_level=None)
        except sqlite3.Error:
            return None
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            version = int(conn.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:
            row = None
        if not row or row[0] != revision:
            conn.close()
            return None
        return cls(path, conn, version)

    def unit(self) -> EarlyUnit:
        """One read transaction (a snapshot, like a unit of work's)."""
        if threading.get_ident() != self._thread:
            raise StillOpeningError()
        return EarlyUnit(self._conn)

    def changed_since_opened(self) -> bool:
        """Whether another connection committed to the file since these reads began."""
        try:
            return self._data_version() != self._version
        except sqlite3.Error:
            return True

    def _data_version(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        self._conn.close()


class EarlyUnit:
    """Stands in for a ``UnitOfWork`` that only reads; see the module's docstring."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def __enter__(self) -> EarlyUnit:
        self._rows("BEGIN")
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._conn.execute("ROLLBACK")  # nothing was written: ending the read is all

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # Python's own probing (copy, pickle, hasattr of dunders)
            raise AttributeError(name)
        # a write, a session or a lock: only the full storage layer does those
        raise StillOpeningError()

    def find(self, cls: type[T], *, order_by: Iterable[str] = (), **filters: Any) -> list[T]:
        """All values of ``cls`` whose fields equal ``filters`` (a collection means "any of")."""
        fields = _fields(cls)
        names = [name for name, _decode in fields]
        order = list(order_by) or [n for n in ("position",) if n in names]
        where, params = self._where(names, filters)
        columns = ", ".join(f'"{name}"' for name in names)
        sql = f'SELECT {columns} FROM "{TABLES[cls]}"{where} ORDER BY ' + ", ".join(
            f'"{_known(name, names)}"' for name in [*order, "id"]
        )
        rows = self._rows(sql, params)
        try:
            return [_build(cls, fields, row) for row in rows]
        except (ValueError, TypeError) as exc:  # a value the full storage layer must judge
            raise StillOpeningError() from exc

    def first(self, cls: type[T], *, order_by: Iterable[str] = (), **filters: Any) -> T | None:
        found = self.find(cls, order_by=order_by, **filters)
        return found[0] if found else None

    def count(self, cls: type[Any], **filters: Any) -> int:
        names = [name for name, _decode in _fields(cls)]
        where, params = self._where(names, filters)
        (row,) = self._rows(f'SELECT count(*) FROM "{TABLES[cls]}"{where}', params)
        return int(row[0])

    def get(self, cls: type[T], id_: int, *, for_update: bool = False) -> T:
        """The value with this id; raises NotFoundError when there is none."""
        if for_update:
            raise StillOpeningError()
        found = self.find(cls, id=id_)
        if not found:
            raise NotFoundError(f"{cls.__name__} {id_} does not exist (it may have been deleted).")
        return found[0]

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        # A damaged page (or a value that does not decode) is for the full open to judge: it
        # refuses the file or offers its backup, which a stand-in must not pre-empt.
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise StillOpeningError() from exc

    @staticmethod
    def _where(names: list[str], filters: dict[str, Any]) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        for name, value in filters.items():
            column = f'"{_known(name, names)}"'
            if isinstance(value, (list, tuple, set, frozenset)):
                items = [_value(item) for item in value]
                clauses.append(f"{column} IN ({', '.join('?' * len(items))})" if items else "0")
                params.extend(items)
            elif value is None:
                clauses.append(f"{column} IS NULL")
            else:
                clauses.append(f"{column} = ?")
                params.append(_value(value))
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _known(name: str, names: list[str]) -> str:
    # Names become SQL: only the dataclass's own field names may (as getattr(record, name) would).
    if name not in names:
        raise AttributeError(name)
    return name


def _build(cls: type[T], fields: tuple[tuple[str, _Decode | None], ...], row: tuple[Any, ...]) -> T:
    values = {
        name: decode(value) if decode is not None and value is not None else value
        for (name, decode), value in zip(fields, row, strict=True)
    }
    return cls(**values)

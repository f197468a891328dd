"""One transaction per use case, with a small generic repository over every domain value.

Callers speak in domain values only: ``uow.find(Team, art_id=1)`` returns ``list[Team]``;
records never leave this package.

Example:
    with UnitOfWork(engine) as uow:
        team = uow.add(Team(art_id=1, name="Ωmega"))
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from types import TracebackType
from typing import Any, TypeVar

from sqlalchemy import Engine, delete, func, insert, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, SessionTransaction

from rte_desktop.domain.errors import (
    NotFoundError,
    ReadOnlyError,
    ServerUnreachableError,
)
from rte_desktop.storage import mapping

T = TypeVar("T")


# SQLSTATEs a server answers when the role may not write: insufficient_privilege,
# read_only_sql_transaction.
_READ_ONLY_STATES = frozenset({"42501", "25006"})


def database_refusal(exc: DBAPIError, engine: Engine) -> Exception:
    """The user's words for a server's refusal; other database errors come back unchanged.

    A role that may only read gets ``ReadOnlyError``; a server that went away (stopped,
    restarting, network down) gets ``ServerUnreachableError``. Nothing was written either way:
    the transaction was rolled back.
    """
    if engine.dialect.name != "postgresql":
        return exc
    state = getattr(exc.orig, "sqlstate", None)
    if state in _READ_ONLY_STATES:
        role = engine.url.username or "this role"
        return ReadOnlyError(
            f"This train is read-only for you: the server role “{role}” may read it but not "
            "change it. Nothing was changed. Ask the server's administrator for write rights."
        )
    lost = exc.connection_invalidated or (state or "").startswith(("08", "57P"))
    if lost or (state is None and exc.__class__.__name__ in ("OperationalError", "InterfaceError")):
        host = engine.url.host or engine.url.query.get("host") or "the server"
        return ServerUnreachableError(
            f"The database server ({host}) cannot be reached; nothing was changed. RTE Desktop "
            "keeps showing what it has and reconnects by itself when the server is back."
        )
    return exc


class UnitOfWork:
    """A session and a transaction; commits on a clean exit, rolls back on an exception."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._session: Session | None = None

    def __enter__(self) -> UnitOfWork:
        self._session = Session(self._engine, expire_on_commit=False)
        self._session.begin()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        session = self.session
        try:
            if exc_type is None:
                session.commit()
            else:
                session.rollback()
        except DBAPIError as failed:
            if exc is None:
                raise database_refusal(failed, self._engine) from failed
            # the rollback after an error failed too (a lost connection): report the first
        finally:
            session.close()
            self._session = None
        if isinstance(exc, DBAPIError):
            refusal = database_refusal(exc, self._engine)
            if refusal is not exc:
                raise refusal from exc

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("UnitOfWork used outside its 'with' block")
        return self._session

    # -- generic repository -------------------------------------------------------------------

    def _where(self, cls: type[Any], filters: dict[str, Any]) -> list[Any]:
        record = mapping.RECORDS[cls]
        clauses = []
        for name, value in filters.items():
            column = getattr(record, name)
            if isinstance(value, (list, tuple, set, frozenset)):
                clauses.append(column.in_(list(value)))
            elif value is None:
                clauses.append(column.is_(None))
            else:
                clauses.append(column == getattr(value, "value", value))
        return clauses

    def find(self, cls: type[T], *, order_by: Iterable[str] = (), **filters: Any) -> list[T]:
        """All values of ``cls`` whose fields equal ``filters`` (a collection means "any of")."""
        record = mapping.RECORDS[cls]
        order = list(order_by) or [n for n in ("position",) if hasattr(record, n)]
        stmt = select(record).where(*self._where(cls, filters))
        stmt = stmt.order_by(*(getattr(record, n) for n in order), record.id)  # type: ignore[attr-defined]
        return [mapping.to_domain(cls, row) for row in self.session.scalars(stmt)]

    def first(self, cls: type[T], *, order_by: Iterable[str] = (), **filters: Any) -> T | None:
        found = self.find(cls, order_by=order_by, **filters)
        return found[0] if found else None

    def count(self, cls: type[Any], **filters: Any) -> int:
        record = mapping.RECORDS[cls]
        stmt = select(func.count()).select_from(record).where(*self._where(cls, filters))
        return int(self.session.scalar(stmt) or 0)

    def get(self, cls: type[T], id_: int, *, for_update: bool = False) -> T:
        """The value with this id; raises NotFoundError when there is none.

        ``for_update`` locks the row until the transaction ends (PostgreSQL; SQLite's
        transactions are serial already), so a check against it and the write that follows
        are not split by another client's write. It is ``FOR NO KEY UPDATE``: inserting
        children that refer to the row is not blocked by it.
        """
        lock = {"key_share": True} if for_update else None
        row = self.session.get(mapping.RECORDS[cls], id_, with_for_update=lock)
        if row is None:
            raise NotFoundError(f"{cls.__name__} {id_} does not exist (it may have been deleted).")
        return mapping.to_domain(cls, row)

    def add(self, value: T) -> T:
        """Store a new value and return it with its id (its own id, when it has one)."""
        with_id = getattr(value, "id", None) is not None
        record = mapping.RECORDS[type(value)](**mapping.to_columns(value, with_id=with_id))
        self.session.add(record)
        self.session.flush()
        if with_id:
            self._advance_id_sequence(type(value))
        return mapping.to_domain(type(value), record)

    def savepoint(self) -> SessionTransaction:
        """A nested transaction: ``with uow.savepoint():`` undoes only its block on error."""
        return self.session.begin_nested()

    def insert_rows(self, values: list[Any]) -> None:
        """Insert values of one type with their own ids, in one bulk statement (imports)."""
        if values:
            record = mapping.RECORDS[type(values[0])]
            rows = [mapping.to_columns(v, with_id=True) for v in values]
            self.session.execute(insert(record), rows)
            self._advance_id_sequence(type(values[0]))

    def _advance_id_sequence(self, cls: type[Any]) -> None:
        """After rows were written with their own ids, move the id sequence past them.

        SQLite picks ``max(id) + 1`` by itself; PostgreSQL hands out ids from a sequence that
        explicit ids do not move, so the next new row would collide. Never moves it back (a
        concurrent transaction may hold ids beyond what this one sees).
        """
        if self.session.get_bind().dialect.name != "postgresql":
            return
        table = mapping.RECORDS[cls].__table__.name  # type: ignore[attr-defined]
        self.session.execute(
            text(
                "SELECT setval(pg_get_serial_sequence(:table, 'id'), GREATEST("
                f'(SELECT COALESCE(MAX(id), 0) FROM "{table}"), '
                "(SELECT last_value FROM pg_sequences WHERE schemaname = current_schema() "
                "AND sequencename = pg_get_serial_sequence(:table, 'id')::regclass::text), 1))"
            ),
            {"table": table},
        )

    def add_many(self, values: list[T]) -> list[T]:
        """Store many new values of one type with a single flush; returns them with ids."""
        if not values:
            return []
        cls = type(values[0])
        records = [mapping.RECORDS[cls](**mapping.to_columns(v)) for v in values]
        self.session.add_all(records)
        self.session.flush()
        return [mapping.to_domain(cls, record) for record in records]

    def update(self, value: T) -> T:
        """Write every field of an existing value."""
        cls = type(value)
        row = self.session.get(mapping.RECORDS[cls], value.id)  # type: ignore[attr-defined]
        if row is None:
            raise NotFoundError(f"{cls.__name__} {value.id} does not exist.")  # type: ignore[attr-defined]
        for name, item in mapping.to_columns(value).items():
            setattr(row, name, item)
        self.session.flush()
        return mapping.to_domain(cls, row)

    def patch(self, cls: type[T], id_: int, **changes: Any) -> T:
        """Change some fields of a stored value and return the new value."""
        return self.update(dataclasses.replace(self.get(cls, id_), **changes))  # type: ignore[type-var]

    def delete(self, cls: type[Any], id_: int) -> None:
        record = mapping.RECORDS[cls]
        self.session.execute(delete(record).where(record.id == id_))  # type: ignore[attr-defined]

    def delete_where(self, cls: type[Any], **filters: Any) -> None:
        record = mapping.RECORDS[cls]
        self.session.execute(delete(record).where(*self._where(cls, filters)))

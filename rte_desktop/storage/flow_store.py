"""Bulk reads and writes of work items and their status changes (tens of thousands at a time).

The generic repository builds one domain value per row, which is too slow for a ten-year history
of 400,000 status changes; these functions speak plain tuples and use executemany statements
inside the caller's unit of work (so an import stays one transaction).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any, cast

from sqlalchemy import (
    String,
    Table,
    bindparam,
    cast as sql_cast,
    delete,
    func,
    insert,
    select,
    update,
)

from rte_desktop.storage import orm
from rte_desktop.storage.unit_of_work import UnitOfWork

ITEM_FIELDS = (
    "key",
    "title",
    "raw_type",
    "status",
    "team_source",
    "parent_key",
    "created",
    "resolved",
    "has_history",
    "active_known",
    "source",
)
ChangeRow = tuple[int, dt.datetime, str | None, str]  # item id, at, from status, to status


def item_ids(uow: UnitOfWork, art_id: int) -> dict[str, int]:
    """The ART's work item ids by case-folded key."""
    stmt = select(orm.WorkItemRecord.key, orm.WorkItemRecord.id).where(
        orm.WorkItemRecord.art_id == art_id
    )
    return {key.casefold(): id_ for key, id_ in uow.session.execute(stmt)}


def history_flags(uow: UnitOfWork, art_id: int) -> dict[int, bool]:
    """Whether each stored item already has a status history (a snapshot must not erase it)."""
    stmt = select(orm.WorkItemRecord.id, orm.WorkItemRecord.has_history).where(
        orm.WorkItemRecord.art_id == art_id
    )
    return {id_: bool(flag) for id_, flag in uow.session.execute(stmt)}


def _bulk_insert(
    uow: UnitOfWork, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """INSERT many rows through the driver's executemany, converting values as SQLAlchemy would.

    SQLAlchemy's own executemany builds and processes a parameter dict per row, which was most
    of the time of importing 400,000 status changes; here each value goes through the column
    type's bind processor (dates to the dialect's storage format) and nothing else.
    """
    if not rows:
        return
    connection = uow.session.connection()
    dialect = connection.dialect
    if dialect.paramstyle not in ("qmark", "format", "pyformat"):
        uow.session.execute(insert(table), [dict(zip(columns, row, strict=True)) for row in rows])
        return
    mark = "?" if dialect.paramstyle == "qmark" else "%s"
    quote = dialect.identifier_preparer.quote
    sql = (
        f"INSERT INTO {dialect.identifier_preparer.format_table(table)} "
        f"({', '.join(quote(name) for name in columns)}) "
        f"VALUES ({', '.join([mark] * len(columns))})"
    )
    converters = [
        (index, processor)
        for index, name in enumerate(columns)
        if (processor := table.c[name].type.dialect_impl(dialect).bind_processor(dialect))
        is not None
    ]
    params: list[tuple[Any, ...]] = []
    for row in rows:
        if converters:
            values = list(row)
            for index, processor in converters:
                if values[index] is not None:
                    values[index] = processor(values[index])
            params.append(tuple(values))
        else:
            params.append(tuple(row))
    connection.exec_driver_sql(sql, params)


def insert_items(uow: UnitOfWork, art_id: int, rows: Sequence[dict[str, Any]]) -> dict[str, int]:
    """Insert new items (dicts of ITEM_FIELDS); returns the ids of all the ART's items by key."""
    table = cast(Table, orm.WorkItemRecord.__table__)
    columns = ("art_id", *ITEM_FIELDS)
    _bulk_insert(uow, table, columns, [(art_id, *(row[f] for f in ITEM_FIELDS)) for row in rows])
    return item_ids(uow, art_id)


def update_items(uow: UnitOfWork, rows: Sequence[dict[str, Any]]) -> None:
    """Overwrite stored items; each dict holds ``item_id`` and every field of ITEM_FIELDS."""
    if not rows:
        return
    table = cast(Table, orm.WorkItemRecord.__table__)
    # the SET clause comes from the parameters' keys (every field of ITEM_FIELDS)
    stmt = update(table).where(table.c.id == bindparam("item_id"))
    uow.session.execute(stmt, list(rows))


def change_keys(uow: UnitOfWork, art_id: int) -> set[tuple[int, dt.datetime, str]]:
    """(item id, at, to status) of the stored changes of the ART's items."""
    c = orm.WorkItemChangeRecord
    r = orm.WorkItemRecord
    stmt = (
        select(c.work_item_id, c.at, c.to_status)
        .join(r, r.id == c.work_item_id)
        .where(r.art_id == art_id)
    )
    return {(i, at, to) for i, at, to in uow.session.execute(stmt)}


def delete_changes(uow: UnitOfWork, item_ids_: Iterable[int]) -> None:
    """Drop the history of these items (a cycle-data file carries their whole history)."""
    ids = list(item_ids_)
    record = orm.WorkItemChangeRecord
    for start in range(0, len(ids), 500):  # SQLite limits bound parameters per statement
        chunk = ids[start : start + 500]
        uow.session.execute(delete(record).where(record.work_item_id.in_(chunk)))


def insert_changes(uow: UnitOfWork, rows: Sequence[ChangeRow]) -> None:
    """Insert status changes in one executemany statement."""
    table = cast(Table, orm.WorkItemChangeRecord.__table__)
    _bulk_insert(uow, table, ("work_item_id", "at", "from_status", "to_status"), rows)


def load_items(uow: UnitOfWork, art_id: int) -> list[tuple[Any, ...]]:
    """Every item of the ART as a row, in key order.

    Columns: id, key, title, raw_type, status, team_source, created, resolved, has_history,
    active_known, parent_key.
    """
    r = orm.WorkItemRecord
    stmt = (
        select(
            r.id,
            r.key,
            r.title,
            r.raw_type,
            r.status,
            r.team_source,
            r.created,
            r.resolved,
            r.has_history,
            r.active_known,
            r.parent_key,
        )
        .where(r.art_id == art_id)
        .order_by(r.key)
    )
    return [tuple(row) for row in uow.session.execute(stmt)]


def _driver_rows(uow: UnitOfWork, stmt: Any) -> list[tuple[Any, ...]]:
    """The statement's rows as the driver returns them (plain tuples, no result processing).

    Only for columns the driver already returns as wanted (integers, text, booleans): building
    SQLAlchemy rows for 400,000 changes costs more than the query.
    """
    result = uow.session.connection().execute(stmt)
    try:
        return list(result.cursor.fetchall())
    finally:
        result.close()


def _day_text(column: Any) -> Any:
    """The column's calendar day as ISO text "YYYY-MM-DD" (NULL stays NULL)."""
    return func.substr(sql_cast(column, String), 1, 10)


def load_flow_items(uow: UnitOfWork, art_id: int) -> list[tuple[Any, ...]]:
    """Every item of the ART as the flow metrics need it, in key order.

    Columns: id, key, title, raw_type, team_source, created day, resolved day, has_history,
    active_known. The days come as ISO text "YYYY-MM-DD" (or None): the caller parses each
    distinct day once instead of 127,000 timestamps.
    """
    r = orm.WorkItemRecord
    stmt = (
        select(
            r.id,
            r.key,
            r.title,
            r.raw_type,
            r.team_source,
            _day_text(r.created),
            _day_text(r.resolved),
            r.has_history,
            r.active_known,
        )
        .where(r.art_id == art_id)
        .order_by(r.key)
    )
    return _driver_rows(uow, stmt)


def load_changes(uow: UnitOfWork, art_id: int) -> list[tuple[int, str, str]]:
    """(item id, ISO day "YYYY-MM-DD", to status) of every change of the ART's items.

    Ordered by item, then oldest first. The day comes as text: parsing 400,000 timestamps costs
    seconds, a few thousand distinct days do not (the caller parses each distinct day once).
    """
    c = orm.WorkItemChangeRecord
    r = orm.WorkItemRecord
    stmt = (
        select(c.work_item_id, _day_text(c.at), c.to_status)
        .join(r, r.id == c.work_item_id)
        .where(r.art_id == art_id)
        .order_by(c.work_item_id, c.at, c.id)
    )
    return cast(list[tuple[int, str, str]], _driver_rows(uow, stmt))

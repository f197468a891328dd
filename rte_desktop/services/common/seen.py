"""Reading a record for a write that must not overwrite another client's change (no lost updates).

The caller passes the record as it *saw* it; ``domain.concurrency`` decides what may be written.
Here: the stored record, locked until the write is committed (PostgreSQL ``FOR UPDATE``), and a
record another client deleted meanwhile named as such.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from rte_desktop.domain.concurrency import already_deleted
from rte_desktop.domain.errors import NotFoundError

if TYPE_CHECKING:
    from rte_desktop.storage.unit_of_work import UnitOfWork

T = TypeVar("T")


def current(uow: UnitOfWork, cls: type[T], id_: int, what: str) -> T:
    """The stored ``cls`` with this id, locked for the write that follows.

    Args:
        uow: the open unit of work.
        cls: the record's domain class.
        id_: its id.
        what: the record as messages name it ("the event “PI Planning”").

    Raises:
        NotFoundError: another client deleted it (the message says so; nothing changed).
    """
    try:
        return uow.get(cls, id_, for_update=True)
    except NotFoundError:
        raise already_deleted(what) from None

"""No lost updates: merge one client's edit of a record with what another client stored since.

A client edits the value it *saw*; by the time it saves, the stored value may be *current*
(another facilitator's edit). The fields this client changed are written; the fields it did not
touch keep whatever is stored now. A field both changed, to different values, is a conflict:
the second writer is refused instead of silently overwriting the first.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

from rte_desktop.domain.errors import ConflictError

T = TypeVar("T")

# Fields the database or the service sets, never a person: they never conflict.
_IGNORED = frozenset({"id", "position", "created_at"})


def merge_edit(seen: T, mine: T, current: T, what: str) -> T:
    """``current`` with the fields ``mine`` changed from ``seen``.

    Args:
        seen: the value the client read before editing.
        mine: the value the client wants to store.
        current: the value stored now.
        what: the record as the message names it ("objective “Ship it”").

    Raises:
        ConflictError: another client changed one of the same fields to something else.
    """
    changed = [
        f.name
        for f in dataclasses.fields(mine)  # type: ignore[arg-type]
        if f.name not in _IGNORED and getattr(mine, f.name) != getattr(seen, f.name)
    ]
    clashes = tuple(
        name
        for name in changed
        if getattr(current, name) != getattr(seen, name)
        and getattr(current, name) != getattr(mine, name)
    )
    if clashes:
        names = ", ".join(name.replace("_", " ") for name in clashes)
        now = "; ".join(
            f"{n.replace('_', ' ')} is now {_show(getattr(current, n))}" for n in clashes
        )
        raise ConflictError(
            f"Someone else changed the {names} of {what} since you opened it ({now}). "
            "Your change was not saved; the panel shows theirs now: edit it again to replace it.",
            clashes,
        )
    updates: dict[str, Any] = {name: getattr(mine, name) for name in changed}
    return dataclasses.replace(current, **updates)  # type: ignore[type-var]


def check_fields_unchanged(seen: T, current: T, changes: dict[str, Any], what: str) -> None:
    """Refuse ``changes`` (field -> new value) when another client changed one of those fields.

    Raises:
        ConflictError: see ``merge_edit``.
    """
    mine = dataclasses.replace(seen, **changes)  # type: ignore[type-var]
    merge_edit(seen, mine, current, what)


def _show(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, str):
        return f"“{value[:60]}”"
    return str(getattr(value, "value", value))

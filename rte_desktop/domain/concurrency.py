"""No lost updates: merge one client's edit of a record with what another client stored since.

A client edits the value it *saw*; by the time it saves, the stored value may be *current*
(another facilitator's edit). The fields this client changed are written; the fields it did not
touch keep whatever is stored now. A field both changed, to different values, is a conflict:
the second writer is refused instead of silently overwriting the first. A deletion is refused
the same way when the record is no longer as the client saw it, and a record another client
already deleted is named as such. Who made the other change, and when, is not recorded: the
messages say "another facilitator".
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

from rte_desktop.domain.errors import ConflictError, NotFoundError

T = TypeVar("T")

# Fields the database or the service sets, never a person: they never conflict.
_IGNORED = frozenset({"id", "position", "created_at"})

# How a field is named in a message, where its Python name would read badly.
_LABELS = {
    "team_id": "team",
    "iteration_id": "iteration",
    "provider_id": "providing feature",
    "consumer_feature_id": "needing feature",
    "consumer_milestone_id": "needing milestone",
    "needed_iteration_id": "needed-by iteration",
    "day": "date",
}

Describe = Callable[[str, Any], str | None]
"""``describe(field, value)``: how a value reads in a message (None: the default)."""

RELOAD = "the panel shows theirs now"


def merge_edit(
    seen: T,
    mine: T,
    current: T,
    what: str,
    describe: Describe | None = None,
    ignore: frozenset[str] = frozenset(),
) -> T:
    """``current`` with the fields ``mine`` changed from ``seen``.

    Args:
        seen: the value the client read before editing.
        mine: the value the client wants to store.
        current: the value stored now.
        what: the record as the message names it ("the objective “Ship it”").
        describe: how a field's value reads in the message (names instead of ids).
        ignore: more fields that never conflict (the service sets them).

    Raises:
        ConflictError: another client changed one of the same fields to something else.
    """
    skip = _IGNORED | ignore
    changed = [
        f.name
        for f in dataclasses.fields(mine)  # type: ignore[arg-type]
        if f.name not in skip and getattr(mine, f.name) != getattr(seen, f.name)
    ]
    clashes = tuple(
        name
        for name in changed
        if getattr(current, name) != getattr(seen, name)
        and getattr(current, name) != getattr(mine, name)
    )
    if clashes:
        raise _conflict(
            clashes,
            current,
            what,
            f"Your change was not saved; {RELOAD} (reload): edit it again to replace it.",
            describe,
        )
    updates: dict[str, Any] = {name: getattr(mine, name) for name in changed}
    return dataclasses.replace(current, **updates)  # type: ignore[type-var]


def check_fields_unchanged(
    seen: T, current: T, changes: dict[str, Any], what: str, describe: Describe | None = None
) -> None:
    """Refuse ``changes`` (field -> new value) when another client changed one of those fields.

    Raises:
        ConflictError: see ``merge_edit``.
    """
    mine = dataclasses.replace(seen, **changes)  # type: ignore[type-var]
    merge_edit(seen, mine, current, what, describe)


def check_unchanged(
    seen: T,
    current: T,
    what: str,
    not_done: str = "It was not deleted",
    describe: Describe | None = None,
    ignore: frozenset[str] = frozenset(),
) -> None:
    """Refuse to act on ``current`` (delete it) when another client changed it since ``seen``.

    Args:
        seen: the record as the client saw it.
        current: the record as stored now.
        what: the record as the message names it.
        not_done: what did not happen ("It was not deleted").
        describe: how a field's value reads in the message.
        ignore: more fields that may differ without a conflict.

    Raises:
        ConflictError: names the changed fields and their new values.
    """
    skip = _IGNORED | ignore
    differ = tuple(
        f.name
        for f in dataclasses.fields(current)  # type: ignore[arg-type]
        if f.name not in skip and getattr(current, f.name) != getattr(seen, f.name)
    )
    if differ:
        advice = f"{not_done}; {RELOAD} (reload): do it again if you still mean to."
        raise _conflict(differ, current, what, advice, describe)


def already_deleted(what: str) -> NotFoundError:
    """The error for a record another client deleted since this one read it (nothing changed)."""
    return NotFoundError(
        f"Another facilitator deleted {what} since you opened it; nothing was changed "
        f"(the panel no longer shows it)."
    )


def _conflict(
    fields: tuple[str, ...], current: Any, what: str, advice: str, describe: Describe | None
) -> ConflictError:
    labels = list(dict.fromkeys(_label(name) for name in fields))
    now = "; ".join(
        dict.fromkeys(
            f"{_label(n)} is now {_show(n, getattr(current, n), describe)}" for n in fields
        )
    )
    return ConflictError(
        f"Another facilitator changed the {', '.join(labels)} of {what} since you opened it "
        f"({now}). {advice}",
        fields,
    )


def _label(name: str) -> str:
    return _LABELS.get(name, name.replace("_", " "))


def _show(name: str, value: Any, describe: Describe | None) -> str:
    if describe is not None and (text := describe(name, value)) is not None:
        return text
    if value is None:
        return "empty"
    if isinstance(value, str):
        return f"“{value[:60]}”" if value else "empty"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(getattr(value, "value", value))

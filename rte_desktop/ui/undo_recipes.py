"""The one undo recipe for edits over services: create, update, delete (built on ``ui.undo.push``).

- ``push_created``: a created value is removed on undo and put back with the same id on redo
  (the service's ``restore_*`` inserts the snapshot with its id on every back end; the database
  never picks a new one), so later commands that name it by id keep working.
- ``push_deleted``: a deletion keeps the snapshot the service returned; undo restores it exactly.
- ``push_updated``: a change of known values, undone by writing the old ones back.
- ``push_replaced``: a change to a whole aggregate (an agenda), undone and redone by restoring
  a snapshot of it taken before and after (ids included).

Each runs the edit at once, so a refusal (DomainError) reaches the caller and nothing enters the
stack; each returns what the edit returned.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from rte_desktop.ui.undo import UndoStack, push

T = TypeVar("T")
S = TypeVar("S")
V = TypeVar("V")
R = TypeVar("R")


def push_created(
    stack: UndoStack,
    text: str,
    create: Callable[[], T],
    remove: Callable[[T], S],
    restore: Callable[[S], object],
) -> T:
    """Run ``create`` now and record it; returns what it created.

    Args:
        stack: the undo stack.
        text: the command's name in the Edit menu.
        create: makes the value (a service call) and returns it.
        remove: deletes that value and returns a snapshot for ``restore``.
        restore: puts the snapshot back (same ids).
    """
    state: dict[str, Any] = {}

    def do() -> None:
        if "value" not in state:
            state["value"] = create()
        else:
            restore(state.pop("snapshot"))

    def undo() -> None:
        state["snapshot"] = remove(state["value"])

    push(stack, text, do, undo)
    value: T = state["value"]
    return value


def push_deleted(
    stack: UndoStack,
    text: str,
    delete: Callable[[], S],
    restore: Callable[[S], object],
) -> S:
    """Run ``delete`` now (it returns a snapshot) and record it; undo restores the snapshot.

    Also fits any edit that returns what it overwrote (clearing the dots of a workshop).
    """
    state: dict[str, Any] = {}

    def do() -> None:
        state["snapshot"] = delete()

    def undo() -> None:
        restore(state["snapshot"])

    push(stack, text, do, undo)
    snapshot: S = state["snapshot"]
    return snapshot


def push_updated(stack: UndoStack, text: str, apply: Callable[[V], T], old: V, new: V) -> T:
    """Run ``apply(new)`` now and record it; undo runs ``apply(old)``. Returns what it returned."""
    state: dict[str, Any] = {}

    def do() -> None:
        state["value"] = apply(new)

    push(stack, text, do, lambda: apply(old))
    value: T = state["value"]
    return value


def push_checked_update(
    stack: UndoStack, text: str, apply: Callable[[V, R], R], old: V, new: V, shown: R
) -> R:
    """Like ``push_updated``, for a service that refuses to overwrite another client's change.

    ``apply(value, seen)`` writes ``value`` if the record is still as ``seen`` and returns it as
    stored. The first step expects the record as the window ``shown`` it; each later step (undo,
    redo) expects what the step before it stored, so a change another client made in between
    is refused, never overwritten.
    """
    state: dict[str, Any] = {"seen": shown}

    def do() -> None:
        state["seen"] = apply(new, state["seen"])

    def undo() -> None:
        state["seen"] = apply(old, state["seen"])

    push(stack, text, do, undo)
    value: R = state["seen"]
    return value


def push_replaced(
    stack: UndoStack,
    text: str,
    change: Callable[[], T],
    snapshot: Callable[[], S],
    restore: Callable[[S], object],
) -> T:
    """Run ``change`` now between two snapshots of what it changes; undo/redo restore them.

    Redo restores the snapshot taken after the first run instead of changing again, so ids made
    by the change stay the same for the commands around it.
    """
    before = snapshot()
    state: dict[str, Any] = {}

    def do() -> None:
        if "after" in state:
            restore(state["after"])
            return
        state["value"] = change()
        state["after"] = snapshot()

    push(stack, text, do, lambda: restore(before))
    value: T = state["value"]
    return value

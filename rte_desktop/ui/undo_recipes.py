"""Undo recipes for creating and deleting over services (built on ``ui.undo.push``).

A created value is deleted on undo and restored with the same id on redo, so later commands that
name it by id keep working; a deleted value is restored from the snapshot its deletion returned.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtGui import QUndoStack

from rte_desktop.ui.undo import push

T = TypeVar("T")


def push_created(
    stack: QUndoStack,
    text: str,
    create: Callable[[], T],
    remove: Callable[[T], Any],
    restore: Callable[[Any], object],
) -> T:
    """Run ``create`` now and record it; returns what it created.

    Args:
        stack: the undo stack.
        text: the command's name in the Edit menu.
        create: makes the value (a service call) and returns it.
        remove: deletes that value and returns a snapshot for ``restore``.
        restore: puts the snapshot back (same id).
    """
    state: dict[str, Any] = {"value": None, "snapshot": None}

    def do() -> None:
        if state["snapshot"] is None:
            state["value"] = create()
        else:
            restore(state["snapshot"])

    def undo() -> None:
        state["snapshot"] = remove(state["value"])

    push(stack, text, do, undo)
    value: T = state["value"]
    return value


def push_deleted(
    stack: QUndoStack,
    text: str,
    delete: Callable[[], Any],
    restore: Callable[[Any], object],
) -> None:
    """Run ``delete`` now (it returns a snapshot) and record it; undo restores the snapshot."""
    state: dict[str, Any] = {}

    def do() -> None:
        state["snapshot"] = delete()

    def undo() -> None:
        restore(state["snapshot"])

    push(stack, text, do, undo)

"""The objectives panel's edits, on the one undo recipe (``ui.undo_recipes``).

Redo of an add restores the same objective (same id); redo of a move re-applies the order the
first run produced, so undo/redo never drift from what the user saw.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QCoreApplication

from rte_desktop.domain.model import Objective
from rte_desktop.services.objectives.objectives import ObjectiveService
from rte_desktop.ui.undo import UndoStack
from rte_desktop.ui.undo_recipes import (
    push_checked_update,
    push_created,
    push_deleted,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("objectives", text)


class ObjectiveEdits:
    """Every write of the objectives panel; each raises DomainError when refused."""

    def __init__(self, service: ObjectiveService, stack: UndoStack) -> None:
        self._service = service
        self._stack = stack

    def edit(self, item: Objective, field: str, value: Any) -> None:
        """Change one field of ``item`` as this window shows it.

        Each step says what it expects to find, so another client's change of the same field
        in between is refused, never overwritten.
        """
        service, oid = self._service, item.id or 0
        push_checked_update(
            self._stack,
            _tr("Change %1").replace("%1", field.replace("_", " ")),
            lambda new, seen: service.update(oid, seen, **{field: new}).value,
            getattr(item, field),
            value,
            item,
        )

    def add(self, pi_id: int, team_id: int, text: str) -> Objective:
        service = self._service
        return push_created(
            self._stack,
            _tr("Add objective"),
            lambda: service.add(pi_id, team_id, text).value,
            lambda made: service.delete(made.id or 0, seen=made).value,
            service.restore,
        )

    def delete(self, item: Objective) -> None:
        """Delete ``item`` as the window shows it (changed meanwhile by another client: refused)."""
        service, oid = self._service, item.id or 0
        push_deleted(
            self._stack,
            _tr("Delete objective"),
            lambda: service.delete(oid, seen=item).value,
            service.restore,
        )

    def move(self, item: Objective, offset: int, shown: list[int]) -> None:
        """Move ``item`` up (negative) or down within its team's order as the window ``shown`` it.

        Another client's reorder in between is refused, never overwritten; undo and redo
        expect the order the step before left.
        """
        service, oid, pi_id, team_id = self._service, item.id or 0, item.pi_id, item.team_id
        order = list(shown)
        index = order.index(oid)
        order.insert(max(0, min(len(order) - 1, index + offset)), order.pop(index))

        def apply(value: list[int], seen: list[int]) -> list[int]:
            service.reorder(pi_id, team_id, value, seen)
            return value

        push_checked_update(self._stack, _tr("Move objective"), apply, list(shown), order, shown)

    def to_team(self, item: Objective, team_id: int) -> None:
        """Give ``item`` (as the window shows it) to another team; undo gives it back.

        One another client gave to another team in between is refused, never moved again.
        """
        service, oid = self._service, item.id or 0

        def apply(place: tuple[int, int | None], seen: Objective) -> Objective:
            before = service.move_to_team(oid, *place, seen=seen).value
            return dataclasses.replace(before, team_id=place[0])

        push_checked_update(
            self._stack,
            _tr("Move objective to another team"),
            apply,
            (item.team_id, item.position),
            (team_id, None),
            item,
        )

"""Undoable objective edits as (text, do, undo) triples over the objectives service.

Redo of an add restores the same objective (same id); redo of a move re-applies the order the
first run produced, so undo/redo never drift from what the user saw.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from rte_desktop.domain.model import Objective
from rte_desktop.services.objectives.objectives import ObjectiveService

Command = tuple[str, Callable[[], object], Callable[[], object]]


def _tr(text: str) -> str:
    return QCoreApplication.translate("objectives", text)


def edit(service: ObjectiveService, item: Objective, field: str, value: Any) -> Command:
    oid, old = item.id or 0, getattr(item, field)
    return (
        _tr("Change %1").replace("%1", field.replace("_", " ")),
        lambda: service.update(oid, **{field: value}),
        lambda: service.update(oid, **{field: old}),
    )


def add(
    service: ObjectiveService, pi_id: int, team_id: int, text: str, state: dict[str, Objective]
) -> Command:
    """Add an objective; ``state["added"]`` holds it afterwards."""

    def do() -> None:
        if "added" in state:
            service.restore(state["added"])
        else:
            state["added"] = service.add(pi_id, team_id, text).value

    return _tr("Add objective"), do, lambda: service.delete(state["added"].id or 0)


def delete(service: ObjectiveService, item: Objective) -> Command:
    oid = item.id or 0
    return _tr("Delete objective"), lambda: service.delete(oid), lambda: service.restore(item)


def move(service: ObjectiveService, item: Objective, offset: int) -> Command:
    oid, pi_id, team_id = item.id or 0, item.pi_id, item.team_id
    state: dict[str, list[int]] = {}

    def do() -> None:
        if "after" in state:
            service.reorder(pi_id, team_id, state["after"])
        else:
            state["before"] = service.move(oid, offset).value
            state["after"] = [o.id or 0 for o in service.objectives(pi_id, team_id)]

    return _tr("Move objective"), do, lambda: service.reorder(pi_id, team_id, state["before"])


def to_team(service: ObjectiveService, item: Objective, team_id: int) -> Command:
    oid = item.id or 0
    return (
        _tr("Move objective to another team"),
        lambda: service.move_to_team(oid, team_id),
        lambda: service.move_to_team(oid, item.team_id, item.position),
    )

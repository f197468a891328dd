"""The risks panel's edits, on the one undo recipe (``ui.undo_recipes``).

A new risk comes back with its id on redo; undoing a move or an edit writes the risk as it was,
with "undo" in its status history.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QCoreApplication

from rte_desktop.domain import roam
from rte_desktop.domain.model import Risk, RoamStatus
from rte_desktop.services.risks.risks import RiskService
from rte_desktop.ui.undo import UndoStack
from rte_desktop.ui.undo_recipes import push_checked_update, push_created, push_deleted


def _tr(text: str) -> str:
    return QCoreApplication.translate("RisksPanel", text)


class RiskEdits:
    """Every write of the risks panel; each raises DomainError when refused."""

    def __init__(self, service: RiskService, stack: UndoStack) -> None:
        self._service = service
        self._stack = stack

    def move(self, old: Risk, status: RoamStatus, owner: str | None) -> None:
        """Move ``old`` (as the window shows it) to another ROAM column, naming its owner too.

        A risk another client re-ROAMed in between is refused, never moved again; undo and redo
        expect what the step before stored.
        """
        service, risk_id = self._service, old.id or 0

        def apply(value: Risk | None, seen: Risk) -> Risk:
            if value is None:
                return service.move(risk_id, status, owner=owner, seen=seen).value
            return service.update(value, note="undo", seen=seen).value

        push_checked_update(
            self._stack,
            _tr("Move risk to %1").replace("%1", roam.STATUS_TITLE[status]),
            apply,
            old,
            None,
            old,
        )

    def add(self, pi_id: int, risk: Risk) -> Risk:
        """Add a risk drafted in the dialog (its id, PI, creation time and position are new)."""
        service = self._service
        fields: dict[str, Any] = {
            f.name: getattr(risk, f.name)
            for f in dataclasses.fields(risk)
            if f.name not in ("id", "pi_id", "created_at", "position")
        }
        return push_created(
            self._stack,
            _tr("New risk"),
            lambda: service.add(pi_id, **fields).value,
            lambda made: service.delete(made.id or 0, seen=made).value,
            service.restore,
        )

    def edit(self, old: Risk, new: Risk) -> None:
        """Store ``new`` over ``old``, the risk as the window shows it.

        Another client's change of the same field in between is refused, never overwritten.
        """
        service = self._service

        def apply(value: Risk, seen: Risk) -> Risk:
            note = "undo" if value is old else ""
            return service.update(value, note=note, seen=seen).value

        push_checked_update(self._stack, _tr("Edit risk"), apply, old, new, old)

    def delete(self, risk_id: int, shown: Risk | None = None) -> None:
        """Delete a risk; one another client changed since it was ``shown`` is refused."""
        service = self._service
        push_deleted(
            self._stack,
            _tr("Delete risk"),
            lambda: service.delete(risk_id, seen=shown).value,
            service.restore,
        )

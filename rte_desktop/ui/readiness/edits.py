"""The readiness panel's edits, on the one undo recipe (``ui.undo_recipes``).

Items are put back with their ids on redo; filling the checklists from the templates is one
transaction each way, however many items it adds.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from rte_desktop.domain.model import ReadinessItem
from rte_desktop.services.readiness.readiness import ReadinessService
from rte_desktop.ui.undo import UndoStack
from rte_desktop.ui.undo_recipes import push_checked_update, push_created, push_deleted


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReadinessPanel", text)


class ReadinessEdits:
    """Every write of the readiness panel; each raises DomainError when refused."""

    def __init__(self, service: ReadinessService, stack: UndoStack) -> None:
        self._service = service
        self._stack = stack

    def set_done(self, item: ReadinessItem, done: bool) -> None:
        """Tick or untick ``item`` as the window shows it (another client's tick is kept)."""
        service, item_id = self._service, item.id or 0
        push_checked_update(
            self._stack,
            _tr("Tick item") if done else _tr("Untick item"),
            lambda flag, seen: service.set_done(item_id, flag, seen=seen).value,
            item.done,
            done,
            item,
        )

    def add(self, value: ReadinessItem) -> ReadinessItem:
        service = self._service
        return push_created(
            self._stack,
            _tr("Add checklist item"),
            lambda: (
                service.add_item(
                    value.pi_id,
                    value.checklist,
                    value.title,
                    value.owner,
                    value.due_offset_days,
                    value.notes,
                ).value
            ),
            lambda made: service.delete_item(made.id or 0, seen=made).value,
            service.put_item,
        )

    def edit(self, old: ReadinessItem, new: ReadinessItem) -> None:
        """Store ``new`` over ``old`` as the window shows it; another client's edit is kept."""
        service = self._service
        push_checked_update(
            self._stack,
            _tr("Edit checklist item"),
            lambda value, seen: service.put_item(value, seen=seen).value,
            old,
            new,
            old,
        )

    def remove(self, item: ReadinessItem) -> None:
        """Remove ``item`` as shown (changed or removed meanwhile by another client: refused)."""
        service, item_id = self._service, item.id or 0
        push_deleted(
            self._stack,
            _tr("Remove checklist item"),
            lambda: service.delete_item(item_id, seen=item).value,
            service.put_item,
        )

    def prefill(self, pi_id: int) -> list[ReadinessItem]:
        service = self._service
        return push_created(
            self._stack,
            _tr("Fill checklists from templates"),
            lambda: service.prefill(pi_id).value,
            lambda made: service.delete_items([item.id or 0 for item in made]).value,
            service.put_items,
        )

"""Every workshop edit, on the one undo recipe (``ui.undo_recipes``).

Additions are put back with the very same ids on redo, so later commands on the stack still find
them; deletions keep what the service returned and restore it exactly.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from rte_desktop.domain.model import Bone, Cause, ImprovementItem, Solution, Workshop
from rte_desktop.services.workshop.improvements import ImprovementService, ItemDraft
from rte_desktop.services.workshop.workshop import WorkshopService, WorkshopSnapshot
from rte_desktop.ui.undo import UndoStack
from rte_desktop.ui.undo_recipes import (
    push_checked_update,
    push_created,
    push_deleted,
    push_updated,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("WorkshopEdits", text)


class WorkshopEdits:
    """The workshop panel's one write path: every change one undo step.

    Args:
        workshop: workshops, causes and dots.
        improvements: solutions and improvement backlog items.
        stack: the window's undo stack.
    """

    def __init__(
        self, workshop: WorkshopService, improvements: ImprovementService, stack: UndoStack
    ) -> None:
        self._shop = workshop
        self._improve = improvements
        self._stack = stack

    # -- workshops ------------------------------------------------------------------------------

    def create_workshop(self, pi_id: int, title: str) -> Workshop:
        shop = self._shop
        return push_created(
            self._stack,
            _tr("New workshop"),
            lambda: shop.create_workshop(pi_id, title).value,
            lambda made: shop.delete_workshop(made.id or 0).value,
            shop.restore_workshop,
        )

    def delete_workshop(self, workshop_id: int) -> None:
        shop = self._shop
        push_deleted(
            self._stack,
            _tr("Delete workshop"),
            lambda: shop.delete_workshop(workshop_id).value,
            shop.restore_workshop,
        )

    def update_problem(self, workshop: Workshop, field: str, value: str) -> None:
        old = getattr(workshop, field)
        if old == value:
            return
        assert workshop.id is not None
        shop_id = workshop.id
        # The workshop as the window shows it: another facilitator's edit of the same field
        # since then is refused, never overwritten (undo and redo likewise).
        push_checked_update(
            self._stack,
            _tr("Edit problem statement"),
            lambda text, seen: self._shop.update_problem(shop_id, seen, **{field: text}).value,
            old,
            value,
            workshop,
        )

    def set_voting(self, workshop: Workshop, participants: int, dots: int) -> None:
        old = (workshop.participants, workshop.dots_per_participant)
        if old == (participants, dots):
            return
        shop_id = workshop.id or 0
        push_updated(
            self._stack,
            _tr("Change dot voting"),
            lambda pair: self._shop.set_voting(shop_id, *pair),
            old,
            (participants, dots),
        )

    def set_hidden(self, workshop: Workshop, hidden: bool) -> None:
        shop_id = workshop.id or 0
        push_updated(
            self._stack,
            _tr("Hide dots") if hidden else _tr("Reveal dots"),
            lambda flag: self._shop.set_votes_hidden(shop_id, flag),
            not hidden,
            hidden,
        )

    def restate(self, workshop: Workshop, cause_id: int) -> Workshop:
        shop, shop_id, old_restated = self._shop, workshop.id or 0, workshop.restated_problem

        def remove(made: Workshop) -> tuple[str, WorkshopSnapshot]:
            restated = shop.workshop(shop_id).restated_problem
            snapshot = shop.delete_workshop(made.id or 0).value
            shop.update_problem(shop_id, restated_problem=old_restated)
            return restated, snapshot

        def restore(kept: tuple[str, WorkshopSnapshot]) -> None:
            shop.restore_workshop(kept[1])
            shop.update_problem(shop_id, restated_problem=kept[0])

        return push_created(
            self._stack,
            _tr("Restate as new problem"),
            lambda: shop.restate_as_new_problem(shop_id, cause_id).value,
            remove,
            restore,
        )

    # -- bones ----------------------------------------------------------------------------------

    def add_bone(self, workshop_id: int, name: str, after_id: int | None = None) -> Bone:
        shop = self._shop
        return push_created(
            self._stack,
            _tr("Add bone"),
            lambda: shop.add_bone(workshop_id, name, after_id).value,
            lambda made: shop.delete_bone(made.id or 0).value,
            lambda kept: shop.restore_bone(*kept),
        )

    def rename_bone(self, bone: Bone, name: str) -> None:
        bone_id = bone.id or 0
        push_checked_update(
            self._stack,
            _tr("Rename bone"),
            lambda text, seen: self._shop.rename_bone(bone_id, text, seen=seen).value,
            bone.name,
            name,
            bone,
        )

    def delete_bone(self, bone_id: int) -> None:
        shop = self._shop
        push_deleted(
            self._stack,
            _tr("Delete bone"),
            lambda: shop.delete_bone(bone_id).value,
            lambda kept: shop.restore_bone(*kept),
        )

    # -- causes ---------------------------------------------------------------------------------

    def add_cause(
        self, bone_id: int, text: str, parent_id: int | None = None, after_id: int | None = None
    ) -> Cause:
        shop = self._shop
        return push_created(
            self._stack,
            _tr("Add cause"),
            lambda: shop.add_cause(bone_id, text, parent_id, after_id).value,
            lambda made: shop.delete_cause(made.id or 0, seen=made).value,
            shop.restore_causes,
        )

    def rename_cause(self, cause: Cause, text: str) -> None:
        cause_id = cause.id or 0
        push_checked_update(
            self._stack,
            _tr("Rename cause"),
            lambda value, seen: self._shop.rename_cause(cause_id, value, seen=seen).value,
            cause.text,
            text,
            cause,
        )

    def delete_cause(self, cause_id: int, shown: Cause | None = None) -> None:
        """Delete a cause with its sub-causes; one changed since it was ``shown`` is refused."""
        shop = self._shop
        push_deleted(
            self._stack,
            _tr("Delete cause"),
            lambda: shop.delete_cause(cause_id, seen=shown).value,
            shop.restore_causes,
        )

    def move_cause(self, cause: Cause, bone_id: int, parent_id: int | None = None) -> None:
        cause_id = cause.id or 0
        old: tuple[int, int | None, int | None] = (cause.bone_id, cause.parent_id, cause.position)
        push_updated(
            self._stack,
            _tr("Move cause"),
            lambda place: self._shop.move_cause(cause_id, *place),
            old,
            (bone_id, parent_id, None),
        )

    def set_votes(self, cause: Cause, votes: int) -> None:
        cause_id = cause.id or 0
        push_updated(
            self._stack,
            _tr("Dots on a cause"),
            lambda dots: self._shop.set_cause_votes(cause_id, dots),
            cause.votes,
            votes,
        )

    def clear_votes(self, workshop_id: int) -> None:
        shop = self._shop
        push_deleted(
            self._stack,
            _tr("Clear dots"),
            lambda: shop.clear_votes(workshop_id).value,
            shop.restore_votes,
        )

    # -- solutions and improvement items --------------------------------------------------------

    def add_solution(self, workshop_id: int, text: str) -> Solution:
        improve = self._improve
        return push_created(
            self._stack,
            _tr("Add solution"),
            lambda: improve.add_solution(workshop_id, text).value,
            lambda made: improve.delete_solution(made.id or 0, seen=made).value,
            improve.restore_solution,
        )

    def update_solution(self, solution: Solution, text: str, votes: int) -> None:
        sid = solution.id or 0
        push_checked_update(
            self._stack,
            _tr("Edit solution"),
            lambda pair, seen: self._improve.update_solution(sid, *pair, seen=seen).value,
            (solution.text, solution.votes),
            (text, votes),
            solution,
        )

    def delete_solution(self, solution_id: int, shown: Solution | None = None) -> None:
        """Delete a solution; one another client changed since it was ``shown`` is refused."""
        improve = self._improve
        push_deleted(
            self._stack,
            _tr("Delete solution"),
            lambda: improve.delete_solution(solution_id, seen=shown).value,
            improve.restore_solution,
        )

    def add_item(self, workshop_id: int, draft: ItemDraft) -> ImprovementItem:
        improve = self._improve
        return push_created(
            self._stack,
            _tr("Add improvement item"),
            lambda: improve.add_item(workshop_id, draft).value,
            lambda made: improve.delete_item(made.id or 0, seen=made).value,
            improve.restore_item,
        )

    def update_item(self, item: ImprovementItem, draft: ItemDraft) -> None:
        old = ItemDraft(item.title, item.description, item.owner, item.target_pi_id, item.kind)
        item_id = item.id or 0
        push_checked_update(
            self._stack,
            _tr("Edit improvement item"),
            lambda value, seen: self._improve.update_item(item_id, value, seen=seen).value,
            old,
            draft,
            item,
        )

    def delete_item(self, item_id: int, shown: ImprovementItem | None = None) -> None:
        """Delete an improvement item; one changed since it was ``shown`` is refused."""
        improve = self._improve
        push_deleted(
            self._stack,
            _tr("Delete improvement item"),
            lambda: improve.delete_item(item_id, seen=shown).value,
            improve.restore_item,
        )

"""Every workshop edit as an undoable pair of service calls (see ``ui.undo.push``).

Additions remember what they created, so a redo after an undo restores the very same row (same
id) and later commands on the stack still find it. Deletions keep what the service returned and
restore it exactly.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack

from rte_desktop.domain.model import Bone, Cause, ImprovementItem, Solution, Workshop
from rte_desktop.services.workshop.improvements import ItemDraft
from rte_desktop.ui.undo import push
from rte_desktop.workspace import Workspace


def _tr(text: str) -> str:
    return QCoreApplication.translate("WorkshopEdits", text)


class _Created:
    """Holds what an add created, for redo."""

    def __init__(self) -> None:
        self.value: Any = None
        self.snapshot: Any = None  # what an undo removed, for the redo
        self.restated = ""


class WorkshopEdits:
    def __init__(self, ws: Workspace, stack: QUndoStack) -> None:
        self._ws = ws
        self._stack = stack

    @property
    def _shop(self) -> Any:
        return self._ws.workshop

    @property
    def _improve(self) -> Any:
        return self._ws.improvements

    # -- workshops ------------------------------------------------------------------------------

    def create_workshop(self, pi_id: int, title: str) -> Workshop:
        made = _Created()

        def do() -> None:
            if made.value is None:
                made.value = self._shop.create_workshop(pi_id, title).value
            else:
                self._shop.restore_workshop(made.snapshot)

        def undo() -> None:
            made.snapshot = self._shop.delete_workshop(made.value.id).value

        push(self._stack, _tr("New workshop"), do, undo)
        return made.value  # type: ignore[no-any-return]

    def delete_workshop(self, workshop_id: int) -> None:
        kept = _Created()

        def do() -> None:
            kept.value = self._shop.delete_workshop(workshop_id).value

        push(
            self._stack, _tr("Delete workshop"), do, lambda: self._shop.restore_workshop(kept.value)
        )

    def update_problem(self, workshop: Workshop, field: str, value: str) -> None:
        old = getattr(workshop, field)
        if old == value:
            return
        assert workshop.id is not None
        shop_id = workshop.id
        push(
            self._stack,
            _tr("Edit problem statement"),
            lambda: self._shop.update_problem(shop_id, **{field: value}),
            lambda: self._shop.update_problem(shop_id, **{field: old}),
        )

    def set_voting(self, workshop: Workshop, participants: int, dots: int) -> None:
        old = (workshop.participants, workshop.dots_per_participant)
        if old == (participants, dots):
            return
        shop_id = workshop.id
        push(
            self._stack,
            _tr("Change dot voting"),
            lambda: self._shop.set_voting(shop_id, participants, dots),
            lambda: self._shop.set_voting(shop_id, *old),
        )

    def set_hidden(self, workshop: Workshop, hidden: bool) -> None:
        shop_id = workshop.id
        push(
            self._stack,
            _tr("Hide dots") if hidden else _tr("Reveal dots"),
            lambda: self._shop.set_votes_hidden(shop_id, hidden),
            lambda: self._shop.set_votes_hidden(shop_id, not hidden),
        )

    def restate(self, workshop: Workshop, cause_id: int) -> Workshop:
        made = _Created()
        old_restated = workshop.restated_problem
        shop_id = workshop.id

        def do() -> None:
            if made.value is None:
                made.value = self._shop.restate_as_new_problem(shop_id, cause_id).value
            else:
                self._shop.restore_workshop(made.snapshot)
                self._shop.update_problem(shop_id, restated_problem=made.restated)

        def undo() -> None:
            made.restated = self._shop.workshop(shop_id).restated_problem
            made.snapshot = self._shop.delete_workshop(made.value.id).value
            self._shop.update_problem(shop_id, restated_problem=old_restated)

        push(self._stack, _tr("Restate as new problem"), do, undo)
        return made.value  # type: ignore[no-any-return]

    # -- bones ----------------------------------------------------------------------------------

    def add_bone(self, workshop_id: int, name: str, after_id: int | None = None) -> Bone:
        made = _Created()

        def do() -> None:
            if made.value is None:
                made.value = self._shop.add_bone(workshop_id, name, after_id).value
            else:
                self._shop.restore_bone(made.value, [])

        push(self._stack, _tr("Add bone"), do, lambda: self._shop.delete_bone(made.value.id))
        return made.value  # type: ignore[no-any-return]

    def rename_bone(self, bone: Bone, name: str) -> None:
        old, bone_id = bone.name, bone.id
        push(
            self._stack,
            _tr("Rename bone"),
            lambda: self._shop.rename_bone(bone_id, name),
            lambda: self._shop.rename_bone(bone_id, old),
        )

    def delete_bone(self, bone_id: int) -> None:
        kept = _Created()

        def do() -> None:
            kept.value = self._shop.delete_bone(bone_id).value

        push(self._stack, _tr("Delete bone"), do, lambda: self._shop.restore_bone(*kept.value))

    # -- causes ---------------------------------------------------------------------------------

    def add_cause(
        self, bone_id: int, text: str, parent_id: int | None = None, after_id: int | None = None
    ) -> Cause:
        made = _Created()

        def do() -> None:
            if made.value is None:
                made.value = self._shop.add_cause(bone_id, text, parent_id, after_id).value
            else:
                self._shop.restore_causes([made.value])

        push(self._stack, _tr("Add cause"), do, lambda: self._shop.delete_cause(made.value.id))
        return made.value  # type: ignore[no-any-return]

    def rename_cause(self, cause: Cause, text: str) -> None:
        old, cause_id = cause.text, cause.id
        push(
            self._stack,
            _tr("Rename cause"),
            lambda: self._shop.rename_cause(cause_id, text),
            lambda: self._shop.rename_cause(cause_id, old),
        )

    def delete_cause(self, cause_id: int) -> None:
        kept = _Created()

        def do() -> None:
            kept.value = self._shop.delete_cause(cause_id).value

        push(self._stack, _tr("Delete cause"), do, lambda: self._shop.restore_causes(kept.value))

    def move_cause(self, cause: Cause, bone_id: int, parent_id: int | None = None) -> None:
        old = (cause.bone_id, cause.parent_id, cause.position)
        cause_id = cause.id
        push(
            self._stack,
            _tr("Move cause"),
            lambda: self._shop.move_cause(cause_id, bone_id, parent_id),
            lambda: self._shop.move_cause(cause_id, *old),
        )

    def set_votes(self, cause: Cause, votes: int) -> None:
        old, cause_id = cause.votes, cause.id
        push(
            self._stack,
            _tr("Dots on a cause"),
            lambda: self._shop.set_cause_votes(cause_id, votes),
            lambda: self._shop.set_cause_votes(cause_id, old),
        )

    def clear_votes(self, workshop_id: int) -> None:
        kept = _Created()

        def do() -> None:
            kept.value = self._shop.clear_votes(workshop_id).value

        push(self._stack, _tr("Clear dots"), do, lambda: self._shop.restore_votes(kept.value))

    # -- solutions and improvement items --------------------------------------------------------

    def add_solution(self, workshop_id: int, text: str) -> Solution:
        made = _Created()

        def do() -> None:
            if made.value is None:
                made.value = self._improve.add_solution(workshop_id, text).value
            else:
                self._improve.restore_solution(made.value)

        push(
            self._stack,
            _tr("Add solution"),
            do,
            lambda: self._improve.delete_solution(made.value.id),
        )
        return made.value  # type: ignore[no-any-return]

    def update_solution(self, solution: Solution, text: str, votes: int) -> None:
        old, sid = (solution.text, solution.votes), solution.id
        push(
            self._stack,
            _tr("Edit solution"),
            lambda: self._improve.update_solution(sid, text, votes),
            lambda: self._improve.update_solution(sid, *old),
        )

    def delete_solution(self, solution_id: int) -> None:
        kept = _Created()

        def do() -> None:
            kept.value = self._improve.delete_solution(solution_id).value

        push(
            self._stack,
            _tr("Delete solution"),
            do,
            lambda: self._improve.restore_solution(kept.value),
        )

    def add_item(self, workshop_id: int, draft: ItemDraft) -> ImprovementItem:
        made = _Created()

        def do() -> None:
            if made.value is None:
                made.value = self._improve.add_item(workshop_id, draft).value
            else:
                self._improve.restore_item(made.value)

        push(
            self._stack,
            _tr("Add improvement item"),
            do,
            lambda: self._improve.delete_item(made.value.id),
        )
        return made.value  # type: ignore[no-any-return]

    def update_item(self, item: ImprovementItem, draft: ItemDraft) -> None:
        old = ItemDraft(item.title, item.description, item.owner, item.target_pi_id, item.kind)
        item_id = item.id
        push(
            self._stack,
            _tr("Edit improvement item"),
            lambda: self._improve.update_item(item_id, draft),
            lambda: self._improve.update_item(item_id, old),
        )

    def delete_item(self, item_id: int) -> None:
        kept = _Created()

        def do() -> None:
            kept.value = self._improve.delete_item(item_id).value

        push(
            self._stack,
            _tr("Delete improvement item"),
            do,
            lambda: self._improve.restore_item(kept.value),
        )

"""The I&A problem-solving workshop: problem statement, fishbone bones and causes, dot votes.

A cause's dots are those placed in the room (``Cause.votes``: typed or + / −) plus those phones
placed on it (``phone_dots.py``); the Pareto, the budget and the report count both.

Every write publishes ``Area.WORKSHOP``. Deletions return what they removed (with ids) so the UI's
undo can put it back exactly with the matching ``restore_*`` call.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rte_desktop.domain.concurrency import check_fields_unchanged, check_unchanged
from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.fishbone import DEFAULT_BONES, BoneNode, build_tree, subtree_ids
from rte_desktop.domain.model import (
    Art,
    Bone,
    Cause,
    ImprovementItem,
    PhoneBallot,
    PhoneDot,
    PhoneRound,
    PlanningInterval,
    Solution,
    Workshop,
)
from rte_desktop.domain.pareto import Category, DotBudget, Pareto, pareto
from rte_desktop.services.common.changes import Area, Changes, Outcome
from rte_desktop.services.common.seen import current
from rte_desktop.services.workshop.phone_dots import (
    TakenPhoneDots,
    phone_dots_on,
    put_back_phone_dots,
    take_phone_dots,
    workshop_causes,
)

if TYPE_CHECKING:
    from rte_desktop.services.common.context import ServiceContext
    from rte_desktop.storage.unit_of_work import UnitOfWork

PROBLEM_FIELDS = ("title", "what", "where", "when", "impact", "restated_problem")
MAX_TEXT = 2000


@dataclass(frozen=True)
class Fishbone:
    """One workshop's diagram data."""

    workshop: Workshop
    bones: list[Bone]
    causes: list[Cause]  # ``votes``: the dots placed in the room (typed or + / −)
    phone_dots: dict[int, int] = dataclasses.field(default_factory=dict)  # cause id -> phones'

    @property
    def tree(self) -> tuple[BoneNode, ...]:
        return build_tree(self.bones, self.causes)

    def dots(self, cause: Cause) -> int:
        """All the dots on a cause: the room's and the phones'."""
        return cause.votes + self.phone_dots.get(cause.id or 0, 0)

    def with_phone_dots(self, phone_dots: dict[int, int]) -> Fishbone:
        """The same diagram with the phones' dots read again (``PhoneDotService.tally``)."""
        return dataclasses.replace(self, phone_dots=dict(phone_dots))

    def counted_pareto(self) -> Pareto:
        """Every cause ranked by all its dots (as ``WorkshopService.pareto``, without a read)."""
        return pareto(Category(c.text, self.dots(c), c.id) for c in self.causes)

    def counted_budget(self) -> DotBudget:
        """The dots available and placed (as ``WorkshopService.budget``, without a read)."""
        used = sum(self.dots(c) for c in self.causes)
        return DotBudget(self.workshop.participants, self.workshop.dots_per_participant, used)


@dataclass(frozen=True)
class ClearedDots:
    """The dots "Clear dots" removed, to put them back on undo."""

    votes: dict[int, int]  # cause id -> the room's dots
    phones: TakenPhoneDots = dataclasses.field(default_factory=TakenPhoneDots)


@dataclass(frozen=True)
class RemovedCauses:
    """Causes deleted with their sub-causes (parents first) and the phones' dots on them."""

    causes: list[Cause]
    phones: TakenPhoneDots = dataclasses.field(default_factory=TakenPhoneDots)


@dataclass(frozen=True)
class WorkshopSnapshot:
    """Everything of a deleted workshop, to restore it on undo."""

    workshop: Workshop
    bones: list[Bone]
    causes: list[Cause]
    solutions: list[Solution]
    items: list[ImprovementItem]
    phone_rounds: list[PhoneRound] = dataclasses.field(default_factory=list)
    phone_ballots: list[PhoneBallot] = dataclasses.field(default_factory=list)
    phone_dots: list[PhoneDot] = dataclasses.field(default_factory=list)


def clean_text(text: str, what: str, limit: int = MAX_TEXT, one_line: bool = True) -> str:
    """Trimmed text (spaces collapsed for one-line texts); refuses an empty or over-long one."""
    cleaned = " ".join(text.split()) if one_line else text.strip()
    if not cleaned:
        raise ValidationError(f"{what} must not be empty.")
    if len(cleaned) > limit:
        raise ValidationError(f"{what} is {len(cleaned)} characters long; the limit is {limit}.")
    return cleaned


def counted_causes(uow: UnitOfWork, workshop_id: int) -> list[Cause]:
    """The workshop's causes with ``votes`` = the room's dots + the phones' dots."""
    causes = workshop_causes(uow, workshop_id)
    phones = phone_dots_on(uow, [c.id for c in causes if c.id is not None])
    if not phones:
        return causes
    return [dataclasses.replace(c, votes=c.votes + phones.get(c.id or 0, 0)) for c in causes]


def _workshop_of_cause(uow: UnitOfWork, cause: Cause) -> Workshop:
    return uow.get(Workshop, uow.get(Bone, cause.bone_id).workshop_id)


class WorkshopService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def _changed(self) -> Changes:
        return self._ctx.publish(Changes.of(Area.WORKSHOP))

    # -- reading --------------------------------------------------------------------------------

    def workshops(self, pi_id: int) -> list[Workshop]:
        with self._ctx.uow() as uow:
            return uow.find(Workshop, pi_id=pi_id, order_by=["id"])

    def workshop(self, workshop_id: int) -> Workshop:
        with self._ctx.uow() as uow:
            return uow.get(Workshop, workshop_id)

    def fishbone(self, workshop_id: int) -> Fishbone:
        with self._ctx.uow() as uow:
            causes = workshop_causes(uow, workshop_id)
            return Fishbone(
                uow.get(Workshop, workshop_id),
                uow.find(Bone, workshop_id=workshop_id),
                causes,
                phone_dots_on(uow, [c.id for c in causes if c.id is not None]),
            )

    def pareto(self, workshop_id: int) -> Pareto:
        """Every cause ranked by its dots, the room's and the phones' (keys are cause ids)."""
        with self._ctx.uow() as uow:
            causes = counted_causes(uow, workshop_id)
        return pareto(Category(c.text, c.votes, c.id) for c in causes)

    def budget(self, workshop_id: int) -> DotBudget:
        """The dots available (participants x dots each) and placed (in the room and by phones)."""
        with self._ctx.uow() as uow:
            shop = uow.get(Workshop, workshop_id)
            used = sum(c.votes for c in counted_causes(uow, workshop_id))
        return DotBudget(shop.participants, shop.dots_per_participant, used)

    # -- workshops ------------------------------------------------------------------------------

    def create_workshop(
        self, pi_id: int, title: str, bones: tuple[str, ...] = DEFAULT_BONES
    ) -> Outcome[Workshop]:
        """A new workshop in a PI with the default bones and the ART's dots per participant."""
        with self._ctx.uow() as uow:
            pi = uow.get(PlanningInterval, pi_id)
            art = uow.get(Art, pi.art_id)
            shop = uow.add(
                Workshop(
                    pi_id=pi_id,
                    title=clean_text(title, "The problem's title", 200),
                    dots_per_participant=art.dots_per_participant,
                )
            )
            _add_default_bones(uow, shop, bones)
        return Outcome(shop, self._changed())

    def update_problem(
        self, workshop_id: int, seen: Workshop | None = None, **fields: str
    ) -> Outcome[Workshop]:
        """Change the problem statement: title, what, where, when, impact, restated_problem.

        ``seen`` is the workshop as the caller showed it: when another client changed one of
        the same fields since, the edit is refused (ConflictError), never overwritten.
        """
        unknown = set(fields) - set(PROBLEM_FIELDS)
        if unknown:
            raise ValidationError(f"Unknown problem field(s): {', '.join(sorted(unknown))}.")
        clean = {
            name: (
                clean_text(value, "The problem's title", 200)
                if name == "title"
                else value.strip()[:MAX_TEXT]
            )
            for name, value in fields.items()
        }
        with self._ctx.uow() as uow:
            if seen is not None:
                what = f"the problem statement “{seen.title}”"
                now = current(uow, Workshop, workshop_id, what)
                check_fields_unchanged(seen, now, clean, what)
            shop = uow.patch(Workshop, workshop_id, **clean)
        return Outcome(shop, self._changed())

    def set_voting(self, workshop_id: int, participants: int, dots: int) -> Outcome[Workshop]:
        """Participants (0 = not counted yet) and dots per participant (1-50)."""
        if not 0 <= participants <= 10_000:
            raise ValidationError(f"Participants must be 0 to 10000, not {participants}.")
        if not 1 <= dots <= 50:
            raise ValidationError(f"Dots per participant must be 1 to 50, not {dots}.")
        with self._ctx.uow() as uow:
            shop = uow.patch(
                Workshop, workshop_id, participants=participants, dots_per_participant=dots
            )
        return Outcome(shop, self._changed())

    def set_votes_hidden(self, workshop_id: int, hidden: bool) -> Outcome[Workshop]:
        """Hide the dots while people vote; reveal them all at once."""
        with self._ctx.uow() as uow:
            shop = uow.patch(Workshop, workshop_id, votes_hidden=hidden)
        return Outcome(shop, self._changed())

    def delete_workshop(self, workshop_id: int) -> Outcome[WorkshopSnapshot]:
        with self._ctx.uow() as uow:
            causes = workshop_causes(uow, workshop_id)
            rounds = uow.find(PhoneRound, workshop_id=workshop_id)
            ballots = uow.find(PhoneBallot, phone_round_id=[r.id for r in rounds]) if rounds else []
            snapshot = WorkshopSnapshot(
                uow.get(Workshop, workshop_id),
                uow.find(Bone, workshop_id=workshop_id),
                causes,
                uow.find(Solution, workshop_id=workshop_id),
                uow.find(ImprovementItem, workshop_id=workshop_id),
                rounds,
                ballots,
                uow.find(PhoneDot, cause_id=[c.id for c in causes if c.id]) if causes else [],
            )
            uow.delete(Workshop, workshop_id)
        return Outcome(snapshot, self._changed())

    def restore_workshop(self, snapshot: WorkshopSnapshot) -> Outcome[Workshop]:
        """Put a deleted workshop back with the same ids (undo)."""
        with self._ctx.uow() as uow:
            shop = uow.add(snapshot.workshop)
            for bone in snapshot.bones:
                uow.add(bone)
            _add_parents_first(uow, snapshot.causes)
            for value in (
                *snapshot.solutions,
                *snapshot.items,
                *snapshot.phone_rounds,
                *snapshot.phone_ballots,
                *snapshot.phone_dots,
            ):
                uow.add(value)
        return Outcome(shop, self._changed())

    def restate_as_new_problem(self, workshop_id: int, cause_id: int) -> Outcome[Workshop]:
        """Start a follow-up workshop on a cause (usually the top of the Pareto chart).

        The cause becomes the new workshop's title and "what"; the original workshop keeps it as
        its restated problem unless one was already written.
        """
        with self._ctx.uow() as uow:
            shop = uow.get(Workshop, workshop_id)
            cause = uow.get(Cause, cause_id)
            if _workshop_of_cause(uow, cause).id != workshop_id:
                raise ValidationError("That cause belongs to another workshop.")
            if not shop.restated_problem.strip():
                uow.patch(Workshop, workshop_id, restated_problem=cause.text)
            new = uow.add(
                Workshop(
                    pi_id=shop.pi_id,
                    title=cause.text[:200],
                    what=cause.text,
                    participants=shop.participants,
                    dots_per_participant=shop.dots_per_participant,
                    votes_hidden=shop.votes_hidden,
                    parent_id=workshop_id,
                )
            )
            _add_default_bones(uow, new, DEFAULT_BONES)
        return Outcome(new, self._changed())

    # -- bones ----------------------------------------------------------------------------------

    def add_bone(self, workshop_id: int, name: str, after_id: int | None = None) -> Outcome[Bone]:
        """A new bone at the end, or right after ``after_id``."""
        with self._ctx.uow() as uow:
            bones = uow.find(Bone, workshop_id=workshop_id)
            position = _insert_position(uow, bones, after_id)
            bone = uow.add(
                Bone(
                    workshop_id=workshop_id,
                    name=clean_text(name, "A bone's name", 200),
                    position=position,
                )
            )
        return Outcome(bone, self._changed())

    def rename_bone(self, bone_id: int, name: str, seen: Bone | None = None) -> Outcome[Bone]:
        """Rename a bone (with ``seen``: refused when another client renamed it meanwhile)."""
        name = clean_text(name, "A bone's name", 200)
        with self._ctx.uow() as uow:
            if seen is not None:
                what = f"the bone “{seen.name}”"
                check_fields_unchanged(
                    seen, current(uow, Bone, bone_id, what), {"name": name}, what
                )
            bone = uow.patch(Bone, bone_id, name=name)
        return Outcome(bone, self._changed())

    def delete_bone(self, bone_id: int) -> Outcome[tuple[Bone, RemovedCauses]]:
        """Remove a bone with its causes (and the phones' dots on them); returns them for undo."""
        with self._ctx.uow() as uow:
            bone = uow.get(Bone, bone_id)
            causes = uow.find(Cause, bone_id=bone_id)
            phones = take_phone_dots(uow, [c.id for c in causes if c.id])
            uow.delete(Bone, bone_id)
        return Outcome((bone, RemovedCauses(causes, phones)), self._changed())

    def restore_bone(self, bone: Bone, causes: RemovedCauses | list[Cause]) -> Outcome[Bone]:
        removed = causes if isinstance(causes, RemovedCauses) else RemovedCauses(causes)
        with self._ctx.uow() as uow:
            restored = uow.add(bone)
            _add_parents_first(uow, removed.causes)
            put_back_phone_dots(uow, removed.phones)
        return Outcome(restored, self._changed())

    # -- causes ---------------------------------------------------------------------------------

    def add_cause(
        self, bone_id: int, text: str, parent_id: int | None = None, after_id: int | None = None
    ) -> Outcome[Cause]:
        """A cause on a bone (``parent_id`` None) or under another cause ("why?").

        ``after_id`` places it right after that sibling; otherwise it goes last.
        """
        with self._ctx.uow() as uow:
            uow.get(Bone, bone_id)
            if parent_id is not None and uow.get(Cause, parent_id).bone_id != bone_id:
                raise ValidationError("A sub-cause must be on the same bone as its cause.")
            siblings = uow.find(Cause, bone_id=bone_id, parent_id=parent_id)
            cause = uow.add(
                Cause(
                    bone_id=bone_id,
                    parent_id=parent_id,
                    text=clean_text(text, "A cause"),
                    position=_insert_position(uow, siblings, after_id),
                )
            )
        return Outcome(cause, self._changed())

    def rename_cause(self, cause_id: int, text: str, seen: Cause | None = None) -> Outcome[Cause]:
        """Reword a cause (with ``seen``: refused when another client reworded it meanwhile)."""
        text = clean_text(text, "A cause")
        with self._ctx.uow() as uow:
            if seen is not None:
                what = f"the cause “{seen.text}”"
                check_fields_unchanged(
                    seen, current(uow, Cause, cause_id, what), {"text": text}, what
                )
            cause = uow.patch(Cause, cause_id, text=text)
        return Outcome(cause, self._changed())

    def delete_cause(self, cause_id: int, seen: Cause | None = None) -> Outcome[RemovedCauses]:
        """Remove a cause and its sub-causes; returns them (parents first) for undo.

        The phones' dots on them are returned too (they go with their cause).

        Raises:
            ConflictError: another client changed the cause since ``seen``; it stays.
            NotFoundError: it is already deleted; nothing changes.
        """
        with self._ctx.uow() as uow:
            what = f"the cause “{seen.text}”" if seen is not None else f"cause {cause_id}"
            cause = current(uow, Cause, cause_id, what)
            if seen is not None:
                check_unchanged(seen, cause, what)
            same_bone = uow.find(Cause, bone_id=cause.bone_id)
            ids = subtree_ids(same_bone, cause_id)
            removed = [c for c in same_bone if c.id in ids]
            phones = take_phone_dots(uow, sorted(ids))
            uow.delete(Cause, cause_id)  # sub-causes go with it (ON DELETE CASCADE)
        return Outcome(RemovedCauses(_parents_first(removed), phones), self._changed())

    def restore_causes(self, causes: RemovedCauses | list[Cause]) -> Outcome[list[Cause]]:
        """Put causes back exactly as they were, ids included (undo of delete or add).

        The phones' dots on them come back too, for each device that has not saved since.
        """
        removed = causes if isinstance(causes, RemovedCauses) else RemovedCauses(causes)
        with self._ctx.uow() as uow:
            restored = _add_parents_first(uow, removed.causes)
            put_back_phone_dots(uow, removed.phones)
        return Outcome(restored, self._changed())

    def move_cause(
        self,
        cause_id: int,
        bone_id: int,
        parent_id: int | None = None,
        position: int | None = None,
    ) -> Outcome[Cause]:
        """Move a cause with its sub-causes to a bone, optionally under another cause.

        Raises:
            ValidationError: the new parent is the cause itself or one of its sub-causes, or it
                is on another bone or workshop.
        """
        with self._ctx.uow() as uow:
            cause = uow.get(Cause, cause_id)
            target = uow.get(Bone, bone_id)
            if target.workshop_id != uow.get(Bone, cause.bone_id).workshop_id:
                raise ValidationError("A cause can only move within its workshop.")
            subtree = subtree_ids(uow.find(Cause, bone_id=cause.bone_id), cause_id)
            if parent_id is not None:
                if parent_id in subtree:
                    raise ValidationError("A cause cannot move under itself or its own sub-cause.")
                if uow.get(Cause, parent_id).bone_id != bone_id:
                    raise ValidationError("The new parent cause is on another bone.")
            if position is None:
                siblings = [
                    c
                    for c in uow.find(Cause, bone_id=bone_id, parent_id=parent_id)
                    if c.id != cause_id
                ]
                position = max((c.position for c in siblings), default=-1) + 1
            for member in subtree - {cause_id}:
                uow.patch(Cause, member, bone_id=bone_id)
            moved = uow.patch(
                Cause, cause_id, bone_id=bone_id, parent_id=parent_id, position=position
            )
        return Outcome(moved, self._changed())

    def set_cause_votes(self, cause_id: int, votes: int) -> Outcome[Cause]:
        """The number of dots placed in the room on a cause (0 or more; phones' dots apart)."""
        if votes < 0:
            raise ValidationError(f"A cause cannot have {votes} dots; the least is 0.")
        with self._ctx.uow() as uow:
            cause = uow.patch(Cause, cause_id, votes=votes)
        return Outcome(cause, self._changed())

    def clear_votes(self, workshop_id: int) -> Outcome[ClearedDots]:
        """Take every dot off the causes, the room's and the phones'; returns them for undo.

        A phone round stays open: devices start again from no dots.
        """
        with self._ctx.uow() as uow:
            causes = workshop_causes(uow, workshop_id)
            old = {c.id: c.votes for c in causes if c.id and c.votes}
            for cause_id in old:
                uow.patch(Cause, cause_id, votes=0)
            phones = take_phone_dots(uow, [c.id for c in causes if c.id is not None])
        return Outcome(ClearedDots(old, phones), self._changed())

    def restore_votes(self, votes: ClearedDots | dict[int, int]) -> Outcome[None]:
        """Put cleared dots back (undo of ``clear_votes``); a dict sets the room's dots only.

        A device that saved again since keeps its new dots.
        """
        cleared = votes if isinstance(votes, ClearedDots) else ClearedDots(votes)
        with self._ctx.uow() as uow:
            for cause_id, count in cleared.votes.items():
                uow.patch(Cause, cause_id, votes=count)
            put_back_phone_dots(uow, cleared.phones)
        return Outcome(None, self._changed())


def _add_default_bones(uow: UnitOfWork, shop: Workshop, names: tuple[str, ...]) -> None:
    assert shop.id is not None
    for position, name in enumerate(names):
        uow.add(Bone(workshop_id=shop.id, name=name, position=position))


def _insert_position(
    uow: UnitOfWork, siblings: list[Bone] | list[Cause], after_id: int | None
) -> int:
    """The position right after ``after_id`` (later siblings move up one), or the end."""
    after = next((s for s in siblings if s.id == after_id), None)
    if after is None:
        return max((s.position for s in siblings), default=-1) + 1
    for sibling in siblings:
        if sibling.position > after.position:
            uow.update(dataclasses.replace(sibling, position=sibling.position + 1))
    return after.position + 1


def _parents_first(causes: list[Cause]) -> list[Cause]:
    ids = {c.id for c in causes}
    placed: set[int | None] = set()
    ordered: list[Cause] = []
    pending = list(causes)
    while pending:
        ready = [c for c in pending if c.parent_id not in ids or c.parent_id in placed]
        if not ready:  # a cycle cannot be stored anyway; keep the rest as they are
            ready = pending
        for cause in ready:
            ordered.append(cause)
            placed.add(cause.id)
        pending = [c for c in pending if c not in ready]
    return ordered


def _add_parents_first(uow: UnitOfWork, causes: list[Cause]) -> list[Cause]:
    return [uow.add(cause) for cause in _parents_first(causes)]

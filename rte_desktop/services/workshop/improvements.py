"""Solutions brainstormed in a workshop and the improvement backlog items they become.

Improvement items target a PI; ``inputs_for_pi`` lists the items aimed at a PI so other panels
(board, objectives) can show them as inputs to its planning, and ``export_csv`` writes them for
the ART backlog.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rte_desktop.domain.concurrency import check_fields_unchanged, check_unchanged, merge_edit
from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.model import (
    ImprovementItem,
    PlanningInterval,
    Solution,
    WorkKind,
    Workshop,
)
from rte_desktop.services.common.changes import Area, Changes, Outcome
from rte_desktop.services.common.files import write_atomically
from rte_desktop.services.common.seen import current
from rte_desktop.services.workshop.workshop import MAX_TEXT, clean_text

if TYPE_CHECKING:
    from rte_desktop.services.common.context import ServiceContext
    from rte_desktop.storage.unit_of_work import UnitOfWork

CSV_HEADER = ("Title", "Description", "Owner", "Type", "Target PI", "Workshop", "Workshop PI")


@dataclass(frozen=True)
class ImprovementInput:
    """An improvement item with the names a reader needs beside it."""

    item: ImprovementItem
    workshop_title: str
    workshop_pi: str
    target_pi: str  # "" when not targeted yet


@dataclass(frozen=True)
class ItemDraft:
    """The editable fields of an improvement item."""

    title: str
    description: str = ""
    owner: str = ""
    target_pi_id: int | None = None
    kind: WorkKind = WorkKind.ENABLER


class ImprovementService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def _changed(self) -> Changes:
        # Items show up as inputs on other panels of the target PI too.
        return self._ctx.publish(Changes.of(Area.WORKSHOP, Area.BOARD, Area.OBJECTIVES))

    # -- solutions ------------------------------------------------------------------------------

    def solutions(self, workshop_id: int) -> list[Solution]:
        with self._ctx.uow() as uow:
            return uow.find(Solution, workshop_id=workshop_id)

    def add_solution(self, workshop_id: int, text: str) -> Outcome[Solution]:
        with self._ctx.uow() as uow:
            uow.get(Workshop, workshop_id)
            position = uow.count(Solution, workshop_id=workshop_id)
            solution = uow.add(
                Solution(
                    workshop_id=workshop_id, text=clean_text(text, "A solution"), position=position
                )
            )
        return Outcome(solution, self._changed())

    def update_solution(
        self, solution_id: int, text: str, votes: int, seen: Solution | None = None
    ) -> Outcome[Solution]:
        """Reword a solution or set its votes.

        With ``seen`` (the solution as the caller showed it), a text another client changed
        meanwhile refuses the edit, and so does any vote count they changed: votes are a count,
        so two clicks that each make 3 into 4 must not become one.

        Raises:
            ValidationError: empty text or fewer than 0 votes.
            ConflictError: another client changed the text or the votes meanwhile.
            NotFoundError: the solution was deleted meanwhile.
        """
        if votes < 0:
            raise ValidationError(f"A solution cannot have {votes} votes; the least is 0.")
        text = clean_text(text, "A solution")
        with self._ctx.uow() as uow:
            if seen is not None:
                what = f"the solution “{seen.text}”"
                now = current(uow, Solution, solution_id, what)
                check_fields_unchanged(seen, now, {"text": text}, what)
                if votes != seen.votes:
                    check_unchanged(seen, now, what, "Your vote was not counted", ignore=_NOT_VOTES)
            solution = uow.patch(Solution, solution_id, text=text, votes=votes)
        return Outcome(solution, self._changed())

    def delete_solution(self, solution_id: int, seen: Solution | None = None) -> Outcome[Solution]:
        """Delete a solution and return it (``restore_solution`` puts it back).

        Raises:
            ConflictError: another client changed the solution since ``seen``; it stays.
            NotFoundError: it is already deleted; nothing changes.
        """
        with self._ctx.uow() as uow:
            what = f"the solution “{seen.text}”" if seen is not None else f"solution {solution_id}"
            solution = current(uow, Solution, solution_id, what)
            if seen is not None:
                check_unchanged(seen, solution, what)
            uow.delete(Solution, solution_id)
        return Outcome(solution, self._changed())

    def restore_solution(self, solution: Solution) -> Outcome[Solution]:
        with self._ctx.uow() as uow:
            restored = uow.add(solution)
        return Outcome(restored, self._changed())

    # -- improvement items ----------------------------------------------------------------------

    def items(self, workshop_id: int) -> list[ImprovementItem]:
        with self._ctx.uow() as uow:
            return uow.find(ImprovementItem, workshop_id=workshop_id)

    def next_pi(self, workshop_id: int) -> PlanningInterval | None:
        """The PI after the workshop's PI: where its improvements usually go."""
        with self._ctx.uow() as uow:
            pi = uow.get(PlanningInterval, uow.get(Workshop, workshop_id).pi_id)
            later = [p for p in uow.find(PlanningInterval, art_id=pi.art_id) if p.start > pi.start]
        return min(later, key=lambda p: p.start) if later else None

    def add_item(self, workshop_id: int, draft: ItemDraft) -> Outcome[ImprovementItem]:
        with self._ctx.uow() as uow:
            uow.get(Workshop, workshop_id)
            position = uow.count(ImprovementItem, workshop_id=workshop_id)
            item = uow.add(
                _item(
                    uow,
                    ImprovementItem(workshop_id=workshop_id, title="-", position=position),
                    draft,
                )
            )
        return Outcome(item, self._changed())

    def update_item(
        self, item_id: int, draft: ItemDraft, seen: ImprovementItem | None = None
    ) -> Outcome[ImprovementItem]:
        """Write an improvement item from ``draft``.

        With ``seen`` (the item as the caller showed it) only the fields the caller changed are
        written, and a field another client changed meanwhile refuses the edit.

        Raises:
            ValidationError: an empty title or an unknown PI.
            ConflictError: another client changed one of the same fields meanwhile.
            NotFoundError: the item was deleted meanwhile.
        """
        with self._ctx.uow() as uow:
            what = _item_name(seen, item_id)
            stored = current(uow, ImprovementItem, item_id, what)
            mine = _item(uow, seen or stored, draft)
            if seen is not None:
                mine = merge_edit(seen, mine, stored, what)
            item = uow.update(mine)
        return Outcome(item, self._changed())

    def delete_item(
        self, item_id: int, seen: ImprovementItem | None = None
    ) -> Outcome[ImprovementItem]:
        """Delete an improvement item and return it (``restore_item`` puts it back).

        Raises:
            ConflictError: another client changed the item since ``seen``; it stays.
            NotFoundError: it is already deleted; nothing changes.
        """
        with self._ctx.uow() as uow:
            what = _item_name(seen, item_id)
            item = current(uow, ImprovementItem, item_id, what)
            if seen is not None:
                check_unchanged(seen, item, what)
            uow.delete(ImprovementItem, item_id)
        return Outcome(item, self._changed())

    def restore_item(self, item: ImprovementItem) -> Outcome[ImprovementItem]:
        with self._ctx.uow() as uow:
            restored = uow.add(item)
        return Outcome(restored, self._changed())

    # -- queries across workshops ---------------------------------------------------------------

    def inputs_for_pi(self, pi_id: int) -> list[ImprovementInput]:
        """Improvement items targeted at a PI, from any workshop (inputs to its planning)."""
        with self._ctx.uow() as uow:
            items = uow.find(
                ImprovementItem, target_pi_id=pi_id, order_by=["workshop_id", "position"]
            )
            return _described(uow, items)

    def for_export(
        self, pi_id: int | None = None, target_pi_id: int | None = None
    ) -> list[ImprovementInput]:
        """Items from the workshops of ``pi_id`` and/or aimed at ``target_pi_id`` (else all)."""
        with self._ctx.uow() as uow:
            filters: dict[str, object] = {}
            if pi_id is not None:
                filters["workshop_id"] = [w.id for w in uow.find(Workshop, pi_id=pi_id)]
            if target_pi_id is not None:
                filters["target_pi_id"] = target_pi_id
            items = uow.find(ImprovementItem, order_by=["workshop_id", "position"], **filters)
            return _described(uow, items)

    def csv_text(self, rows: list[ImprovementInput]) -> str:
        """The CSV for the ART backlog: a header row, then one row per item."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(CSV_HEADER)
        for row in rows:
            item = row.item
            cells = (
                item.title,
                item.description,
                item.owner,
                item.kind.value.capitalize(),
                row.target_pi,
                row.workshop_title,
                row.workshop_pi,
            )
            writer.writerow([spreadsheet_safe(cell) for cell in cells])
        return buffer.getvalue()

    def export_csv(
        self, path: Path, pi_id: int | None = None, target_pi_id: int | None = None
    ) -> tuple[Path, int]:
        """Write the improvement items as CSV (UTF-8 with BOM, so spreadsheets read Unicode).

        Returns the path and the number of items written.
        """
        rows = self.for_export(pi_id, target_pi_id)
        data = self.csv_text(rows).encode("utf-8-sig")
        return write_atomically(path, data), len(rows)


def _item(uow: UnitOfWork, base: ImprovementItem, draft: ItemDraft) -> ImprovementItem:
    if draft.target_pi_id is not None:
        uow.get(PlanningInterval, draft.target_pi_id)
    return ImprovementItem(
        id=base.id,
        workshop_id=base.workshop_id,
        position=base.position,
        title=clean_text(draft.title, "An improvement item's title", 200),
        description=draft.description.strip()[:MAX_TEXT],
        owner=" ".join(draft.owner.split())[:200],
        target_pi_id=draft.target_pi_id,
        kind=WorkKind(draft.kind),
    )


def _described(uow: UnitOfWork, items: list[ImprovementItem]) -> list[ImprovementInput]:
    pis = {p.id: p.name for p in uow.find(PlanningInterval)}
    shops = {w.id: w for w in uow.find(Workshop, id=list({i.workshop_id for i in items}))}
    return [
        ImprovementInput(
            item,
            shops[item.workshop_id].title,
            pis.get(shops[item.workshop_id].pi_id, ""),
            pis.get(item.target_pi_id, "") if item.target_pi_id is not None else "",
        )
        for item in items
    ]


def spreadsheet_safe(text: str) -> str:
    """Text a spreadsheet shows as typed: a leading = + - @ would start a formula."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") else text


# Every field of a solution but its votes: a vote click checks only the count.
_NOT_VOTES = frozenset({"text", "workshop_id"})


def _item_name(seen: ImprovementItem | None, item_id: int) -> str:
    return f"the improvement item “{seen.title}”" if seen is not None else f"item {item_id}"

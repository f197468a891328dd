"""PI Planning readiness: the three checklists of a PI, counting down to its PI Planning.

A PI's readiness items belong to the PI being planned; their due dates count back from that
PI Planning's day 1, which is held in the IP iteration of the PI before. The day is found among
the calendar's PI Planning events; without one, the PI's first day stands in (and says so).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rte_desktop.domain import readiness as rules
from rte_desktop.domain.cadence import describe_day
from rte_desktop.domain.concurrency import check_fields_unchanged, check_unchanged, merge_edit
from rte_desktop.domain.model import (
    Art,
    Checklist,
    Event,
    EventKind,
    PlanningInterval as Pi,
    ReadinessItem,
)
from rte_desktop.domain.train import local_date
from rte_desktop.services.common.changes import Area, Changes, Outcome
from rte_desktop.services.common.seen import current

if TYPE_CHECKING:
    from rte_desktop.services.common.context import ServiceContext
    from rte_desktop.storage.unit_of_work import UnitOfWork

LOOK_BACK_WITHOUT_PREVIOUS_PI = dt.timedelta(weeks=12)


@dataclass(frozen=True)
class Anchor:
    """PI Planning day 1 for a PI, and where that date comes from, in words."""

    day_one: dt.date
    found: bool
    source: str


@dataclass(frozen=True)
class ReadinessView:
    pi: Pi
    anchor: Anchor
    today: dt.date
    items: tuple[ReadinessItem, ...]

    def checklist(self, checklist: Checklist) -> list[ReadinessItem]:
        return [item for item in self.items if item.checklist is checklist]

    def progress(self, checklist: Checklist) -> rules.Progress:
        return rules.progress(self.checklist(checklist), self.anchor.day_one, self.today)

    def status(self, item: ReadinessItem) -> rules.ItemStatus:
        return rules.status(item, self.anchor.day_one, self.today)

    def due(self, item: ReadinessItem) -> dt.date:
        return rules.due_date(self.anchor.day_one, item.due_offset_days)


def find_anchor(uow: UnitOfWork, pi: Pi) -> Anchor:
    """PI Planning day 1 for ``pi``.

    That is the first PI Planning event after the previous PI starts (or up to 12 weeks before
    ``pi`` without one) and no later than a week into ``pi``.
    """
    pis = uow.find(Pi, art_id=pi.art_id, order_by=["start"])
    earlier = [p for p in pis if p.start < pi.start]
    low = earlier[-1].start if earlier else pi.start - LOOK_BACK_WITHOUT_PREVIOUS_PI
    high = pi.start + dt.timedelta(days=7)
    candidates = [
        e
        for e in uow.find(Event, art_id=pi.art_id, kind=EventKind.PI_PLANNING, order_by=["start"])
        if low < e.start.date() <= high
    ]
    if candidates:
        first = candidates[0]
        return Anchor(
            first.start.date(), True, f"{first.title}, {describe_day(first.start.date())}"
        )
    return Anchor(
        pi.start,
        False,
        f"No PI Planning event found for {pi.name}; due dates count from its first day, "
        f"{describe_day(pi.start)}.",
    )


class ReadinessService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def view(self, pi_id: int) -> ReadinessView:
        with self._ctx.uow() as uow:
            pi = uow.get(Pi, pi_id)
            art = uow.get(Art, pi.art_id)
            anchor = find_anchor(uow, pi)
            items = uow.find(ReadinessItem, pi_id=pi_id, order_by=["checklist", "position"])
        order = list(Checklist)
        items.sort(key=lambda i: (order.index(i.checklist), i.position, i.id or 0))
        return ReadinessView(
            pi, anchor, local_date(self._ctx.clock.now(), art.time_zone), tuple(items)
        )

    def prefill(self, pi_id: int) -> Outcome[list[ReadinessItem]]:
        """Add the template items a PI does not have yet (same checklist and title)."""
        with self._ctx.uow() as uow:
            uow.get(Pi, pi_id)
            stored = uow.find(ReadinessItem, pi_id=pi_id)
            have = {(i.checklist, i.title.casefold()) for i in stored}
            next_position = {
                c: 1 + max((i.position for i in stored if i.checklist is c), default=-1)
                for c in Checklist
            }
            added = []
            for item in rules.template_items(pi_id):
                if (item.checklist, item.title.casefold()) in have:
                    continue
                position = next_position[item.checklist]
                next_position[item.checklist] += 1
                added.append(uow.add(dataclasses.replace(item, position=position)))
        return Outcome(added, self._publish())

    def add_item(
        self,
        pi_id: int,
        checklist: Checklist,
        title: str,
        owner: str = "",
        due_offset_days: int = -7,
        notes: str = "",
    ) -> Outcome[ReadinessItem]:
        item = ReadinessItem(
            pi_id=pi_id,
            checklist=checklist,
            title=" ".join(title.split()),
            owner=owner.strip(),
            due_offset_days=due_offset_days,
            notes=notes.strip(),
        )
        rules.check_item(item)
        with self._ctx.uow() as uow:
            uow.get(Pi, pi_id)
            position = 1 + max(
                (i.position for i in uow.find(ReadinessItem, pi_id=pi_id, checklist=checklist)),
                default=-1,
            )
            stored = uow.add(dataclasses.replace(item, position=position))
        return Outcome(stored, self._publish())

    def put_item(
        self, item: ReadinessItem, seen: ReadinessItem | None = None
    ) -> Outcome[ReadinessItem]:
        """Write ``item`` as given: an edit, or putting a removed item back (same id).

        With ``seen`` (the item as the caller showed it) only the fields the caller changed are
        written, a field another client changed meanwhile refuses the edit, and an item another
        client deleted is not brought back.

        Raises:
            ValidationError: a bad title or offset.
            ConflictError: another client changed one of the same fields meanwhile.
            NotFoundError: ``seen`` is given and the item was deleted meanwhile.
        """
        item = dataclasses.replace(
            item, title=" ".join(item.title.split()), owner=item.owner.strip()
        )
        rules.check_item(item)
        with self._ctx.uow() as uow:
            if seen is not None and item.id is not None:
                what = _named(seen)
                merged = merge_edit(seen, item, current(uow, ReadinessItem, item.id, what), what)
                if item.position != seen.position:  # moved to another checklist's end
                    merged = dataclasses.replace(merged, position=item.position)
                stored = uow.update(merged)
            else:
                exists = item.id is not None and uow.count(ReadinessItem, id=item.id) > 0
                stored = uow.update(item) if exists else uow.add(item)
        return Outcome(stored, self._publish())

    def put_items(self, items: list[ReadinessItem]) -> Outcome[list[ReadinessItem]]:
        """Put removed items back with their ids, in one transaction (redo of a fill)."""
        with self._ctx.uow() as uow:
            for item in items:
                rules.check_item(item)
            stored = [uow.add(item) for item in items]
        return Outcome(stored, self._publish())

    def set_done(
        self, item_id: int, done: bool, seen: ReadinessItem | None = None
    ) -> Outcome[ReadinessItem]:
        """Tick or untick an item.

        Raises:
            ConflictError: another client ticked or unticked it since ``seen`` (to the other
                value than this one).
            NotFoundError: it was deleted meanwhile.
        """
        with self._ctx.uow() as uow:
            what = _named(seen) if seen is not None else f"checklist item {item_id}"
            now = current(uow, ReadinessItem, item_id, what)
            if seen is not None:
                check_fields_unchanged(seen, now, {"done": done}, what)
            stored = uow.patch(ReadinessItem, item_id, done=done)
        return Outcome(stored, self._publish())

    def delete_item(
        self, item_id: int, seen: ReadinessItem | None = None
    ) -> Outcome[ReadinessItem]:
        """Remove an item and return it (``put_item`` puts it back).

        Raises:
            ConflictError: another client changed the item since ``seen``; it stays.
            NotFoundError: it is already deleted; nothing changes.
        """
        with self._ctx.uow() as uow:
            what = _named(seen) if seen is not None else f"checklist item {item_id}"
            item = current(uow, ReadinessItem, item_id, what)
            if seen is not None:
                check_unchanged(seen, item, what)
            uow.delete(ReadinessItem, item_id)
        return Outcome(item, self._publish())

    def delete_items(self, item_ids: list[int]) -> Outcome[list[ReadinessItem]]:
        """Remove many items in one transaction (undo of a fill); returns them for ``put_items``."""
        with self._ctx.uow() as uow:
            items = uow.find(ReadinessItem, id=item_ids)
            uow.delete_where(ReadinessItem, id=item_ids)
        return Outcome(items, self._publish())

    def _publish(self) -> Changes:
        return self._ctx.publish(Changes.of(Area.READINESS))


def _named(item: ReadinessItem) -> str:
    return f"the checklist item “{item.title}”"

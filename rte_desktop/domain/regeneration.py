"""What regenerating the cadence would change, before anything is written.

PIs from the first generated start on are re-planned in order (so a renamed or re-dated PI keeps
its objectives, risks and votes); earlier ones are left alone. Events are matched by UID: a
generated event that is already there unchanged stays as it is (same id, same UID), one edited by
hand (``manual``) is kept, and a generated event that the new cadence no longer has is removed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from rte_desktop.domain.cadence import PiPlan, short_date
from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.model import Event, PlanningInterval


@dataclass(frozen=True)
class PiMatch:
    """A planned PI and the stored PI it re-plans (None: a new PI)."""

    plan: PiPlan
    existing: PlanningInterval | None


@dataclass(frozen=True)
class EventDiff:
    added: tuple[Event, ...]
    updated: tuple[tuple[Event, Event], ...]  # (stored, new value with the stored id)
    removed: tuple[Event, ...]
    kept_manual: tuple[Event, ...]
    unchanged: int

    @property
    def replaces_anything(self) -> bool:
        return bool(self.updated or self.removed)


def _span(pi: PlanningInterval | PiPlan) -> str:
    return f"{pi.name} ({short_date(pi.start)} – {short_date(pi.end)})"


def match_pis(existing: Sequence[PlanningInterval], plans: Sequence[PiPlan]) -> list[PiMatch]:
    """Pair each planned PI with the stored PI it replaces, in date order.

    Raises:
        ValidationError: the plans would overlap a stored PI they do not replace.
    """
    if not plans:
        return []
    first, last_end = plans[0].start, plans[-1].end
    ordered = sorted(existing, key=lambda p: (p.start, p.id or 0))
    for pi in ordered:
        if pi.start < first <= pi.end:
            raise ValidationError(
                f"The first PI would start on {short_date(first)}, inside {_span(pi)}. Start on "
                f"{short_date(pi.start)} to re-plan it, or after {short_date(pi.end)} to "
                "continue after it."
            )
    later = [pi for pi in ordered if pi.start >= first]
    rest = later[len(plans) :]
    if rest and rest[0].start <= last_end:
        raise ValidationError(
            f"{_span(rest[0])} would overlap the generated {_span(plans[-1])}; generate "
            f"{len(later)} PIs to re-plan it as well, or start later."
        )
    return [
        PiMatch(plan, later[index] if index < len(later) else None)
        for index, plan in enumerate(plans)
    ]


def _same(a: Event, b: Event) -> bool:
    keys = ("kind", "title", "start", "end", "note", "pi_id", "art_id")
    return all(getattr(a, k) == getattr(b, k) for k in keys)


def diff_events(current: Sequence[Event], wanted: Sequence[Event]) -> EventDiff:
    """Compare the stored events of the re-planned PIs with the generated ones (by UID).

    Raises:
        ValidationError: the generated events repeat a UID (a naming clash).
    """
    by_uid = {event.uid: event for event in current}
    wanted_uids: set[str] = set()
    added: list[Event] = []
    updated: list[tuple[Event, Event]] = []
    unchanged = 0
    for event in wanted:
        if event.uid in wanted_uids:
            raise ValidationError(f"Two generated events share the UID {event.uid}.")
        wanted_uids.add(event.uid)
        old = by_uid.get(event.uid)
        if old is None:
            added.append(event)
        elif old.manual:
            continue
        elif _same(old, event):
            unchanged += 1
        else:
            updated.append((old, dataclasses.replace(event, id=old.id)))
    removed = [e for e in current if not e.manual and e.uid not in wanted_uids]
    kept = [e for e in current if e.manual]
    return EventDiff(tuple(added), tuple(updated), tuple(removed), tuple(kept), unchanged)

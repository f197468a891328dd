"""PI Planning readiness: the three SAFe checklists, due dates counted back from day 1.

Templates follow DOMAIN.md §7.4 (the ART Readiness Workbook for organizational readiness, the
content and logistics lists and the time-phased "5 weeks out ... 1 week" preparation). Due dates
are stored as offsets in days from PI Planning day 1 (T-35 is five weeks before).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.model import Checklist, ReadinessItem

CHECKLIST_LABELS: dict[Checklist, str] = {
    Checklist.ORGANIZATIONAL: "Organizational readiness",
    Checklist.CONTENT: "Content readiness",
    Checklist.LOGISTICS: "Logistics readiness",
}
MIN_OFFSET = -365
MAX_OFFSET = 30
DUE_SOON_DAYS = 7

TEMPLATES: dict[Checklist, tuple[tuple[str, int], ...]] = {
    Checklist.ORGANIZATIONAL: (
        ("Planning scope and context understood; value stream and ART identified", -35),
        ("RTE identified and understands the role", -35),
        ("PI Planning dates, iteration and PI cadence set", -35),
        ("Every team has a Scrum Master/Team Coach and a Product Owner", -28),
        ("Team members dedicated to one team", -28),
        ("System Team formed; shared services (UX, architecture) identified", -28),
        ("Agile tooling decided", -28),
        ("Business Owners and Product Management agree on priorities", -21),
        ("Presenters known for business context and product vision", -21),
        ("All team members attending (or remote arrangements made)", -21),
        ("Other key stakeholders invited", -21),
        ("Quality practices agreed (unit testing, test automation strategy)", -14),
        ("ART roster complete (role, name, location)", -14),
    ),
    Checklist.CONTENT: (
        ("Business cases and epic hypotheses communicated", -35),
        ("Solution and ART roadmaps updated; WSJF updated", -35),
        ("Vision aligned; top 10 features with benefit hypothesis and acceptance criteria", -28),
        ("Features sized; capacity allocation agreed", -28),
        ("ART backlog sequenced by WSJF with high-level estimates", -21),
        ("Architectural runway roadmap and enablers prioritized", -21),
        ("Features socialized with teams; teams slice and estimate stories", -14),
        ("Executive briefing (business context) ready", -7),
        ("Product/solution vision briefing ready", -7),
        ("Architecture vision briefing ready", -7),
    ),
    Checklist.LOGISTICS: (
        ("Venue with breakout spaces booked (or virtual platform with breakout rooms)", -35),
        ("Calendar invites and agenda sent", -28),
        ("Catering ordered", -14),
        ("Communication channels set up (main room, team rooms, facilitators, support)", -14),
        ("Planning boards, parking lot, ROAM board and confidence-vote materials ready", -7),
        ("Supplies bought (sticky notes, easel pads, red yarn, markers)", -7),
        ("Printed materials ready", -3),
        ("AV, projectors and Wi-Fi tested", -1),
    ),
}


class ItemStatus(StrEnum):
    DONE = "done"
    OVERDUE = "overdue"
    DUE_SOON = "due soon"
    OPEN = "open"


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    overdue: int

    @property
    def percent(self) -> int:
        """Whole percent done (0 for an empty checklist)."""
        return round(100 * self.done / self.total) if self.total else 0


def template_items(pi_id: int) -> list[ReadinessItem]:
    """The three checklists for a PI, as new (unstored) items in display order."""
    items: list[ReadinessItem] = []
    for checklist, rows in TEMPLATES.items():
        for position, (title, offset) in enumerate(rows):
            items.append(
                ReadinessItem(
                    pi_id=pi_id,
                    checklist=checklist,
                    title=title,
                    due_offset_days=offset,
                    position=position,
                )
            )
    return items


def offset_label(offset: int) -> str:
    """``T-5w`` for whole weeks, ``T-3d`` otherwise, ``T`` for day 1 itself, ``T+2d`` after."""
    if offset == 0:
        return "T"
    sign = "-" if offset < 0 else "+"
    days = abs(offset)
    return f"T{sign}{days // 7}w" if days % 7 == 0 else f"T{sign}{days}d"


def parse_offset(text: str) -> int:
    """The inverse of ``offset_label``; also accepts a plain number of days ("-10").

    Raises:
        ValidationError: text that is not an offset, or one out of range.
    """
    cleaned = text.strip().replace(" ", "").replace("−", "-").upper()
    value: int | None = None
    try:
        if cleaned == "T":
            value = 0
        elif cleaned.startswith("T") and cleaned[-1:] in ("W", "D"):
            number = int(cleaned[1:-1])
            value = number * (7 if cleaned.endswith("W") else 1)
        else:
            value = int(cleaned)
    except ValueError:
        value = None
    if value is None:
        raise ValidationError(
            f"'{text}' is not a due offset; write e.g. T-5w, T-10d or -10 (days before day 1)."
        )
    check_offset(value)
    return value


def check_offset(offset: int) -> None:
    if not MIN_OFFSET <= offset <= MAX_OFFSET:
        raise ValidationError(
            f"A due date must lie between a year before and {MAX_OFFSET} days after PI Planning "
            f"day 1, not {offset_label(offset)}."
        )


def check_item(item: ReadinessItem) -> None:
    """Refuse an item without a title or with a due offset out of range."""
    if not item.title.strip():
        raise ValidationError("A checklist item needs a title.")
    if len(item.title) > 300:
        raise ValidationError(
            f"A checklist item's title is limited to 300 characters, not {len(item.title)}."
        )
    check_offset(item.due_offset_days)


def due_date(day_one: dt.date, offset: int) -> dt.date:
    return day_one + dt.timedelta(days=offset)


def status(item: ReadinessItem, day_one: dt.date, today: dt.date) -> ItemStatus:
    """Done, overdue (due before today), due soon (within a week) or open."""
    if item.done:
        return ItemStatus.DONE
    due = due_date(day_one, item.due_offset_days)
    if due < today:
        return ItemStatus.OVERDUE
    if (due - today).days <= DUE_SOON_DAYS:
        return ItemStatus.DUE_SOON
    return ItemStatus.OPEN


def progress(items: Iterable[ReadinessItem], day_one: dt.date, today: dt.date) -> Progress:
    listed = list(items)
    return Progress(
        done=sum(item.done for item in listed),
        total=len(listed),
        overdue=sum(status(item, day_one, today) is ItemStatus.OVERDUE for item in listed),
    )

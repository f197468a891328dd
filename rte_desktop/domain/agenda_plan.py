"""Editing an agenda's plan: times flow down the day.

Every function takes the agenda's items and returns the whole new list (days, positions and start
times updated), so the caller writes what changed and tests can check invariants on the result.

Rules (what an RTE expects from a running order):
    * Changing an item's duration or start moves every later item of that day by the same amount,
      keeping the gaps between them (a fixed lunch moves too; edit its start to pin it back).
    * Inserting an item puts it right after the chosen one and pushes the rest of the day back;
      deleting pulls the rest of the day forward.
    * Moving an item to another place re-times the days involved back to back from each day's
      first start (an open-ended item counts as zero minutes).
    * Nothing may run past midnight: the edit is refused with a ValidationError.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence

from rte_desktop.domain.errors import NotFoundError, ValidationError
from rte_desktop.domain.model import AgendaItem

DAY_MINUTES = 24 * 60
MAX_DAYS = 14
MAX_TITLE = 200


def minutes(t: dt.time) -> int:
    """Minutes since midnight."""
    return t.hour * 60 + t.minute


def clock_time(total: int, title: str = "") -> dt.time:
    """The time of day ``total`` minutes after midnight.

    Raises:
        ValidationError: before midnight or past 23:59 (names the item when given).
    """
    if not 0 <= total < DAY_MINUTES:
        where = f"'{title}'" if title else "An item"
        side = "before midnight" if total < 0 else "past midnight"
        raise ValidationError(f"{where} would start {side}; a day runs from 00:00 to 23:59.")
    return dt.time(total // 60, total % 60)


def length(item: AgendaItem) -> int:
    """Planned minutes; an open-ended item takes none of the plan."""
    return item.duration_min or 0


def end_minutes(item: AgendaItem) -> int:
    return minutes(item.start) + length(item)


def ordered(items: Iterable[AgendaItem]) -> list[AgendaItem]:
    """Running order: by day, then position (id breaks ties)."""
    return sorted(items, key=lambda i: (i.day, i.position, i.id or 0))


def days(items: Iterable[AgendaItem]) -> list[int]:
    return sorted({item.day for item in items})


def day_items(items: Iterable[AgendaItem], day: int) -> list[AgendaItem]:
    return ordered(i for i in items if i.day == day)


def check_title(title: str) -> str:
    """The title trimmed; refuses an empty or over-long one."""
    text = " ".join(title.split())
    if not text:
        raise ValidationError("An agenda item needs a title.")
    if len(text) > MAX_TITLE:
        raise ValidationError(f"An item title has at most {MAX_TITLE} characters.")
    return text


def check_duration(value: int | None) -> int | None:
    """Minutes between 1 and 1440, or None for an open-ended item."""
    if value is None:
        return None
    if not 1 <= value <= DAY_MINUTES:
        raise ValidationError(
            f"A duration is between 1 and {DAY_MINUTES} minutes (or empty for open-ended); "
            f"got {value}."
        )
    return value


def check_day(value: int) -> int:
    if not 1 <= value <= MAX_DAYS:
        raise ValidationError(f"An agenda has days 1 to {MAX_DAYS}; got day {value}.")
    return value


def _find(items: Sequence[AgendaItem], item_id: int) -> AgendaItem:
    for item in items:
        if item.id == item_id:
            return item
    raise NotFoundError(f"Agenda item {item_id} does not exist (it may have been deleted).")


def _renumber(items: Iterable[AgendaItem]) -> list[AgendaItem]:
    result = []
    for position, item in enumerate(ordered(items)):
        result.append(
            item if item.position == position else dataclasses.replace(item, position=position)
        )
    return result


def _check_fits(items: Iterable[AgendaItem]) -> None:
    for item in items:
        if end_minutes(item) > DAY_MINUTES:
            raise ValidationError(f"'{item.title}' would run past midnight.")


def _shift_after(
    items: Sequence[AgendaItem], anchor: AgendaItem, delta: int, include_anchor: bool
) -> list[AgendaItem]:
    """Move every item of the anchor's day that comes after it (and itself if asked)."""
    day = day_items(items, anchor.day)
    index = next(k for k, i in enumerate(day) if i.id == anchor.id)
    moved = {i.id for i in day[index if include_anchor else index + 1 :]}
    result = []
    for item in items:
        if item.id in moved and delta:
            start = clock_time(minutes(item.start) + delta, item.title)
            item = dataclasses.replace(item, start=start)
        result.append(item)
    _check_fits(result)
    return result


def change_duration(
    items: Sequence[AgendaItem], item_id: int, duration_min: int | None
) -> list[AgendaItem]:
    """Set an item's duration; later items of its day move by the difference."""
    item = _find(items, item_id)
    duration_min = check_duration(duration_min)
    delta = (duration_min or 0) - length(item)
    changed = [
        dataclasses.replace(i, duration_min=duration_min) if i.id == item_id else i for i in items
    ]
    return _shift_after(changed, item, delta, include_anchor=False)


def change_start(items: Sequence[AgendaItem], item_id: int, start: dt.time) -> list[AgendaItem]:
    """Set an item's start; it and the later items of its day move by the difference."""
    item = _find(items, item_id)
    delta = minutes(start) - minutes(item.start)
    return _shift_after(items, item, delta, include_anchor=True)


def insert_after(
    items: Sequence[AgendaItem], after_id: int | None, new: AgendaItem, day: int = 1
) -> list[AgendaItem]:
    """Insert ``new`` (its start and duration are used) after an item, pushing the day back.

    With ``after_id`` None the item goes first on ``day`` at that day's first start (09:00 on an
    empty day). ``new.id`` may be None; it is renumbered with the rest.
    """
    check_title(new.title)
    check_duration(new.duration_min)
    if after_id is None:
        check_day(day)
        existing = day_items(items, day)
        start = existing[0].start if existing else new.start
        placed = dataclasses.replace(new, day=day, start=start, position=-1)
        pushed = [_moved(i, length(placed)) if i.day == day else i for i in items]
    else:
        after = _find(items, after_id)
        start = clock_time(end_minutes(after), new.title)
        placed = dataclasses.replace(
            new, day=after.day, start=start, position=after.position, id=new.id
        )
        later = {i.id for i in day_items(items, after.day)[_index(items, after) + 1 :]}
        pushed = [_moved(i, length(placed)) if i.id in later else i for i in items]
    result = list(pushed)
    # Sort the new item just after its anchor: positions are renumbered from this order.
    ordered_items = sorted(
        [*result, placed],
        key=lambda i: (i.day, i.position + (0.5 if i is placed else 0), i.id or 0),
    )
    _check_fits(ordered_items)
    return _renumber_keep_order(ordered_items)


def _index(items: Sequence[AgendaItem], item: AgendaItem) -> int:
    return next(k for k, i in enumerate(day_items(items, item.day)) if i.id == item.id)


def _moved(item: AgendaItem, delta: int) -> AgendaItem:
    return dataclasses.replace(item, start=clock_time(minutes(item.start) + delta, item.title))


def _renumber_keep_order(items: Sequence[AgendaItem]) -> list[AgendaItem]:
    return [
        item if item.position == position else dataclasses.replace(item, position=position)
        for position, item in enumerate(items)
    ]


def remove(items: Sequence[AgendaItem], item_id: int) -> list[AgendaItem]:
    """Delete an item; the rest of its day moves forward by its length."""
    item = _find(items, item_id)
    pulled = _shift_after(items, item, -length(item), include_anchor=False)
    return _renumber(i for i in pulled if i.id != item_id)


def move(items: Sequence[AgendaItem], item_id: int, day: int, index: int) -> list[AgendaItem]:
    """Move an item to ``index`` within ``day`` (clamped) and re-time the days involved."""
    item = _find(items, item_id)
    check_day(day)
    source_day = item.day
    rest = [i for i in ordered(items) if i.id != item_id]
    target = [i for i in rest if i.day == day]
    index = max(0, min(index, len(target)))
    target.insert(index, dataclasses.replace(item, day=day))
    first_starts = {d: day_items(items, d)[0].start for d in days(items)}
    first_starts.setdefault(day, item.start)
    by_day: dict[int, list[AgendaItem]] = {}
    for other in rest:
        if other.day != day:
            by_day.setdefault(other.day, []).append(other)
    by_day[day] = target
    result: list[AgendaItem] = []
    for d in sorted(by_day):
        row = by_day[d]
        if d in (day, source_day):
            row = _back_to_back(row, first_starts[d])
        result.extend(row)
    _check_fits(result)
    return _renumber_keep_order(result)


def _back_to_back(row: list[AgendaItem], start: dt.time) -> list[AgendaItem]:
    cursor = minutes(start)
    result = []
    for item in row:
        result.append(dataclasses.replace(item, start=clock_time(cursor, item.title)))
        cursor += length(item)
    return result


def shift_all(items: Sequence[AgendaItem], first_start: dt.time) -> list[AgendaItem]:
    """Move every day so that day 1 starts at ``first_start`` (other days move alike)."""
    if not items:
        return []
    first = ordered(items)[0]
    delta = minutes(first_start) - minutes(first.start)
    result = [_moved(item, delta) for item in items]
    _check_fits(result)
    return result


def planned_end(items: Iterable[AgendaItem]) -> int:
    """The latest planned end of these items, in minutes since midnight."""
    return max((end_minutes(i) for i in items), default=0)

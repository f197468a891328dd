"""Where the ART events go: editable rules that place them in planned PIs.

The defaults follow DOMAIN.md's decisions: Inspect & Adapt, then PI Planning (2 days) in the IP
iteration's second week; a System Demo at the end of every development iteration; ART Sync weekly
(or Coach Sync and PO Sync on their own days); backlog refinement once or twice per iteration.
``event_placement.place_events`` applies them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from rte_desktop.domain.cadence import WEEKDAYS
from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.model import EventKind

KIND_LABELS: dict[EventKind, str] = {
    EventKind.PI_PLANNING: "PI Planning",
    EventKind.INSPECT_ADAPT: "Inspect & Adapt",
    EventKind.SYSTEM_DEMO: "System Demo",
    EventKind.ART_SYNC: "ART Sync",
    EventKind.COACH_SYNC: "Coach Sync",
    EventKind.PO_SYNC: "PO Sync",
    EventKind.BACKLOG_REFINEMENT: "Backlog refinement",
    EventKind.HOLIDAY: "Holiday",
    EventKind.OTHER: "Other",
}


def _t(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


@dataclass(frozen=True)
class PiPlanningRule:
    """PI Planning: ``days`` consecutive working days.

    They start on ``weekday`` of the ``week``-th week of the PI's last iteration (the IP
    iteration when there is one).
    """

    enabled: bool = True
    week: int = 2
    weekday: int = 2
    days: int = 2
    start: dt.time = field(default_factory=lambda: _t("08:00"))
    first_day_min: int = 600
    other_day_min: int = 420


@dataclass(frozen=True)
class InspectAdaptRule:
    """Inspect & Adapt: on the working day before PI Planning day 1."""

    enabled: bool = True
    start: dt.time = field(default_factory=lambda: _t("09:00"))
    duration_min: int = 360


@dataclass(frozen=True)
class SystemDemoRule:
    """System Demo: on ``weekday`` of the last week of every development iteration."""

    enabled: bool = True
    weekday: int = 3
    start: dt.time = field(default_factory=lambda: _t("14:00"))
    duration_min: int = 90


@dataclass(frozen=True)
class SyncRule:
    """ART Sync weekly, or (``split``) Coach Sync on ``weekday`` and PO Sync on ``po_weekday``."""

    enabled: bool = True
    weekday: int = 2
    start: dt.time = field(default_factory=lambda: _t("10:00"))
    duration_min: int = 60
    split: bool = False
    po_weekday: int = 3
    po_start: dt.time = field(default_factory=lambda: _t("10:00"))


@dataclass(frozen=True)
class RefinementRule:
    """Backlog refinement on ``weekday`` of development iterations.

    Once (in the last week) or twice (in the first and the last week) per iteration.
    """

    enabled: bool = True
    weekday: int = 1
    start: dt.time = field(default_factory=lambda: _t("14:00"))
    duration_min: int = 60
    per_iteration: int = 1


@dataclass(frozen=True)
class CalendarRules:
    pi_planning: PiPlanningRule = field(default_factory=PiPlanningRule)
    inspect_adapt: InspectAdaptRule = field(default_factory=InspectAdaptRule)
    system_demo: SystemDemoRule = field(default_factory=SystemDemoRule)
    sync: SyncRule = field(default_factory=SyncRule)
    refinement: RefinementRule = field(default_factory=RefinementRule)


# -- validation and (de)serialisation ------------------------------------------------------------


def _check_weekday(value: int, what: str) -> None:
    if not 0 <= value <= 6:
        raise ValidationError(f"{what}: weekday must be 0 (Monday) to 6 (Sunday), not {value}.")


def _check_slot(start: dt.time, minutes: int, what: str) -> None:
    if not 5 <= minutes <= 16 * 60:
        raise ValidationError(f"{what}: duration must be 5 minutes to 16 hours, not {minutes} min.")
    if start.hour * 60 + start.minute + minutes >= 24 * 60:
        raise ValidationError(
            f"{what}: starting at {start:%H:%M}, {minutes} minutes run to midnight or past it."
        )


def check_rules(rules: CalendarRules) -> None:
    """Refuse impossible rules (a weekday of 9, a 0-minute demo, 5 days of PI Planning).

    Raises:
        ValidationError: names the rule and the field.
    """
    pip = rules.pi_planning
    if not 1 <= pip.days <= 4:
        raise ValidationError(f"PI Planning lasts 1 to 4 days, not {pip.days}.")
    if not 1 <= pip.week <= 4:
        raise ValidationError(f"PI Planning: week must be 1 to 4, not {pip.week}.")
    _check_weekday(pip.weekday, "PI Planning")
    _check_slot(pip.start, pip.first_day_min, "PI Planning day 1")
    _check_slot(pip.start, pip.other_day_min, "PI Planning later days")
    _check_slot(rules.inspect_adapt.start, rules.inspect_adapt.duration_min, "Inspect & Adapt")
    _check_weekday(rules.system_demo.weekday, "System Demo")
    _check_slot(rules.system_demo.start, rules.system_demo.duration_min, "System Demo")
    sync = rules.sync
    _check_weekday(sync.weekday, "ART Sync")
    _check_weekday(sync.po_weekday, "PO Sync")
    _check_slot(sync.start, sync.duration_min, "ART Sync")
    _check_slot(sync.po_start, sync.duration_min, "PO Sync")
    ref = rules.refinement
    _check_weekday(ref.weekday, "Backlog refinement")
    _check_slot(ref.start, ref.duration_min, "Backlog refinement")
    if ref.per_iteration not in (1, 2):
        raise ValidationError(
            f"Backlog refinement runs once or twice per iteration, not {ref.per_iteration}."
        )


def rules_to_dict(rules: CalendarRules) -> dict[str, dict[str, Any]]:
    """Plain JSON-ready data (times as "HH:MM")."""
    out: dict[str, dict[str, Any]] = {}
    for part in dataclasses.fields(rules):
        rule = getattr(rules, part.name)
        out[part.name] = {
            f.name: (v.strftime("%H:%M") if isinstance(v, dt.time) else v)
            for f in dataclasses.fields(rule)
            for v in [getattr(rule, f.name)]
        }
    return out


def rules_from_dict(data: Mapping[str, Any], base: CalendarRules | None = None) -> CalendarRules:
    """Rules from ``rules_to_dict`` output; unknown or malformed entries keep ``base``'s values."""
    base = base or CalendarRules()
    parts: dict[str, Any] = {}
    for part in dataclasses.fields(base):
        rule = getattr(base, part.name)
        given = data.get(part.name)
        changes: dict[str, Any] = {}
        if isinstance(given, Mapping):
            for f in dataclasses.fields(rule):
                value, current = given.get(f.name), getattr(rule, f.name)
                try:
                    if isinstance(current, bool):
                        if isinstance(value, bool):
                            changes[f.name] = value
                    elif isinstance(current, int):
                        if isinstance(value, int) and not isinstance(value, bool):
                            changes[f.name] = value
                    elif isinstance(current, dt.time) and isinstance(value, str):
                        changes[f.name] = dt.time.fromisoformat(value)
                except ValueError:
                    continue
        parts[part.name] = dataclasses.replace(rule, **changes)
    return CalendarRules(**parts)


def event_uid(art_id: int, pi_id: int, slot: str) -> str:
    """The stable UID of a generated event: same ART, PI and slot, same UID, every time."""
    return f"{slot}.pi{pi_id}.art{art_id}@rte-desktop"


def weekday_name(weekday: int) -> str:
    return WEEKDAYS[weekday]

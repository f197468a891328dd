"""Agenda templates for every timed ART event.

The standard SAFe 2-day PI Planning agenda (DOMAIN.md §1.2), the distributed 3-day agenda with two
time zones (§1.4), Inspect & Adapt (§6.1), System Demo and ART Sync (§7.2) and a blank agenda.
Times are in the ART's (first) time zone; the RTE edits everything after creating an agenda.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.model import EventKind


@dataclass(frozen=True)
class TemplateItem:
    day: int
    start: dt.time
    duration_min: int | None  # None: open-ended
    title: str
    presenter: str = ""
    all_hands: bool = True
    is_break: bool = False
    notes: str = ""


@dataclass(frozen=True)
class AgendaTemplate:
    """A named set of items to create an agenda from."""

    key: str
    title: str
    kind: EventKind
    items: tuple[TemplateItem, ...]
    second_time_zone: str | None = None
    source: str = ""

    @property
    def days(self) -> int:
        return max((item.day for item in self.items), default=1)


def _t(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


PI_PLANNING_2_DAY: tuple[TemplateItem, ...] = (
    TemplateItem(1, _t("08:00"), 60, "Business context", "Business Owner / executive"),
    TemplateItem(1, _t("09:00"), 90, "Product/Solution vision", "Product Management"),
    TemplateItem(
        1, _t("10:30"), 60, "Architecture vision & development practices", "System Architect"
    ),
    TemplateItem(1, _t("11:30"), 90, "Planning context & lunch", "RTE"),
    TemplateItem(1, _t("13:00"), 180, "Team breakouts #1", "Teams", all_hands=False),
    TemplateItem(1, _t("16:00"), 60, "Draft plan review", "Each team"),
    TemplateItem(1, _t("17:00"), 60, "Management review & problem-solving", "RTE, management"),
    TemplateItem(2, _t("08:00"), 60, "Planning adjustments", "Management"),
    TemplateItem(2, _t("09:00"), 120, "Team breakouts #2", "Teams", all_hands=False),
    TemplateItem(2, _t("11:00"), 120, "Final plan review & lunch", "Each team"),
    TemplateItem(2, _t("13:00"), 60, "ART PI risks (ROAM)", "RTE"),
    TemplateItem(2, _t("14:00"), 15, "PI confidence vote", "RTE"),
    TemplateItem(2, _t("14:15"), None, "Plan rework if necessary", "Teams", all_hands=False),
    TemplateItem(2, _t("14:15"), 20, "Planning retrospective & moving forward", "RTE"),
)

_TZ1_ONLY = "First time zone only; second-zone teams are off."
_CHECKPOINT = "Hourly Coach Sync checkpoint."
_RECONSTRUCTED = "Reconstructed: the published distributed agenda is cut off here (DOMAIN.md §1.4)."

# The SAFe toolkit's distributed agenda: the second zone is 12.5 h ahead (08:00 = 20:30).
PI_PLANNING_DISTRIBUTED_3_DAY: tuple[TemplateItem, ...] = (
    TemplateItem(1, _t("08:00"), 30, "Opening", "RTE"),
    TemplateItem(1, _t("08:30"), 30, "Business context", "Business Owner / executive"),
    TemplateItem(1, _t("09:00"), 90, "Product/Solution vision", "Product Management"),
    TemplateItem(1, _t("10:30"), 15, "Break", is_break=True),
    TemplateItem(1, _t("10:45"), 30, "Architecture vision", "System Architect"),
    TemplateItem(1, _t("11:15"), 30, "Development practices", "System Architect"),
    TemplateItem(1, _t("11:45"), 30, "Planning requirements", "RTE"),
    TemplateItem(1, _t("12:15"), 45, "Meal break", all_hands=False, is_break=True, notes=_TZ1_ONLY),
    TemplateItem(
        1,
        _t("13:00"),
        180,
        "Team breakouts #1 (first-zone teams)",
        "Teams",
        all_hands=False,
        notes=f"{_CHECKPOINT} {_TZ1_ONLY}",
    ),
    TemplateItem(
        2,
        _t("05:00"),
        180,
        "Team breakouts #1 (second-zone teams)",
        "Teams",
        all_hands=False,
        notes=f"{_CHECKPOINT} Second-zone teams in their local evening.",
    ),
    TemplateItem(2, _t("08:00"), 60, "Team synchronization", "RTE"),
    TemplateItem(2, _t("09:00"), 60, "Draft plan review", "Each team"),
    TemplateItem(2, _t("10:00"), 15, "Break", is_break=True),
    TemplateItem(2, _t("10:15"), 60, "Management review & problem-solving", "RTE, management"),
    TemplateItem(
        2, _t("11:15"), 45, "Meal break", all_hands=False, is_break=True, notes=_RECONSTRUCTED
    ),
    TemplateItem(
        2,
        _t("12:00"),
        180,
        "Team breakouts #2 (first-zone teams)",
        "Teams",
        all_hands=False,
        notes=f"{_CHECKPOINT} {_RECONSTRUCTED}",
    ),
    TemplateItem(
        3,
        _t("05:00"),
        180,
        "Team breakouts #2 (second-zone teams)",
        "Teams",
        all_hands=False,
        notes=f"{_CHECKPOINT} {_RECONSTRUCTED}",
    ),
    TemplateItem(3, _t("08:00"), 30, "Planning adjustments", "Management", notes=_RECONSTRUCTED),
    TemplateItem(3, _t("08:30"), 90, "Final plan review", "Each team", notes=_RECONSTRUCTED),
    TemplateItem(3, _t("10:00"), 15, "Break", is_break=True),
    TemplateItem(3, _t("10:15"), 45, "ART PI risks (ROAM)", "RTE", notes=_RECONSTRUCTED),
    TemplateItem(3, _t("11:00"), 15, "PI confidence vote", "RTE", notes=_RECONSTRUCTED),
    TemplateItem(3, _t("11:15"), None, "Plan rework if necessary", "Teams", all_hands=False),
    TemplateItem(3, _t("11:15"), 20, "Planning retrospective & moving forward", "RTE"),
)

# I&A: PI System Demo, measurement, retrospective, then the 2-hour problem-solving workshop in
# its six steps (DOMAIN.md §6.1-6.2); 4 hours in all.
INSPECT_ADAPT: tuple[TemplateItem, ...] = (
    TemplateItem(1, _t("09:00"), 60, "PI System Demo", "Product Management"),
    TemplateItem(1, _t("10:00"), 20, "Quantitative and qualitative measurement", "RTE"),
    TemplateItem(1, _t("10:20"), 25, "Retrospective", "RTE"),
    TemplateItem(1, _t("10:45"), 15, "Break", is_break=True),
    TemplateItem(1, _t("11:00"), 15, "Agree on the problem(s) to solve", "RTE"),
    TemplateItem(1, _t("11:15"), 30, "Root-cause analysis: fishbone and 5 whys", "Groups"),
    TemplateItem(1, _t("11:45"), 15, "Identify the biggest root cause (Pareto)", "Groups"),
    TemplateItem(1, _t("12:00"), 10, "Restate the new problem", "Groups"),
    TemplateItem(1, _t("12:10"), 25, "Brainstorm solutions", "Groups"),
    TemplateItem(1, _t("12:35"), 25, "Create improvement backlog items", "Groups"),
)

SYSTEM_DEMO: tuple[TemplateItem, ...] = (
    TemplateItem(1, _t("14:00"), 10, "Business context and PI objectives", "Product Management"),
    TemplateItem(1, _t("14:10"), 35, "Feature demos, end to end", "Teams"),
    TemplateItem(1, _t("14:45"), 5, "Current risks and impediments", "RTE"),
    TemplateItem(1, _t("14:50"), 5, "Questions and feedback", "Business Owners"),
    TemplateItem(1, _t("14:55"), 5, "Wrap-up: progress, feedback, actions", "RTE"),
)

ART_SYNC_30: tuple[TemplateItem, ...] = (
    TemplateItem(1, _t("10:00"), 5, "Progress toward PI objectives", "RTE"),
    TemplateItem(
        1, _t("10:05"), 10, "Walk the board: features, dependencies, blockers", "SM/TCs, POs"
    ),
    TemplateItem(1, _t("10:15"), 5, "Risks and impediments", "RTE"),
    TemplateItem(1, _t("10:20"), 5, "Scope adjustments and release plans", "PM, POs"),
    TemplateItem(1, _t("10:25"), 5, "Actions and meet-after topics", "RTE"),
)

ART_SYNC_60: tuple[TemplateItem, ...] = (
    TemplateItem(1, _t("10:00"), 10, "Progress toward PI objectives", "RTE"),
    TemplateItem(
        1, _t("10:10"), 20, "Walk the board: features, dependencies, blockers", "SM/TCs, POs"
    ),
    TemplateItem(1, _t("10:30"), 10, "Risks and impediments", "RTE"),
    TemplateItem(1, _t("10:40"), 10, "Scope adjustments and release plans", "PM, POs"),
    TemplateItem(1, _t("10:50"), 5, "Preparing for the next PI Planning", "RTE"),
    TemplateItem(1, _t("10:55"), 5, "Actions and meet-after topics", "RTE"),
)

TEMPLATES: dict[str, AgendaTemplate] = {
    template.key: template
    for template in (
        AgendaTemplate(
            "pi_planning_2_day",
            "PI Planning (2 days)",
            EventKind.PI_PLANNING,
            PI_PLANNING_2_DAY,
            source="SAFe standard agenda (DOMAIN.md §1.2)",
        ),
        AgendaTemplate(
            "pi_planning_distributed_3_day",
            "PI Planning, distributed (3 days, two time zones)",
            EventKind.PI_PLANNING,
            PI_PLANNING_DISTRIBUTED_3_DAY,
            second_time_zone="Asia/Kolkata",
            source="SAFe PI Planning Toolkit distributed agenda (DOMAIN.md §1.4)",
        ),
        AgendaTemplate(
            "inspect_adapt",
            "Inspect & Adapt",
            EventKind.INSPECT_ADAPT,
            INSPECT_ADAPT,
            source="DOMAIN.md §6.1-6.2",
        ),
        AgendaTemplate(
            "system_demo", "System Demo", EventKind.SYSTEM_DEMO, SYSTEM_DEMO, source="§7.2"
        ),
        AgendaTemplate(
            "art_sync_30", "ART Sync (30 min)", EventKind.ART_SYNC, ART_SYNC_30, source="§7.2"
        ),
        AgendaTemplate(
            "art_sync_60", "ART Sync (60 min)", EventKind.ART_SYNC, ART_SYNC_60, source="§7.2"
        ),
        AgendaTemplate("blank", "Blank agenda", EventKind.OTHER, ()),
    )
}


def template(key: str) -> AgendaTemplate:
    """The template named ``key``.

    Raises:
        ValidationError: no template has that key; the message lists the known keys.
    """
    try:
        return TEMPLATES[key]
    except KeyError:
        known = ", ".join(TEMPLATES)
        raise ValidationError(f"No agenda template '{key}'; known: {known}.") from None

"""Agenda templates: the standard SAFe 2-day PI Planning agenda (DOMAIN.md §1.2) and friends."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class TemplateItem:
    day: int
    start: dt.time
    duration_min: int | None  # None: open-ended
    title: str
    presenter: str = ""
    all_hands: bool = True
    is_break: bool = False


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

TEMPLATES: dict[str, tuple[TemplateItem, ...]] = {
    "pi_planning_2_day": PI_PLANNING_2_DAY,
    "blank": (),
}

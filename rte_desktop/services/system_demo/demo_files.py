"""The System Demo report (PDF): the plans' marks and feedback as plain data for reports/."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rte_desktop.domain.system_demo import DemoShare, acceptance_label
from rte_desktop.services.common.files import write_atomically

if TYPE_CHECKING:
    from rte_desktop.reports.demo_report import DemoReport, DemoSection
    from rte_desktop.services.system_demo.demo_plan import DemoPlan


def share_text(share: DemoShare) -> str:
    if share.percent is None:
        return "no features planned"
    return f"{share.demoed} of {share.planned} planned features demoed ({share.percent:.0f}%)"


def section(plan: DemoPlan, feature_keys: dict[int, str], risk_ids: set[int]) -> DemoSection:
    from rte_desktop.reports.demo_report import DemoLine, DemoSection

    name = plan.iteration.name if plan.iteration else ""
    iteration = f" · {name}" if name and name not in plan.event.title else ""
    title = f"{plan.event.title}{iteration} · {plan.event.start:%a %d %b %Y}"
    lines = []
    for order, slot in enumerate(plan.slots, start=1):
        notes = []
        for fb in slot.feedback:
            became = []
            if fb.feature_id is not None:
                became.append(f"backlog {feature_keys.get(fb.feature_id, 'feature')}")
            if fb.risk_id is not None and fb.risk_id in risk_ids:
                became.append("risk")
            notes.append(f"{fb.text} (→ {', '.join(became)})" if became else fb.text)
        lines.append(
            DemoLine(
                order=order,
                title=slot.label,
                presenter=slot.item.presenter,
                minutes=slot.item.minutes,
                demoed=slot.item.demoed,
                accepted=acceptance_label(slot.item.accepted),
                feedback=notes,
            )
        )
    return DemoSection(title, lines)


def write_demo_report(report: DemoReport, out: Path, paper: str = "a4") -> Path:
    from rte_desktop.reports.demo_report import render_demo

    return write_atomically(out, render_demo(report, paper))

"""The eight panels of the main window, in sidebar order (Ctrl+1 ... Ctrl+8).

Each entry names a factory that is imported only when the panel is first shown, so start-up pays
for one panel, not eight. A capability replaces its placeholder by pointing ``factory`` at its
panel class ("package.module:Class").
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from rte_desktop.ui.panel_base import Panel, PanelContext


def _tr(text: str) -> str:
    return QCoreApplication.translate("panels", text)


@dataclass(frozen=True)
class PanelSpec:
    key: str
    title: str
    purpose: str  # what the panel holds; shown while it is a placeholder
    factory: str = ""
    shortcuts: tuple[tuple[str, str], ...] = field(default=())

    def create(self, ctx: PanelContext, parent: QWidget | None = None) -> Panel:
        if not self.factory:
            from rte_desktop.ui.placeholder.panel import PlaceholderPanel

            return PlaceholderPanel(ctx, self.title, self.purpose, parent)
        module_name, _, class_name = self.factory.partition(":")
        cls = getattr(importlib.import_module(module_name), class_name)
        panel: Panel = cls(ctx, parent)
        return panel


def _calendar_shortcuts() -> tuple[tuple[str, str], ...]:
    from rte_desktop.ui.calendar.shortcuts import SHORTCUTS

    return tuple((keys, _tr(text)) for keys, text in SHORTCUTS)


def _readiness_shortcuts() -> tuple[tuple[str, str], ...]:
    from rte_desktop.ui.readiness.shortcuts import SHORTCUTS

    return tuple((keys, _tr(text)) for keys, text in SHORTCUTS)


def panel_specs() -> list[PanelSpec]:
    return [
        PanelSpec(
            "calendar",
            _tr("Calendar"),
            _tr(
                "The ART calendar: PIs, iterations, the IP iteration, PI Planning, System Demos, "
                "ART Syncs, I&A and holidays, generated from the cadence and exported as ICS."
            ),
            factory="rte_desktop.ui.calendar.panel:CalendarPanel",
            shortcuts=_calendar_shortcuts(),
        ),
        PanelSpec(
            "readiness",
            _tr("Readiness"),
            _tr("Organizational, content and logistics checklists counting down to PI Planning."),
            factory="rte_desktop.ui.readiness.panel:ReadinessPanel",
            shortcuts=_readiness_shortcuts(),
        ),
        PanelSpec(
            "agenda",
            _tr("Agenda && Timer"),
            _tr("The timed PI Planning agenda with a presenter window for the projector."),
        ),
        PanelSpec(
            "vote",
            _tr("Confidence Vote"),
            _tr(
                "Fist-of-five votes per team and for the ART, with histogram, average and "
                "concerns that become risks."
            ),
        ),
        PanelSpec(
            "objectives",
            _tr("PI Objectives"),
            _tr("Committed and uncommitted PI objectives with business value and predictability."),
        ),
        PanelSpec(
            "risks",
            _tr("Risks (ROAM)"),
            _tr("The ROAM board: Unroamed, Resolved, Owned, Accepted, Mitigated."),
        ),
        PanelSpec(
            "board",
            _tr("ART Planning Board"),
            _tr("Features by team and iteration, milestones and dependencies coloured by health."),
        ),
        PanelSpec(
            "workshop",
            _tr("I&&A Workshop"),
            _tr(
                "The problem-solving workshop: problem, fishbone, dot voting, Pareto, solutions "
                "and improvement backlog items."
            ),
        ),
    ]

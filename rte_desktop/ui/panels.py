"""The panels of the main window, in sidebar order (Ctrl+1 ... Ctrl+9, Ctrl+Alt+1, Ctrl+Alt+2).

Each entry names a factory that is imported only when the panel is first shown, so start-up pays
for one panel, not eight. A capability replaces its placeholder by pointing ``factory`` at its
panel class ("package.module:Class"). A panel's Go key (Ctrl+1 ...) and its keys in Help are
rows of ``ui/shortcuts.py``: a new panel adds ``window.go.<key>`` there.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from rte_desktop.ui.panel_base import Panel, PanelContext

# A panel class, or a function that builds the panel with the services it uses.
PanelFactory = Callable[[PanelContext, QWidget | None], Panel]


def _tr(text: str) -> str:
    return QCoreApplication.translate("panels", text)


@dataclass(frozen=True)
class PanelSpec:
    key: str
    title: str
    purpose: str  # what the panel holds; shown while it is a placeholder
    factory: str = ""

    def panel_class(self) -> PanelFactory | None:
        """The panel's factory (its class, or a function handing it its services), imported now.

        None while the panel is a placeholder.
        """
        if not self.factory:
            return None
        module_name, _, name = self.factory.partition(":")
        factory: PanelFactory = getattr(importlib.import_module(module_name), name)
        return factory

    def create(self, ctx: PanelContext, parent: QWidget | None = None) -> Panel:
        cls = self.panel_class()
        if cls is None:
            from rte_desktop.ui.placeholder.panel import PlaceholderPanel

            return PlaceholderPanel(ctx, self.title, self.purpose, parent)
        return cls(ctx, parent)


def panel_specs() -> list[PanelSpec]:
    return [
        PanelSpec(
            "calendar",
            _tr("Calendar"),
            _tr(
                "The ART calendar: PIs, iterations, the IP iteration, PI Planning, System Demos, "
                "ART Syncs, I&A and holidays, generated from the cadence and exported as ICS."
            ),
            factory="rte_desktop.ui.calendar.panel:calendar_panel",
        ),
        PanelSpec(
            "readiness",
            _tr("Readiness"),
            _tr("Organizational, content and logistics checklists counting down to PI Planning."),
            factory="rte_desktop.ui.readiness.panel:readiness_panel",
        ),
        PanelSpec(
            "agenda",
            _tr("Agenda && Timer"),
            _tr("The timed PI Planning agenda with a presenter window for the projector."),
            factory="rte_desktop.ui.agenda.panel:agenda_panel",
        ),
        PanelSpec(
            "vote",
            _tr("Confidence Vote"),
            _tr(
                "Fist-of-five votes per team and for the ART, with histogram, average and "
                "concerns that become risks."
            ),
            factory="rte_desktop.ui.vote.panel:vote_panel",
        ),
        PanelSpec(
            "objectives",
            _tr("PI Objectives"),
            _tr("Committed and uncommitted PI objectives with business value and predictability."),
            factory="rte_desktop.ui.objectives.panel:objectives_panel",
        ),
        PanelSpec(
            "risks",
            _tr("Risks (ROAM)"),
            _tr("The ROAM board: Unroamed, Resolved, Owned, Accepted, Mitigated."),
            factory="rte_desktop.ui.risks.panel:risks_panel",
        ),
        PanelSpec(
            "board",
            _tr("ART Planning Board"),
            _tr("Features by team and iteration, milestones and dependencies coloured by health."),
            factory="rte_desktop.ui.board.panel:board_panel",
        ),
        PanelSpec(
            "workshop",
            _tr("I&&A Workshop"),
            _tr(
                "The problem-solving workshop: problem, fishbone, dot voting, Pareto, solutions "
                "and improvement backlog items."
            ),
            factory="rte_desktop.ui.workshop.panel:workshop_panel",
        ),
        PanelSpec(
            "flow",
            _tr("Flow"),
            _tr(
                "SAFe's six flow metrics for the ART and each team, cumulative flow, aging work "
                "in progress and Monte Carlo forecasts, from Jira and Azure DevOps exports."
            ),
            factory="rte_desktop.ui.flow.panel:flow_panel",
        ),
        PanelSpec(
            "backlog",
            _tr("Backlog && WSJF"),
            _tr(
                "The ART backlog ordered by WSJF: states, Definition of Ready, acceptance "
                "criteria, readiness for PI Planning and the WSJF session on the projector."
            ),
            factory="rte_desktop.ui.backlog.panel:backlog_panel",
        ),
        PanelSpec(
            "system_demo",
            _tr("System Demo"),
            _tr(
                "Each iteration's System Demo: the demo plan, demoed and accepted marks, and "
                "feedback that becomes backlog features or risks."
            ),
            factory="rte_desktop.ui.system_demo.panel:system_demo_panel",
        ),
    ]

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


def panel_specs() -> list[PanelSpec]:
    return [
        PanelSpec(
            "calendar",
            _tr("Calendar"),
            _tr(
                "The ART calendar: PIs, iterations, the IP iteration, PI Planning, System Demos, "
                "ART Syncs, I&A and holidays, generated from the cadence and exported as ICS."
            ),
        ),
        PanelSpec(
            "readiness",
            _tr("Readiness"),
            _tr("Organizational, content and logistics checklists counting down to PI Planning."),
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
            factory="rte_desktop.ui.risks.panel:RisksPanel",
            shortcuts=(
                ("Up / Down", _tr("Select a risk in its column")),
                ("Left / Right", _tr("Go to the next column")),
                ("Ctrl+Left / Ctrl+Right", _tr("Move the selected risk one column")),
                (
                    "U / R / O / A / M",
                    _tr("Move it to Unroamed / Resolved / Owned / Accepted / Mitigated"),
                ),
                ("Enter / F2", _tr("Edit the selected risk")),
                ("Insert / Alt+N", _tr("New risk")),
                ("Alt+I", _tr("Edit the selected risk")),
                ("Delete", _tr("Delete the selected risk (undoable)")),
                ("Ctrl+F / Esc", _tr("Filter by text / clear the filter")),
                ("Alt+B / Alt+Y / Alt+S", _tr("ROAM board / history / ART Sync tab")),
                ("Ctrl+Shift+P", _tr("ROAM poster PDF")),
                ("Alt+3 / Alt+6 (ART Sync)", _tr("Start the 30- / 60-minute timer")),
                ("Alt+N / Alt+A (ART Sync)", _tr("New meeting / add an action")),
                ("Space (ART Sync actions)", _tr("Mark the selected action done")),
            ),
        ),
        PanelSpec(
            "board",
            _tr("ART Planning Board"),
            _tr("Features by team and iteration, milestones and dependencies coloured by health."),
            factory="rte_desktop.ui.board.panel:BoardPanel",
            shortcuts=(
                ("Arrows", _tr("Select the nearest card in that direction")),
                ("Ctrl+Left / Ctrl+Right", _tr("Move the feature to the previous / next column")),
                ("Ctrl+Up / Ctrl+Down", _tr("Move the feature to the previous / next team")),
                ("U", _tr("Unplan the selected feature")),
                ("Enter / F2", _tr("Edit the selected card")),
                ("Delete", _tr("Delete the selected card (undoable)")),
                ("Insert / Alt+N", _tr("New feature")),
                ("Alt+M", _tr("New milestone")),
                ("Ctrl+Shift+D / Alt+D", _tr("New dependency (from the selected feature)")),
                ("Alt+I", _tr("Import features from CSV (Jira export)")),
                ("+ / - / 0", _tr("Zoom in / out / fit the width")),
                ("Ctrl+Shift+P", _tr("Board poster PDF")),
                ("Hover a card", _tr("Highlight its dependency lines")),
            ),
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

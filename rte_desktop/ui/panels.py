"""The panels of the main window, in sidebar order, with the keys that show them.

``go_keys`` is the one place those keys are decided: the sidebar's tooltips, the Go menu and
Help > Keyboard shortcuts all read it. Panels 1-9 take Ctrl+1 ... Ctrl+9, the tenth Ctrl+0, later
ones Ctrl+Alt+1, Ctrl+Alt+2 ...; a spec may name its keys (``keys``) so they stay put while
other branches add panels before it.

Each entry names a factory that is imported only when the panel is first shown, so start-up pays
for one panel, not eight. A capability replaces its placeholder by pointing ``factory`` at its
panel class ("package.module:Class").
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from rte_desktop.ui.panel_base import Panel, PanelContext

# Listed here (not imported from the panel) so Help > Keyboard shortcuts costs no panel import.
OBJECTIVES_SHORTCUTS: tuple[tuple[str, str], ...] = (
    ("Ins", "Add an objective"),
    ("Enter", "Edit text or notes; commit and move down"),
    ("1 … 9, 1 then 0", "Set the planned or actual BV of the current cell (10)"),
    ("Space / Ctrl+K", "Toggle committed / uncommitted"),
    ("Delete", "Clear a BV or the notes"),
    ("Ctrl+Del", "Delete the objective"),
    ("Ctrl+Up / Ctrl+Down", "Move the objective up / down"),
    ("Ctrl+M", "Move the objective to another team"),
    ("Ctrl+PgUp / Ctrl+PgDown", "Previous / next team"),
    ("F6", "Business Owner scoring mode (digits score, Tab planned/actual, F5 full screen)"),
    ("Ctrl+Alt+I", "Import objectives from CSV or XLSX"),
    ("Ctrl+Shift+P / Ctrl+Alt+P / Ctrl+P", "Save the PDF / preview it / print it"),
)


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
    shortcuts: tuple[tuple[str, str], ...] = field(default=())
    keys: str = ""  # the Go key; empty: by position (``go_keys``)

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


def go_keys(specs: list[PanelSpec]) -> list[str]:
    """The key that shows each panel, in sidebar order (see the module's docstring)."""

    def by_position(index: int) -> str:
        if index <= 9:
            return f"Ctrl+{index}"
        if index == 10:
            return "Ctrl+0"
        return f"Ctrl+Alt+{index - 10}"

    named = {spec.keys for spec in specs if spec.keys}
    result = []
    index = 0
    for spec in specs:
        if spec.keys:
            result.append(spec.keys)
            continue
        index += 1
        while by_position(index) in named:
            index += 1
        result.append(by_position(index))
    return result


def _backlog_shortcuts() -> tuple[tuple[str, str], ...]:
    from rte_desktop.ui.backlog.shortcuts import SHORTCUTS

    return tuple((keys, _tr(text)) for keys, text in SHORTCUTS)


def _system_demo_shortcuts() -> tuple[tuple[str, str], ...]:
    from rte_desktop.ui.system_demo.shortcuts import SHORTCUTS

    return tuple((keys, _tr(text)) for keys, text in SHORTCUTS)


def agenda_shortcuts() -> tuple[tuple[str, str], ...]:
    from rte_desktop.ui.agenda.keys import SHORTCUTS

    return tuple((keys, _tr(text)) for keys, text in SHORTCUTS)


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
            factory="rte_desktop.ui.calendar.panel:calendar_panel",
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
            factory="rte_desktop.ui.agenda.panel:AgendaPanel",
            shortcuts=agenda_shortcuts(),
        ),
        PanelSpec(
            "vote",
            _tr("Confidence Vote"),
            _tr(
                "Fist-of-five votes per team and for the ART, with histogram, average and "
                "concerns that become risks."
            ),
            factory="rte_desktop.ui.vote.panel:VotePanel",
            shortcuts=(
                ("1 … 5", _tr("Add one hand (or ballot) for that many fingers")),
                ("Backspace", _tr("Take back the last ballot")),
                ("Ctrl+Enter", _tr("Start the vote / re-vote (a new round)")),
                ("Ctrl+L", _tr("Close / reopen the round")),
                ("Ctrl+Shift+R", _tr("Reveal a hidden vote")),
                ("Ctrl+Shift+P", _tr("Projector view (F5 there: full screen)")),
                ("Ctrl+K", _tr("Type a concern")),
                ("Ctrl+Shift+K", _tr("Turn the selected concern into a risk")),
                ("Alt+Up / Alt+Down", _tr("Previous / next team")),
                ("Ctrl+Shift+S", _tr("Vote / summary of all votes")),
                ("Ctrl+P", _tr("Vote report PDF")),
            ),
        ),
        PanelSpec(
            "objectives",
            _tr("PI Objectives"),
            _tr("Committed and uncommitted PI objectives with business value and predictability."),
            factory="rte_desktop.ui.objectives.panel:ObjectivesPanel",
            shortcuts=tuple((keys, _tr(what)) for keys, what in OBJECTIVES_SHORTCUTS),
        ),
        PanelSpec(
            "risks",
            _tr("Risks (ROAM)"),
            _tr("The ROAM board: Unroamed, Resolved, Owned, Accepted, Mitigated."),
            factory="rte_desktop.ui.risks.panel:risks_panel",
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
            factory="rte_desktop.ui.board.panel:board_panel",
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
            factory="rte_desktop.ui.workshop.panel:WorkshopPanel",
            shortcuts=(
                ("Ctrl+Shift+N", _tr("New workshop")),
                ("Alt+1 … Alt+5", _tr("Problem, Fishbone, Vote & Pareto, Solutions, Measurement")),
                ("Enter", _tr("Fishbone: add a sibling (cause, or bone on a bone)")),
                ("Tab", _tr("Fishbone: add a child (“why?” sub-cause, or cause on a bone)")),
                ("F2", _tr("Fishbone: rename the selected label")),
                ("Delete", _tr("Fishbone: remove the cause (with its sub-causes) or bone")),
                ("Alt+Up / Alt+Down", _tr("Fishbone: move the cause to the previous/next bone")),
                ("Alt+Left / Alt+Right", _tr("Fishbone: outdent / indent the cause")),
                ("Arrows, Home", _tr("Fishbone: move the selection")),
                ("+ / −", _tr("Add / remove a dot on the selected cause or solution")),
                ("Ctrl+0, Ctrl+= / Ctrl+−", _tr("Fishbone: zoom to fit, zoom in / out")),
                ("Ctrl+H", _tr("Hide / reveal the dots")),
                ("Ctrl+Shift+R", _tr("Restate the top cause as a new problem")),
                ("Ctrl+Return", _tr("Save the improvement item")),
                ("Ctrl+P", _tr("Workshop report PDF")),
            ),
        ),
        PanelSpec(
            "backlog",
            _tr("Backlog && WSJF"),
            _tr(
                "The ART backlog ordered by WSJF: states, Definition of Ready, acceptance "
                "criteria, readiness for PI Planning and the WSJF session on the projector."
            ),
            factory="rte_desktop.ui.backlog.panel:backlog_panel",
            shortcuts=_backlog_shortcuts(),
            keys="Ctrl+0",
        ),
        PanelSpec(
            "system_demo",
            _tr("System Demo"),
            _tr(
                "Each iteration's System Demo: the demo plan, demoed and accepted marks, and "
                "feedback that becomes backlog features or risks."
            ),
            factory="rte_desktop.ui.system_demo.panel:system_demo_panel",
            shortcuts=_system_demo_shortcuts(),
            keys="Ctrl+Alt+1",
        ),
    ]

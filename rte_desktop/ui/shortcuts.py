"""Every keyboard shortcut of the app, declared once: the bindings and Help > Keyboard shortcuts.

Each ``Shortcut`` row names an action (``"<scope>.<action>"``), the keys that trigger it and what
it does. Code binds a row with ``bind`` (one slot for all its keys) or ``bind_each`` (one slot per
key, e.g. PgUp/PgDown), menus and toolbars with ``make_action``/``bind_action``; the QShortcut or
QAction made carries the row's id as its object name, so a test can walk the window and check
that every binding is listed and every listed key is bound.
Keys a widget reads itself (a view's ``keyPressEvent``, the timer's event filter, a button's
``&`` mnemonic) go in ``handled``: Help lists them and the clash check sees them, nothing binds
them.

The scope is the id's part before the last dot: ``window`` (anywhere in the main window), a
panel key (while focus is in that panel), ``<panel>.<part>`` (a part of a panel), or a separate
window (``presenter``, ``preview``, ``holidays``). Adding a panel's Go key is one line in
``GO`` below: ``Shortcut("window.go.flow", ("Ctrl+9",), "Show the panel")``.

Importing this module costs no panel import (Help lists every panel before it is built).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class Shortcut:
    """One action's keys and its line in Help.

    Attributes:
        id: ``"<scope>.<action>"``; the scope is everything before the last dot.
        keys: bound by ``bind``/``bind_each`` (portable QKeySequence text, e.g. ``"Ctrl+P"``).
        text: what the keys do (Help's second column).
        handled: keys a widget reads itself (``keyPressEvent``, mnemonics); listed, not bound.
        label: Help's key column when the keys alone read badly (``"1 … 5"``).
        anywhere: the keys act while their widget is visible, wherever the focus is in its
            window (``Qt.WindowShortcut``); otherwise only while the focus is inside the widget.
    """

    id: str
    keys: tuple[str, ...]
    text: str
    handled: tuple[str, ...] = ()
    label: str = ""
    anywhere: bool = False

    @property
    def scope(self) -> str:
        return self.id.rpartition(".")[0]

    @property
    def panel(self) -> str:
        """The top scope: ``window``, a panel key or a separate window."""
        return self.id.partition(".")[0]

    def keys_text(self) -> str:
        return self.label or " / ".join(self.keys + self.handled)


S = Shortcut

# Ctrl+1 ... : one line per panel, in sidebar order (ui/panels.py). The id ends in the panel key.
GO: tuple[Shortcut, ...] = (
    S("window.go.calendar", ("Ctrl+1",), "Show the panel"),
    S("window.go.readiness", ("Ctrl+2",), "Show the panel"),
    S("window.go.agenda", ("Ctrl+3",), "Show the panel"),
    S("window.go.vote", ("Ctrl+4",), "Show the panel"),
    S("window.go.objectives", ("Ctrl+5",), "Show the panel"),
    S("window.go.risks", ("Ctrl+6",), "Show the panel"),
    S("window.go.board", ("Ctrl+7",), "Show the panel"),
    S("window.go.workshop", ("Ctrl+8",), "Show the panel"),
    S("window.go.flow", ("Ctrl+9",), "Show the panel"),
    S("window.go.backlog", ("Ctrl+Alt+1",), "Show the panel"),
    S("window.go.system_demo", ("Ctrl+Alt+2",), "Show the panel"),
)

WINDOW: tuple[Shortcut, ...] = (
    S("window.undo", ("Ctrl+Z",), "Undo"),
    # The platform's Redo key differs (Ctrl+Y, Ctrl+Shift+Z): accept both everywhere.
    S("window.redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "Redo"),
    S("window.new_train", ("Ctrl+N",), "New train"),
    S("window.open", ("Ctrl+O",), "Open a train file"),
    S("window.connect", ("Ctrl+Shift+O",), "Connect to a PostgreSQL server"),
    S("window.back_up", ("Ctrl+Shift+B",), "Back up"),
    S("window.export_json", ("Ctrl+Shift+E",), "Export JSON"),
    S("window.import_json", ("Ctrl+Shift+I",), "Import JSON"),
    S("window.export_calendar", ("Ctrl+Shift+C",), "Export the calendar (ICS)"),
    S(
        "window.import_work_items",
        ("Ctrl+Alt+W",),
        "Import work items (Jira, cycle data, changelog, Azure DevOps)",
    ),
    S(
        "window.step_pi",
        ("Ctrl+Shift+PgUp", "Ctrl+Shift+PgDown"),
        "Previous / next PI (the toolbar's PI, for every panel)",
        label="Ctrl+Shift+PgUp / Ctrl+Shift+PgDown",
    ),
    S("window.shortcuts", ("F1",), "This list"),
    S("window.quit", ("Ctrl+Q",), "Quit"),
)

# Every panel with a report: Ctrl+P prints it (system print dialog), Ctrl+Shift+P saves the PDF.
CALENDAR: tuple[Shortcut, ...] = (
    S(
        "calendar.toggle_mode",
        ("Ctrl+Shift+T",),
        "Switch between the PI timeline and the month view",
    ),
    S("calendar.page_month", ("PgUp", "PgDown"), "Previous / next month (month view)"),
    S("calendar.today", ("Alt+Home",), "Back to today's month"),
    S("calendar.new_event", ("Insert", "Ctrl+Shift+N"), "New event"),
    S("calendar.edit", ("Return", "Enter", "F2"), "Edit the selected event", label="Enter / F2"),
    S("calendar.delete", ("Delete",), "Delete the selected event"),
    S(
        "calendar.move_day",
        ("Alt+Left", "Alt+Right"),
        "Move the selected event a day earlier / later",
    ),
    S(
        "calendar.move_week",
        ("Alt+Up", "Alt+Down"),
        "Move the selected event a week earlier / later",
    ),
    S("calendar.generate", ("Ctrl+G",), "Generate the cadence (PIs, iterations, events)"),
    S("calendar.holidays", ("Ctrl+Shift+H",), "Holidays and blackout days"),
    S("calendar.print", ("Ctrl+P",), "Print the calendar"),
    S("calendar.save_pdf", ("Ctrl+Shift+P",), "Save the calendar PDF"),
)

HOLIDAYS: tuple[Shortcut, ...] = (S("holidays.remove", ("Del",), "Remove the selected holiday"),)

READINESS: tuple[Shortcut, ...] = (
    S("readiness.add", ("Insert", "Ctrl+Shift+N"), "Add an item to the current checklist"),
    S("readiness.edit", ("Return", "Enter", "F2"), "Edit the selected item", label="Enter / F2"),
    S("readiness.tick", ("Space",), "Tick / untick the selected item"),
    S("readiness.remove", ("Delete",), "Remove the selected item"),
    S(
        "readiness.prefill",
        ("Ctrl+Shift+T",),
        "Fill the checklists from the SAFe templates (missing items only)",
    ),
)

# The timer keys are read by ui/agenda/keys.py's event filter (so they also work in the
# presenter window and stay out of text fields); the editing keys are bound on the table.
AGENDA: tuple[Shortcut, ...] = (
    S("agenda.toggle", (), "Start, pause or resume the timer", handled=("Space",)),
    S("agenda.next", (), "Next item", handled=("N", "Right")),
    S("agenda.previous", (), "Previous item", handled=("P", "Left")),
    S("agenda.jump", (), "Make the selected item current", handled=("J",)),
    S(
        "agenda.extend",
        (),
        "Extend / shorten the current item by 1 minute (keypad too)",
        handled=("=", "+", "-"),
        label="= or + / -",
    ),
    S(
        "agenda.extend_5",
        (),
        "Extend / shorten by 5 minutes (US keyboard: + and _)",
        handled=("Shift++", "Shift+-"),
        label="Shift with + or -",
    ),
    S("agenda.presenter", (), "Show the presenter window; again: full screen", handled=("F5",)),
    S("agenda.mute", (), "Mute or unmute the wrap-up chime", handled=("M",)),
    S("agenda.table.insert", ("Ins",), "Insert an item after the selected one"),
    S("agenda.table.delete", ("Del",), "Delete the selected item"),
    S("agenda.table.move", ("Alt+Up", "Alt+Down"), "Move the selected item up / down (or drag it)"),
    S("agenda.table.edit", (), "Edit the selected cell", handled=("F2",)),
    S("agenda.print", ("Ctrl+P",), "Print the timing report"),
    S("agenda.save_pdf", ("Ctrl+Shift+P",), "Save the timing report PDF"),
)

PRESENTER: tuple[Shortcut, ...] = (
    S("presenter.full_screen", (), "Full screen on its screen, or back", handled=("F5",)),
    S("presenter.leave_full_screen", (), "Leave full screen", handled=("Esc",)),
)

# The hand keys are bound on the panel and on its projector view (ui/vote/projector.py).
VOTE: tuple[Shortcut, ...] = (
    S(
        "vote.hand",
        ("1", "2", "3", "4", "5", "Num+1", "Num+2", "Num+3", "Num+4", "Num+5"),
        "Add one hand (or ballot) for that many fingers",
        label="1 … 5",
    ),
    S("vote.take_back", ("Backspace",), "Take back the last ballot"),
    S(
        "vote.start",
        ("Ctrl+Return", "Ctrl+Num+Enter"),
        "Start the vote / re-vote (a new round)",
        label="Ctrl+Enter",
    ),
    S("vote.close_round", ("Ctrl+L",), "Close / reopen the round"),
    S("vote.reveal", ("Ctrl+Shift+R",), "Reveal a hidden vote"),
    S("vote.phones", ("Ctrl+Shift+M",), "Start / stop the phone round (phones vote over Wi-Fi)"),
    S("vote.projector", ("F5",), "Projector view (F5 there: full screen)"),
    S("vote.concern", ("Ctrl+K",), "Type a concern"),
    S("vote.concern_to_risk", ("Ctrl+Shift+K",), "Turn the selected concern into a risk"),
    S("vote.step_scope", ("Alt+Up", "Alt+Down"), "Previous / next team"),
    S("vote.summary", ("Ctrl+Shift+S",), "Vote / summary of all votes"),
    S("vote.print", ("Ctrl+P",), "Print the vote report"),
    S("vote.save_pdf", ("Ctrl+Shift+P",), "Save the vote report PDF"),
)

OBJECTIVES: tuple[Shortcut, ...] = (
    S("objectives.add", ("Ins",), "Add an objective"),
    S(
        "objectives.table.edit",
        (),
        "Edit text or notes; commit and move down",
        handled=("Return", "Enter"),
        label="Enter",
    ),
    S(
        "objectives.table.value",
        (),
        "Set the planned or actual BV of the current cell (10)",
        label="1 … 9, 1 then 0",
    ),
    S(
        "objectives.committed",
        ("Ctrl+K",),
        "Toggle committed / uncommitted",
        handled=("Space",),
        label="Space / Ctrl+K",
    ),
    S("objectives.table.clear", (), "Clear a BV or the notes", handled=("Delete",)),
    S("objectives.delete", ("Ctrl+Del",), "Delete the objective"),
    S("objectives.move", ("Ctrl+Up", "Ctrl+Down"), "Move the objective up / down"),
    S("objectives.move_to_team", ("Ctrl+M",), "Move the objective to another team"),
    S("objectives.step_team", ("Ctrl+PgUp", "Ctrl+PgDown"), "Previous / next team"),
    S(
        "objectives.scoring",
        ("F6",),
        "Business Owner scoring mode (digits score, Tab planned/actual, F5 full screen)",
    ),
    S("objectives.import", ("Ctrl+Alt+I",), "Import objectives from CSV or XLSX"),
    S("objectives.print", ("Ctrl+P",), "Print the PI objectives"),
    S("objectives.save_pdf", ("Ctrl+Shift+P",), "Save the PI objectives PDF"),
    S("objectives.preview", ("Ctrl+Alt+P",), "Preview the PI objectives PDF"),
)

# The ROAM board's keys are read by ui/risks/board_view.py; Alt+letters are button mnemonics.
RISKS: tuple[Shortcut, ...] = (
    S("risks.board.select", (), "Select a risk in its column", label="Up / Down"),
    S("risks.board.column", (), "Go to the next column", label="Left / Right"),
    S(
        "risks.board.move",
        (),
        "Move the selected risk one column",
        handled=("Ctrl+Left", "Ctrl+Right"),
    ),
    S(
        "risks.board.roam",
        (),
        "Move it to Unroamed / Resolved / Owned / Accepted / Mitigated",
        label="U / R / O / A / M",
    ),
    S("risks.board.edit", (), "Edit the selected risk", label="Enter / F2"),
    S("risks.new", (), "New risk", handled=("Insert", "Alt+N")),
    S("risks.edit", (), "Edit the selected risk", handled=("Alt+I",)),
    S("risks.board.delete", (), "Delete the selected risk (undoable)", handled=("Delete",)),
    S("risks.filter", ("Ctrl+F",), "Filter by text", anywhere=True),
    S("risks.filter_box.clear", ("Esc",), "Clear the filter (in the filter box)", anywhere=True),
    S(
        "risks.tab",
        (),
        "ROAM board / history / ART Sync tab",
        handled=("Alt+B", "Alt+Y", "Alt+S"),
    ),
    S("risks.print", ("Ctrl+P",), "Print the ROAM poster", anywhere=True),
    S("risks.save_pdf", ("Ctrl+Shift+P",), "Save the ROAM poster PDF", anywhere=True),
    S(
        "risks.art_sync.timer",
        (),
        "Start the 30- / 60-minute timer",
        label="Alt+3 / Alt+6 (ART Sync)",
    ),
    S(
        "risks.art_sync.add",
        (),
        "New meeting / add an action",
        label="Alt+N / Alt+A (ART Sync)",
    ),
    S("risks.art_sync.done", (), "Mark the selected action done", label="Space (ART Sync actions)"),
)

# The board view reads its own keys (ui/board/view.py); Alt+letters are button mnemonics.
BOARD: tuple[Shortcut, ...] = (
    S("board.view.select", (), "Select the nearest card in that direction", label="Arrows"),
    S(
        "board.view.move_column",
        (),
        "Move the feature to the previous / next column",
        handled=("Ctrl+Left", "Ctrl+Right"),
    ),
    S(
        "board.view.move_team",
        (),
        "Move the feature to the previous / next team",
        handled=("Ctrl+Up", "Ctrl+Down"),
    ),
    S("board.view.unplan", (), "Unplan the selected feature", handled=("U",)),
    S("board.view.edit", (), "Edit the selected card", label="Enter / F2"),
    S("board.view.delete", (), "Delete the selected card (undoable)", handled=("Delete",)),
    S("board.new_feature", ("Insert",), "New feature", handled=("Alt+N",), anywhere=True),
    S("board.new_milestone", (), "New milestone", handled=("Alt+M",)),
    S(
        "board.new_dependency",
        ("Ctrl+Shift+D",),
        "New dependency (from the selected feature)",
        handled=("Alt+D",),
        anywhere=True,
    ),
    S("board.import", (), "Import features from CSV (Jira export)", handled=("Alt+I",)),
    S("board.view.zoom", (), "Zoom in / out / fit the width", label="+ / - / 0"),
    S("board.print", ("Ctrl+P",), "Print the board poster", anywhere=True),
    S("board.save_pdf", ("Ctrl+Shift+P",), "Save the board poster PDF", anywhere=True),
    S("board.view.hover", (), "Highlight its dependency lines", label="Hover a card"),
)

# The fishbone view reads its own keys (ui/workshop/fishbone_view.py).
WORKSHOP: tuple[Shortcut, ...] = (
    S("workshop.new", ("Ctrl+Shift+N",), "New workshop", anywhere=True),
    S(
        "workshop.step",
        ("Alt+1", "Alt+2", "Alt+3", "Alt+4", "Alt+5"),
        "Problem, Fishbone, Vote & Pareto, Solutions, Measurement",
        label="Alt+1 … Alt+5",
        anywhere=True,
    ),
    S(
        "workshop.fishbone.sibling",
        (),
        "Fishbone: add a sibling (cause, or bone on a bone)",
        handled=("Return",),
        label="Enter",
    ),
    S(
        "workshop.fishbone.child",
        (),
        "Fishbone: add a child (“why?” sub-cause, or cause on a bone)",
        handled=("Tab",),
    ),
    S("workshop.fishbone.rename", (), "Fishbone: rename the selected label", handled=("F2",)),
    S(
        "workshop.fishbone.remove",
        (),
        "Fishbone: remove the cause (with its sub-causes) or bone",
        handled=("Delete",),
    ),
    S(
        "workshop.fishbone.move",
        (),
        "Fishbone: move the cause to the previous/next bone",
        handled=("Alt+Up", "Alt+Down"),
    ),
    S(
        "workshop.fishbone.indent",
        (),
        "Fishbone: outdent / indent the cause",
        handled=("Alt+Left", "Alt+Right"),
    ),
    S("workshop.fishbone.select", (), "Fishbone: move the selection", label="Arrows, Home"),
    S("workshop.dots", (), "Add / remove a dot on the selected cause or solution", label="+ / −"),
    S(
        "workshop.fishbone.zoom",
        (),
        "Fishbone: zoom to fit, zoom in / out",
        handled=("Ctrl+0", "Ctrl+=", "Ctrl+-"),
        label="Ctrl+0, Ctrl+= / Ctrl+−",
    ),
    S("workshop.hide_dots", ("Ctrl+H",), "Hide / reveal the dots", anywhere=True),
    S(
        "workshop.phones",
        ("Ctrl+Shift+M",),
        "Start / close the phone voting (phones place dots over Wi-Fi)",
        anywhere=True,
    ),
    S(
        "workshop.restate",
        ("Ctrl+Shift+R",),
        "Restate the top cause as a new problem",
        anywhere=True,
    ),
    S("workshop.backlog.save_item", ("Ctrl+Return",), "Save the improvement item", anywhere=True),
    S("workshop.print", ("Ctrl+P",), "Print the workshop report", anywhere=True),
    S("workshop.save_pdf", ("Ctrl+Shift+P",), "Save the workshop report PDF", anywhere=True),
)

# The panel lives alone in the window while shown, so its keys act wherever the focus is in it.
FLOW: tuple[Shortcut, ...] = (
    S("flow.team", ("Alt+T",), "Choose the team", anywhere=True),
    S("flow.window", ("Alt+W",), "Choose the window", anywhere=True),
    S(
        "flow.chart",
        ("Alt+1", "Alt+2", "Alt+3", "Alt+4"),
        "Flow time scatter, histogram, CFD, aging WIP",
        label="Alt+1 … Alt+4",
        anywhere=True,
    ),
    S("flow.forecast", ("Alt+R",), "Run the forecasts", anywhere=True),
    S(
        "flow.mappings",
        ("Alt+M",),
        "Workflow (status kinds), type and team mappings",
        anywhere=True,
    ),
    S("flow.export_chart", ("Ctrl+E",), "Export the chart as PNG or SVG", anywhere=True),
    S("flow.print", ("Ctrl+P",), "Print the Flow report", anywhere=True),
    S("flow.save_pdf", ("Ctrl+Shift+P",), "Save the Flow report PDF", anywhere=True),
    S("flow.scatter.point", (), "Name the item / show its details", label="Hover / click a point"),
)

# The grid reads the estimate keys itself (ui/backlog/panel.py: BacklogGrid); the WSJF session
# on the projector reads all of its keys (ui/backlog/session.py), so they are labels only there.
BACKLOG: tuple[Shortcut, ...] = (
    S("backlog.new_feature", ("Insert",), "New backlog feature", handled=("Alt+N",)),
    S(
        "backlog.start_session",
        ("F5", "Ctrl+Shift+W"),
        "WSJF session on the projector (F5 there: full screen)",
    ),
    S(
        "backlog.grid.state",
        ("Ctrl+Left", "Ctrl+Right"),
        "Previous / next state (funnel → analysing → ready)",
    ),
    S(
        "backlog.grid.move",
        ("Ctrl+Up", "Ctrl+Down"),
        "Earlier / later in the backlog order (breaks WSJF ties)",
    ),
    S("backlog.grid.select", (), "Move between cells", label="Arrows"),
    S(
        "backlog.grid.estimate",
        (),
        "Set the WSJF estimate of the cell (13, 20)",
        label="1 2 3 5 8, 1 then 3, 2 then 0",
    ),
    S("backlog.grid.clear", (), "Clear the estimate of the cell", handled=("Delete",)),
    S("backlog.details", ("F2",), "Edit epic, likely teams and acceptance criteria"),
    S(
        "backlog.criteria.save",
        ("Ctrl+Return",),
        "Save the acceptance criteria",
        label="Ctrl+Enter",
    ),
    S("backlog.dor", ("Alt+D",), "Go to the Definition of Ready checklist (Space ticks)"),
    S("backlog.export", ("Ctrl+Alt+E",), "Export the backlog as CSV or XLSX"),
    S("backlog.print", ("Ctrl+P",), "Print the backlog (PI Planning pre-read)"),
    S("backlog.save_pdf", ("Ctrl+Shift+P",), "Save the backlog PDF (PI Planning pre-read)"),
    S(
        "backlog.session.select",
        (),
        "Session: move between features and columns",
        label="Arrows / Tab",
    ),
    S(
        "backlog.session.estimate",
        (),
        "Session: set the value (1 2 3 5 8, 1·3 = 13, 2·0 = 20)",
        label="Digits",
    ),
    S("backlog.session.clear", (), "Session: clear the value", label="Delete"),
    S(
        "backlog.session.undo",
        (),
        "Session: undo / redo the last estimate (as everywhere)",
        label="Ctrl+Z / Ctrl+Y",
    ),
    S(
        "backlog.session.finish",
        (),
        "Session: finish (every column needs its 1)",
        label="Ctrl+Enter",
    ),
)

SYSTEM_DEMO: tuple[Shortcut, ...] = (
    S("system_demo.fill", ("Ctrl+Shift+F",), "Plan the iteration's features from the board"),
    S("system_demo.add", ("Insert", "Alt+N"), "Add a demo slot (a feature or a title)"),
    S("system_demo.table.edit", ("F2",), "Who presents the slot and its minutes"),
    S("system_demo.table.demoed", ("D",), "Demoed / not demoed"),
    S("system_demo.table.accepted", ("A",), "Accepted → not accepted → undecided"),
    S("system_demo.table.feedback", ("F",), "Type feedback on the slot (Enter saves)"),
    S("system_demo.feedback", ("Ctrl+K",), "Type feedback on the selected slot"),
    S(
        "system_demo.feedback_list.to_feature",
        ("B",),
        "Turn the feedback into a backlog feature",
        label="B (feedback)",
    ),
    S(
        "system_demo.feedback_list.to_risk",
        ("R",),
        "Turn the feedback into a risk",
        label="R (feedback)",
    ),
    S("system_demo.table.move", ("Ctrl+Up", "Ctrl+Down"), "Move the slot earlier / later"),
    S("system_demo.table.delete", ("Delete",), "Remove the slot"),
    S(
        "system_demo.agenda",
        ("Ctrl+Shift+A",),
        "Timebox: write the System Demo agenda (run it with the agenda timer)",
    ),
    S("system_demo.step_demo", ("Alt+Up", "Alt+Down"), "Previous / next System Demo"),
    S("system_demo.print", ("Ctrl+P",), "Print the System Demo report"),
    S("system_demo.save_pdf", ("Ctrl+Shift+P",), "Save the System Demo report PDF"),
)

PREVIEW: tuple[Shortcut, ...] = (S("preview.print", ("Ctrl+P",), "Print the previewed PDF"),)

TABLE: tuple[Shortcut, ...] = (
    *GO,
    *WINDOW,
    *CALENDAR,
    *READINESS,
    *AGENDA,
    *VOTE,
    *OBJECTIVES,
    *RISKS,
    *BOARD,
    *WORKSHOP,
    *FLOW,
    *BACKLOG,
    *SYSTEM_DEMO,
    *PRESENTER,
    *PREVIEW,
    *HOLIDAYS,
)
_BY_ID: dict[str, Shortcut] = {row.id: row for row in TABLE}

# Help's headings for the scopes that are not panels (panels use their sidebar title).
TITLES: dict[str, str] = {
    "window": "Everywhere",
    "presenter": "Presenter window",
    "preview": "PDF preview",
    "holidays": "Holidays and blackout days",
}


def tr(text: str) -> str:
    return QCoreApplication.translate("shortcuts", text)


def shortcut(action_id: str) -> Shortcut:
    """The row for ``action_id`` (KeyError names a missing row: add it to the table)."""
    try:
        return _BY_ID[action_id]
    except KeyError:
        raise KeyError(f"no shortcut {action_id!r} in rte_desktop/ui/shortcuts.py") from None


def keys_of(action_id: str) -> str:
    """The keys of ``action_id`` as Help shows them (for tooltips)."""
    return shortcut(action_id).keys_text()


def _context(row: Shortcut) -> Qt.ShortcutContext:
    # Every panel lives in the one main window (hidden panels' keys never act): most panel keys
    # act only while the focus is in the panel, those marked ``anywhere`` while it is visible.
    if row.anywhere or row.panel in ("window", "preview", "holidays"):
        return Qt.ShortcutContext.WindowShortcut
    return Qt.ShortcutContext.WidgetWithChildrenShortcut


def make_action(
    action_id: str,
    owner: QObject,
    text: str = "",
    keys: Sequence[str] | None = None,
) -> QAction:
    """A QAction named ``action_id`` with the row's keys (or ``keys``, a subset) and context."""
    row = shortcut(action_id)
    action = QAction(text, owner)
    action.setObjectName(action_id)
    action.setShortcuts([QKeySequence(k) for k in (row.keys if keys is None else keys)])
    action.setShortcutContext(_context(row))
    return action


def bind(
    widget: QWidget,
    action_id: str,
    slot: Callable[[], object],
    context: Qt.ShortcutContext | None = None,
) -> QShortcut:
    """Bind every key of ``action_id`` to ``slot`` on ``widget`` and return the shortcut.

    Args:
        widget: the widget the keys belong to (its focus decides, see the row's scope).
        action_id: a row of ``TABLE``.
        slot: called with no argument when a key is pressed.
        context: a narrower context than the scope's (e.g. only while a box has the focus).
    """
    return _shortcut(widget, action_id, shortcut(action_id).keys, slot, context)


def bind_each(
    widget: QWidget, action_id: str, slots: Sequence[Callable[[], object]]
) -> list[QShortcut]:
    """Bind the row's keys to ``slots`` in turn (cycling: ten keys, five slots)."""
    keys = shortcut(action_id).keys
    return [
        _shortcut(widget, action_id, (key,), slots[index % len(slots)])
        for index, key in enumerate(keys)
    ]


def bind_action(
    widget: QWidget, action_id: str, slot: Callable[[], object], keys: Sequence[str] | None = None
) -> QAction:
    """Like ``bind``, as a QAction on ``widget`` (for a toolbar or a menu)."""
    action = make_action(action_id, widget, keys=keys)
    action.triggered.connect(lambda _checked=False: slot())
    widget.addAction(action)
    return action


def _shortcut(
    widget: QWidget,
    action_id: str,
    keys: Sequence[str],
    slot: Callable[[], object],
    context: Qt.ShortcutContext | None = None,
) -> QShortcut:
    bound = QShortcut(widget)
    bound.setObjectName(action_id)
    bound.setKeys([QKeySequence(k) for k in keys])
    bound.setContext(_context(shortcut(action_id)) if context is None else context)
    bound.activated.connect(slot)
    return bound


def help_groups(panel_titles: Sequence[tuple[str, str]]) -> list[tuple[str, list[tuple[str, str]]]]:
    """Help's list: (heading, [(keys, what)]) for the window, each panel, then other windows.

    Args:
        panel_titles: (panel key, sidebar title) in sidebar order.
    """
    panels = dict(panel_titles)
    go = [row for row in GO if row.id.rpartition(".")[2] in panels]
    general: list[tuple[str, str]] = []
    runs: list[list[Shortcut]] = []  # one line per modifier: Ctrl+1 … Ctrl+8, Ctrl+Alt+1 … 2
    for row in go:
        if runs and runs[-1][0].keys[0].rpartition("+")[0] == row.keys[0].rpartition("+")[0]:
            runs[-1].append(row)
        else:
            runs.append([row])
    for run in runs:
        first, last = run[0].keys[0], run[-1].keys[0]
        general.append((f"{first} … {last}" if len(run) > 1 else first, tr("Show a panel")))
    general += [(row.keys_text(), tr(row.text)) for row in WINDOW]
    groups = [(tr(TITLES["window"]), general)]
    order = [key for key, _ in panel_titles] + [k for k in TITLES if k != "window"]
    for key in order:
        rows = [row for row in TABLE if row.panel == key]
        if rows:
            title = panels.get(key) or tr(TITLES[key])
            groups.append((title, [(row.keys_text(), tr(row.text)) for row in rows]))
    return groups


def has(action_id: str) -> bool:
    """Whether the table has a row ``action_id`` (a new panel may have no Go key yet)."""
    return action_id in _BY_ID

"""The Backlog & WSJF panel's keys: declared here once, bound by the panel and listed in Help.

Kept apart from the panel so Help > Keyboard shortcuts need not load it. Each entry is
(key sequences as Qt reads them, what Help shows for the keys, what it does).
"""

from __future__ import annotations

PANEL_KEYS: dict[str, tuple[tuple[str, ...], str, str]] = {
    "add": (("Insert", "Alt+N"), "Insert / Alt+N", "New backlog feature"),
    "session": (("F5", "Ctrl+Shift+W"), "F5 / Ctrl+Shift+W", "WSJF session on the projector"),
    "state_next": (("Ctrl+Right",), "Ctrl+Right", "Next state (funnel → analysing → ready)"),
    "state_previous": (("Ctrl+Left",), "Ctrl+Left", "Previous state"),
    "move_up": (("Ctrl+Up",), "Ctrl+Up", "Earlier in the backlog order (breaks WSJF ties)"),
    "move_down": (("Ctrl+Down",), "Ctrl+Down", "Later in the backlog order"),
    "details": (("F2",), "F2", "Edit epic, likely teams and acceptance criteria"),
    "save_details": (("Ctrl+Return",), "Ctrl+Enter (details)", "Save the acceptance criteria"),
    "dor": (("Alt+D",), "Alt+D", "Go to the Definition of Ready checklist (Space ticks)"),
    "report": (("Ctrl+Shift+P",), "Ctrl+Shift+P", "Backlog PDF (PI Planning pre-read)"),
    "export": (("Ctrl+Alt+E",), "Ctrl+Alt+E", "Export the backlog as CSV or XLSX"),
}
# Keys handled by the grid itself (not QActions): listed in Help from here too.
GRID_KEYS: tuple[tuple[str, str], ...] = (
    ("Arrows", "Move between cells"),
    ("1 2 3 5 8, 1 then 3, 2 then 0", "Set the WSJF estimate of the cell (13, 20)"),
    ("Delete", "Clear the estimate of the cell"),
)
SESSION_KEYS: tuple[tuple[str, str], ...] = (
    ("Arrows / Tab", "Session: move between features and columns"),
    ("Digits", "Session: set the value (1 2 3 5 8, 1·3 = 13, 2·0 = 20)"),
    ("Delete", "Session: clear the value"),
    ("Ctrl+Z / Ctrl+Y", "Session: undo / redo the last estimate (as everywhere)"),
    ("Ctrl+Enter", "Session: finish (every column needs its 1)"),
    ("F5 / Esc", "Session: full screen / leave full screen"),
)

SHORTCUTS: tuple[tuple[str, str], ...] = (
    tuple((shown, what) for _keys, shown, what in PANEL_KEYS.values()) + GRID_KEYS + SESSION_KEYS
)

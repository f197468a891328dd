"""The System Demo panel's keys: declared here once, bound by the panel and listed in Help."""

from __future__ import annotations

PANEL_KEYS: dict[str, tuple[tuple[str, ...], str, str]] = {
    "fill": (("Ctrl+Shift+F",), "Ctrl+Shift+F", "Plan the iteration's features from the board"),
    "add": (("Insert", "Alt+N"), "Insert / Alt+N", "Add a demo slot (a feature or a title)"),
    "edit": (("F2",), "F2", "Who presents the slot and its minutes"),
    "demoed": (("D",), "D", "Demoed / not demoed"),
    "accepted": (("A",), "A", "Accepted → not accepted → undecided"),
    "feedback": (("F", "Ctrl+K"), "F / Ctrl+K", "Type feedback on the slot (Enter saves)"),
    "to_feature": (("B",), "B (feedback)", "Turn the feedback into a backlog feature"),
    "to_risk": (("R",), "R (feedback)", "Turn the feedback into a risk"),
    "move_up": (("Ctrl+Up",), "Ctrl+Up", "Move the slot earlier"),
    "move_down": (("Ctrl+Down",), "Ctrl+Down", "Move the slot later"),
    "delete": (("Delete",), "Delete", "Remove the slot"),
    "agenda": (
        ("Ctrl+Shift+A",),
        "Ctrl+Shift+A",
        "Timebox: write the System Demo agenda (run it with the agenda timer)",
    ),
    "previous_demo": (("Alt+Up",), "Alt+Up", "Previous System Demo"),
    "next_demo": (("Alt+Down",), "Alt+Down", "Next System Demo"),
    "report": (("Ctrl+Shift+P",), "Ctrl+Shift+P", "System Demo report PDF"),
}

SHORTCUTS: tuple[tuple[str, str], ...] = tuple(
    (shown, what) for _keys, shown, what in PANEL_KEYS.values()
)

"""The Readiness panel's keys (listed in Help; kept apart so start-up need not load the panel)."""

from __future__ import annotations

SHORTCUTS: tuple[tuple[str, str], ...] = (
    ("Insert", "Add an item to the current checklist"),
    ("Enter / F2", "Edit the selected item"),
    ("Space", "Tick / untick the selected item"),
    ("Delete", "Remove the selected item"),
    ("Ctrl+Shift+P", "Fill the checklists from the SAFe templates (missing items only)"),
)

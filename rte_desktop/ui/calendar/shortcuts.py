"""The Calendar panel's keys (listed in Help; kept apart so start-up need not load the panel)."""

from __future__ import annotations

SHORTCUTS: tuple[tuple[str, str], ...] = (
    ("Ctrl+Shift+T", "Switch between the PI timeline and the month view"),
    ("PgUp / PgDown", "Previous / next month (month view)"),
    ("Alt+Home", "Back to today's month"),
    ("Insert", "New event"),
    ("Enter / F2", "Edit the selected event"),
    ("Delete", "Delete the selected event"),
    ("Alt+Left / Alt+Right", "Move the selected event a day earlier / later"),
    ("Alt+Up / Alt+Down", "Move the selected event a week earlier / later"),
    ("Ctrl+G", "Generate the cadence (PIs, iterations, events)"),
    ("Ctrl+Shift+H", "Holidays and blackout days"),
    ("Ctrl+Shift+C", "Export the calendar as ICS (also in the File menu)"),
    ("Ctrl+P", "Calendar PDF"),
)

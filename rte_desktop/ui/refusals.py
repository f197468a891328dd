"""Run an edit and explain a refusal in a message box: the recipe the panels share."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from rte_desktop.domain.errors import DomainError


def run_or_warn(
    parent: QWidget, title: str, action: Callable[[], object], files: bool = False
) -> bool:
    """Run ``action``; a refusal is shown in a message box and nothing changes.

    Args:
        parent: The widget the message box belongs to.
        title: The box's title (the panel's name).
        action: The service call or undoable push.
        files: Also explain an OSError (a file that cannot be read or written).

    Returns:
        True if the action ran, False if it was refused.
    """
    try:
        action()
    except DomainError as exc:
        QMessageBox.warning(parent, title, str(exc))
        return False
    except OSError as exc:
        if not files:
            raise
        QMessageBox.warning(parent, title, f"{exc.strerror or exc}: {exc.filename}")
        return False
    return True

"""Run an edit and explain a refusal in a message box: the recipe the panels share."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from rte_desktop.domain.errors import ConflictError, DomainError, NotFoundError
from rte_desktop.ui.panel_base import Panel


def run_or_warn(
    parent: QWidget, title: str, action: Callable[[], object], files: bool = False
) -> bool:
    """Run ``action``; a refusal is shown in a message box and nothing changes.

    A write refused because another client changed or deleted the record since this window
    showed it (ConflictError, NotFoundError) is shown with a Reload button: the panel reads the
    train again at once, so it shows their change before the person tries again.

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
    except (ConflictError, NotFoundError) as exc:
        _offer_reload(parent, title, str(exc))
        return False
    except DomainError as exc:
        QMessageBox.warning(parent, title, str(exc))
        return False
    except OSError as exc:
        if not files:
            raise
        QMessageBox.warning(parent, title, f"{exc.strerror or exc}: {exc.filename}")
        return False
    return True


def _offer_reload(parent: QWidget, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    reload = box.addButton(
        QCoreApplication.translate("Refusals", "&Reload"), QMessageBox.ButtonRole.AcceptRole
    )
    box.setDefaultButton(reload)
    box.setEscapeButton(reload)
    box.exec()
    panel = _panel_of(parent)
    if panel is not None:
        panel.refresh_now()


def _panel_of(widget: QWidget | None) -> Panel | None:
    while widget is not None and not isinstance(widget, Panel):
        widget = widget.parentWidget()
    return widget

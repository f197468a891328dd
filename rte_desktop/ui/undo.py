"""Undo over services: each command's redo/undo call service methods, never widget setters."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox


class ServiceCommand(QUndoCommand):
    """An edit expressed as two service calls; the views update from ``data_changed``.

    ``already_done`` skips the redo that ``QUndoStack.push`` makes at once, for edits that ran
    before being pushed (see ``push``).
    """

    def __init__(
        self,
        text: str,
        do: Callable[[], object],
        undo: Callable[[], object],
        already_done: bool = False,
    ) -> None:
        super().__init__(text)
        self._do = do
        self._undo = undo
        self._skip_redo = already_done

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._run(self._do)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, step: Callable[[], object]) -> None:
        # Called by Qt: an exception here would be printed and lost while the stack moved on,
        # so a failed step is reported and the command dropped (the stack stays in step).
        try:
            step()
        except Exception as exc:  # noqa: BLE001 - anything the database or a service raises
            self.setObsolete(True)
            QMessageBox.warning(
                QApplication.activeWindow(), "RTE Desktop", f"Could not {self.text()!r}: {exc}"
            )


def push(
    stack: QUndoStack, text: str, do: Callable[[], object], undo: Callable[[], object]
) -> None:
    """Run ``do`` now, then record it for undo.

    ``do`` runs outside Qt so a refused edit (DomainError) reaches the caller and never enters
    the stack; exceptions raised inside ``QUndoStack.push`` would be swallowed by Qt.
    """
    do()
    stack.push(ServiceCommand(text, do, undo, already_done=True))

"""Undo over services: each command's redo/undo call service methods, never widget setters.

The recipes built on ``push`` (create, update, delete) live in ``ui.undo_recipes``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack


class UndoStack(QUndoStack):
    """The app's undo stack; ``failed`` says that an undo or redo could not be carried out.

    ``failed`` is emitted once ``QUndoStack.undo``/``redo`` has returned (from the event loop),
    so whatever shows it (a message box, the status bar) never runs inside the stack: a second
    Ctrl+Z pressed meanwhile finds the stack at rest, the failed command already dropped.
    """

    failed = Signal(str)

    def report_failure(self, message: str) -> None:
        """Emit ``failed`` with ``message`` after the current stack call has returned."""
        # the stack as the timer's context: nothing is emitted if it is gone by then
        QTimer.singleShot(0, self, lambda: self.failed.emit(message))


class ServiceCommand(QUndoCommand):
    """An edit expressed as two service calls; the views update from ``data_changed``.

    ``already_done`` skips the redo that ``QUndoStack.push`` makes at once, for edits that ran
    before being pushed (see ``push``).
    """

    def __init__(
        self,
        stack: UndoStack,
        text: str,
        do: Callable[[], object],
        undo: Callable[[], object],
        already_done: bool = False,
    ) -> None:
        super().__init__(text)
        self._stack = stack
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
        # Called by Qt: an exception here would be printed and lost while the stack moved on.
        # The command is dropped (obsolete commands leave the stack when the call returns), so
        # the stack stays in step with the data; the failure is reported after the call.
        try:
            step()
        except Exception as exc:  # noqa: BLE001 - anything the database or a service raises
            self.setObsolete(True)
            self._stack.report_failure(f"Could not {self.text()!r}: {exc}")


def push(stack: UndoStack, text: str, do: Callable[[], object], undo: Callable[[], object]) -> None:
    """Run ``do`` now, then record it for undo.

    ``do`` runs outside Qt so a refused edit (DomainError) reaches the caller and never enters
    the stack; exceptions raised inside ``QUndoStack.push`` would be swallowed by Qt.
    """
    do()
    stack.push(ServiceCommand(stack, text, do, undo, already_done=True))

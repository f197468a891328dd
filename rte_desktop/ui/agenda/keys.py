"""The timer's keys, wherever the RTE's focus is: the agenda panel or the presenter window.

Space start/pause, N or Right next, P or Left previous, J jump to the selected item, F5
presenter, M mute. Extending uses the physical +/= key and the -/_ key (or the keypad): on its
own one minute, with Shift five minutes. So on a US keyboard "=" adds 1 and "+" (Shift+=) adds 5
minutes; "-" takes 1 and "_" (Shift+-) takes 5; on a German keyboard "+" adds 1 and Shift+"+"
("*") adds 5. The keys act only while no text field has the focus (typing a title stays typing).
Help lists them from the ``agenda.*`` rows of ``rte_desktop/ui/shortcuts.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

Key = Qt.Key


@dataclass(frozen=True)
class KeyCommand:
    name: str  # toggle, next, previous, jump, extend, presenter, mute
    amount_s: int = 0


def command_for(event: QKeyEvent) -> KeyCommand | None:
    """The timer command a key press means, or None."""
    mods = event.modifiers()
    shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
    if mods & (
        Qt.KeyboardModifier.ControlModifier
        | Qt.KeyboardModifier.AltModifier
        | Qt.KeyboardModifier.MetaModifier
    ):
        return None
    key = int(event.key())
    keypad = bool(mods & Qt.KeyboardModifier.KeypadModifier)
    simple: dict[int, str] = {
        int(Key.Key_Space): "toggle",
        int(Key.Key_N): "next",
        int(Key.Key_Right): "next",
        int(Key.Key_P): "previous",
        int(Key.Key_Left): "previous",
        int(Key.Key_J): "jump",
        int(Key.Key_F5): "presenter",
        int(Key.Key_M): "mute",
    }
    if key in simple and not (shift and key in (int(Key.Key_Space), int(Key.Key_F5))):
        return KeyCommand(simple[key])
    if key == int(Key.Key_Equal):
        return KeyCommand("extend", 60)
    if key == int(Key.Key_Plus):
        # Unshifted "+" (German layout, keypad) is the key alone; US "+" is Shift+"=".
        return KeyCommand("extend", 300 if shift and not keypad else 60)
    if key == int(Key.Key_Asterisk) and shift and not keypad:
        return KeyCommand("extend", 300)  # Shift++ on a German keyboard
    if key == int(Key.Key_Minus):
        return KeyCommand("extend", -300 if shift and not keypad else -60)
    if key == int(Key.Key_Underscore):
        return KeyCommand("extend", -300)
    return None


def is_text_input(widget: QWidget | None) -> bool:
    if widget is None:
        return False
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    return isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox))


class TimerKeys(QObject):
    """An application event filter that hands timer keys to ``handler`` while ``active()``.

    ``active(widget)`` decides whether a key sent to ``widget`` belongs to the timer (the panel
    is visible and the widget is inside it, or it is the presenter window showing the agenda).
    A handled key is consumed, so it never reaches a parent a second time.
    """

    def __init__(
        self,
        parent: QObject,
        active: Callable[[QWidget | None], bool],
        handler: Callable[[KeyCommand], None],
    ) -> None:
        super().__init__(parent)
        self._active = active
        self._handler = handler

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        if not isinstance(event, QKeyEvent) or not isinstance(watched, QWidget):
            return False
        # Typing in a text field stays typing (a key the field ignores comes up to its parents).
        if is_text_input(QApplication.focusWidget()) or is_text_input(watched):
            return False
        if not self._active(watched):
            return False
        command = command_for(event)
        if command is None:
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # ask Qt to deliver it as a key press (no menu shortcut takes it)
            return True
        if not event.isAutoRepeat() or command.name == "extend":
            self._handler(command)
        return True

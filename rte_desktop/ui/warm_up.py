"""Get the panels not shown yet ready in idle moments, so that a first visit is only a switch.

A panel's first visit would pay for importing its modules, building its widgets, its first
queries (SQLAlchemy compiles each statement once per process) and its first layout and paint
(fonts, style, item sizes): 40-120 ms on a ten-year train. The warmer does that work for each
panel in four short steps, one per turn of the event loop, so a key press waits for one step
at most, never for a whole panel.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from functools import partial
from typing import Protocol

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QComboBox, QWidget

from rte_desktop.ui.panel_base import Panel
from rte_desktop.ui.panels import PanelSpec

Step = Callable[[], object]


class WarmHost(Protocol):
    """What the warmer reads of the main window (the window, structurally)."""

    @property
    def ws(self) -> object: ...  # the open workspace: another one stops this warm-up

    @property
    def specs(self) -> list[PanelSpec]: ...

    @property
    def panels(self) -> dict[str, Panel]: ...  # the panels built so far

    @property
    def art_combo(self) -> QComboBox: ...  # empty: no train to show

    def panel(self, key: str) -> Panel: ...

    def window(self) -> QWidget: ...


class PanelWarmer(QObject):
    """Imports, builds, loads and lays out every panel of ``window`` not built yet.

    ``longest_step_s`` and ``busy_s`` say how long the interface was held (``bench/panels.py``
    prints them); ``done`` is True once every panel is ready.
    """

    def __init__(self, window: WarmHost, gap_ms: int = 1) -> None:
        super().__init__(window.window())
        self._window = window
        self._gap_ms = gap_ms
        self._steps: Iterator[Step] = iter(())
        self.longest_step_s = 0.0
        self.busy_s = 0.0
        self.done = False

    def start(self, delay_ms: int = 0) -> None:
        """Begin (again) after ``delay_ms``, for the workspace open now."""
        self._steps = self._plan()
        self.done = False
        QTimer.singleShot(delay_ms, self._next)

    def _plan(self) -> Iterator[Step]:
        window = self._window
        workspace = window.ws
        for spec in window.specs:
            if window.ws is not workspace or not window.art_combo.count():
                return  # another file was opened (it starts its own warm-up) or none is open
            if spec.key in window.panels:
                continue
            yield spec.panel_class
            yield partial(window.panel, spec.key)
            yield partial(_load, window, spec.key)
            yield partial(_lay_out_and_paint, window, spec.key)

    def _next(self) -> None:
        step = next(self._steps, None)
        if step is None:
            self.done = True
            return
        start = time.perf_counter()
        step()
        spent = time.perf_counter() - start
        self.busy_s += spent
        self.longest_step_s = max(self.longest_step_s, spent)
        QTimer.singleShot(self._gap_ms, self._next)


def _load(window: WarmHost, key: str) -> None:
    window.panel(key).refresh_if_stale()


def _lay_out_and_paint(window: WarmHost, key: str) -> None:
    """Paint a hidden panel off screen: its layout, item sizes and fonts are then ready."""
    panel = window.panels.get(key)
    if panel is not None and not panel.isVisible():
        panel.render(QPixmap(panel.size()))

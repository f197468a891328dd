"""Whichever panel the app opens on, the early reads draw it or it waits for the full open."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from rte_desktop.domain.errors import StillOpeningError, UnreadableFileError
from rte_desktop.ui.panels import panel_specs
from rte_desktop.workspace import Workspace

# Panels whose every read is a generic one: drawn at the first paint, before SQLAlchemy loads.
DRAWN_EARLY = {
    "calendar",
    "readiness",
    "agenda",
    "risks",
    "board",
    "workshop",
    "backlog",
    "system_demo",
}


@pytest.mark.parametrize("key", [spec.key for spec in panel_specs()])
def test_the_first_panel_is_drawn_early_or_waits_then_reads(
    key: str, early_start, ui_settings, monkeypatch
) -> None:
    boxes: list[str] = []
    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, lambda _p, _t, text, *a, **k: boxes.append(text))
    ui_settings.last_panel = key
    window = early_start.window()
    panel = window.current_panel()
    assert panel is not None and window.settings.last_panel == key
    assert panel.stale == (key not in DRAWN_EARLY)
    early_start.open_fully(window)
    assert window.current_panel() is panel and not panel.stale
    assert boxes == []


def blank_first_page_of(db: Path, table: str) -> None:
    with sqlite3.connect(db) as conn:
        page = conn.execute("PRAGMA page_size").fetchone()[0]
        (root,) = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
        ).fetchone()
    conn.close()
    data = bytearray(db.read_bytes())
    data[(root - 1) * page : root * page] = b"\xa5" * page
    db.write_bytes(bytes(data))


def test_a_train_the_early_reads_cannot_read_waits_for_the_full_open(
    early_start, demo_ws: Workspace
) -> None:
    """A damaged ART page: the window opens empty, the full open says the file is damaged."""
    demo_ws.close()
    blank_first_page_of(early_start.path, "art")
    damaged = early_start.path.read_bytes()
    window = early_start.window()  # the schema and the version still read
    assert window.art_combo.count() == 0 and not window.sidebar.isEnabled()
    assert window.statusBar().currentMessage() == "Opening the train..."
    with pytest.raises(UnreadableFileError, match="damaged"):
        early_start.open_fully(window)
    assert early_start.path.read_bytes() == damaged


def test_the_pickers_are_filled_once_open_when_the_early_reads_could_not(
    early_start, monkeypatch
) -> None:
    from rte_desktop.services.train.train import TrainService

    real_arts = TrainService.arts

    def arts(self: TrainService) -> list[object]:
        if self._ctx.opening:
            raise StillOpeningError()
        return real_arts(self)

    monkeypatch.setattr(TrainService, "arts", arts)
    window = early_start.window()
    assert window.art_combo.count() == 0
    early_start.open_fully(window)
    assert window.art_combo.currentText() == "Aurora ART" and window.sidebar.isEnabled()
    panel = window.current_panel()
    assert panel is not None and not panel.stale

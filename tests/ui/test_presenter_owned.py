"""The presenter window belongs to the main window and follows the open train.

Driven by keys in a real main window; what the wall shows is checked against what is stored in
each train file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from rte_desktop.domain.clock import FakeClock
from rte_desktop.domain.model import TimerAction
from rte_desktop.ui.bus import AppEvents
from rte_desktop.ui.main_window import MainWindow
from rte_desktop.ui.presenter.window import PresenterWindow
from rte_desktop.workspace import Workspace, open_workspace

CTRL = Qt.KeyboardModifier.ControlModifier


def _window(qtbot, ws: Workspace, settings, clock: FakeClock) -> MainWindow:
    window = MainWindow(ws, settings, AppEvents(), opener=lambda p: open_workspace(p, clock))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def _key(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def _walls() -> list[PresenterWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, PresenterWindow)]


def _other_train(tmp_path: Path, clock: FakeClock) -> Path:
    """A second demo train whose first agenda item has another title."""
    path = tmp_path / "other.sqlite"
    other = open_workspace(path, clock)
    other.demo.create()
    art = other.train.arts()[0]
    agenda = other.agenda.find(other.train.current_pi(art.id).id)
    first = other.agenda.items(agenda.id)[0]
    other.agenda.edit_item(first.id, title="Welcome to the other train")
    other.close()
    return path


def test_the_wall_follows_file_open_and_closes_on_an_empty_train(
    qtbot, demo_ws: Workspace, ui_settings, clock: FakeClock, tmp_path: Path
) -> None:
    window = _window(qtbot, demo_ws, ui_settings, clock)
    assert "_shared" not in vars(PresenterWindow) and not hasattr(PresenterWindow, "shared")
    _key(qtbot, Qt.Key.Key_3, CTRL)
    _key(qtbot, Qt.Key.Key_F5)  # the timer on the wall
    wall = window.presenter
    old_view = window.panels["agenda"].presenter_view
    assert wall.isVisible() and wall.content() is old_view
    assert old_view.frame.title == "Business context"
    qtbot.keyClick(wall, Qt.Key.Key_F5)  # full screen
    assert wall.isFullScreen()

    assert window.open_path(_other_train(tmp_path, clock))  # File > Open (and restore) end here
    agenda = window.panels["agenda"]
    assert window.presenter is wall and _walls() == [wall]
    assert wall.isVisible() and wall.isFullScreen()
    assert wall.content() is agenda.presenter_view is not old_view
    assert not wall.holds(old_view)
    assert agenda.presenter_view.frame.title == "Welcome to the other train"
    qtbot.keyClick(wall, Qt.Key.Key_Space)  # the keys on the wall drive the new train's timer
    events = window.workspace.agenda_timer.run_data(agenda.agenda_id).events
    assert [e.action for e in events] == [TimerAction.START]
    assert agenda.presenter_view.frame.badge == "RUNNING"

    empty = tmp_path / "empty.sqlite"
    open_workspace(empty, clock).close()
    assert window.open_path(empty)  # no train in it: nothing to show, the wall closes
    assert not wall.isVisible()


def test_scoring_and_the_vote_use_the_main_windows_wall(
    qtbot, demo_ws: Workspace, ui_settings, clock: FakeClock
) -> None:
    other = _window(qtbot, demo_ws, ui_settings, clock)
    window = _window(qtbot, demo_ws, ui_settings, clock)
    assert other.presenter is not window.presenter  # one per main window, none per class
    _key(qtbot, Qt.Key.Key_5, CTRL)
    objectives = window.panels["objectives"]
    _key(qtbot, Qt.Key.Key_F6)  # Business Owner scoring
    wall = window.presenter
    assert wall.isVisible() and wall.content() is objectives.scoring_view
    first = objectives.scoring_view.current()
    qtbot.keyClick(objectives.scoring_view, Qt.Key.Key_8)
    assert demo_ws.objectives.get(first.id).planned_bv == 8
    assert [w for w in _walls() if w.isVisible()] == [wall]
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wall)
    _key(qtbot, Qt.Key.Key_Escape)  # scoring done: the wall closes, the keys come back
    assert not wall.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert objectives.isAncestorOf(QApplication.focusWidget())
    _key(qtbot, Qt.Key.Key_4, CTRL)
    _key(qtbot, Qt.Key.Key_F5)  # the vote's projector (F5 since the shortcut table)
    vote = window.panels["vote"]
    assert wall.content() is vote.projector_view and objectives.scoring is None
    assert [w for w in _walls() if w.isVisible()] == [wall]

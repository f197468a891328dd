"""The shell, driven by keyboard and clicks on a real workspace."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from rte_desktop.ui.dialogs.new_train import NewTrainDialog
from rte_desktop.ui.shortcuts import shortcut
from rte_desktop.ui.theme import is_dark
from rte_desktop.workspace import Workspace


def test_every_panel_is_reachable_by_ctrl_number(qtbot, make_window, demo_ws: Workspace) -> None:
    window = make_window(demo_ws)
    assert window.art_combo.currentText() == "Aurora ART"
    assert window.pi_combo.currentText().startswith("PI 2026.2")
    go_keys = [shortcut(f"window.go.{spec.key}").keys[0] for spec in window.specs]
    assert go_keys[:8] == [f"Ctrl+{n}" for n in range(1, 9)]
    assert len(set(go_keys)) == len(window.specs)
    for index, (spec, keys) in enumerate(zip(window.specs, go_keys, strict=True), start=1):
        combo = QKeySequence(keys)[0]
        qtbot.keyClick(window, combo.key(), combo.keyboardModifiers())
        panel = window.current_panel()
        assert panel is window.panels[spec.key]
        assert panel.pi_id == window.pi_combo.currentData()
        assert window.sidebar.currentRow() == index - 1
        image = panel.grab().toImage()
        colours = {
            image.pixel(x, y)
            for x in range(0, image.width(), 7)
            for y in range(0, image.height(), 7)
        }
        assert len(colours) > 1, f"{spec.key} painted blank"
    assert window.settings.last_panel == window.specs[-1].key


def test_changing_the_pi_rescopes_the_panels(qtbot, make_window, demo_ws: Workspace) -> None:
    window = make_window(demo_ws)
    panel = window.current_panel()
    window.pi_combo.setCurrentIndex(0)
    assert panel.pi_id == window.pi_combo.itemData(0)


def test_ctrl_shift_page_keys_step_the_pi_for_every_panel(
    qtbot, make_window, demo_ws: Workspace
) -> None:
    window = make_window(demo_ws)
    qtbot.keyClick(window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)  # the workshop
    panel = window.current_panel()
    art_id = window.art_combo.currentData()
    names = [pi.name for pi in demo_ws.train.pis(art_id)]  # by start
    shown = demo_ws.train.pi(window.pi_combo.currentData()).name
    both = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_PageUp, both)
    earlier = names[names.index(shown) - 1]
    assert demo_ws.train.pi(panel.pi_id).name == earlier
    for _ in names:  # stops at the first PI
        qtbot.keyClick(window, Qt.Key.Key_PageUp, both)
    assert demo_ws.train.pi(window.pi_combo.currentData()).name == names[0]
    qtbot.keyClick(window, Qt.Key.Key_PageDown, both)
    assert demo_ws.train.pi(panel.pi_id).name == names[1]


def test_empty_file_shows_welcome_and_demo_button_fills_it(
    qtbot, make_window, ws: Workspace
) -> None:
    window = make_window(ws)
    assert window.stack.currentWidget() is window.welcome
    assert not window.sidebar.isEnabled()
    qtbot.mouseClick(window.welcome.demo_button, Qt.MouseButton.LeftButton)
    assert window.art_combo.currentText() == "Aurora ART"
    assert window.current_panel() is not None
    assert len(ws.train.teams(window.art_combo.currentData())) == 8


def test_create_train_dialog_by_keyboard(qtbot, ws: Workspace) -> None:
    dialog = NewTrainDialog(ws.clock.now().date())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.selectAll()
    qtbot.keyClicks(dialog.name, "Omega ART")
    dialog.teams.clear()
    qtbot.keyClicks(dialog.teams, "Alpha")
    qtbot.keyClick(dialog.teams, Qt.Key.Key_Return)
    dialog.teams.insertPlainText("Бета\n李雷")  # QTest cannot type non-Latin keys
    dialog.iterations.setValue(5)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    spec = dialog.spec()
    art = ws.train.create_train(spec).value
    assert [t.name for t in ws.train.teams(art.id)] == ["Alpha", "Бета", "李雷"]
    assert len(ws.train.iterations(ws.train.pis(art.id)[0].id)) == 6


def test_create_train_dialog_shows_error_and_stays_open(qtbot, ws: Workspace) -> None:
    dialog = NewTrainDialog(ws.clock.now().date())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.teams.setPlainText("Alpha\nalpha")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "twice" in dialog.error.text()
    assert ws.train.is_empty()


def test_theme_choice_is_remembered(qtbot, make_window, demo_ws: Workspace) -> None:
    window = make_window(demo_ws)
    window.set_theme("dark")
    assert window.settings.theme == "dark"
    assert is_dark(QApplication.palette())
    window.set_theme("light")
    assert not is_dark(QApplication.palette())
    window.set_theme("system")


def _listed_keys(text: str) -> set[str]:
    """The key sequences a line of the shortcut list names ("A / B or C", "Ctrl+1 … Ctrl+8")."""
    import re

    from PySide6.QtGui import QKeySequence

    keys: set[str] = set()
    for part in re.split(r" / | or ", text):
        if match := re.fullmatch(r"(.*\+)(\d) … \1(\d)", part.strip()):
            prefix, low, high = match[1], int(match[2]), int(match[3])
            names = [f"{prefix}{n}" for n in range(low, high + 1)]
        else:
            names = [part.strip()]
        for name in names:
            keys.add(QKeySequence(name).toString(QKeySequence.SequenceFormat.PortableText))
    return keys


def test_the_shortcut_list_matches_the_window_keys(qtbot, make_window, demo_ws: Workspace) -> None:
    """F1's "Everywhere" list names exactly the keys of the window's own menu actions."""
    window = make_window(demo_ws)
    title, rows = window.shortcut_groups()[0]
    listed = set().union(*(_listed_keys(keys) for keys, _what in rows))
    bound = {
        sequence.toString(QKeySequence.SequenceFormat.PortableText)
        for action in window.findChildren(QAction)
        if action.parent() is window
        for sequence in action.shortcuts()
    }
    assert len(bound) >= len(window.specs) + 8  # the panel keys and the File/Edit/Help menus
    assert bound - listed == set(), "keys that work but the list does not name"
    assert listed - bound == set(), "keys the list names that do nothing"
    groups = dict(window.shortcut_groups())
    everywhere = dict(groups["Everywhere"])
    assert everywhere["Ctrl+1 … Ctrl+9"] == "Show a panel"
    assert everywhere["Ctrl+Alt+1 … Ctrl+Alt+2"] == "Show a panel"
    assert "Ctrl+0" not in listed  # the fishbone's zoom to fit
    assert (
        "F5 / Ctrl+Shift+W",
        "WSJF session on the projector (F5 there: full screen)",
    ) in groups["Backlog && WSJF"]


def test_opening_a_foreign_file_keeps_the_current_train(
    qtbot, make_window, demo_ws, tmp_path, monkeypatch
) -> None:
    from rte_desktop.app import acquire_lock
    from rte_desktop.workspace import open_workspace

    window = make_window(demo_ws)
    window._opener = lambda path: (acquire_lock(path), open_workspace(path))[1]
    bad = tmp_path / "notes.sqlite"
    bad.write_text("hello")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    assert not window.open_path(bad)
    assert "not a SQLite database" in shown[0]
    assert window.ws is demo_ws
    assert bad.read_text() == "hello"


def test_window_opens_on_early_reads_then_the_full_open_takes_over(
    early_start, demo_ws: Workspace
) -> None:
    from rte_desktop.ui.calendar.panel import CalendarPanel

    window = early_start.window()
    early = window.ws
    assert [window.art_combo.itemText(i) for i in range(window.art_combo.count())] == ["Aurora ART"]
    assert window.pi_combo.currentText().startswith("PI 2026.2")
    assert window.sidebar.isEnabled()
    panel = window.current_panel()
    assert isinstance(panel, CalendarPanel) and not panel.stale  # real data, no SQLAlchemy yet
    shown = panel.model.rowCount()
    assert shown > 0
    assert window.statusBar().currentMessage() == "Opening the train..."

    early_start.open_fully(window)
    assert window.current_panel() is panel and panel.model.rowCount() == shown
    assert window.ws is early and not early.opening
    assert window.statusBar().currentMessage() == ""
    art_id = window.art_combo.currentData()
    team = early.train.teams(art_id)[0]
    early.train.rename_team(team.id, "Borealis")  # the panels' services write now
    assert demo_ws.train.teams(art_id)[0].name == "Borealis"


def test_a_panel_the_early_reads_cannot_fill_reads_once_the_train_is_open(
    early_start, ui_settings
) -> None:
    ui_settings.last_panel = "objectives"  # its totals are a query of the full storage layer
    window = early_start.window()
    panel = window.current_panel()
    assert panel is not None and panel.stale
    early_start.open_fully(window)
    assert window.current_panel() is panel and not panel.stale


def test_a_change_made_while_the_train_opened_is_shown_once_open(
    early_start, demo_ws: Workspace
) -> None:
    from rte_desktop.domain import model as m
    from rte_desktop.ui.calendar.panel import CalendarPanel

    window = early_start.window()
    panel = window.current_panel()
    assert isinstance(panel, CalendarPanel)

    def titles() -> set[str]:
        model = panel.model
        return {
            str(model.index(row, column).data())
            for row in range(model.rowCount())
            for column in range(model.columnCount())
        }

    art_id, pi_id = window.art_combo.currentData(), window.pi_combo.currentData()
    event = demo_ws.calendar.events(art_id, pi_id)[0]
    assert event.title in titles()
    with demo_ws.uow() as uow:  # another program, while the early reads are shown
        uow.patch(m.Event, event.id, title="Moved to the big room")
    early_start.open_fully(window)
    assert "Moved to the big room" in titles()


def test_the_first_paint_opens_on_the_pi_of_the_arts_today(early_start, demo_ws: Workspace) -> None:
    """In Sydney on the first morning of a PI, UTC still says the day before: not the old PI."""
    import datetime as dt

    from rte_desktop.domain import model as m
    from rte_desktop.domain.clock import FakeClock
    from rte_desktop.domain.train import current_pi

    art = demo_ws.train.arts()[0]
    with demo_ws.uow() as uow:
        uow.patch(m.Art, art.id, time_zone="Australia/Sydney")
    pis = demo_ws.train.pis(art.id)
    first_day = pis[-1].start
    now = dt.datetime.combine(first_day, dt.time(21, 0), dt.UTC) - dt.timedelta(days=1)
    assert current_pi(pis, now.date()) != pis[-1]  # UTC's date is still in the PI before
    window = early_start.window(FakeClock(now))
    assert window.pi_combo.currentData() == pis[-1].id  # 08:00 on its first day in Sydney


def test_undo_and_redo_from_the_edit_menu_keys(qtbot, make_window, demo_ws: Workspace) -> None:
    from rte_desktop.ui.undo import push

    window = make_window(demo_ws)
    train = demo_ws.train
    team = train.teams(window.art_combo.currentData())[0]
    push(
        window.undo_stack,
        "Rename team",
        lambda: train.rename_team(team.id, "Renamed"),
        lambda: train.rename_team(team.id, team.name),
    )
    assert train.teams(team.art_id)[0].name == "Renamed"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert train.teams(team.art_id)[0].name == team.name
    qtbot.keyClick(
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert train.teams(team.art_id)[0].name == "Renamed"


def test_a_refused_edit_never_enters_the_undo_stack(qtbot, make_window, demo_ws: Workspace) -> None:
    import pytest

    from rte_desktop.domain.errors import ValidationError
    from rte_desktop.ui.undo import push

    window = make_window(demo_ws)
    teams = demo_ws.train.teams(window.art_combo.currentData())
    with pytest.raises(ValidationError, match="already named"):
        push(
            window.undo_stack,
            "Rename team",
            lambda: demo_ws.train.rename_team(teams[0].id, teams[1].name),
            lambda: None,
        )
    assert window.undo_stack.count() == 0


def test_warm_up_builds_and_loads_every_panel(qtbot, make_window, demo_ws: Workspace) -> None:
    window = make_window(demo_ws)
    window.resize(1400, 900)  # wide enough for every panel's minimum, as on a laptop
    warmer = window.warm_up(delay_ms=0)
    qtbot.waitUntil(lambda: warmer.done, timeout=20000)
    assert len(window.panels) == len(window.specs)
    # (a panel whose data takes seconds on a long history loads when first shown instead)
    assert all(
        not panel._stale
        for panel in window.panels.values()
        if not getattr(panel, "loads_when_shown", False)
    )
    assert window.current_panel() is window.panels[window.specs[0].key]
    # Hidden panels were laid out at the size they will be shown at, not Qt's default 640x480.
    assert {panel.size().toTuple() for panel in window.panels.values()} == {
        window.stack.contentsRect().size().toTuple()
    }
    # One step at a time: the interface is never held for a whole panel's preparation.
    assert 0 < warmer.longest_step_s <= warmer.busy_s

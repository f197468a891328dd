"""Ctrl+1..8 hand the keyboard to the panel: its main keys work at once, with no click.

Every key here is sent to whatever widget has the focus, as a real keyboard would; what the keys
did is read back from the train file.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from rte_desktop.domain.kinds import BacklogState, RoamStatus
from rte_desktop.domain.model import TimerAction
from rte_desktop.workspace import Workspace

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier


def _key(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = NONE) -> None:
    focus = QApplication.focusWidget()
    assert focus is not None, "nobody has the keyboard"
    qtbot.keyClick(focus, key, modifier)


def _go(qtbot, window, number: int):
    _key(qtbot, Qt.Key(Qt.Key.Key_0 + number), CTRL)
    panel = window.current_panel()
    focus = QApplication.focusWidget()
    assert focus is not None and panel.isAncestorOf(focus), (
        f"Ctrl+{number}: the focus is on {type(focus).__name__}, outside {type(panel).__name__}"
    )
    return panel


def test_each_panels_main_keys_work_right_after_ctrl_number(
    qtbot, make_window, demo_ws: Workspace
) -> None:
    window = make_window(demo_ws)
    window.sidebar.setFocus()  # where a click on the sidebar leaves it

    # Ctrl+3, then Space: the agenda's timer starts.
    agenda = _go(qtbot, window, 3)
    _key(qtbot, Qt.Key.Key_Space)
    events = demo_ws.agenda_timer.run_data(agenda.agenda_id).events
    assert [e.action for e in events] == [TimerAction.START]

    # Ctrl+4 on the planned PI: Ctrl+Enter starts the vote, 4 counts a hand.
    window.pi_combo.setCurrentIndex(2)
    vote = _go(qtbot, window, 4)
    _key(qtbot, Qt.Key.Key_Return, CTRL)
    _key(qtbot, Qt.Key.Key_4)
    assert [b.value for b in demo_ws.votes.ballots(vote.round_view.round.id)] == [4]
    window.pi_combo.setCurrentIndex(1)

    # Ctrl+5, then 7: the first objective of the team is planned at 7.
    objectives = _go(qtbot, window, 5)
    before = {o.id: o.planned_bv for o in demo_ws.objectives.objectives(objectives.pi_id)}
    first = objectives.model.objective(0)
    _key(qtbot, Qt.Key.Key_7 if before[first.id] != 7 else Qt.Key.Key_6)
    after = {o.id: o.planned_bv for o in demo_ws.objectives.objectives(objectives.pi_id)}
    assert [k for k in before if before[k] != after[k]] == [first.id]
    assert after[first.id] in (6, 7)

    # Ctrl+2, then Space: the first readiness item is ticked.
    readiness = _go(qtbot, window, 2)
    done_before = sum(i.done for i in demo_ws.readiness.view(readiness.planned_pi_id).items)
    _key(qtbot, Qt.Key.Key_Space)
    done_after = sum(i.done for i in demo_ws.readiness.view(readiness.planned_pi_id).items)
    assert abs(done_after - done_before) == 1

    # Ctrl+6, then A: the first unROAMed risk is accepted.
    risks = _go(qtbot, window, 6)
    unroamed = [r.id for r in demo_ws.risks.risks(risks.pi_id) if r.status is RoamStatus.UNROAMED]
    _key(qtbot, Qt.Key.Key_A)
    statuses = {r.id: r.status for r in demo_ws.risks.risks(risks.pi_id)}
    assert [k for k in unroamed if statuses[k] is RoamStatus.ACCEPTED] == unroamed[:1]

    # Ctrl+7: the board takes the arrows (a card gets selected).
    board = _go(qtbot, window, 7)
    _key(qtbot, Qt.Key.Key_Right)
    assert board.scene.selectedItems()

    # Ctrl+1 and Ctrl+8: the calendar's and the workshop's views have the keyboard.
    calendar = _go(qtbot, window, 1)
    assert calendar.views.currentWidget().isAncestorOf(QApplication.focusWidget()) or (
        calendar.views.currentWidget() is QApplication.focusWidget()
    )
    workshop = _go(qtbot, window, 8)
    if workshop.pages.currentWidget() is workshop.tabs:
        assert workshop.tabs.currentWidget().isAncestorOf(QApplication.focusWidget())
    else:  # no workshop in this PI yet: Enter starts one
        assert QApplication.focusWidget() is workshop.new_button

    # Ctrl+Alt+1, then Ctrl+Right (Ctrl+Left from ready): the first feature changes state.
    _key(qtbot, Qt.Key.Key_1, CTRL | ALT)
    backlog = window.current_panel()
    assert backlog is window.panels["backlog"]
    assert QApplication.focusWidget() is backlog.grid
    first = backlog.selected_row().feature
    ready = first.state is BacklogState.READY
    _key(qtbot, Qt.Key.Key_Left if ready else Qt.Key.Key_Right, CTRL)
    assert demo_ws.backlog.feature(first.id).state is not first.state

    # Ctrl+Alt+2, then D: the System Demo's first slot is marked demoed (or undone).
    _key(qtbot, Qt.Key.Key_2, CTRL | ALT)
    demo = window.current_panel()
    assert demo is window.panels["system_demo"]
    slot = demo.selected_slot().item
    _key(qtbot, Qt.Key.Key_D)
    assert demo.plan.slots[0].item.id == slot.id
    assert demo.plan.slots[0].item.demoed is not slot.demoed

    # And back: Ctrl+3 then Space pauses the running timer at once.
    _go(qtbot, window, 3)
    _key(qtbot, Qt.Key.Key_Space)
    events = demo_ws.agenda_timer.run_data(agenda.agenda_id).events
    assert [e.action for e in events] == [TimerAction.START, TimerAction.PAUSE]

"""Undo and redo by key presses in the main window, checked in the database.

Ctrl+Z undoes; Ctrl+Shift+Z and Ctrl+Y both redo (``ui/main_menus``). Rows are looked up by the
ids the first run returned: redo must put back the very same rows.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import event

from rte_desktop.domain.errors import NotFoundError
from rte_desktop.domain.model import VoteMode
from rte_desktop.workspace import Workspace

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def undo(qtbot, window, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)


def redo(qtbot, window, times: int = 1, key: str = "shift+z") -> None:
    for _ in range(times):
        if key == "y":
            qtbot.keyClick(window, Qt.Key.Key_Y, CTRL)
        else:
            qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | SHIFT)


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: shown.append(text))
    return shown


def test_a_failing_undo_is_reported_outside_the_stack(
    qtbot, make_window, demo_ws: Workspace, monkeypatch
) -> None:
    from rte_desktop.ui.undo import push

    window = make_window(demo_ws)
    team = demo_ws.train.teams(demo_ws.train.arts()[0].id)[0]
    inside_undo: list[bool] = []
    warnings: list[str] = []
    undo_calls: list[int] = []
    depth = [0]

    def broken_undo() -> None:
        undo_calls.append(1)
        depth[0] += 1
        try:
            raise RuntimeError("the row is gone")
        finally:
            depth[0] -= 1

    def report(_parent, _title, text, *_args) -> None:
        inside_undo.append(depth[0] > 0)
        warnings.append(text)
        undo(qtbot, window)  # Ctrl+Z again while the message shows

    monkeypatch.setattr(QMessageBox, "warning", report)
    push(
        window.undo_stack,
        "Rename team",
        lambda: demo_ws.train.rename_team(team.id, "Firebird"),
        broken_undo,
    )
    undo(qtbot, window)
    qtbot.waitUntil(lambda: bool(warnings))
    qtbot.wait(20)  # let anything queued by the second Ctrl+Z run

    assert warnings == ["Could not 'Rename team': the row is gone"]
    assert inside_undo == [False]  # shown after QUndoStack.undo() returned, not inside it
    assert undo_calls == [1]  # the second Ctrl+Z found the failed command dropped
    assert window.undo_stack.count() == 0
    assert demo_ws.train.teams(team.art_id)[0].name == "Firebird"  # data unchanged


def test_vote_undo_redo_by_keys_restores_the_same_ids(
    qtbot, make_window, demo_ws: Workspace, warnings
) -> None:
    window = make_window(demo_ws)
    window.show_panel_key("vote")
    edits = window.panel("vote").edits
    pi = demo_ws.train.find_pi(None, None)
    team = demo_ws.train.teams(pi.art_id)[1]
    latest = demo_ws.votes.latest_round(pi.id, team.id)

    vote = edits.revote(latest, VoteMode.TALLY)
    ballot = edits.add_ballot(vote.id, 2, "Ana", "")
    concern = edits.add_concern(vote.id, "The API is late", ballot.id)
    linked = edits.to_risk(concern.id)
    undo(qtbot, window, 4)
    assert demo_ws.votes.latest_round(pi.id, team.id) == latest
    with pytest.raises(NotFoundError):
        demo_ws.risks.risk(linked.risk_id)
    redo(qtbot, window, 4)

    view = demo_ws.votes.view(vote.id)
    assert view.round == vote
    assert [b.id for b in view.ballots] == [ballot.id]
    assert view.concerns == [linked]
    assert demo_ws.risks.risk(linked.risk_id).title == "The API is late"
    # a later command naming those ids keeps working, and undoes by key
    edits.remove_last(vote.id)
    assert demo_ws.votes.ballots(vote.id) == []
    undo(qtbot, window)
    assert demo_ws.votes.ballots(vote.id) == [ballot]
    assert warnings == []


def test_workshop_undo_redo_by_keys_restores_the_same_ids(
    qtbot, make_window, demo_ws: Workspace, warnings
) -> None:
    window = make_window(demo_ws)
    window.show_panel_key("workshop")
    edits = window.panel("workshop").edits
    pi = demo_ws.train.find_pi(None, "PI 2026.1")
    shop = demo_ws.workshop.workshops(pi.id)[0]

    bone = edits.add_bone(shop.id, "Measurement")
    cause = edits.add_cause(bone.id, "No baseline")
    child = edits.add_cause(bone.id, "Nobody owns metrics", parent_id=cause.id)
    undo(qtbot, window, 3)
    assert bone.id not in [b.id for b in demo_ws.workshop.fishbone(shop.id).bones]
    redo(qtbot, window, 3, key="y")

    causes = {c.id: c for c in demo_ws.workshop.fishbone(shop.id).causes}
    assert causes[cause.id].bone_id == bone.id
    assert causes[child.id].parent_id == cause.id
    edits.rename_cause(causes[child.id], "No metrics owner")
    edits.set_votes(causes[cause.id], 3)
    undo(qtbot, window)
    redo(qtbot, window)
    causes = {c.id: c for c in demo_ws.workshop.fishbone(shop.id).causes}
    assert (causes[child.id].text, causes[cause.id].votes) == ("No metrics owner", 3)
    assert warnings == []


def test_objectives_undo_redo_by_keys_restores_the_same_id(
    qtbot, make_window, demo_ws: Workspace, warnings
) -> None:
    window = make_window(demo_ws)
    window.show_panel_key("objectives")
    panel = window.panel("objectives")
    team = panel.current_team()
    panel.add_objective()
    added = max(demo_ws.objectives.objectives(panel.pi_id, team.id), key=lambda o: o.id)
    panel.edits.edit(added, "text", "Ship the partner API")
    undo(qtbot, window, 2)
    with pytest.raises(NotFoundError):
        demo_ws.objectives.get(added.id)
    redo(qtbot, window, 2)
    assert demo_ws.objectives.get(added.id).text == "Ship the partner API"
    panel.edits.edit(demo_ws.objectives.get(added.id), "committed", False)
    assert not demo_ws.objectives.get(added.id).committed
    assert warnings == []


def test_agenda_undo_redo_by_keys_restores_the_same_ids(
    qtbot, make_window, demo_ws: Workspace, warnings
) -> None:
    window = make_window(demo_ws)
    window.show_panel_key("agenda")
    panel = window.panel("agenda")
    pi = demo_ws.train.find_pi(None, None)
    before = {a.id for a in demo_ws.agenda.agendas(pi.id)}

    panel.editor.create_agenda("art_sync_30")
    (agenda,) = [a for a in demo_ws.agenda.agendas(pi.id) if a.id not in before]
    items = demo_ws.agenda.items(agenda.id)
    panel.editor.select(items[0].id)
    panel.editor.insert_after_selected()
    (inserted,) = [
        i for i in demo_ws.agenda.items(agenda.id) if i.id not in {old.id for old in items}
    ]
    undo(qtbot, window, 2)
    assert {a.id for a in demo_ws.agenda.agendas(pi.id)} == before
    redo(qtbot, window, 2)

    assert demo_ws.agenda.agenda(agenda.id) == agenda
    assert inserted.id in [i.id for i in demo_ws.agenda.items(agenda.id)]
    demo_ws.agenda.edit_item(inserted.id, title="Impediments")
    assert warnings == []


def test_readiness_fill_undoes_and_redoes_in_one_transaction(
    qtbot, make_window, demo_ws: Workspace, warnings
) -> None:
    window = make_window(demo_ws)
    window.show_panel_key("readiness")
    panel = window.panel("readiness")
    pi_id = demo_ws.train.find_pi(None, "PI 2026.1").id  # no checklist items yet
    filled = panel.edits.prefill(pi_id)
    assert len(filled) > 1

    writes: list[str] = []
    dirty = [False]

    def statement(_conn, _cursor, sql: str, *_args) -> None:
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            dirty[0] = True

    def commit(_conn) -> None:
        if dirty[0]:
            writes.append("commit")
        dirty[0] = False

    event.listen(demo_ws.engine, "before_cursor_execute", statement)
    event.listen(demo_ws.engine, "commit", commit)
    try:
        undo(qtbot, window)
        assert len(writes) == 1
        assert not {i.id for i in filled} & {i.id for i in demo_ws.readiness.view(pi_id).items}
        redo(qtbot, window)
        assert len(writes) == 2
    finally:
        event.remove(demo_ws.engine, "before_cursor_execute", statement)
        event.remove(demo_ws.engine, "commit", commit)
    stored = {i.id: i for i in demo_ws.readiness.view(pi_id).items}
    assert [stored.get(i.id) for i in filled] == filled
    assert warnings == []


def test_a_failing_redo_is_reported_and_dropped(
    qtbot, make_window, demo_ws: Workspace, warnings
) -> None:
    window = make_window(demo_ws)
    window.show_panel_key("workshop")
    edits = window.panel("workshop").edits
    shop = demo_ws.workshop.workshops(demo_ws.train.find_pi(None, "PI 2026.1").id)[0]
    bone = edits.add_bone(shop.id, "Measurement")
    edits.add_cause(bone.id, "No baseline")
    undo(qtbot, window)
    demo_ws.workshop.delete_bone(bone.id)  # someone else removes the bone meanwhile
    before = demo_ws.workshop.fishbone(shop.id)

    redo(qtbot, window)  # the cause cannot come back without its bone
    qtbot.waitUntil(lambda: bool(warnings))
    redo(qtbot, window)  # nothing left to redo

    assert len(warnings) == 1 and warnings[0].startswith("Could not 'Add cause'")
    assert demo_ws.workshop.fishbone(shop.id) == before
    assert (window.undo_stack.count(), window.undo_stack.index()) == (1, 1)

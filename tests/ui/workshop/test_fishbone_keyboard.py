"""Build a fishbone with the keyboard only, and check what the database holds."""

from __future__ import annotations

from PySide6.QtCore import Qt

from rte_desktop.ui.workshop.panel import FISHBONE

ALT = Qt.KeyboardModifier.AltModifier


def _type(qtbot, view, text: str) -> None:
    assert view.editor.isVisible()
    qtbot.keyClicks(view.editor, text)
    qtbot.keyClick(view.editor, Qt.Key.Key_Return)
    assert not view.editor.isVisible()


def _tree(ws, shop_id):
    """(bone name, depth, text, votes) in reading order."""
    return [
        (bone.bone.name, node.depth, node.cause.text, node.cause.votes)
        for bone in ws.workshop.fishbone(shop_id).tree
        for node in bone.walk()
    ]


def test_build_a_fishbone_by_keyboard(qtbot, make_panel) -> None:
    panel = make_panel("PI 2026.2")
    ws = panel.ctx.ws
    shop = panel.new_workshop("Releases are late")
    qtbot.keyClick(panel, Qt.Key.Key_2, ALT)
    assert panel.tabs.currentIndex() == FISHBONE
    view = panel.fishbone.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    qtbot.keyClick(view, Qt.Key.Key_Right)  # the first bone: People
    assert view.selected[0] == "bone"

    qtbot.keyClick(view, Qt.Key.Key_Tab)  # a cause on the bone
    _type(qtbot, view, "Experts overloaded")
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # why?
    _type(qtbot, view, "Too many initiatives")
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # why?
    _type(qtbot, view, "No WIP limit")
    qtbot.keyClick(view, Qt.Key.Key_Return)  # a sibling at the same depth
    _type(qtbot, view, "No portfolio kanban")
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.cause(view.selected[1]).text == "Experts overloaded"
    qtbot.keyClick(view, Qt.Key.Key_Return)
    _type(qtbot, view, "New members")
    qtbot.keyClick(view, Qt.Key.Key_F2)
    view.editor.selectAll()
    _type(qtbot, view, "New team members")

    assert _tree(ws, shop.id) == [
        ("People", 0, "Experts overloaded", 0),
        ("People", 1, "Too many initiatives", 0),
        ("People", 2, "No WIP limit", 0),
        ("People", 2, "No portfolio kanban", 0),
        ("People", 0, "New team members", 0),
    ]

    qtbot.keyClick(view, Qt.Key.Key_Down, ALT)  # to the next bone, Process
    assert _tree(ws, shop.id)[-1] == ("Process", 0, "New team members", 0)
    assert view.cause(view.selected[1]).text == "New team members"
    qtbot.keyClick(view, Qt.Key.Key_Up, ALT)  # and back
    assert _tree(ws, shop.id)[-1] == ("People", 0, "New team members", 0)

    qtbot.keyClick(view, Qt.Key.Key_Up)  # "No portfolio kanban"
    qtbot.keyClick(view, Qt.Key.Key_Left, ALT)  # outdent: a sibling of its parent
    assert ("People", 1, "No portfolio kanban", 0) in _tree(ws, shop.id)

    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.cause(view.selected[1]).text == "Experts overloaded"
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Plus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert _tree(ws, shop.id)[0] == ("People", 0, "Experts overloaded", 2)

    qtbot.keyClick(view, Qt.Key.Key_Down)  # "Too many initiatives" and its sub-cause
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert [t[2] for t in _tree(ws, shop.id)] == [
        "Experts overloaded",
        "No portfolio kanban",
        "New team members",
    ]
    panel.ctx.undo.undo()  # the delete comes back, with the same ids
    assert len(_tree(ws, shop.id)) == 5
    assert panel.ctx.undo.undoText() == "Dots on a cause"


def test_bones_by_keyboard_and_refused_edits_change_nothing(qtbot, make_panel) -> None:
    panel = make_panel("PI 2026.2")
    ws = panel.ctx.ws
    shop = panel.new_workshop("Too many defects")
    panel.show_step(FISHBONE)
    view = panel.fishbone.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # on the head: a new bone
    _type(qtbot, view, "Measurement")
    qtbot.keyClick(view, Qt.Key.Key_Return)  # on a bone: a bone after it
    _type(qtbot, view, "Suppliers")
    qtbot.keyClick(view, Qt.Key.Key_F2)
    view.editor.selectAll()
    _type(qtbot, view, "Vendors")
    names = [b.name for b in ws.workshop.fishbone(shop.id).bones]
    assert names[-2:] == ["Measurement", "Vendors"]
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert [b.name for b in ws.workshop.fishbone(shop.id).bones][-1] == "Measurement"
    qtbot.keyClick(view, Qt.Key.Key_Home)
    qtbot.keyClick(view, Qt.Key.Key_F2)  # the head renames the problem
    view.editor.selectAll()
    _type(qtbot, view, "Escaped defects")
    assert ws.workshop.workshop(shop.id).title == "Escaped defects"
    # Esc cancels: nothing is added.
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    qtbot.keyClicks(view.editor, "never mind")
    qtbot.keyClick(view.editor, Qt.Key.Key_Escape)
    assert not view.editor.isVisible()
    assert ws.workshop.fishbone(shop.id).causes == []

"""Every workshop edit undoes to the exact earlier data and redoes to the exact later data."""

from __future__ import annotations

from rte_desktop.domain.model import WorkKind
from rte_desktop.services.workshop.improvements import ItemDraft
from rte_desktop.ui.undo import UndoStack
from rte_desktop.ui.workshop.edits import WorkshopEdits
from rte_desktop.workspace import Workspace


def _state(ws: Workspace, pi_id: int) -> list:
    """Everything the user sees, in order; positions only count as order (an insert after a
    sibling renumbers the later ones, and undo keeps that harmless renumbering)."""
    state = []
    for shop in ws.workshop.workshops(pi_id):
        fish = ws.workshop.fishbone(shop.id)
        state.append(
            (
                shop,
                [(bone.bone.id, bone.bone.name) for bone in fish.tree],
                [
                    (
                        n.cause.id,
                        n.cause.bone_id,
                        n.cause.parent_id,
                        n.depth,
                        n.cause.text,
                        n.cause.votes,
                    )
                    for bone in fish.tree
                    for n in bone.walk()
                ],
                ws.improvements.solutions(shop.id),
                ws.improvements.items(shop.id),
            )
        )
    return state


def test_a_long_session_undoes_and_redoes_exactly(qtbot, demo_ws: Workspace) -> None:
    pi = demo_ws.train.find_pi(None, "PI 2026.1")
    stack = UndoStack()
    edits = WorkshopEdits(demo_ws.workshop, demo_ws.improvements, stack)
    before = _state(demo_ws, pi.id)
    shop = demo_ws.workshop.workshops(pi.id)[0]
    fish = demo_ws.workshop.fishbone(shop.id)
    people, process = fish.bones[0], fish.bones[1]
    first = fish.causes[0]

    new_shop = edits.create_workshop(pi.id, "Demos are skipped")
    bone = edits.add_bone(shop.id, "Measurement", after_id=people.id)
    cause = edits.add_cause(bone.id, "No baseline")
    child = edits.add_cause(bone.id, "Nobody owns metrics", parent_id=cause.id)
    edits.rename_cause(demo_ws.workshop.fishbone(shop.id).causes[-1], "No metrics owner")
    edits.move_cause(cause, process.id)
    edits.set_votes(first, first.votes + 3)
    edits.update_problem(shop, "where", "Every team")
    edits.set_voting(shop, 20, 3)
    edits.set_hidden(shop, True)
    edits.delete_cause(first.id)
    edits.rename_bone(people, "Humans")
    solution = edits.add_solution(shop.id, "Metrics guild")
    edits.update_solution(solution, "Metrics guild", 4)
    item = edits.add_item(shop.id, ItemDraft("Metrics guild", owner="Raj", kind=WorkKind.FEATURE))
    edits.update_item(item, ItemDraft("Metrics guild charter", owner="Raj"))
    edits.delete_bone(bone.id)
    edits.clear_votes(shop.id)
    edits.restate(demo_ws.workshop.workshop(shop.id), child.id)
    edits.delete_workshop(new_shop.id)
    after = _state(demo_ws, pi.id)
    assert after != before

    while stack.canUndo():
        stack.undo()
    assert _state(demo_ws, pi.id) == before
    while stack.canRedo():
        stack.redo()
    assert _state(demo_ws, pi.id) == after

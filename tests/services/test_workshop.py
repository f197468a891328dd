"""The workshop service on a real SQLite file: workshops, bones, causes, votes, undo data."""

from __future__ import annotations

import pytest

from rte_desktop.domain.errors import NotFoundError, ValidationError
from rte_desktop.domain.fishbone import DEFAULT_BONES
from rte_desktop.domain.model import Cause
from rte_desktop.services.common.changes import Area
from rte_desktop.workspace import Workspace


def _pi(ws: Workspace, name: str = "PI 2026.2") -> int:
    pi = ws.train.find_pi(None, name)
    assert pi is not None and pi.id is not None
    return pi.id


@pytest.fixture
def shop(demo_ws: Workspace):
    return demo_ws.workshop.create_workshop(_pi(demo_ws), "Releases are late").value


def test_new_workshop_has_the_five_default_bones_and_art_dots(demo_ws: Workspace, shop) -> None:
    seen = []
    demo_ws.listeners.append(seen.append)
    fish = demo_ws.workshop.fishbone(shop.id)
    assert [b.name for b in fish.bones] == list(DEFAULT_BONES)
    assert shop.dots_per_participant == 5 and shop.participants == 0
    second = demo_ws.workshop.create_workshop(shop.pi_id, "Too many defects")
    assert second.changes.touches(Area.WORKSHOP) and seen
    assert [w.title for w in demo_ws.workshop.workshops(shop.pi_id)] == [
        "Releases are late",
        "Too many defects",
    ]


def test_problem_statement_fields(demo_ws: Workspace, shop) -> None:
    svc = demo_ws.workshop
    svc.update_problem(
        shop.id,
        what=" 3 of 5 releases late ",
        where="Mobile",
        when="Q3",
        impact="Customers wait",
        restated_problem="Env not ready",
    )
    stored = svc.workshop(shop.id)
    assert (stored.what, stored.where, stored.when) == ("3 of 5 releases late", "Mobile", "Q3")
    assert stored.restated_problem == "Env not ready"
    with pytest.raises(ValidationError, match="title"):
        svc.update_problem(shop.id, title="   ")
    with pytest.raises(ValidationError, match="Unknown"):
        svc.update_problem(shop.id, who="Bob")
    assert svc.workshop(shop.id).title == "Releases are late"


def test_causes_nest_insert_after_and_keep_order(demo_ws: Workspace, shop) -> None:
    svc = demo_ws.workshop
    people = svc.fishbone(shop.id).bones[0]
    a = svc.add_cause(people.id, "Experts overloaded").value
    c = svc.add_cause(people.id, "New members").value
    b = svc.add_cause(people.id, "Unclear roles", after_id=a.id).value
    why = svc.add_cause(people.id, "Too many initiatives", parent_id=a.id).value
    why2 = svc.add_cause(people.id, "No WIP limit", parent_id=why.id).value
    tree = svc.fishbone(shop.id).tree[0]
    assert [n.cause.text for n in tree.causes] == [
        "Experts overloaded",
        "Unclear roles",
        "New members",
    ]
    assert [(n.cause.id, n.depth) for n in tree.walk()] == [
        (a.id, 0),
        (why.id, 1),
        (why2.id, 2),
        (b.id, 0),
        (c.id, 0),
    ]
    with pytest.raises(ValidationError, match="empty"):
        svc.add_cause(people.id, "  ")
    other_bone = svc.fishbone(shop.id).bones[1]
    with pytest.raises(ValidationError, match="same bone"):
        svc.add_cause(other_bone.id, "x", parent_id=a.id)


def test_delete_cause_takes_its_subtree_and_restore_puts_it_back(demo_ws: Workspace, shop) -> None:
    svc = demo_ws.workshop
    bone = svc.fishbone(shop.id).bones[2]
    a = svc.add_cause(bone.id, "Flaky tests").value
    child = svc.add_cause(bone.id, "No test data", parent_id=a.id).value
    svc.set_cause_votes(child.id, 4)
    removed = svc.delete_cause(a.id).value
    assert [c.id for c in removed.causes] == [a.id, child.id]
    assert svc.fishbone(shop.id).causes == []
    svc.restore_causes(list(reversed(removed.causes)))  # any order: parents go first
    restored = {c.id: c for c in svc.fishbone(shop.id).causes}
    assert restored[child.id] == Cause(
        id=child.id, bone_id=bone.id, parent_id=a.id, text="No test data", votes=4
    )


def test_move_cause_with_subtree_to_another_bone_and_parent(demo_ws: Workspace, shop) -> None:
    svc = demo_ws.workshop
    people, process = svc.fishbone(shop.id).bones[:2]
    a = svc.add_cause(people.id, "Handovers").value
    child = svc.add_cause(people.id, "Silos", parent_id=a.id).value
    target = svc.add_cause(process.id, "No flow").value
    svc.move_cause(a.id, process.id, parent_id=target.id)
    causes = {c.id: c for c in svc.fishbone(shop.id).causes}
    assert causes[a.id].bone_id == process.id and causes[a.id].parent_id == target.id
    assert causes[child.id].bone_id == process.id and causes[child.id].parent_id == a.id
    with pytest.raises(ValidationError, match="under itself"):
        svc.move_cause(a.id, process.id, parent_id=child.id)
    with pytest.raises(ValidationError, match="another bone"):
        svc.move_cause(a.id, people.id, parent_id=target.id)
    svc.move_cause(a.id, people.id)  # back to the top of a bone
    assert svc.fishbone(shop.id).tree[0].causes[0].cause.id == a.id


def test_bones_rename_add_after_remove_restore(demo_ws: Workspace, shop) -> None:
    svc = demo_ws.workshop
    bones = svc.fishbone(shop.id).bones
    svc.rename_bone(bones[3].id, "ART")
    extra = svc.add_bone(shop.id, "Measurement", after_id=bones[0].id).value
    names = [b.name for b in svc.fishbone(shop.id).bones]
    assert names == ["People", "Measurement", "Process", "Tools", "ART", "Environment"]
    cause = svc.add_cause(extra.id, "No baseline").value
    bone, causes = svc.delete_bone(extra.id).value
    assert causes.causes == [cause]
    assert len(svc.fishbone(shop.id).bones) == 5
    svc.restore_bone(bone, causes)
    assert svc.fishbone(shop.id).causes == [cause]
    with pytest.raises(ValidationError):
        svc.rename_bone(bones[0].id, "")


def test_votes_budget_hidden_and_pareto(demo_ws: Workspace, shop) -> None:
    svc = demo_ws.workshop
    bone = svc.fishbone(shop.id).bones[0]
    a = svc.add_cause(bone.id, "A").value
    b = svc.add_cause(bone.id, "B").value
    svc.set_voting(shop.id, participants=2, dots=3)
    svc.set_cause_votes(a.id, 5)
    svc.set_cause_votes(b.id, 2)
    budget = svc.budget(shop.id)
    assert (budget.available, budget.used, budget.over) == (6, 7, 1)
    chart = svc.pareto(shop.id)
    assert [r.key for r in chart.rows] == [a.id, b.id]
    assert chart.top.key == a.id
    assert svc.set_votes_hidden(shop.id, True).value.votes_hidden
    with pytest.raises(ValidationError, match="least is 0"):
        svc.set_cause_votes(a.id, -1)
    with pytest.raises(ValidationError, match="Dots per participant"):
        svc.set_voting(shop.id, 3, 0)
    old = svc.clear_votes(shop.id).value
    assert svc.budget(shop.id).used == 0
    svc.restore_votes(old)
    assert svc.budget(shop.id).used == 7


def test_restate_as_new_problem_creates_a_child_workshop(demo_ws: Workspace, shop) -> None:
    svc = demo_ws.workshop
    bone = svc.fishbone(shop.id).bones[1]
    top = svc.add_cause(bone.id, "Integration env unavailable").value
    new = svc.restate_as_new_problem(shop.id, top.id).value
    assert new.parent_id == shop.id and new.pi_id == shop.pi_id
    assert new.title == new.what == "Integration env unavailable"
    assert svc.workshop(shop.id).restated_problem == "Integration env unavailable"
    assert len(svc.fishbone(new.id).bones) == 5
    demo_shop = svc.workshops(_pi(demo_ws, "PI 2026.1"))[0]
    with pytest.raises(ValidationError, match="another workshop"):
        svc.restate_as_new_problem(demo_shop.id, top.id)


def test_delete_and_restore_a_whole_workshop(demo_ws: Workspace) -> None:
    svc = demo_ws.workshop
    shop = svc.workshops(_pi(demo_ws, "PI 2026.1"))[0]
    before = svc.fishbone(shop.id)
    items = demo_ws.improvements.items(shop.id)
    snapshot = svc.delete_workshop(shop.id).value
    with pytest.raises(NotFoundError):
        svc.workshop(shop.id)
    svc.restore_workshop(snapshot)
    after = svc.fishbone(shop.id)
    assert after == before
    assert demo_ws.improvements.items(shop.id) == items

"""Where arrows, Alt+arrows and drops lead, on plain fishbone data."""

from __future__ import annotations

from rte_desktop.domain.fishbone import layout
from rte_desktop.domain.model import Bone, Cause, Workshop
from rte_desktop.services.workshop.workshop import Fishbone
from rte_desktop.ui.workshop.fishbone_nav import (
    HEAD,
    drop_place,
    indent,
    outdent,
    reading_order,
    step_bone,
    subtree_keys,
    to_other_bone,
)

DATA = Fishbone(
    Workshop(id=1, pi_id=1, title="Late"),
    [
        Bone(id=1, workshop_id=1, name="People", position=0),
        Bone(id=2, workshop_id=1, name="Tools", position=1),
    ],
    [
        Cause(id=10, bone_id=1, text="a", position=0),
        Cause(id=11, bone_id=1, text="b", position=1),
        Cause(id=12, bone_id=1, parent_id=11, text="b1"),
        Cause(id=20, bone_id=2, text="c"),
    ],
)


def test_reading_order_and_bone_steps() -> None:
    assert reading_order(DATA) == [
        HEAD,
        ("bone", 1),
        ("cause", 10),
        ("cause", 11),
        ("cause", 12),
        ("bone", 2),
        ("cause", 20),
    ]
    assert step_bone(DATA, HEAD, 1) == ("bone", 1)
    assert step_bone(DATA, ("cause", 12), 1) == ("bone", 2)
    assert step_bone(DATA, ("cause", 20), 1) == ("bone", 2)  # stays on the last bone


def test_moves() -> None:
    assert to_other_bone(DATA, 11, 1) == (11, 2, None)
    assert to_other_bone(DATA, 11, -1) is None  # no bone before the first
    assert indent(DATA, 11) == (11, 1, 10)
    assert indent(DATA, 10) is None
    assert outdent(DATA, 12) == (12, 1, None)
    assert outdent(DATA, 10) is None
    assert subtree_keys(DATA, ("cause", 11)) == {("cause", 11), ("cause", 12)}


def test_drop_places() -> None:
    result = layout(DATA.tree, "Late", lambda s: 7.0 * len(s))
    assert drop_place(DATA, result, ("cause", 20), 0, 0) == (2, 20)
    assert drop_place(DATA, result, ("bone", 1), 0, 0) == (1, None)
    tools = next(b for b in result.bones if b.bone_id == 2)
    middle = (tools.region.x + tools.region.w / 2, tools.region.y + tools.region.h / 2)
    assert drop_place(DATA, result, None, *middle) == (2, None)
    assert drop_place(DATA, result, None, -50, -50) == (None, None)

"""Where keys and drops lead on a fishbone: plain functions over the diagram's data (no Qt).

A "move" is ``(cause id, bone id, parent cause id or None)``, what ``move_cause`` takes.
"""

from __future__ import annotations

from rte_desktop.domain.fishbone import FishboneLayout
from rte_desktop.domain.model import Cause
from rte_desktop.services.workshop.workshop import Fishbone

NodeKey = tuple[str, int | None]  # ("head", None), ("bone", id) or ("cause", id)
HEAD: NodeKey = ("head", None)
Move = tuple[int, int, int | None]


def find_cause(data: Fishbone | None, cause_id: int | None) -> Cause | None:
    if data is None:
        return None
    return next((c for c in data.causes if c.id == cause_id), None)


def reading_order(data: Fishbone | None) -> list[NodeKey]:
    """Keys in reading order: head, then each bone followed by its causes (depth first)."""
    if data is None:
        return []
    keys: list[NodeKey] = [HEAD]
    for bone in data.tree:
        keys.append(("bone", bone.bone.id))
        keys += [("cause", node.cause.id) for node in bone.walk()]
    return keys


def bone_of(data: Fishbone | None, key: NodeKey | None) -> int | None:
    """The bone a label belongs to (None for the head)."""
    if key is None or key[0] == "head":
        return None
    if key[0] == "bone":
        return key[1]
    cause = find_cause(data, key[1])
    return cause.bone_id if cause else None


def step_bone(data: Fishbone | None, key: NodeKey | None, delta: int) -> NodeKey | None:
    """The previous/next bone's label from ``key`` (from the head: the first bone)."""
    bones: list[NodeKey] = [("bone", b.id) for b in data.bones] if data else []
    if not bones:
        return None
    current: NodeKey = ("bone", bone_of(data, key))
    index = bones.index(current) if current in bones else -1
    return bones[max(0, min(len(bones) - 1, index + delta))]


def to_other_bone(data: Fishbone | None, cause_id: int | None, delta: int) -> Move | None:
    """Move a cause to the previous (-1) or next (+1) bone, directly on it."""
    cause = find_cause(data, cause_id)
    if data is None or cause is None or cause.id is None:
        return None
    bones = [node.bone.id for node in data.tree]
    index = bones.index(cause.bone_id) + delta if cause.bone_id in bones else -1
    target = bones[index] if 0 <= index < len(bones) else None
    return (cause.id, target, None) if target is not None else None


def outdent(data: Fishbone | None, cause_id: int | None) -> Move | None:
    """Make a sub-cause a sibling of its parent."""
    cause = find_cause(data, cause_id)
    if cause is None or cause.id is None or cause.parent_id is None:
        return None
    parent = find_cause(data, cause.parent_id)
    return cause.id, cause.bone_id, parent.parent_id if parent else None


def indent(data: Fishbone | None, cause_id: int | None) -> Move | None:
    """Make a cause a sub-cause of the sibling above it."""
    cause = find_cause(data, cause_id)
    if data is None or cause is None or cause.id is None:
        return None
    siblings = [
        c
        for c in sorted(data.causes, key=lambda c: (c.position, c.id or 0))
        if c.bone_id == cause.bone_id and c.parent_id == cause.parent_id
    ]
    index = siblings.index(cause)
    above = siblings[index - 1].id if index > 0 else None
    return (cause.id, cause.bone_id, above) if above is not None else None


def subtree_keys(data: Fishbone | None, key: NodeKey) -> set[NodeKey]:
    """A label and, for a cause, all its sub-causes (they cannot be drop targets)."""
    if data is None or key[0] != "cause":
        return {key}
    for bone in data.tree:
        for node in bone.walk():
            if node.cause.id == key[1]:
                return {("cause", n.cause.id) for n in node.walk()}
    return {key}


def drop_place(
    data: Fishbone | None,
    result: FishboneLayout | None,
    target: NodeKey | None,
    x: float,
    y: float,
) -> tuple[int | None, int | None]:
    """(bone id, parent cause id) for a drop on ``target`` or at (x, y) in a bone's region."""
    if target is not None and target[0] == "cause":
        cause = find_cause(data, target[1])
        return (cause.bone_id, cause.id) if cause else (None, None)
    if target is not None and target[0] == "bone":
        return target[1], None
    for bone in result.bones if result else ():
        if bone.region.contains(x, y):
            return bone.bone_id, None
    return None, None

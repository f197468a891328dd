"""Fishbone tree and layout: every cause once, and no two label boxes ever intersect."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from rte_desktop.domain.fishbone import (
    Box,
    FishboneLayout,
    LayoutStyle,
    Segment,
    build_tree,
    layout,
    subtree_ids,
    wrap,
)
from rte_desktop.domain.model import Bone, Cause


def measure(text: str) -> float:
    """A simple char-count width, as a monospace font would give."""
    return 7.0 * len(text)


def bold(text: str) -> float:
    return 8.0 * len(text)


words = st.text(alphabet=st.sampled_from("abcdefghij XYZ李雷Ω-"), min_size=0, max_size=70)


@st.composite
def trees(draw) -> tuple[list[Bone], list[Cause]]:
    bone_count = draw(st.integers(0, 7))
    bones = [Bone(id=i + 1, workshop_id=1, name=draw(words), position=i) for i in range(bone_count)]
    causes: list[Cause] = []
    if bones:
        for cid in range(1, draw(st.integers(0, 40)) + 1):
            bone = draw(st.sampled_from(bones))
            same_bone = [c for c in causes if c.bone_id == bone.id]
            parent = draw(st.one_of(st.none(), st.sampled_from(same_bone))) if same_bone else None
            causes.append(
                Cause(
                    id=cid,
                    bone_id=bone.id,
                    parent_id=parent.id if parent else None,
                    text=draw(words),
                    position=draw(st.integers(0, 5)),
                )
            )
    return bones, causes


def _crosses_interior(seg: Segment, box: Box, eps: float = 1e-6) -> bool:
    """Liang-Barsky clipping against the box shrunk by eps (touching an edge is fine)."""
    x0, y0, x1, y1 = box.x + eps, box.y + eps, box.right - eps, box.bottom - eps
    if x0 >= x1 or y0 >= y1:
        return False
    dx, dy = seg.x2 - seg.x1, seg.y2 - seg.y1
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, seg.x1 - x0), (dx, x1 - seg.x1), (-dy, seg.y1 - y0), (dy, y1 - seg.y1)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return False
    return True


def _all_segments(result: FishboneLayout) -> list[Segment]:
    return [
        result.spine,
        *(b.rib for b in result.bones),
        *(s for c in result.causes for s in c.connectors),
    ]


@settings(max_examples=300, deadline=None)
@given(trees(), words)
def test_no_two_label_boxes_intersect(tree, problem: str) -> None:
    bones, causes = tree
    result = layout(build_tree(bones, causes), problem, measure, heading_measure=bold)
    boxes = [label.box for label in result.labels()]
    for i, first in enumerate(boxes):
        assert first.w > 0 and first.h > 0
        for second in boxes[i + 1 :]:
            assert not first.intersects(second), (first, second)


@settings(max_examples=200, deadline=None)
@given(trees())
def test_no_line_runs_through_a_label(tree) -> None:
    bones, causes = tree
    result = layout(build_tree(bones, causes), "Problem", measure)
    boxes = [label.box for label in result.labels()]
    for segment in _all_segments(result):
        for box in boxes:
            assert not _crosses_interior(segment, box), (segment, box)


@settings(max_examples=150, deadline=None)
@given(trees())
def test_every_cause_once_text_fits_and_drawing_is_inside_its_size(tree) -> None:
    bones, causes = tree
    style = LayoutStyle()
    result = layout(build_tree(bones, causes), "Problem", measure, style)
    assert sorted(c.cause_id for c in result.causes) == sorted(c.id for c in causes)
    for label in result.labels():
        for line in label.lines:
            assert measure(line) <= label.box.w - 2 * style.pad + 1e-9
        assert label.box.x >= 0 and label.box.y >= 0
        assert label.box.right <= result.width and label.box.bottom <= result.height
    by_id = {c.cause_id: c for c in result.causes}
    for cause in causes:
        bone_layout = next(b for b in result.bones if b.bone_id == cause.bone_id)
        box = by_id[cause.id].label.box
        assert bone_layout.region.contains(box.x, box.y)
        assert bone_layout.region.contains(box.right, box.bottom)


def test_sub_causes_are_indented_below_their_parent() -> None:
    bones = [Bone(id=1, workshop_id=1, name="People", position=0)]
    causes = [
        Cause(id=1, bone_id=1, text="Experts overloaded"),
        Cause(id=2, bone_id=1, parent_id=1, text="Too many initiatives"),
        Cause(id=3, bone_id=1, parent_id=2, text="No WIP limit"),
    ]
    result = layout(build_tree(bones, causes), "Features slip", measure)
    one, two, three = (next(c for c in result.causes if c.cause_id == i) for i in (1, 2, 3))
    assert (one.depth, two.depth, three.depth) == (0, 1, 2)
    assert one.label.box.bottom < two.label.box.y < three.label.box.y
    assert two.label.box.right < one.label.box.right
    assert three.label.box.right < two.label.box.right
    assert result.bones[0].above


def test_bad_links_and_cycles_still_show_every_cause_once() -> None:
    bones = [Bone(id=1, workshop_id=1, name="A"), Bone(id=2, workshop_id=1, name="B")]
    causes = [
        Cause(id=1, bone_id=1, parent_id=2, text="x"),
        Cause(id=2, bone_id=1, parent_id=1, text="y"),  # a cycle
        Cause(id=3, bone_id=2, parent_id=1, text="z"),  # parent on another bone
        Cause(id=4, bone_id=2, parent_id=99, text="w"),  # parent missing
    ]
    tree = build_tree(bones, causes)
    assert sorted(n.cause.id for b in tree for n in b.walk()) == [1, 2, 3, 4]


def test_subtree_ids() -> None:
    causes = [
        Cause(id=1, bone_id=1, text="a"),
        Cause(id=2, bone_id=1, parent_id=1, text="b"),
        Cause(id=3, bone_id=1, parent_id=2, text="c"),
        Cause(id=4, bone_id=1, text="d"),
    ]
    assert subtree_ids(causes, 1) == {1, 2, 3}
    assert subtree_ids(causes, 4) == {4}


def test_wrap_breaks_words_and_long_words() -> None:
    assert wrap("aaa bbb ccc", measure, 7 * 7) == ("aaa bbb", "ccc")
    assert wrap("abcdefghij", measure, 7 * 4) == ("abcd", "efgh", "ij")
    assert wrap("", measure, 50) == ("",)
    assert wrap("one\ntwo", measure, 500) == ("one", "two")

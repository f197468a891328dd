"""The fishbone (Ishikawa) diagram: a tree of bones and nested causes, and its automatic layout.

Bones alternate above and below a horizontal spine that ends at the problem (the head, on the
right). Each bone is a slanted rib from its label to the spine; its causes are stacked between
label and spine, one row each, in depth-first order (a "why?" chain reads downwards). A cause's
label sits on a horizontal line that runs into the rib (top-level causes) or into its parent's
vertical connector (sub-causes, indented away from the rib).

Why no two label boxes can intersect, for any tree and any text:
  * rows of one bone are stacked vertically, each in its own band of height;
  * every box of a top-level cause's subtree ends left of the rib at every height the subtree
    occupies (the subtree is aligned to the rib's leftmost point over its rows);
  * bones on the same side of the spine get disjoint x ranges (regions placed side by side),
    and the two sides are separated by the spine gap;
  * the head lies right of every region.
The same argument keeps every connector line out of every label (tested as well).

Text width comes from a ``measure`` callable (QFontMetricsF in the UI, reportlab's stringWidth in
the report, a character count in tests), so this module stays pure.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rte_desktop.domain.geometry import Box, Measure, Segment, wrap
from rte_desktop.domain.model import Bone, Cause

__all__ = [
    "DEFAULT_BONES",
    "Box",
    "BoneLayout",
    "BoneNode",
    "CauseLayout",
    "CauseNode",
    "FishboneLayout",
    "Label",
    "LayoutStyle",
    "Measure",
    "Segment",
    "build_tree",
    "layout",
    "subtree_ids",
    "wrap",
]

DEFAULT_BONES = ("People", "Process", "Tools", "Program", "Environment")


# -- the tree ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CauseNode:
    cause: Cause
    depth: int  # 0: directly on the bone
    children: tuple[CauseNode, ...] = ()

    def walk(self) -> Iterable[CauseNode]:
        """This node and its descendants, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class BoneNode:
    bone: Bone
    causes: tuple[CauseNode, ...] = ()

    def walk(self) -> Iterable[CauseNode]:
        for node in self.causes:
            yield from node.walk()


def _order(cause: Cause) -> tuple[int, int]:
    return (cause.position, cause.id or 0)


def build_tree(bones: Iterable[Bone], causes: Iterable[Cause]) -> tuple[BoneNode, ...]:
    """Bones in position order, each with its cause tree.

    Robust against bad links: a cause whose parent is missing or on another bone is put directly
    on its bone, and a parent cycle is broken at its first member, so every cause appears once.
    """
    bone_list = sorted(bones, key=lambda b: (b.position, b.id or 0))
    by_bone: dict[int | None, list[Cause]] = {}
    for cause in causes:
        by_bone.setdefault(cause.bone_id, []).append(cause)
    return tuple(BoneNode(bone, _bone_causes(by_bone.get(bone.id, []))) for bone in bone_list)


def _bone_causes(causes: list[Cause]) -> tuple[CauseNode, ...]:
    ids = {c.id for c in causes}
    children: dict[int | None, list[Cause]] = {}
    for cause in sorted(causes, key=_order):
        parent = cause.parent_id if cause.parent_id in ids and cause.parent_id != cause.id else None
        children.setdefault(parent, []).append(cause)
    reached: set[int | None] = set()

    def build(cause: Cause, depth: int) -> CauseNode:
        reached.add(cause.id)
        kids = [c for c in children.get(cause.id, []) if c.id not in reached]
        return CauseNode(cause, depth, tuple(build(c, depth + 1) for c in kids))

    roots = [build(c, 0) for c in children.get(None, [])]
    for cause in sorted(causes, key=_order):  # members of a parent cycle were never reached
        if cause.id not in reached:
            roots.append(build(cause, 0))
    return tuple(roots)


def subtree_ids(causes: Iterable[Cause], cause_id: int) -> set[int]:
    """``cause_id`` and the ids of all its descendants."""
    children: dict[int | None, list[int]] = {}
    for cause in causes:
        if cause.id is not None:
            children.setdefault(cause.parent_id, []).append(cause.id)
    found = {cause_id}
    stack = [cause_id]
    while stack:
        for child in children.get(stack.pop(), []):
            if child not in found:
                found.add(child)
                stack.append(child)
    return found


# -- layout ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Label:
    box: Box
    lines: tuple[str, ...]


@dataclass(frozen=True)
class BoneLayout:
    bone_id: int | None
    label: Label
    rib: Segment
    region: Box  # everything of this bone; a drop here lands on the bone
    above: bool


@dataclass(frozen=True)
class CauseLayout:
    cause_id: int | None
    bone_id: int | None
    parent_id: int | None
    depth: int
    label: Label
    connectors: tuple[Segment, ...]  # the underline, and for a sub-cause the "why?" link


@dataclass(frozen=True)
class FishboneLayout:
    head: Label
    spine: Segment
    bones: tuple[BoneLayout, ...]
    causes: tuple[CauseLayout, ...]
    width: float
    height: float

    def labels(self) -> list[Label]:
        return [self.head, *(b.label for b in self.bones), *(c.label for c in self.causes)]


@dataclass(frozen=True)
class LayoutStyle:
    """Sizes in the measure's unit (pixels in the UI, points in the PDF)."""

    line_height: float = 16.0
    pad: float = 4.0
    row_gap: float = 6.0
    indent: float = 26.0
    rib_gap: float = 10.0
    slope: float = 0.45  # horizontal run of a rib per unit of height
    bone_gap: float = 40.0
    spine_gap: float = 22.0
    max_label_width: float = 220.0
    head_width: float = 220.0
    head_gap: float = 24.0
    margin: float = 12.0


def _label(text: str, measure: Measure, style: LayoutStyle, max_width: float) -> Label:
    lines = wrap(text, measure, max_width - 2 * style.pad)
    width = max(max(measure(line) for line in lines) + 2 * style.pad, style.indent * 1.5)
    return Label(Box(0, 0, width, len(lines) * style.line_height + 2 * style.pad), lines)


def _moved(label: Label, x: float, y: float) -> Label:
    return Label(Box(x, y, label.box.w, label.box.h), label.lines)


@dataclass
class _Row:
    node: CauseNode
    label: Label
    top: float = 0.0  # offset from where the bone's rows start


@dataclass
class _Bone:
    node: BoneNode
    above: bool
    label: Label
    rows: list[_Row]

    def extent(self, style: LayoutStyle) -> float:
        """Height from the label's outer edge to the last row (before the spine gap)."""
        rows = sum(r.label.box.h + style.row_gap for r in self.rows)
        return self.label.box.h + style.row_gap + rows


def layout(
    bones: Sequence[BoneNode],
    problem: str,
    measure: Measure,
    style: LayoutStyle | None = None,
    heading_measure: Measure | None = None,
) -> FishboneLayout:
    """Place every label, rib and connector; y grows downwards.

    Args:
        bones: the tree (``build_tree``).
        problem: the text at the head.
        measure: width of one line of cause text.
        style: sizes; the defaults suit a 10-11 pt font in pixels.
        heading_measure: width of bold text (bone names and head); defaults to ``measure``.
    """
    style = style or LayoutStyle()
    bold = heading_measure or measure
    prepared: list[_Bone] = []
    for index, bone_node in enumerate(bones):
        rows = [
            _Row(node, _label(node.cause.text, measure, style, style.max_label_width))
            for node in bone_node.walk()
        ]
        offset = 0.0
        for row in rows:
            row.top = offset
            offset += row.label.box.h + style.row_gap
        label = _label(bone_node.bone.name, bold, style, style.max_label_width)
        prepared.append(_Bone(bone_node, index % 2 == 0, label, rows))

    upper = max((b.extent(style) for b in prepared if b.above), default=0.0)
    lower = max((b.extent(style) for b in prepared if not b.above), default=0.0)
    spine_y = upper + style.spine_gap
    bottom_y = spine_y + style.spine_gap + lower

    placed_bones: list[BoneLayout] = []
    placed_causes: list[CauseLayout] = []
    cursors = {True: 0.0, False: style.bone_gap / 2}  # a small stagger reads better
    for bone in prepared:
        bone_layout, cause_layouts = _place_bone(bone, spine_y, bottom_y, style)
        shift = cursors[bone.above] - bone_layout.region.x
        bone_layout = _shift_bone(bone_layout, shift)
        cursors[bone.above] = bone_layout.region.right + style.bone_gap
        placed_bones.append(bone_layout)
        placed_causes.extend(_shift_cause(c, shift) for c in cause_layouts)

    right = max((b.region.right for b in placed_bones), default=0.0)
    head = _label(problem, bold, style, style.head_width)
    head = _moved(head, right + style.head_gap, spine_y - head.box.h / 2)
    spine = Segment(
        min((b.region.x for b in placed_bones), default=right), spine_y, head.box.x, spine_y
    )
    return _normalised(head, spine, placed_bones, placed_causes, style)


def _place_bone(
    bone: _Bone, spine_y: float, bottom_y: float, style: LayoutStyle
) -> tuple[BoneLayout, list[CauseLayout]]:
    """Lay one bone out with its rib's far end at x = 0 (shifted into place later)."""
    lh = bone.label.box.h
    if bone.above:
        label_y, far_y, rows_y = 0.0, lh, lh + style.row_gap

        def rib_x(y: float) -> float:
            return style.slope * (y - far_y)
    else:
        label_y = bottom_y - lh
        far_y, rows_y = label_y, spine_y + style.spine_gap

        def rib_x(y: float) -> float:
            return style.slope * (far_y - y)

    rib = Segment(0.0, far_y, rib_x(spine_y), spine_y)
    label = _moved(bone.label, -bone.label.box.w / 2, label_y)
    boxes: dict[int, tuple[Box, float]] = {}  # row index -> (box, x of its children's link)
    causes: list[CauseLayout] = []
    lefts = [label.box.x, 0.0, rib.x2]
    rights = [label.box.right, 0.0, rib.x2]
    index = 0
    while index < len(bone.rows):
        root = bone.rows[index]
        size = sum(1 for _ in root.node.walk())
        subtree = bone.rows[index : index + size]
        edge = min(
            min(rib_x(rows_y + r.top), rib_x(rows_y + r.top + r.label.box.h)) for r in subtree
        )
        align = edge - style.rib_gap
        last_at_depth: dict[int, int] = {}  # depth -> row index of the latest row there
        for offset, row in enumerate(subtree):
            right = align - style.indent * (row.node.depth - root.node.depth)
            box = Box(right - row.label.box.w, rows_y + row.top, row.label.box.w, row.label.box.h)
            cause = row.node.cause
            boxes[index + offset] = (box, right - style.indent / 2)
            last_at_depth[row.node.depth] = index + offset
            connectors: tuple[Segment, ...]
            if row is root:
                connectors = (Segment(box.x, box.bottom, rib_x(box.bottom), box.bottom),)
            else:
                parent_box, link_x = boxes[last_at_depth[row.node.depth - 1]]
                connectors = (
                    Segment(box.x, box.bottom, link_x, box.bottom),
                    Segment(link_x, parent_box.bottom, link_x, box.bottom),
                )
            causes.append(
                CauseLayout(
                    cause.id,
                    cause.bone_id,
                    cause.parent_id if row is not root else None,
                    row.node.depth,
                    Label(box, row.label.lines),
                    connectors,
                )
            )
            lefts.append(box.x)
            rights.append(box.right)
        index += size
    top = 0.0 if bone.above else spine_y
    bottom = spine_y if bone.above else bottom_y
    region = Box(min(lefts), top, max(rights) - min(lefts), bottom - top)
    return BoneLayout(bone.node.bone.id, label, rib, region, bone.above), causes


def _shift_segment(s: Segment, dx: float, dy: float = 0.0) -> Segment:
    return Segment(s.x1 + dx, s.y1 + dy, s.x2 + dx, s.y2 + dy)


def _shift_label(label: Label, dx: float, dy: float = 0.0) -> Label:
    b = label.box
    return Label(Box(b.x + dx, b.y + dy, b.w, b.h), label.lines)


def _shift_box(b: Box, dx: float, dy: float = 0.0) -> Box:
    return Box(b.x + dx, b.y + dy, b.w, b.h)


def _shift_bone(bone: BoneLayout, dx: float, dy: float = 0.0) -> BoneLayout:
    return BoneLayout(
        bone.bone_id,
        _shift_label(bone.label, dx, dy),
        _shift_segment(bone.rib, dx, dy),
        _shift_box(bone.region, dx, dy),
        bone.above,
    )


def _shift_cause(c: CauseLayout, dx: float, dy: float = 0.0) -> CauseLayout:
    return CauseLayout(
        c.cause_id,
        c.bone_id,
        c.parent_id,
        c.depth,
        _shift_label(c.label, dx, dy),
        tuple(_shift_segment(s, dx, dy) for s in c.connectors),
    )


def _normalised(
    head: Label,
    spine: Segment,
    bones: list[BoneLayout],
    causes: list[CauseLayout],
    style: LayoutStyle,
) -> FishboneLayout:
    """Move everything so the drawing starts at (margin, margin)."""
    boxes = [head.box, *(b.region for b in bones), *(b.label.box for b in bones)]
    min_x = min(min(b.x for b in boxes), spine.x1)
    min_y = min(b.y for b in boxes)
    max_x = max(b.right for b in boxes)
    max_y = max(b.bottom for b in boxes)
    dx, dy = style.margin - min_x, style.margin - min_y
    return FishboneLayout(
        head=_shift_label(head, dx, dy),
        spine=_shift_segment(spine, dx, dy),
        bones=tuple(_shift_bone(b, dx, dy) for b in bones),
        causes=tuple(_shift_cause(c, dx, dy) for c in causes),
        width=max_x - min_x + 2 * style.margin,
        height=max_y - min_y + 2 * style.margin,
    )

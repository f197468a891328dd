"""Where everything sits on the ART planning board, in abstract units (pixels or points).

The same geometry feeds the Qt scene and the PDF poster, so both show the same board:

* rows: a milestones/events row on top, then one row per team (and "No team" when a feature has
  none);
* columns: the team-name column, an "Unplanned" column, then the PI's iterations by date;
* cards stack downwards inside their cell, in feature ``position`` order; a row is as tall as its
  fullest cell.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from rte_desktop.domain.geometry import Box
from rte_desktop.domain.model import Feature, Iteration, Milestone, Team

Rect = Box  # one rectangle type for every layout (fishbone, board, posters)

MILESTONE_ROW = -1  # row key of the milestones/events row
NO_TEAM = 0  # row key for features without a team (team ids start at 1)
UNPLANNED = 0  # column key of the unplanned column (iteration ids start at 1)


@dataclass(frozen=True)
class Metrics:
    """Sizes in the drawing's unit."""

    header_w: float = 130.0  # the team-name column
    header_h: float = 46.0  # the iteration-name row
    column_w: float = 176.0
    card_w: float = 148.0
    card_h: float = 52.0
    gap: float = 10.0
    min_row_h: float = 72.0


@dataclass(frozen=True)
class Column:
    key: int  # iteration id, or UNPLANNED
    title: str
    subtitle: str
    rect: Rect  # the whole column below the header row
    is_ip: bool = False


@dataclass(frozen=True)
class Row:
    key: int  # team id, NO_TEAM or MILESTONE_ROW
    title: str
    rect: Rect  # the whole row right of the team column


@dataclass(frozen=True)
class BoardLayout:
    metrics: Metrics
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    cards: dict[int, Rect] = field(default_factory=dict)  # feature id -> rect
    milestones: dict[int, Rect] = field(default_factory=dict)  # milestone id -> rect
    width: float = 0.0
    height: float = 0.0

    def column_at(self, x: float) -> Column | None:
        for column in self.columns:
            if column.rect.x <= x < column.rect.right:
                return column
        return None

    def row_at(self, y: float) -> Row | None:
        for row in self.rows:
            if row.rect.y <= y < row.rect.bottom:
                return row
        return None

    def cell(self, row_key: int, column_key: int) -> Rect:
        row = next(r for r in self.rows if r.key == row_key)
        column = next(c for c in self.columns if c.key == column_key)
        return Rect(column.rect.x, row.rect.y, column.rect.w, row.rect.h)


def _column_of(iteration_id: int | None, known: set[int]) -> int:
    return iteration_id if iteration_id in known and iteration_id is not None else UNPLANNED


def layout_board(
    teams: Sequence[Team],
    iterations: Sequence[Iteration],
    features: Sequence[Feature],
    milestones: Sequence[Milestone],
    metrics: Metrics | None = None,
) -> BoardLayout:
    """Place rows, columns, feature cards and milestones.

    Features in an iteration of another PI are shown in the unplanned column (they cannot be on
    this PI's board otherwise); the caller passes only this PI's features.
    """
    mx = metrics or Metrics()
    ordered = sorted(iterations, key=lambda it: it.start)
    known = {it.id for it in ordered if it.id is not None}
    team_ids = {t.id for t in teams}
    row_specs: list[tuple[int, str]] = [(MILESTONE_ROW, "Milestones")]
    row_specs += [(t.id or 0, t.name) for t in sorted(teams, key=lambda t: (t.position, t.id))]
    if any(f.team_id is None or f.team_id not in team_ids for f in features):
        row_specs.append((NO_TEAM, "No team"))

    col_specs: list[tuple[int, str, str, bool]] = [(UNPLANNED, "Unplanned", "not scheduled", False)]
    col_specs += [
        (it.id or 0, it.name, f"{it.start:%d %b} – {it.end:%d %b}", it.is_ip) for it in ordered
    ]

    cells: dict[tuple[int, int], list[tuple[str, int]]] = {}
    for feature in sorted(features, key=lambda f: (f.position, f.id or 0)):
        row = feature.team_id if feature.team_id in team_ids else NO_TEAM
        cell_key = (row or NO_TEAM, _column_of(feature.iteration_id, known))
        cells.setdefault(cell_key, []).append(("f", feature.id or 0))
    for milestone in sorted(milestones, key=_milestone_order):
        column = _milestone_column(milestone, ordered)
        cells.setdefault((MILESTONE_ROW, column), []).append(("m", milestone.id or 0))

    step = mx.card_h + mx.gap
    rows: list[Row] = []
    y = mx.header_h
    width = mx.header_w + mx.column_w * len(col_specs)
    for key, title in row_specs:
        fullest = max((len(v) for (r, _c), v in cells.items() if r == key), default=0)
        height = max(mx.min_row_h, mx.gap + fullest * step)
        rows.append(Row(key, title, Rect(mx.header_w, y, width - mx.header_w, height)))
        y += height
    height = y
    columns = tuple(
        Column(
            key,
            title,
            subtitle,
            Rect(mx.header_w + i * mx.column_w, mx.header_h, mx.column_w, height - mx.header_h),
            is_ip,
        )
        for i, (key, title, subtitle, is_ip) in enumerate(col_specs)
    )
    layout = BoardLayout(mx, columns, tuple(rows), width=width, height=height)
    inset = (mx.column_w - mx.card_w) / 2
    for (row_key, column_key), items in cells.items():
        cell = layout.cell(row_key, column_key)
        for index, (kind, item_id) in enumerate(items):
            rect = Rect(cell.x + inset, cell.y + mx.gap + index * step, mx.card_w, mx.card_h)
            (layout.cards if kind == "f" else layout.milestones)[item_id] = rect
    return layout


def _milestone_order(milestone: Milestone) -> tuple[bool, dt.date, int]:
    return (milestone.day is None, milestone.day or dt.date.min, milestone.id or 0)


def _milestone_column(milestone: Milestone, ordered: Sequence[Iteration]) -> int:
    known = {it.id for it in ordered}
    if milestone.iteration_id in known and milestone.iteration_id is not None:
        return milestone.iteration_id
    if milestone.day is not None:
        for iteration in ordered:
            if iteration.start <= milestone.day <= iteration.end:
                return iteration.id or UNPLANNED
    return UNPLANNED


Point = tuple[float, float]


def edge_path(a: Rect, b: Rect) -> tuple[Point, Point, Point, Point]:
    """A cubic Bézier (start, control 1, control 2, end) from card ``a`` to card ``b``.

    Lines leave from the side facing the other card; cards in the same column are joined
    through their right edges with a bulge, so the line never hides under a card.
    """
    if b.x >= a.right:
        start, end = (a.right, a.center[1]), (b.x, b.center[1])
        bend = max(30.0, (end[0] - start[0]) / 2)
        return start, (start[0] + bend, start[1]), (end[0] - bend, end[1]), end
    if b.right <= a.x:
        start, end = (a.x, a.center[1]), (b.right, b.center[1])
        bend = max(18.0, (start[0] - end[0]) / 2)
        return start, (start[0] - bend, start[1]), (end[0] + bend, end[1]), end
    start, end = (a.right, a.center[1]), (b.right, b.center[1])
    bulge = 28.0 + abs(end[1] - start[1]) / 6
    return start, (start[0] + bulge, start[1]), (end[0] + bulge, end[1]), end


def bezier_point(path: tuple[Point, Point, Point, Point], t: float) -> Point:
    """The point at ``t`` (0..1) of a cubic Bézier, for placing a line's label."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = path
    u = 1 - t
    x = u**3 * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t**3 * x3
    y = u**3 * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t**3 * y3
    return (x, y)


# Where along a line its label is tried: the middle first, then outwards in both directions.
_LABEL_STEPS = tuple(sorted((i / 20 for i in range(1, 20)), key=lambda t: (abs(t - 0.5), t)))


def _overlap(a: Rect, b: Rect) -> float:
    width = min(a.right, b.right) - max(a.x, b.x)
    height = min(a.bottom, b.bottom) - max(a.y, b.y)
    return max(0.0, width) * max(0.0, height)


def label_rect(
    path: tuple[Point, Point, Point, Point],
    size: tuple[float, float],
    obstacles: Sequence[Rect],
    taken: Sequence[Rect] = (),
    soft: Sequence[Rect] = (),
) -> Rect:
    """A spot on the line for its label that hides as little as possible.

    Args:
        path: the line.
        size: the label's width and height.
        obstacles: what must stay readable (the text on the cards).
        taken: labels already placed (never covered when avoidable).
        soft: what may be covered at a small cost (the empty parts of cards).

    Returns:
        The first spot that covers nothing (the middle of the line first), else the cheapest.
    """
    w, h = size
    best: tuple[float, Rect] | None = None
    points = [bezier_point(path, t) for t in (*_LABEL_STEPS, 0.0, 1.0)]
    # Only what lies near the line can be covered (a Bézier stays inside its control points).
    xs, ys = [p[0] for p in path], [p[1] for p in path]
    reach = Rect(
        min(xs) - w, min(ys) - 2.5 * h, max(xs) - min(xs) + 2 * w, max(ys) - min(ys) + 5 * h
    )
    obstacles = [o for o in obstacles if o.intersects(reach)]
    soft = [o for o in soft if o.intersects(reach)]
    taken = [o for o in taken if o.intersects(reach)]
    # On the line first; then just under or over it, where a card's lower part is often empty.
    for shift in (0.0, 0.9, -0.9, 1.5, -1.5):
        for x, y in points:
            for share in (0.5, 1.0, 0.0):  # centred on the point, or beside it
                rect = Rect(x - w * share, y - h / 2 + shift * h, w, h)
                cost = sum(10 * _overlap(rect, o) for o in obstacles)
                cost += sum(_overlap(rect, o) for o in soft)
                cost += sum(1e6 for o in taken if rect.intersects(o))
                if cost == 0:
                    return rect
                cost += abs(shift) * w * h  # prefer labels on their line
                if best is None or cost < best[0]:
                    best = (cost, rect)
    assert best is not None
    return best[1]

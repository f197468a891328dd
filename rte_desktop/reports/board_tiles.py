"""How the board poster is cut into pages: tile edges at column and row boundaries, and the zoom.

Pure arithmetic over the board layout (no drawing): ``cuts`` finds balanced edges along one
axis, ``tiles`` the page windows at a zoom, ``plan_tiles`` the largest zoom that needs no more
pages than 100 %.
"""

from __future__ import annotations

from collections.abc import Sequence

from rte_desktop.reports.board_poster_data import BoardPosterData

STRIP_H = 48.0  # the tile's title, subtitle and line legend above the board


def _greedy_cuts(boundaries: Sequence[float], start: float, end: float, room: float) -> list[float]:
    edges = [start]
    while edges[-1] < end - 0.5:
        here = edges[-1]
        fitting = [b for b in boundaries if here < b <= here + room]
        edges.append(max(fitting) if fitting else min(here + room, end))
    return edges


def cuts(boundaries: Sequence[float], start: float, end: float, room: float) -> list[float]:
    """Tile edges from ``start`` to ``end``, at column/row boundaries, each piece <= ``room``.

    As few tiles as the greedy cut needs, but balanced: each cut is the boundary nearest to
    an even share, so the last page is not a thin strip. A piece wider than ``room`` with no
    boundary inside is cut hard.
    """
    greedy = _greedy_cuts(boundaries, start, end, room)
    count = len(greedy) - 1
    if count <= 1:
        return greedy
    share = (end - start) / count
    edges = [start]
    for k in range(1, count):
        here = edges[-1]
        fitting = [b for b in boundaries if here < b <= here + room]
        if not fitting:
            return greedy
        edges.append(min(fitting, key=lambda b: abs(b - (start + k * share))))
    if end - edges[-1] > room + 1e-6:  # the last piece must fit too (no half-point slack)
        return greedy
    return [*edges, end]


def tiles(
    data: BoardPosterData, frame: tuple[float, float], zoom: float = 1.0
) -> list[tuple[float, float, float, float]]:
    """The windows (x0, y0, x1, y1) in board units, row of tiles by row of tiles."""
    layout = data.layout
    mx = layout.metrics
    room_w = frame[0] / zoom - mx.header_w
    room_h = frame[1] / zoom - STRIP_H - mx.header_h
    xs = cuts([c.rect.right for c in layout.columns], mx.header_w, layout.width, room_w)
    ys = cuts([r.rect.bottom for r in layout.rows], mx.header_h, layout.height, room_h)
    return [
        (xs[i], ys[j], xs[i + 1], ys[j + 1]) for j in range(len(ys) - 1) for i in range(len(xs) - 1)
    ]


MAX_ZOOM = 1.6


def plan_tiles(
    data: BoardPosterData, frame: tuple[float, float]
) -> tuple[float, list[tuple[float, float, float, float]]]:
    """The zoom and windows: as few pages as at 100 %, then as large as those pages allow.

    Never smaller than 100 % (the board's readable size); at most ``MAX_ZOOM``.
    """
    windows = tiles(data, frame)
    zoom = MAX_ZOOM
    while zoom > 1.0:
        bigger = tiles(data, frame, zoom)
        if len(bigger) <= len(windows):
            return zoom, bigger
        zoom = round(zoom - 0.02, 4)
    return 1.0, windows

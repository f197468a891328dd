"""Turn a ``BoardData`` into the plain data the board poster draws, and write the PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rte_desktop.domain.board_layout import Metrics, edge_path, layout_board
from rte_desktop.domain.errors import ValidationError
from rte_desktop.services.board.board_data import BoardData, short_iteration_name
from rte_desktop.services.common.files import write_atomically

# Points: a card is about 48 x 16 mm, readable at arm's length on a wall.
POSTER_METRICS = Metrics(
    header_w=110, header_h=40, column_w=150, card_w=124, card_h=46, gap=8, min_row_h=60
)


def write_board_poster(board: BoardData, out: Path, paper: str, today: dt.date) -> Path:
    """Render ``board`` as a tiled poster on ``paper`` (a3 or a4) and write it atomically."""
    from rte_desktop.reports.board_poster import render_board_poster
    from rte_desktop.reports.board_poster_data import (
        BoardPosterData,
        PosterCard,
        PosterEdge,
        PosterMilestone,
    )

    paper = paper.lower()
    if paper not in ("a3", "a4"):
        raise ValidationError(f"Unknown paper '{paper}'; use a3 or a4.")
    layout = layout_board(
        board.teams, board.iterations, board.features, board.milestones, POSTER_METRICS
    )
    columns = {it.id: short_iteration_name(it, board.pi.name) for it in board.iterations if it.id}
    cards = [
        PosterCard(
            rect=layout.cards[f.id],
            key=f.key,
            title=f.title,
            kind=f.kind.value,
        )
        for f in board.features
        if f.id in layout.cards
    ]
    milestones = [
        PosterMilestone(
            rect=layout.milestones[m.id],
            title=m.title,
            when=f"{m.day:%d %b %Y}" if m.day else "",
        )
        for m in board.milestones
        if m.id in layout.milestones
    ]
    edges: list[PosterEdge] = []
    for dep in board.dependencies:
        health = board.healths.get(dep.id or 0)
        start = layout.cards.get(dep.provider_id)
        if dep.consumer_milestone_id is not None:
            end = layout.milestones.get(dep.consumer_milestone_id)
        else:
            end = layout.cards.get(dep.consumer_feature_id or 0)
        if health is None or start is None or end is None:
            continue  # an end in another PI: listed below the board instead
        edges.append(PosterEdge(edge_path(start, end), health.health.value, health.label))
    healthy = [h for h in board.healths.values() if not h.is_problem]
    listed = [
        (h.health.value, h.label, board.describe(h), h.explanation)
        for h in board.problems + healthy  # problems first, red before orange
    ]
    data = BoardPosterData(
        title=f"ART Planning Board — {board.pi.name}",
        subtitle=(
            f"{board.art.name} · {len(board.features)} features · "
            f"{len(board.dependencies)} dependencies, {len(board.problems)} with problems · "
            f"printed {today:%d %b %Y}"
        ),
        layout=layout,
        column_titles=columns,
        cards=cards,
        milestones=milestones,
        edges=edges,
        dependencies=listed,
    )
    return write_atomically(out, render_board_poster(data, paper))

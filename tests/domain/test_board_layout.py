"""Board geometry shared by the screen and the poster."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, strategies as st

from rte_desktop.domain import board_layout as bl
from rte_desktop.domain.model import Feature, Iteration, Milestone, Team

TEAMS = [
    Team(id=1, art_id=1, name="Phoenix", position=0),
    Team(id=2, art_id=1, name="Ωmega", position=1),
]
ITS = [
    Iteration(
        id=10 + n,
        pi_id=1,
        number=n,
        name=f"I{n}",
        start=dt.date(2026, 1, 5) + dt.timedelta(weeks=2 * (n - 1)),
        end=dt.date(2026, 1, 18) + dt.timedelta(weeks=2 * (n - 1)),
    )
    for n in range(1, 4)
]


def test_rows_columns_and_stacked_cards() -> None:
    features = [
        Feature(id=1, pi_id=1, team_id=1, iteration_id=11, title="a", position=0),
        Feature(id=2, pi_id=1, team_id=1, iteration_id=11, title="b", position=1),
        Feature(id=3, pi_id=1, team_id=2, iteration_id=None, title="c"),
        Feature(id=4, pi_id=1, team_id=None, iteration_id=13, title="d"),
    ]
    milestones = [Milestone(id=7, pi_id=1, title="Beta", day=dt.date(2026, 2, 4))]
    layout = bl.layout_board(TEAMS, list(reversed(ITS)), features, milestones)
    assert [r.key for r in layout.rows] == [bl.MILESTONE_ROW, 1, 2, bl.NO_TEAM]
    assert [c.key for c in layout.columns] == [bl.UNPLANNED, 11, 12, 13]
    one, two = layout.cards[1], layout.cards[2]
    assert one.x == two.x and two.y > one.bottom
    assert layout.column_at(layout.cards[3].center[0]).key == bl.UNPLANNED
    assert layout.row_at(layout.cards[4].center[1]).key == bl.NO_TEAM
    assert layout.column_at(layout.milestones[7].center[0]).key == 13  # 4 Feb is in I3
    phoenix = next(r for r in layout.rows if r.key == 1)
    assert phoenix.rect.h >= 2 * layout.metrics.card_h
    assert layout.width == layout.columns[-1].rect.right


@given(
    st.lists(
        st.tuples(st.sampled_from([1, 2, None]), st.sampled_from([11, 12, 13, None])), max_size=30
    )
)
def test_cards_never_overlap_and_sit_in_their_cell(places) -> None:
    features = [
        Feature(id=i + 1, pi_id=1, team_id=team, iteration_id=it, title="x", position=i)
        for i, (team, it) in enumerate(places)
    ]
    layout = bl.layout_board(TEAMS, ITS, features, [])
    rects = list(layout.cards.values())
    for i, a in enumerate(rects):
        for b in rects[i + 1 :]:
            assert not a.intersects(b)
    for feature in features:
        x, y = layout.cards[feature.id].center
        assert layout.column_at(x).key == (feature.iteration_id or bl.UNPLANNED)
        assert layout.row_at(y).key == (feature.team_id or bl.NO_TEAM)


def test_edges_leave_from_the_facing_side_and_labels_avoid_cards() -> None:
    a, b = bl.Rect(0, 0, 100, 40), bl.Rect(200, 100, 100, 40)
    path = bl.edge_path(a, b)
    assert path[0] == (100, 20) and path[-1] == (200, 120)
    back = bl.edge_path(b, a)
    assert back[0] == (200, 120) and back[-1] == (100, 20)
    same_column = bl.edge_path(a, bl.Rect(0, 60, 100, 40))
    assert same_column[1][0] > a.right  # bulges out to the right
    spot = bl.label_rect(path, (40, 12), [a, b])
    assert not spot.intersects(a) and not spot.intersects(b)
    second = bl.label_rect(path, (40, 12), [a, b], [spot])
    assert not second.intersects(spot)

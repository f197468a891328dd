"""The objectives service on a real SQLite file: edits, order, moves, refusals, predictability."""

from __future__ import annotations

import pytest

from rte_desktop.domain.errors import ValidationError
from rte_desktop.services.common.changes import Area
from rte_desktop.workspace import Workspace


def _scope(ws: Workspace) -> tuple[int, list[int]]:
    pi = ws.train.find_pi(None, None)
    teams = [t.id for t in ws.train.teams(pi.art_id)]
    return pi.id, teams


def test_add_update_and_changes_are_published(demo_ws: Workspace) -> None:
    pi_id, teams = _scope(demo_ws)
    seen = []
    demo_ws.listeners.append(seen.append)
    before = len(demo_ws.objectives.objectives(pi_id, teams[0]))
    outcome = demo_ws.objectives.add(pi_id, teams[0], "  Ship <it> & smile  ", planned_bv=7)
    assert outcome.changes.touches(Area.OBJECTIVES) and seen == [outcome.changes]
    new = outcome.value
    assert (new.text, new.position, new.committed) == ("Ship <it> & smile", before, True)
    updated = demo_ws.objectives.update(new.id, committed=False, actual_bv=0, notes="n").value
    assert (updated.committed, updated.actual_bv, updated.planned_bv) == (False, 0, 7)
    assert demo_ws.objectives.get(new.id) == updated


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"planned_bv": 11}, "from 1 to 10"),
        ({"planned_bv": 0}, "from 1 to 10"),
        ({"actual_bv": 11}, "from 0 to 10"),
        ({"actual_bv": -1}, "from 0 to 10"),
        ({"text": "   "}, "needs some text"),
        ({"colour": "red"}, "no field colour"),
    ],
)
def test_bad_values_are_refused_and_change_nothing(demo_ws: Workspace, fields, words) -> None:
    pi_id, teams = _scope(demo_ws)
    first = demo_ws.objectives.objectives(pi_id, teams[0])[0]
    with pytest.raises(ValidationError, match=words):
        demo_ws.objectives.update(first.id, **fields)
    assert demo_ws.objectives.get(first.id) == first


def test_a_business_value_of_11_is_not_added(demo_ws: Workspace) -> None:
    pi_id, teams = _scope(demo_ws)
    before = demo_ws.objectives.objectives(pi_id)
    with pytest.raises(ValidationError, match="Planned business value .* 1 to 10; got 11"):
        demo_ws.objectives.add(pi_id, teams[0], "Too valuable", planned_bv=11)
    assert demo_ws.objectives.objectives(pi_id) == before


def test_move_reorder_and_positions_stay_dense(demo_ws: Workspace) -> None:
    pi_id, teams = _scope(demo_ws)
    ids = [o.id for o in demo_ws.objectives.objectives(pi_id, teams[0])]
    previous = demo_ws.objectives.move(ids[2], -1).value
    assert previous == ids
    now = demo_ws.objectives.objectives(pi_id, teams[0])
    assert [o.id for o in now] == [ids[0], ids[2], ids[1], *ids[3:]]
    assert [o.position for o in now] == list(range(len(ids)))
    demo_ws.objectives.move(ids[0], -5)  # already first: stays
    assert demo_ws.objectives.objectives(pi_id, teams[0])[0].id == ids[0]
    demo_ws.objectives.reorder(pi_id, teams[0], previous)
    assert [o.id for o in demo_ws.objectives.objectives(pi_id, teams[0])] == ids
    with pytest.raises(ValidationError):
        demo_ws.objectives.reorder(pi_id, teams[0], ids[:-1])


def test_move_to_team_and_back_restores_both_lists(demo_ws: Workspace) -> None:
    pi_id, teams = _scope(demo_ws)
    a = [o.id for o in demo_ws.objectives.objectives(pi_id, teams[0])]
    b = [o.id for o in demo_ws.objectives.objectives(pi_id, teams[1])]
    old = demo_ws.objectives.move_to_team(a[1], teams[1]).value
    assert [o.id for o in demo_ws.objectives.objectives(pi_id, teams[1])] == [*b, a[1]]
    assert [o.position for o in demo_ws.objectives.objectives(pi_id, teams[0])] == list(
        range(len(a) - 1)
    )
    demo_ws.objectives.move_to_team(a[1], old.team_id, old.position)
    assert [o.id for o in demo_ws.objectives.objectives(pi_id, teams[0])] == a
    assert [o.id for o in demo_ws.objectives.objectives(pi_id, teams[1])] == b


def test_delete_then_restore_is_exact(demo_ws: Workspace) -> None:
    pi_id, teams = _scope(demo_ws)
    before = demo_ws.objectives.objectives(pi_id, teams[2])
    deleted = demo_ws.objectives.delete(before[3].id).value
    assert len(demo_ws.objectives.objectives(pi_id, teams[2])) == len(before) - 1
    demo_ws.objectives.restore(deleted)
    assert demo_ws.objectives.objectives(pi_id, teams[2]) == before


def test_a_team_of_another_art_is_refused(demo_ws: Workspace) -> None:
    from rte_desktop.services.train.train import NewTrain

    pi_id, _ = _scope(demo_ws)
    other = demo_ws.train.create_train(
        NewTrain(name="Other", teams=["Solo"], first_pi_start=demo_ws.clock.now().date())
    ).value
    solo = demo_ws.train.teams(other.id)[0]
    with pytest.raises(ValidationError, match="another ART"):
        demo_ws.objectives.add(pi_id, solo.id, "x")


def test_predictability_per_team_and_art_is_ratio_of_sums(demo_ws: Workspace) -> None:
    pi_id, teams = _scope(demo_ws)
    first_pi = demo_ws.train.pis(demo_ws.train.pi(pi_id).art_id)[0]
    result = demo_ws.objectives.predictability(first_pi.id)
    assert result.assessed
    for line in result.teams:
        own = demo_ws.objectives.objectives(first_pi.id, line.team.id)
        assert line.performance.planned == sum(o.planned_bv for o in own if o.committed)
        assert line.performance.actual == sum(o.actual_bv or 0 for o in own)
    planned = sum(line.performance.planned for line in result.teams)
    actual = sum(line.performance.actual for line in result.teams)
    assert result.art.percent == pytest.approx(actual / planned * 100)
    current = demo_ws.objectives.predictability(pi_id)
    assert not current.assessed and current.art.actual == 0


def test_history_covers_every_pi_in_order(demo_ws: Workspace) -> None:
    pi_id, _ = _scope(demo_ws)
    art_id = demo_ws.train.pi(pi_id).art_id
    history = demo_ws.objectives.history(art_id)
    assert [h.pi.name for h in history] == [p.name for p in demo_ws.train.pis(art_id)]
    assert [h.assessed for h in history] == [True, False, False]
    assert history[0].art == demo_ws.objectives.predictability(history[0].pi.id).art


def test_team_without_committed_value_is_na(ws: Workspace) -> None:
    import datetime as dt

    from rte_desktop.services.train.train import NewTrain

    art = ws.train.create_train(
        NewTrain(name="A", teams=["T"], first_pi_start=dt.date(2026, 11, 2))
    ).value
    pi = ws.train.pis(art.id)[0]
    team = ws.train.teams(art.id)[0]
    ws.objectives.add(pi.id, team.id, "Stretch", committed=False, planned_bv=5, actual_bv=5)
    result = ws.objectives.predictability(pi.id)
    assert result.teams[0].performance.label() == "n/a"
    assert result.art.percent is None

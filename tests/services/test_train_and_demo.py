import datetime as dt

import pytest

from rte_desktop.domain import model as m
from rte_desktop.domain.errors import ValidationError
from rte_desktop.services.common.changes import Area, Changes
from rte_desktop.services.train.train import NewTrain
from rte_desktop.workspace import Workspace


def test_create_train_makes_teams_pis_and_iterations(ws: Workspace) -> None:
    seen: list[Changes] = []
    ws.listeners.append(seen.append)
    outcome = ws.train.create_train(
        NewTrain(
            name="Aurora", teams=["Ωmega", "李雷"], first_pi_start=dt.date(2027, 1, 4), pi_count=2
        )
    )
    art = outcome.value
    assert outcome.changes.touches(Area.TRAIN)
    assert seen == [outcome.changes]
    assert [t.name for t in ws.train.teams(art.id)] == ["Ωmega", "李雷"]
    pis = ws.train.pis(art.id)
    assert [p.name for p in pis] == ["PI 2027.1", "PI 2027.2"]
    iterations = ws.train.iterations(pis[0].id)
    assert len(iterations) == 5 and iterations[-1].is_ip
    assert pis[0].end == dt.date(2027, 3, 14)


def test_create_train_refuses_bad_input_and_writes_nothing(ws: Workspace) -> None:
    with pytest.raises(ValidationError):
        ws.train.create_train(
            NewTrain(name="X", teams=["A"], first_pi_start=dt.date(2027, 1, 4), iteration_weeks=0)
        )
    with pytest.raises(ValidationError):
        ws.train.create_train(NewTrain(name=" ", teams=["A"], first_pi_start=dt.date(2027, 1, 4)))
    assert ws.train.is_empty()


def test_demo_train_has_everything_the_brief_asks_for(demo_ws: Workspace) -> None:
    art = demo_ws.train.arts()[0]
    teams = demo_ws.train.teams(art.id)
    assert len(teams) == 8
    assert "Ωmega" in {t.name for t in teams}
    pis = demo_ws.train.pis(art.id)
    assert len(pis) == 3
    today = dt.date(2026, 11, 25)
    assert pis[0].end < today and pis[1].contains(today) and pis[2].start > today
    assert demo_ws.train.current_pi(art.id) == pis[1]
    with demo_ws.uow() as uow:
        for team in teams:
            objectives = uow.find(m.Objective, pi_id=pis[1].id, team_id=team.id)
            assert 7 <= len(objectives) <= 10
            assert {o.committed for o in objectives} == {True, False}
        finished = uow.find(m.Objective, pi_id=pis[0].id)
        assert all(o.actual_bv is not None for o in finished)
        assert {r.status for r in uow.find(m.Risk, pi_id=pis[1].id)} == set(m.RoamStatus)
        art_rounds = uow.find(m.VoteRound, pi_id=pis[1].id, team_id=None)
        assert [r.round_no for r in art_rounds] == [1, 2]
        assert art_rounds[1].previous_id == art_rounds[0].id
        assert uow.count(m.Workshop) == 1 and uow.count(m.Cause) > 5
        assert uow.count(m.AgendaItem) == 14
        assert uow.count(m.Dependency) >= 4
        names = {a.voter for a in uow.find(m.Ballot)} | {
            i.owner for i in uow.find(m.ImprovementItem)
        }
        assert "李雷" in names and "Zoë Ñúñez" in names


def test_find_pi_by_name_or_current(demo_ws: Workspace) -> None:
    assert demo_ws.train.find_pi(None, "pi 2026.2").name == "PI 2026.2"
    assert demo_ws.train.find_pi(None, None).name == "PI 2026.2"
    with pytest.raises(ValidationError, match="Known PIs: PI 2026.1"):
        demo_ws.train.find_pi(None, "PI 1999.1")


def test_history_demo_scales_with_years_and_teams(ws: Workspace) -> None:
    art_id = ws.demo.create(years=2, teams=3).value
    pis = ws.train.pis(art_id)
    assert len(pis) == 10
    assert ws.train.current_pi(art_id) == pis[-2]
    with ws.uow() as uow:
        assert uow.count(m.Objective) == 10 * 3 * 10
        assert uow.count(m.Risk) == 10 * 60
        assert uow.count(m.Workshop) == 10 * 10
        assert uow.count(m.TimerEvent) == 10 * 14
        finished = uow.find(m.Objective, pi_id=pis[0].id)
        assert all(o.actual_bv is not None for o in finished)


def test_demo_refuses_silly_sizes(ws: Workspace) -> None:
    with pytest.raises(ValidationError):
        ws.demo.create(years=0)
    assert ws.train.is_empty()


def test_today_is_the_arts_date_not_utcs(demo_ws: Workspace) -> None:
    art = demo_ws.train.arts()[0]  # Europe/Berlin
    demo_ws.clock.advance(15 * 3600 + 30 * 60)  # 23:30 UTC = 00:30 in Berlin, the next day
    assert demo_ws.clock.now().date() == dt.date(2026, 11, 25)
    assert demo_ws.train.today(art.id) == dt.date(2026, 11, 26)
    assert demo_ws.train.today(None) == dt.date(2026, 11, 25)

"""Crash trials against a PostgreSQL server: a client SIGKILLed mid-write loses nothing it
reported and leaves no half transaction (the server enforces the keys; we check the rest)."""

from __future__ import annotations

import random

import pytest

from rte_desktop.domain.model import Art, Iteration, PlanningInterval, Team
from rte_desktop.workspace import open_workspace
from tests.pg_server import PgServer
from tests.safety.crash_child import TEAMS_PER_NEW_TRAIN
from tests.safety.crash_harness import run_and_kill
from tests.safety.test_crash import _kill_point, _when

TRIALS = [3, pytest.param(50, marks=pytest.mark.slow, id="50-slow")]


@pytest.mark.parametrize("trials", TRIALS)
def test_killed_client_on_a_server_loses_nothing_reported(
    trials: int,
    pg_server: PgServer,
    pg_demo_template: str,
    rng: random.Random,  # noqa: F811
) -> None:
    url = pg_server.url(pg_server.create_database(template=pg_demo_template))
    teams: set[int] = set()
    arts: set[int] = set()
    killed = 0
    for number in range(trials):
        wanted, delay = _kill_point(rng, 25)
        trial = run_and_kill(["edits", url], when=_when(wanted), delay=delay)
        assert "Traceback" not in trial.stderr, f"trial {number}: the child failed:\n{trial.stderr}"
        killed += trial.killed
        teams.update(trial.reported("team"))
        arts.update(trial.reported("art"))
        ws = open_workspace(url)
        try:
            with ws.uow() as uow:
                missing = teams - {t.id for t in uow.find(Team)}
                assert not missing, f"trial {number}: reported teams lost: {sorted(missing)}"
                for art in uow.find(Art):
                    if art.name.startswith("Crash ART"):  # whole or absent, never half
                        assert uow.count(Team, art_id=art.id) == TEAMS_PER_NEW_TRAIN
                        pis = uow.find(PlanningInterval, art_id=art.id)
                        assert len(pis) == 1
                        assert uow.count(Iteration, pi_id=pis[0].id) == 5
                assert arts <= {a.id for a in uow.find(Art)}, f"trial {number}: lost an ART"
        finally:
            ws.close()
    assert killed == trials, "every trial must end in a SIGKILL, not a clean exit"
    assert teams, "the child never reported a write: the trials proved nothing"

"""Several processes write to one train at once: nothing is lost, the counts add up."""

from __future__ import annotations

import subprocess
import sys

from rte_desktop.workspace import Workspace

WRITER = """
import sys
from rte_desktop.workspace import open_workspace

url, pi_id, name, count = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
ws = open_workspace(url)
for n in range(count):
    ws.risks.add(pi_id, f"{name} risk {n}")
    ws.objectives.add(pi_id, ws.train.teams(ws.train.arts()[0].id)[0].id, f"{name} objective {n}")
ws.close()
"""


def test_three_processes_add_rows_at_once_and_none_is_lost(demo_ws: Workspace, db_url: str) -> None:
    art = demo_ws.train.arts()[0]
    pi = demo_ws.train.current_pi(art.id)
    risks_before = len(demo_ws.risks.risks(pi.id))
    objectives_before = len(demo_ws.objectives.objectives(pi.id))
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, db_url, str(pi.id), f"w{k}", "12"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for k in range(3)
    ]
    for writer in writers:
        _out, err = writer.communicate(timeout=180)
        assert writer.returncode == 0, err
    titles = [r.title for r in demo_ws.risks.risks(pi.id)]
    assert len(titles) == risks_before + 36
    assert {f"w{k} risk {n}" for k in range(3) for n in range(12)} <= set(titles)
    objectives = demo_ws.objectives.objectives(pi.id)
    assert len(objectives) == objectives_before + 36
    # Positions within a team stay distinct although three processes numbered them at once.
    by_team: dict[int, list[int]] = {}
    for objective in objectives:
        by_team.setdefault(objective.team_id, []).append(objective.position)
    assert all(len(set(p)) == len(p) for p in by_team.values())
    positions = [r.position for r in demo_ws.risks.risks(pi.id) if r.title[:1] == "w"]
    assert len(set(positions)) == len(positions) == 36

"""The process the crash trials kill: it writes through the services and reports each commit.

Run from the repository root as ``python -m tests.safety.crash_child MODE DB [ARG]``. It prints
``ready`` once the file is open, then one line per committed write (``done <kind> <id>``),
flushed at once, so the parent knows exactly what the app would have shown as done when it
sends SIGKILL. It never stops by itself except in ``import`` mode.

Modes:
    edits DB          add teams and whole new trains (ART + teams + PI + iterations) forever
    import DB JSON    import a JSON export into the empty file DB, then print ``done import``
    timer DB AGENDA   append TimerEvent rows to agenda AGENDA through a unit of work forever
"""

from __future__ import annotations

import datetime as dt
import itertools
import sys
from pathlib import Path

from rte_desktop.domain.model import TimerAction, TimerEvent
from rte_desktop.services.train.train import NewTrain
from rte_desktop.workspace import Workspace, open_workspace

TEAMS_PER_NEW_TRAIN = 3


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def edits(ws: Workspace) -> None:
    art_id = ws.train.arts()[0].id
    assert art_id is not None
    start = dt.date(2027, 1, 4)
    for n in itertools.count():
        if n % 4 == 3:  # a bigger transaction touching four tables
            art = ws.train.create_train(
                NewTrain(
                    name=f"Crash ART {n}",
                    teams=[f"Crash team {n}.{k}" for k in range(TEAMS_PER_NEW_TRAIN)],
                    first_pi_start=start,
                )
            ).value
            say(f"done art {art.id}")
        else:
            team = ws.train.add_team(art_id, f"Crash team {n}").value
            say(f"done team {team.id}")


def import_json(ws: Workspace, source: Path) -> None:
    say("importing")
    count = ws.transfer.import_json(source).value
    say(f"done import {count}")


def timer(ws: Workspace, agenda_id: int) -> None:
    actions = [TimerAction.START, TimerAction.PAUSE, TimerAction.RESUME, TimerAction.EXTEND]
    with ws.uow() as uow:
        first = uow.count(TimerEvent, agenda_id=agenda_id)
    for seq in itertools.count(first):
        with ws.uow() as uow:
            row = uow.add(
                TimerEvent(
                    agenda_id=agenda_id,
                    seq=seq,
                    action=actions[seq % len(actions)],
                    amount_s=300 if seq % len(actions) == 3 else 0,
                    wall=ws.clock.now(),
                    mono=ws.clock.monotonic(),
                )
            )
        say(f"done timer {row.id}")


def main(argv: list[str]) -> int:
    mode, db = argv[0], Path(argv[1])
    ws = open_workspace(db)
    say("ready")
    if mode == "edits":
        edits(ws)
    elif mode == "import":
        import_json(ws, Path(argv[2]))
    elif mode == "timer":
        timer(ws, int(argv[2]))
    else:
        raise SystemExit(f"unknown mode {mode}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""The process the crash trials kill: it writes through the services and reports each commit.

Run from the repository root as ``python -m tests.safety.crash_child MODE DB [ARG]``. It prints
``ready`` once the file is open, then one line per committed write (``done <kind> <id>``),
flushed at once, so the parent knows exactly what the app would have shown as done when it
sends SIGKILL. It never stops by itself except in ``import`` mode.

Modes:
    edits DB          add teams and whole new trains (ART + teams + PI + iterations) forever
    import DB JSON    import a JSON export into the empty file DB, then print ``done import``
    timer DB AGENDA   drive agenda AGENDA's timer through the agenda timer service forever
                      (Space, N, P, J, +/- and reset, as the keys do); each line carries the
                      run the app would show after that command: ``done timer <id> <run>``
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random
import sys
from pathlib import Path

from rte_desktop.domain.agenda_timer import TimerRun
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


def run_summary(run: TimerRun) -> str:
    """The replayed run as one canonical line: what the panel and the wall would show."""

    def moment(value: dt.datetime | None) -> str | None:
        return value.isoformat() if value is not None else None

    shown = run.at(run.last) if run.last is not None else None
    summary = {
        "current": run.current_id,
        "flags": [run.started, run.running, run.paused, run.finished],
        "last": [moment(run.last.wall), run.last.mono] if run.last else None,
        "items": {
            str(item_id): [
                round(item.elapsed_s, 6),
                item.extension_s,
                moment(item.first_start),
                moment(item.last_stop),
            ]
            for item_id, item in sorted(run.runs.items())
        },
        "shown": None
        if shown is None
        else [shown.state.value, shown.item.id if shown.item else None, round(shown.elapsed_s, 6)],
    }
    return json.dumps(summary, sort_keys=True, separators=(",", ":"))


def timer(ws: Workspace, agenda_id: int) -> None:
    """Press the timer's keys at random, through the service, as the agenda panel does."""
    service = ws.agenda_timer
    items = [item.id for item in service.run_data(agenda_id).items]
    pick = random.Random(len(service.run_data(agenda_id).events))
    for _ in itertools.count():
        roll = pick.random()
        if roll < 0.35:
            outcome = service.toggle(agenda_id)  # Space
            if outcome is None:  # the run has finished: J on a row goes on
                outcome = service.jump(agenda_id, pick.choice(items))
        elif roll < 0.55:
            outcome = service.next(agenda_id)  # N
        elif roll < 0.65:
            outcome = service.previous(agenda_id)  # P
        elif roll < 0.85:
            outcome = service.extend(agenda_id, pick.choice([-300, -60, 60, 300]))
        elif roll < 0.97:
            outcome = service.jump(agenda_id, pick.choice(items))  # J
        else:
            outcome = service.reset(agenda_id)
        shown = service.run_data(agenda_id).run()  # what the panel reloads after the command
        say(f"done timer {outcome.value.id} {run_summary(shown)}")


def main(argv: list[str]) -> int:
    mode, db = argv[0], argv[1]  # a file path or a server URL
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

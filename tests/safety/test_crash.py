"""Crash safety, proved: a child writes through the services and is SIGKILLed at random moments.

After every kill the file passes ``PRAGMA integrity_check`` and ``foreign_key_check``, every write
the child reported as done is there, and no transaction is half there. A few trials run by
default; ``make slow`` (``-m slow``) runs 200 per scenario. ``RTE_CRASH_SEED`` replays a run.
"""

from __future__ import annotations

import json
import random
import time
from collections import Counter
from pathlib import Path

import pytest

from rte_desktop.domain.agenda_timer import replay
from rte_desktop.domain.model import Agenda, Art, Iteration, PlanningInterval, Team
from rte_desktop.services.transfer import json_format
from rte_desktop.workspace import open_workspace
from tests.safety.crash_child import TEAMS_PER_NEW_TRAIN, run_summary
from tests.safety.crash_harness import Trial, child_count, integrity, run_and_kill

TRIALS = [5, pytest.param(200, marks=pytest.mark.slow, id="200-slow")]


def _assert_clean(trial: Trial, db: Path, number: int) -> None:
    assert "Traceback" not in trial.stderr, f"trial {number}: the child failed:\n{trial.stderr}"
    verdict, orphans = integrity(db)
    assert verdict == "ok", f"trial {number}: integrity_check says {verdict}"
    assert orphans == [], f"trial {number}: rows point at missing rows: {orphans[:5]}"


def _kill_point(rng: random.Random, most_lines: int) -> tuple[int, float]:
    """How many reported writes to wait for, then how long to wait before SIGKILL.

    One trial in eight kills at a random moment of start-up (before ``ready``: imports, the
    read-only check, the first connection); the rest kill between or inside writes.
    """
    if rng.random() < 0.125:
        return -1, rng.uniform(0.0, 0.6)
    return rng.randint(0, most_lines), rng.uniform(0.0, 0.004)


def _when(lines_wanted: int):
    if lines_wanted < 0:
        return lambda lines: True
    return lambda lines: child_count(lines) >= lines_wanted and "ready" in lines


@pytest.mark.parametrize("trials", TRIALS)
def test_killed_during_edits_loses_nothing_reported(
    trials: int, tmp_path: Path, copy_template, rng: random.Random
) -> None:
    db = copy_template("demo", tmp_path / "train.sqlite")
    teams: set[int] = set()
    arts: set[int] = set()
    killed = 0
    for number in range(trials):
        wanted, delay = _kill_point(rng, 25)
        trial = run_and_kill(["edits", str(db)], when=_when(wanted), delay=delay)
        killed += trial.killed
        teams.update(trial.reported("team"))
        arts.update(trial.reported("art"))
        _assert_clean(trial, db, number)
        ws = open_workspace(db)
        try:
            with ws.uow() as uow:
                stored_teams = {t.id for t in uow.find(Team)}
                missing = teams - stored_teams
                assert not missing, f"trial {number}: reported teams lost: {sorted(missing)}"
                for art in uow.find(Art):
                    assert art.id is not None
                    if art.name.startswith("Crash ART"):  # whole or absent, never half
                        assert uow.count(Team, art_id=art.id) == TEAMS_PER_NEW_TRAIN
                        pis = uow.find(PlanningInterval, art_id=art.id)
                        assert len(pis) == 1
                        assert uow.count(Iteration, pi_id=pis[0].id) == 5
                assert arts <= {a.id for a in uow.find(Art)}, f"trial {number}: lost an ART"
        finally:
            ws.close()
    print(f"edits: {trials} kills; {len(teams)} teams and {len(arts)} ARTs reported, all there")
    assert killed == trials, "every trial must end in a SIGKILL, not a clean exit"
    assert teams, "the child never reported a write: the trials proved nothing"


@pytest.mark.parametrize("trials", TRIALS)
def test_killed_during_json_import_holds_all_or_nothing(
    trials: int, tmp_path: Path, copy_template, templates, rng: random.Random
) -> None:
    source = templates["demo_json"]
    expected = json.loads(source.read_text("utf-8"))
    rows_expected = sum(len(rows) for rows in expected["tables"].values())
    # Calibrate: how long does the import take from "importing" to "done import"?
    db = copy_template("empty", tmp_path / "calibrate.sqlite")
    marks: dict[str, float] = {}

    def note(lines: list[str]) -> bool:
        if "importing" in lines:
            marks.setdefault("start", time.perf_counter())
        return any(line.startswith("done import") for line in lines)

    run_and_kill(["import", str(db), str(source)], when=note, delay=0)
    span = max(time.perf_counter() - marks["start"], 0.02)

    outcomes: Counter[str] = Counter()
    for number in range(trials):
        db = copy_template("empty", tmp_path / f"import-{number}.sqlite")
        trial = run_and_kill(
            ["import", str(db), str(source)],
            when=lambda lines: "importing" in lines,
            delay=rng.uniform(0.0, span * 1.3),
        )
        _assert_clean(trial, db, number)
        ws = open_workspace(db)
        try:
            data = ws.transfer.export_data()
        finally:
            ws.close()
        rows = sum(len(rows) for rows in data["tables"].values())
        reported = any(line.startswith("done import") for line in trial.lines)
        if rows == 0 and not reported:
            outcomes["nothing"] += 1
        else:
            assert data == expected, (
                f"trial {number}: {rows} of {rows_expected} rows after the kill"
                + (" although the child reported the import done" if reported else "")
            )
            outcomes["all"] += 1
        db.unlink()
    print(f"json import: {trials} kills over {span:.2f} s imports: {dict(outcomes)}")
    if trials >= 50:  # enough kills that both ends must have been hit
        assert outcomes["nothing"] and outcomes["all"], outcomes
    assert sum(outcomes.values()) == trials
    assert rows_expected > 100 and len(json_format.TABLES) == len(expected["tables"])


@pytest.mark.parametrize("trials", TRIALS)
def test_killed_while_driving_the_timer_replays_the_run_it_reported(
    trials: int, tmp_path: Path, copy_template, rng: random.Random
) -> None:
    """The child presses timer keys through the agenda timer service and reports the run.

    After every kill the log holds every reported event, gap-free, plus at most the one event
    committed as the child died; replayed up to each event the child reported, it is exactly
    the run the child showed after that command (the last one above all).
    """
    db = copy_template("demo", tmp_path / "train.sqlite")
    ws = open_workspace(db)
    with ws.uow() as uow:
        agenda_id = uow.find(Agenda)[0].id
    ws.close()
    reported: set[int] = set()
    last_shown: int | None = None  # the last event any trial reported
    actions: Counter[str] = Counter()
    for number in range(trials):
        wanted, delay = _kill_point(rng, 40)
        trial = run_and_kill(["timer", str(db), str(agenda_id)], when=_when(wanted), delay=delay)
        assert trial.killed
        _assert_clean(trial, db, number)
        shown: list[tuple[int, str]] = []
        for line in trial.lines:
            if line.startswith("done timer "):
                _done, _kind, event_id, run = line.split(" ", 3)
                shown.append((int(event_id), run))
        reported.update(event_id for event_id, _run in shown)
        last_shown = shown[-1][0] if shown else last_shown
        ws = open_workspace(db)
        try:
            data = ws.agenda_timer.run_data(agenda_id)
        finally:
            ws.close()
        events = list(data.events)
        ids = [e.id for e in events]
        missing = reported - set(ids)
        assert not missing, f"trial {number}: reported timer events lost: {sorted(missing)}"
        # The log is a gap-free sequence: a later event never survives an earlier one.
        assert [e.seq for e in events] == list(range(1, len(events) + 1))
        end = ids.index(last_shown) + 1 if last_shown is not None else 0
        assert len(ids) - end <= 1, f"trial {number}: unreported events {ids[end:]}"
        for event_id, run in shown:
            upto = ids.index(event_id) + 1
            assert run_summary(replay(data.items, events[:upto])) == run, (
                f"trial {number}: after event {event_id} the replayed run differs from the shown"
            )
        actions = Counter(e.action.value for e in events)
    print(f"timer: {trials} kills; {len(reported)} commands reported; {dict(actions)}")
    assert reported
    if trials >= 50:  # the service's own commands were all exercised
        assert {"start", "pause", "resume", "next", "previous", "extend", "jump"} <= set(actions)

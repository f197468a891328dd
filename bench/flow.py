"""Flow on the 10-year file (about 60,000 work items and 400,000 status changes).

* Import: the file's history written as a status-transition CSV, imported into a fresh train,
  against reading the same CSV with the csv module (the floor of any import) in the same run.
  Target: at most 10 s.
* Monte Carlo: a 10,000-trial "when will 200 items be done" and "how many in 30 days", against
  drawing the same number of random samples with ``random.choices``. Target: under 100 ms.
* Redraw: switching team and window (the Flow panel's recompute), against recomputing the same
  window the plain way (over every item) in the same run. Target: under 200 ms.

Usage: python bench/flow.py DEMO_DB TEN_YEAR_DB
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rte_desktop.domain.flow_forecast import how_many, when_done
from rte_desktop.domain.flow_metrics import load_by_day
from rte_desktop.domain.model import Art, Team
from rte_desktop.workspace import open_workspace


def best_of(runs: int, action: Callable[[], object]) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return min(samples)


def write_transitions(big: str, out: Path) -> tuple[int, list[str]]:
    """The 10-year history as a transition CSV; returns the row count and the team names."""
    ws = open_workspace(big)
    art = ws.train.arts()[0]
    assert art.id is not None
    data = ws.flow.data(art.id)
    rows = 0
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Key", "Type", "Title", "Team", "To Status", "Timestamp"])
        for item in data.items:
            for change in item.history:
                writer.writerow(
                    [
                        item.key,
                        item.work_type or "",
                        item.title,
                        item.team or "",
                        change.status,
                        f"{change.day.isoformat()} 10:00",
                    ]
                )
                rows += 1
    teams = list(data.teams)
    ws.close()
    return rows, teams


def bench_import(big: str, tmp: Path) -> None:
    source = tmp / "history.csv"
    rows, teams = write_transitions(big, source)

    def read_only() -> None:
        with source.open(encoding="utf-8", newline="") as handle:
            for _ in csv.reader(handle):
                pass

    base = best_of(3, read_only)
    target = open_workspace(tmp / "fresh.sqlite")
    with target.uow() as uow:
        art = uow.add(Art(name="Aurora ART"))
        for position, name in enumerate(teams):
            uow.add(Team(art_id=art.id, name=name, position=position))
    assert art.id is not None
    start = time.perf_counter()
    summary = target.flow.import_work_items(art.id, source).value
    took = time.perf_counter() - start
    print(f"  baseline: csv.reader over {rows} rows   {base * 1000:8.0f} ms")
    print(
        f"  import {summary.added} items, {summary.changes_added} changes "
        f"{took * 1000:8.0f} ms  {took / base:6.1f}x  (target <= 10 s: "
        f"{'met' if took <= 10 else 'NOT met'})"
    )
    start = time.perf_counter()
    again = target.flow.import_work_items(art.id, source).value
    took = time.perf_counter() - start
    print(
        f"  re-import (updates {again.updated}, adds {again.changes_added} changes) "
        f"{took * 1000:8.0f} ms  {took / base:6.1f}x"
    )
    target.close()


def bench_monte_carlo() -> None:
    rng = random.Random(7)
    sample = [rng.choice([0, 0, 1, 2, 3, 4, 6]) for _ in range(90)]
    base = best_of(5, lambda: random.Random(1).choices(sample, k=10_000 * 30))
    when = best_of(5, lambda: when_done(sample, 200, seed=1))
    count = best_of(5, lambda: how_many(sample, 30, seed=1))
    print(f"  baseline: 300,000 random.choices draws {base * 1000:6.1f} ms")
    print(
        f"  10,000 trials 'when will 200 be done'  {when * 1000:6.1f} ms  {when / base:5.1f}x"
        f"  (target < 100 ms: {'met' if when < 0.1 else 'NOT met'})"
    )
    print(
        f"  10,000 trials 'how many in 30 days'    {count * 1000:6.1f} ms  {count / base:5.1f}x"
        f"  (target < 100 ms: {'met' if count < 0.1 else 'NOT met'})"
    )


def bench_redraw(big: str) -> None:
    ws = open_workspace(big)
    art = ws.train.arts()[0]
    assert art.id is not None
    start = time.perf_counter()
    data = ws.flow.data(art.id)
    loaded = time.perf_counter() - start
    first, last = ws.flow.window_of_pi(art.id, None)
    teams = list(data.teams)
    times = list(data.times.values())
    base = best_of(3, lambda: load_by_day(times, first, last))
    ws.flow.figures(art.id, None, first, last)  # the panel's first draw builds the ART index
    switches = []
    for index, team in enumerate([None, *teams]):
        shift = dt.timedelta(days=70 * (index % 4))
        start = time.perf_counter()
        ws.flow.figures(art.id, team, first - shift, last - shift)
        switches.append(time.perf_counter() - start)
    worst, median = max(switches), statistics.median(switches)
    print(f"  loading the ART's {len(data.items)} items and history  {loaded * 1000:8.0f} ms")
    print(f"  baseline: load per day the plain way over all items  {base * 1000:6.1f} ms")
    print(
        f"  switch team/window ({len(switches)} switches): median {median * 1000:6.1f} ms, "
        f"worst {worst * 1000:6.1f} ms ({worst / base:4.1f}x; target < 200 ms: "
        f"{'met' if worst < 0.2 else 'NOT met'})"
    )
    ws.close()


def main(big: str) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        bench_import(big, Path(tmp))
    bench_monte_carlo()
    bench_redraw(big)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[-1]))

"""The backlog view (WSJF ranking, Definition of Ready, readiness) on a large backlog, against
reading the same features alone in the same run; and one WSJF keystroke (store + re-read).

Usage: python bench/backlog_wsjf.py DEMO_DB TEN_YEAR_DB (only the demo file is used: a copy
gets 1,000 more backlog features in the next PI).
"""

from __future__ import annotations

import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rte_desktop.domain.kinds import WsjfColumn
from rte_desktop.domain.model import Feature, PlanningInterval
from rte_desktop.domain.wsjf import SCALE
from rte_desktop.workspace import open_workspace

FEATURES = 1000
RUNS = 15


def _median(action: Callable[[], object]) -> float:
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main(demo: str) -> int:
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big-backlog.sqlite"
        shutil.copy(demo, path)
        ws = open_workspace(path)
        with ws.uow() as uow:
            pi = uow.find(PlanningInterval, order_by=["start"])[-1]
            assert pi.id is not None
            uow.add_many(
                [
                    Feature(
                        pi_id=pi.id,
                        key=f"BIG-{n}",
                        title=f"Backlog feature {n}",
                        backlog_position=100 + n,
                        business_value=rng.choice(SCALE),
                        time_criticality=rng.choice(SCALE),
                        risk_reduction=rng.choice(SCALE),
                        job_size=rng.choice(SCALE),
                    )
                    for n in range(FEATURES)
                ]
            )
        pi_id = pi.id

        def read_only() -> None:
            with ws.uow() as uow:
                uow.find(Feature, pi_id=pi_id)

        base = _median(read_only)
        view = _median(lambda: ws.backlog.view(pi_id))
        first = ws.backlog.view(pi_id).rows[0].feature.id or 0
        values = iter(SCALE * RUNS)

        def keystroke() -> None:
            ws.backlog.set_estimate(first, WsjfColumn.BUSINESS_VALUE, next(values))
            ws.backlog.view(pi_id)

        key = _median(keystroke)
        ws.close()
    print(f"  baseline: read {FEATURES + 26} features        {base * 1000:7.1f} ms")
    print(f"  backlog view (rank, DoR, readiness)  {view * 1000:7.1f} ms  {view / base:5.1f}x")
    print(f"  one WSJF keystroke (store + view)    {key * 1000:7.1f} ms  {key / base:5.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))

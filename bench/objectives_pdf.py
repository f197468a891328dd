"""How long the demo PI's objectives PDF takes to render in-process (target < 0.25 s).

A one-page reportlab document in the bundled fonts is rendered in the same run as a baseline,
so the ratio says how much the objectives layout costs beyond reportlab itself.

    QT_QPA_PLATFORM=offscreen python bench/objectives_pdf.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

TARGET_S = 0.25


def _best(fn, runs: int = 7) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main() -> int:
    from rte_desktop.domain.clock import FakeClock
    from rte_desktop.reports._doc import build_pdf, para, style
    from rte_desktop.workspace import open_workspace

    with tempfile.TemporaryDirectory() as folder:
        ws = open_workspace(Path(folder) / "bench.sqlite", FakeClock())
        ws.demo.create()
        pi = ws.train.find_pi(None, None)
        assert pi is not None
        assert pi.id is not None
        pi_id = pi.id

        start = time.perf_counter()
        ws.objectives.render_pdf(pi_id)  # first render pays font loading and imports
        cold = time.perf_counter() - start

        def baseline() -> bytes:
            return build_pdf([para("One page", style(16))], title="baseline")

        def objectives() -> bytes:
            return ws.objectives.render_pdf(pi_id)

        base_best, base_median = _best(baseline)
        obj_best, obj_median = _best(objectives)
        pages = objectives().count(b"/Type /Page\n") or objectives().count(b"/Type /Page")
        ws.close()
    print(f"one-page reportlab baseline : best {base_best:.4f} s, median {base_median:.4f} s")
    print(f"objectives PDF ({pages} pages)  : best {obj_best:.4f} s, median {obj_median:.4f} s")
    print(f"first render (fonts, imports): {cold:.4f} s")
    print(f"ratio objectives / baseline : {obj_median / base_median:.1f}x")
    ok = obj_median < TARGET_S
    print(f"target < {TARGET_S} s: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

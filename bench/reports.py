"""Every PDF report for the current PI of the 10-year file, against a one-page reportlab document
rendered in the same run.

Reports are found from the command line's `report` group, so new ones are measured automatically.
Usage: python bench/reports.py DEMO_DB TEN_YEAR_DB
"""

from __future__ import annotations

import contextlib
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from rte_desktop.cli.main import build_parser


def one_page() -> None:
    canvas = Canvas(io.BytesIO(), pagesize=A4)
    canvas.drawString(72, 720, "Hello")
    canvas.showPage()
    canvas.save()


def median_time(action, runs: int = 5) -> float:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def report_names() -> list[str]:
    parser = build_parser()
    top = next(a for a in parser._actions if a.dest == "command")  # noqa: SLF001
    group = top.choices["report"]  # type: ignore[index]
    sub = next(a for a in group._actions if a.dest == "what")  # noqa: SLF001
    return sorted(sub.choices)  # type: ignore[arg-type]


def main(big: str) -> int:
    base = median_time(one_page)
    print(f"  baseline: one-page reportlab document {base * 1000:7.1f} ms")
    parser = build_parser()
    with tempfile.TemporaryDirectory() as tmp:
        for name in report_names():
            out = Path(tmp) / f"{name}.pdf"
            args = parser.parse_args(["report", name, "--db", big, "--out", str(out)])

            def render(args=args) -> None:  # type: ignore[no-untyped-def]
                with contextlib.redirect_stdout(io.StringIO()):
                    assert args.run(args) == 0

            seconds = median_time(render, runs=3)
            print(
                f"  report {name:<14} {seconds * 1000:8.0f} ms  {seconds / base:7.1f}x  "
                f"({out.stat().st_size // 1024} KiB)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[-1]))

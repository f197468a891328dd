"""`make bench`: speed measured against baselines taken in the same run, printed as ratios.

Start-up to first paint of the app on the demo train vs a bare PySide6 window (median of N fresh
processes), and the peak memory of each. "ready" is the first panel painted with real data (read
before SQLAlchemy loads, see docs/architecture.md), "fully open" the moment writes are possible.
Other benchmarks in bench/ (timer tick, vote display, reports) are run after it when present.
"""

from __future__ import annotations

import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
RUNS = int(os.environ.get("BENCH_RUNS", "7"))


def probe(*args: str, env: dict[str, str]) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, str(HERE / "probe.py"), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    if done.returncode:
        raise SystemExit(f"probe {' '.join(args)} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(label: str, *args: str, env: dict[str, str]) -> dict[str, float]:
    probe(*args, env=env)  # warm the file cache once
    samples = [probe(*args, env=env) for _ in range(RUNS)]
    result = {key: statistics.median(s[key] for s in samples) for key in samples[0]}
    ready = (
        f"   ready (panel painted) {result['ready'] * 1000:5.0f} ms   fully open "
        f"{result['open'] * 1000:5.0f} ms"
        if "ready" in result
        else ""
    )
    print(
        f"  {label:<34} first paint {result['seconds'] * 1000:5.0f} ms   "
        f"peak {result['peak_kib'] / 1024:4.0f} MiB{ready}"
    )
    return result


def make_demo(path: Path, env: dict[str, str], *extra: str) -> Path:
    subprocess.run(
        [sys.executable, "-m", "rte_desktop", "demo", "--db", str(path), *extra],
        check=True,
        env=env,
        capture_output=True,
    )
    return path


def main() -> int:
    # An installed app has its bytecode; a checkout run with PYTHONDONTWRITEBYTECODE would
    # compile every module of ours on every start and measure the compiler instead.
    compileall.compile_dir(str(HERE.parent / "rte_desktop"), quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(
            os.environ,
            QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            XDG_CONFIG_HOME=str(Path(tmp) / "config"),
        )
        db = make_demo(Path(tmp) / "demo.sqlite", env)
        big = make_demo(Path(tmp) / "ten-years.sqlite", env, "--years", "10", "--teams", "12")
        print(f"Start-up (median of {RUNS} fresh processes)")
        bare = measure("bare PySide6 window (baseline)", "bare", env=env)
        app = measure("RTE Desktop on the demo train", "app", str(db), env=env)
        print(
            f"  first paint {app['seconds'] / bare['seconds']:.2f}x the bare window (target "
            f"<= 3x); panel ready {app['ready'] / bare['seconds']:.2f}x; peak memory "
            f"{app['peak_kib'] / bare['peak_kib']:.2f}x (target <= 2x)"
        )
        ten = measure("RTE Desktop on 10 years, 12 teams", "app", str(big), env=env)
        print(
            f"  10-year file vs demo file: first paint {ten['seconds'] / app['seconds']:.2f}x, "
            f"ready {ten['ready'] / app['ready']:.2f}x (target <= 1.2x), "
            f"memory {ten['peak_kib'] / app['peak_kib']:.2f}x"
        )
        for script in sorted(HERE.glob("*.py")):
            if script.name not in {"run.py", "probe.py"} and not script.name.startswith("_"):
                print(f"\n{script.stem}")
                subprocess.run(
                    [sys.executable, str(script), str(db), str(big)], check=True, env=env
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

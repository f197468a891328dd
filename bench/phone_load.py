"""200 phones vote in 10 seconds through real sockets while the facilitator's screen ticks.

The vote panel (offscreen, 1280x720, demo train) starts a phone round on 127.0.0.1 as the RTE
would (its server on its own threads, ballots gathered into panel refreshes). A UI tick every
100 ms repaints the vote display, like the projector's clock; its lateness (how long after its
due time it ran) and its duration are measured. Two phases in the same process:

  * baseline: the same ticks with the server up but no phone, and a single phone's requests
    one after another (the latency of an idle server);
  * load: 200 devices from a separate process, one every 50 ms, each from its own loopback
    address: open the page, vote, and one in four changes its vote.

Prints request latency p50/p95/p99 under load against the idle ones, UI tick lateness and
duration p50/p95/p99 against the baseline phase, and checks the tally in the database.

    QT_QPA_PLATFORM=offscreen python bench/phone_load.py [--devices 200] [--seconds 10]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TICK_MS = 100


def pct(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def line(label: str, samples: list[float], base: list[float] | None = None) -> str:
    """p50/p95/p99, and against ``base``: ratios, or differences where a baseline is ~0."""
    mine = [pct(samples, p) for p in (50, 95, 99)]
    text = f"  {label:<42} p50 {mine[0]:7.2f}  p95 {mine[1]:7.2f}  p99 {mine[2]:7.2f} ms"
    if base:
        theirs = [pct(base, p) for p in (50, 95, 99)]
        if min(theirs) >= 0.05:
            text += (
                "   ("
                + " / ".join(f"{m / t:.1f}x" for m, t in zip(mine, theirs, strict=True))
                + ")"
            )
        else:
            text += (
                "   ("
                + " / ".join(f"{m - t:+.2f}" for m, t in zip(mine, theirs, strict=True))
                + " ms)"
            )
    return text


# -- the phones (run in their own process: their CPU is not the GUI's) --------------------------


def phones(url: str, devices: int, seconds: float) -> dict[str, object]:
    from tests.phones.client import Phone

    start = time.perf_counter() + 0.2
    gap = seconds / devices

    def device(i: int) -> tuple[list[float], int, int]:
        phone = Phone(url, source=f"127.0.{10 + i // 250}.{i % 250 + 2}")
        delay = start + i * gap - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        times, errors = [], 0
        final = i % 5 + 1
        steps = [("open", None), ("vote", (final % 5) + 1 if i % 4 == 0 else final)]
        if i % 4 == 0:
            steps.append(("vote", final))  # changes its mind: replaces its first vote
        for action, value in steps:
            t0 = time.perf_counter()
            reply = phone.open() if action == "open" else phone.vote(value)
            times.append((time.perf_counter() - t0) * 1000)
            errors += reply.status not in (200, 303)
        return times, errors, final

    with ThreadPoolExecutor(max_workers=64) as pool:
        results = list(pool.map(device, range(devices)))
    return {
        "latency_ms": [t for times, _, _ in results for t in times],
        "errors": sum(e for _, e, _ in results),
        "tally": dict(Counter(final for _, _, final in results)),
        "seconds": time.perf_counter() - start,
    }


def idle_latency(url: str, requests: int) -> list[float]:
    from tests.phones.client import Phone

    phone = Phone(url, source="127.0.9.2")
    phone.open()
    times = []
    for i in range(requests):
        t0 = time.perf_counter()
        if i % 2:
            phone.vote(3)
        else:
            phone.open()
        times.append((time.perf_counter() - t0) * 1000)
    return times


# -- the facilitator's screen ------------------------------------------------------------------


def measure_ticks(app, display, seconds: float, busy: subprocess.Popen | None) -> dict:
    """Run the event loop for ``seconds`` with a 100 ms tick; lateness and duration (ms)."""
    from PySide6.QtCore import Qt, QTimer

    late: list[float] = []
    took: list[float] = []
    due = [time.perf_counter() + TICK_MS / 1000]

    def tick() -> None:
        now = time.perf_counter()
        late.append(max(0.0, (now - due[0]) * 1000))
        due[0] = now + TICK_MS / 1000
        display.update()
        display.repaint()
        took.append((time.perf_counter() - now) * 1000)

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    timer.start()
    end = time.perf_counter() + seconds
    while time.perf_counter() < end or (busy is not None and busy.poll() is None):
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    return {"late": late[1:], "took": took[1:]}


def load_arguments(description: str) -> argparse.Namespace:
    """--devices, --seconds, and --phones URL (set in the child process that plays the phones)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--devices", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--phones", metavar="URL", help=argparse.SUPPRESS)  # the child process
    parser.add_argument("files", nargs="*", help="ignored (bench/run.py passes its demo files)")
    return parser.parse_args()


def main() -> int:
    args = load_arguments(__doc__.splitlines()[0])
    if args.phones:
        print(json.dumps(phones(args.phones, args.devices, args.seconds)))
        return 0

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from rte_desktop.domain.clock import FakeClock
    from rte_desktop.ui.bus import AppEvents
    from rte_desktop.ui.panel_base import PanelContext
    from rte_desktop.ui.settings import VOTE_SCOPE, UiSettings
    from rte_desktop.ui.undo import UndoStack
    from rte_desktop.ui.vote.panel import vote_panel
    from rte_desktop.workspace import open_workspace

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        ws = open_workspace(Path(folder) / "bench.sqlite", FakeClock())
        ws.demo.create()
        art = ws.train.arts()[0]
        pi = ws.train.pis(art.id)[2]  # no votes yet
        settings = UiSettings(QSettings(str(Path(folder) / "ui.ini"), QSettings.Format.IniFormat))
        settings.put(VOTE_SCOPE, "art")
        bus = AppEvents()
        panel = vote_panel(PanelContext(ws, bus, UndoStack(), settings))
        bus.data_changed.connect(panel.on_changes)
        panel.resize(1280, 720)
        panel.set_scope(art.id, pi.id)
        panel.show()
        app.processEvents()
        panel.refresh_now()
        panel.view.phones.network.fill()
        panel.view.phones.network.setCurrentIndex(panel.view.phones.network.count() - 1)
        panel.toggle_phones()
        session = panel.phones.session
        assert session is not None, panel.view.message.text()
        url = session.url

        measure_ticks(app, panel.view.display, 1.0, None)  # warm up (fonts, first refreshes)
        quiet = measure_ticks(app, panel.view.display, args.seconds, None)
        idle = idle_latency(url, 100)
        child = subprocess.Popen(
            [
                sys.executable,
                __file__,
                "--phones",
                url,
                "--devices",
                str(args.devices),
                "--seconds",
                str(args.seconds),
            ],
            stdout=subprocess.PIPE,
            text=True,
            env=dict(os.environ, PYTHONPATH=str(ROOT)),
        )
        loaded = measure_ticks(app, panel.view.display, args.seconds, child)
        out, _ = child.communicate()
        load = json.loads(out.strip().splitlines()[-1])
        app.processEvents()
        time.sleep(0.3)  # the last gathered refresh
        app.processEvents()
        round_id = session.vote.round.id
        stored = Counter(b.value for b in ws.votes.ballots(round_id))
        count = session.count()
        shown = panel.view.display.state().counts
        panel.stop_phones()
        panel.close()
        ws.close()

    wanted = Counter({int(k): v for k, v in load["tally"].items()})
    wanted[3] += 1  # the idle-latency phone's vote
    print(
        f"phone_load: {args.devices} devices over {args.seconds:.0f} s "
        f"(took {load['seconds']:.1f} s), {len(load['latency_ms'])} requests, "
        f"{load['errors']} not 200/303"
    )
    print(line("request latency, idle server (baseline)", idle))
    print(line("request latency under load", load["latency_ms"], idle))
    print(line("UI tick lateness, no phones (baseline)", quiet["late"]))
    print(line("UI tick lateness while phones vote", loaded["late"], quiet["late"]))
    print(line("UI tick (display repaint), no phones", quiet["took"]))
    print(line("UI tick (display repaint), phones voting", loaded["took"], quiet["took"]))
    ok = stored == wanted and count.devices == args.devices + 1
    print(
        f"  tally in the database matches what the phones sent: {ok} "
        f"({count.devices} devices; display counts {shown})"
    )
    return 0 if ok and not load["errors"] else 1


if __name__ == "__main__":
    raise SystemExit(main())

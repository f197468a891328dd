"""200 phones place I&A dots in 10 seconds through real sockets while the workshop panel ticks.

The I&A Workshop panel (offscreen, 1280x720, demo train, Vote & Pareto step) starts phone
voting on 127.0.0.1 as the RTE would. A UI tick every 100 ms repaints the Pareto chart; its
lateness and duration are measured with no phones (baseline) and while 200 devices from a
separate process (one every 50 ms, each from its own loopback address) open the page and save
their dots, one in four saving twice. Prints request latency p50/p95/p99, the tick's against
the baseline, how many panel refreshes the dots caused and what each cost the GUI thread (and
its read, on the reader thread), and checks the Pareto in the database against the sum of what
the phones sent. Reuses bench/phone_load.py's measuring.

    QT_QPA_PLATFORM=offscreen python bench/dot_load.py [--devices 200] [--seconds 10]
"""

from __future__ import annotations

import json
import os
import random
import re
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
sys.path.insert(0, str(ROOT / "bench"))

from phone_load import line, load_arguments, measure_ticks  # noqa: E402 - bench/ is not a package


def phones(url: str, devices: int, seconds: float) -> dict[str, object]:
    """The devices (run in their own process: their CPU is not the GUI's)."""
    from tests.phones.client import Phone
    from tests.phones.dots.room import send

    start = time.perf_counter() + 0.2
    gap = seconds / devices

    def device(i: int) -> tuple[list[float], int, Counter[int]]:
        rng = random.Random(i)
        phone = Phone(url, source=f"127.0.{10 + i // 250}.{i % 250 + 2}")
        delay = start + i * gap - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        times, errors = [], 0
        t0 = time.perf_counter()
        page = phone.open()
        times.append((time.perf_counter() - t0) * 1000)
        errors += page.status != 200
        ids = [int(c) for c in re.findall(r"name=c(\d+)", page.body)]
        ballot: Counter[int] = Counter()
        for _ in range(1 + i % 4 if i % 4 else 2):  # a first ballot, replaced by the last one
            ballot = Counter(rng.choice(ids) for _ in range(rng.randint(1, 5)))
            t0 = time.perf_counter()
            reply = send(phone, dict(ballot))
            times.append((time.perf_counter() - t0) * 1000)
            errors += reply.status != 303
        return times, errors, ballot

    with ThreadPoolExecutor(max_workers=64) as pool:
        results = list(pool.map(device, range(devices)))
    total: Counter[int] = Counter()
    for _, _, ballot in results:
        total.update(ballot)
    return {
        "latency_ms": [t for times, _, _ in results for t in times],
        "errors": sum(e for _, e, _ in results),
        "dots": {str(k): v for k, v in total.items()},
        "seconds": time.perf_counter() - start,
    }


def main() -> int:
    args = load_arguments(__doc__.splitlines()[0])
    if args.phones:
        print(json.dumps(phones(args.phones, args.devices, args.seconds)))
        return 0

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from rte_desktop.domain.clock import FakeClock
    from rte_desktop.phones.network import LOOPBACK
    from rte_desktop.ui.bus import AppEvents
    from rte_desktop.ui.panel_base import PanelContext
    from rte_desktop.ui.settings import UiSettings
    from rte_desktop.ui.undo import UndoStack
    from rte_desktop.ui.workshop.panel import VOTE, workshop_panel
    from rte_desktop.workspace import open_workspace

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        ws = open_workspace(Path(folder) / "bench.sqlite", FakeClock())
        ws.demo.create()
        art = ws.train.arts()[0]
        pi = ws.train.pis(art.id)[0]  # the demo's workshop (11 causes)
        settings = UiSettings(QSettings(str(Path(folder) / "ui.ini"), QSettings.Format.IniFormat))
        bus = AppEvents()
        panel = workshop_panel(PanelContext(ws, bus, UndoStack(), settings))
        bus.data_changed.connect(panel.on_changes)
        panel.resize(1280, 720)
        panel.set_scope(art.id, pi.id)
        panel.show()
        app.processEvents()
        panel.refresh_now()
        panel.tabs.setCurrentIndex(VOTE)
        shop = panel.workshop
        assert shop is not None
        assert shop.id is not None
        ws.workshop.clear_votes(shop.id)  # only the phones' dots from here
        ws.workshop.set_voting(shop.id, args.devices, 5)
        network = panel.vote.phone_bar.network
        network.fill()
        network.setCurrentIndex(network.findData(LOOPBACK))
        panel.toggle_phones()
        session = panel.phones.session if panel.phones else None
        assert session is not None, panel.status.text()

        measure_ticks(app, panel.vote.chart, 1.0, None)  # warm up
        quiet = measure_ticks(app, panel.vote.chart, args.seconds, None)
        refresh_ms: list[float] = []  # what each gathered phone-dot refresh costs the GUI

        def timed_refresh(*tally: object) -> None:
            t0 = time.perf_counter()
            panel._on_phone_dots(*tally)  # type: ignore[arg-type]
            refresh_ms.append((time.perf_counter() - t0) * 1000)

        read_ms: list[float] = []  # the gathered read (on the reader thread, not the GUI's)
        tally = session.tally

        def timed_tally():  # type: ignore[no-untyped-def]
            t0 = time.perf_counter()
            try:
                return tally()
            finally:
                read_ms.append((time.perf_counter() - t0) * 1000)

        session.tally = timed_tally  # type: ignore[method-assign]
        if panel.phones is not None:
            panel.phones.arrived.disconnect(panel._on_phone_dots)
            panel.phones.arrived.connect(timed_refresh)
        child = subprocess.Popen(
            [
                sys.executable,
                __file__,
                "--phones",
                session.url,
                "--devices",
                str(args.devices),
                "--seconds",
                str(args.seconds),
            ],
            stdout=subprocess.PIPE,
            text=True,
            env=dict(os.environ, PYTHONPATH=str(ROOT)),
        )
        loaded = measure_ticks(app, panel.vote.chart, args.seconds, child)
        out, _ = child.communicate()
        load = json.loads(out.strip().splitlines()[-1])
        # the last gathered read (on the reader thread) and its refresh
        settle = time.perf_counter() + 5
        app.processEvents()
        while (
            panel.phones is not None
            and (panel.phones._gather.isActive() or panel.phones._reading)
            and time.perf_counter() < settle
        ):
            time.sleep(0.005)
            app.processEvents()
        during = len(refresh_ms)
        stored = Counter(
            {row.key: row.count for row in ws.workshop.pareto(shop.id).rows if row.count}
        )
        shown = {row.key: row.count for row in panel.vote.chart.rows()}
        count = session.count()
        panel.phones.close() if panel.phones else None
        panel.close()
        ws.close()

    wanted = Counter({int(k): v for k, v in load["dots"].items()})
    print(
        f"dot_load: {args.devices} devices over {args.seconds:.0f} s "
        f"(took {load['seconds']:.1f} s), {len(load['latency_ms'])} requests, "
        f"{load['errors']} not 200/303, {during} phone-dot refreshes"
    )
    print(line("request latency under load", load["latency_ms"]))
    print(line("UI tick lateness, no phones (baseline)", quiet["late"]))
    print(line("UI tick lateness while phones vote", loaded["late"], quiet["late"]))
    print(line("phone-dot refresh (gathered, GUI thread)", refresh_ms))
    print(line("its read (the reader thread)", read_ms))
    print(line("UI tick (chart repaint), no phones", quiet["took"]))
    print(line("UI tick (chart repaint), phones voting", loaded["took"], quiet["took"]))
    ok = stored == wanted == Counter(shown) and count.devices == args.devices
    print(
        f"  Pareto in the database and on the chart match what the phones sent: {ok} "
        f"({count.devices} devices, {sum(wanted.values())} dots)"
    )
    return 0 if ok and not load["errors"] else 1


if __name__ == "__main__":
    raise SystemExit(main())

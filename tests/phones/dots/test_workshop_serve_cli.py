"""``rte-desktop workshop serve`` in a subprocess: URL on the first line, dots, SIGTERM -> 0."""

from __future__ import annotations

import re
import signal
from collections import Counter
from pathlib import Path

from rte_desktop.workspace import open_workspace
from tests.phones.client import phones, serve as serve_command
from tests.phones.dots.room import send


def pareto(db: Path) -> tuple[int, Counter[int]]:
    """The demo workshop's id and its dots per cause, read by a workspace of the test's own."""
    ws = open_workspace(db)
    try:
        pi = ws.inspect_adapt.workshop_pi(ws.train.find_pi(None, None))
        shop = ws.workshop.workshops(pi.id or 0)[0]
        rows = ws.workshop.pareto(shop.id or 0).rows
        return shop.id or 0, Counter({row.key: row.count for row in rows if row.count})
    finally:
        ws.close()


def test_serve_prints_the_url_takes_dots_and_exits_0_on_sigterm(demo_file: Path) -> None:
    shop_id, before = pareto(demo_file)  # the demo's hand-counted dots
    proc = serve_command("workshop", demo_file, "--host", "127.0.0.1", "--port", "0")
    try:
        url = proc.stdout.readline().strip()
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/v/[A-Za-z0-9_-]+", url)
        wanted = Counter(before)
        for phone, pick in zip(phones(url, 3), (0, 1, 1), strict=True):
            page = phone.open()
            assert page.status == 200
            ids = [int(i) for i in re.findall(r"name=c(\d+)", page.body)]
            assert send(phone, {ids[pick]: 3, ids[-1]: 2}).status == 303
            wanted.update({ids[pick]: 3, ids[-1]: 2})
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0
    finally:
        proc.kill()
    assert pareto(demo_file) == (shop_id, wanted)
    assert "3 device(s) placed dots; the voting is still open." in proc.stderr.read()


def test_serve_exits_0_when_the_voting_is_closed_elsewhere(demo_file: Path) -> None:
    proc = serve_command(
        "workshop", demo_file, "--host", "127.0.0.1", "--workshop", "features SLIP to the next PI"
    )
    try:
        assert proc.stdout.readline().startswith("http://127.0.0.1:")
        ws = open_workspace(demo_file)
        pi = ws.inspect_adapt.workshop_pi(ws.train.find_pi(None, None))
        shop = ws.workshop.workshops(pi.id or 0)[0]
        found = ws.phone_dots.find_open(shop.id or 0)
        assert found is not None
        ws.phone_dots.close(found.id)
        ws.close()
        assert proc.wait(timeout=20) == 0
    finally:
        proc.kill()
    assert "the voting is closed" in proc.stderr.read()


def test_serve_refuses_an_unknown_workshop(demo_file: Path) -> None:
    proc = serve_command(
        "workshop", demo_file, "--workshop", "Nothing like it", "--host", "127.0.0.1"
    )
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 1 and out == ""
    assert "No workshop titled 'Nothing like it'" in err and "Traceback" not in err

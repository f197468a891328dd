"""``rte-desktop vote serve`` in a real subprocess: URL on the first line, votes, SIGTERM -> 0."""

from __future__ import annotations

import signal
from collections import Counter
from pathlib import Path

from rte_desktop.workspace import open_workspace
from tests.phones.client import phones, serve as serve_command


def test_serve_prints_the_url_takes_votes_and_exits_0_on_sigterm(demo_file: Path) -> None:
    ws = open_workspace(demo_file)
    team = ws.train.teams(ws.train.arts()[0].id)[1]
    ws.close()
    proc = serve_command(
        "vote", demo_file, "--team", team.name, "--host", "127.0.0.1", "--port", "0"
    )
    try:
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:") and "/v/" in url
        for phone, value in zip(phones(url, 3), (5, 4, 4), strict=True):
            assert phone.open().status == 200
            assert phone.vote(value).status == 303
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0
    finally:
        proc.kill()
    ws = open_workspace(demo_file)
    try:
        pi = ws.train.find_pi(None, None)
        vote = ws.votes.latest_round(pi.id, team.id)
        assert Counter(b.value for b in ws.votes.ballots(vote.id)) == Counter({4: 2, 5: 1})
        assert vote.is_open  # stopping the server does not close the round
    finally:
        ws.close()
    assert "3 of" in proc.stderr.read()


def test_serve_exits_0_when_the_round_is_closed_by_someone_else(demo_file: Path) -> None:
    proc = serve_command("vote", demo_file, "--art", "--host", "127.0.0.1")
    try:
        url = proc.stdout.readline().strip()
        phone = phones(url, 1)[0]
        phone.open()
        phone.vote(2)
        ws = open_workspace(demo_file)
        pi = ws.train.find_pi(None, None)
        ws.votes.close_round(ws.votes.latest_round(pi.id, None).id)
        ws.close()
        assert proc.wait(timeout=20) == 0
    finally:
        proc.kill()
    assert "closed" in proc.stderr.read()


def test_serve_refuses_an_unknown_team(demo_file: Path) -> None:
    proc = serve_command("vote", demo_file, "--team", "Nobody", "--host", "127.0.0.1")
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 1 and out == ""
    assert "No team named 'Nobody'" in err and "Traceback" not in err

"""Phones vote through a real server on 127.0.0.1: tallies, replacement, hostile input, closing."""

from __future__ import annotations

import http.client
import socket
from collections import Counter

import pytest

from rte_desktop.domain.model import VoteMode
from rte_desktop.phones.network import LOOPBACK, default_route_address
from rte_desktop.phones.server import Limits
from rte_desktop.phones.session import ConfidenceSession
from rte_desktop.services.common.changes import Area
from rte_desktop.workspace import Workspace
from tests.phones.client import Phone, phones


def tally(ws: Workspace, session: ConfidenceSession) -> Counter[int]:
    return Counter(b.value for b in ws.votes.ballots(session.vote.round.id or 0))


def test_forty_devices_vote_and_the_database_tally_matches(
    demo_ws: Workspace, session: ConfidenceSession
) -> None:
    devices = phones(session.url, 40)
    wanted = Counter()
    for i, phone in enumerate(devices):
        assert phone.open().status == 200
        value = i % 5 + 1
        reply = phone.vote(value)
        assert reply.status == 303
        assert reply.headers["location"] == session.server.join_path
        wanted[value] += 1
    assert tally(demo_ws, session) == wanted
    count = session.count()
    assert (count.devices, count.eligible) == (40, session.vote.round.eligible)
    assert count.over == (session.vote.round.eligible < 40)
    view = demo_ws.votes.view(session.vote.round.id or 0)  # the panel's statistics
    assert view.stats.ballots == 40
    assert all(b.voter == "" and b.comment == "" for b in view.ballots)  # anonymous


def test_a_second_vote_from_the_same_device_replaces_the_first(
    demo_ws: Workspace, session: ConfidenceSession
) -> None:
    phone, other = phones(session.url, 2)
    phone.open()
    other.open()
    phone.vote(2)
    other.vote(5)
    phone.vote(4)
    assert tally(demo_ws, session) == Counter({4: 1, 5: 1})
    page = phone.open()
    assert "Your vote: 4. You can change it until the round closes." in page.body
    assert "Your vote" not in Phone(session.url, source="127.0.0.99").open().body


def test_a_concern_with_a_low_vote_lands_in_the_concerns_without_a_name(
    demo_ws: Workspace, session: ConfidenceSession
) -> None:
    low, high = phones(session.url, 2)
    low.open()
    high.open()
    low.vote(2, "Dependency on <Team X> is not planned")
    high.vote(5, "ignored with a 5")
    low.vote(1, "Now it is worse")  # the same device: its concern is changed, not doubled
    concerns = demo_ws.votes.concerns(session.vote.round.id or 0)
    assert [c.text for c in concerns] == ["Now it is worse"]
    ballot = {b.id: b for b in demo_ws.votes.ballots(session.vote.round.id or 0)}[
        concerns[0].ballot_id
    ]
    assert (ballot.value, ballot.voter) == (1, "")


def test_the_cookie_is_http_only_same_site_strict_and_never_stored(
    demo_ws: Workspace, session: ConfidenceSession
) -> None:
    phone = Phone(session.url)
    reply = phone.open()
    header = reply.headers["set-cookie"]
    assert "HttpOnly" in header and "SameSite=Strict" in header
    assert phone.open().headers.get("set-cookie") is None  # known device: no new cookie
    phone.vote(3)
    raw = phone.cookie.split("=", 1)[1]
    exported = str(demo_ws.transfer.export_data())
    assert raw not in exported and raw.split(".")[0] not in exported
    assert "127.0.0.1" not in exported
    stored = demo_ws.transfer.export_data()["tables"]["phone_ballot"]
    assert len(stored) == 1 and len(stored[0]["device"]) == 64


@pytest.mark.parametrize(
    "path",
    ["/", "/v/", "/v/wrongtoken123", "/favicon.ico", "/v/../etc/passwd", "/V/{token}x"],
)
def test_a_wrong_path_answers_404_and_tells_nothing(session: ConfidenceSession, path: str) -> None:
    phone = Phone(session.url)
    reply = phone.request("GET", path.format(token=session.server.token))
    assert reply.status == 404
    assert session.server.token not in reply.body
    assert "vote" not in reply.body.lower()
    assert "set-cookie" not in reply.headers


def test_bad_values_get_400_and_change_nothing(
    demo_ws: Workspace, session: ConfidenceSession
) -> None:
    phone = Phone(session.url)
    phone.open()
    for value in (0, 6, -1, "3.0", "", "five", "1e1", "<script>"):
        assert phone.vote(value).status == 400
    assert (
        phone.request(
            "POST",
            body=b"value=3&value=4",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        ).status
        == 400
    )
    assert (
        phone.request("POST", body=b"value=3", headers={"Content-Type": "text/plain"}).status == 400
    )
    assert Phone(session.url, source="127.0.0.77").vote(3).status == 400  # no cookie: no vote
    forged = Phone(session.url, source="127.0.0.78", cookie="rte_device=abc.def")
    assert forged.vote(3).status == 400
    assert tally(demo_ws, session) == Counter()


def test_an_oversized_body_gets_413_and_changes_nothing(
    demo_ws: Workspace, session: ConfidenceSession
) -> None:
    phone = Phone(session.url)
    phone.open()
    reply = phone.vote(2, "x" * 5000)
    assert reply.status == 413
    assert tally(demo_ws, session) == Counter()
    assert demo_ws.votes.concerns(session.vote.round.id or 0) == []


def test_a_flood_from_one_address_gets_429_and_changes_nothing(
    demo_ws: Workspace, session: ConfidenceSession, rate_clock
) -> None:
    phone = Phone(session.url, source="127.0.0.5")
    statuses = [phone.open().status for _ in range(25)]
    assert statuses[:20] == [200] * 20
    assert statuses[20:] == [429] * 5
    assert phone.vote(3).status == 429
    assert tally(demo_ws, session) == Counter()
    assert Phone(session.url, source="127.0.0.6").open().status == 200  # others are served
    rate_clock.now += 1.0  # a second later the phone is served again
    assert phone.vote(3).status == 303
    assert tally(demo_ws, session) == Counter({3: 1})


def test_the_page_escapes_names(demo_ws: Workspace, scope, rate_clock) -> None:
    pi_id, team_id = scope
    demo_ws.train.rename_team(team_id, "<script>alert(1)</script>")
    served = ConfidenceSession.start(demo_ws, pi_id, team_id, LOOPBACK, clock=rate_clock)
    try:
        body = Phone(served.url).open().body
    finally:
        served.stop()
    assert "<script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert '<meta name=viewport content="width=device-width, initial-scale=1">' in body


def test_closing_the_round_answers_410_then_the_port_refuses_connections(
    demo_ws: Workspace, session: ConfidenceSession
) -> None:
    phone = Phone(session.url)
    phone.open()
    phone.vote(4)
    demo_ws.votes.close_round(session.vote.round.id or 0)  # closed by another client
    assert not session.is_open()
    assert phone.open().status == 410
    assert phone.vote(5).status == 410
    demo_ws.votes.reopen_round(session.vote.round.id or 0)
    closed = session.close()
    assert not closed.is_open and not closed.round.is_open
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", int(session.url.split(":")[2].split("/")[0])), 2)
    assert tally(demo_ws, session) == Counter({4: 1})


def test_a_new_session_takes_the_open_round_and_remembers_its_devices(
    demo_ws: Workspace, session: ConfidenceSession, scope, rate_clock
) -> None:
    phone = Phone(session.url)
    phone.open()
    phone.vote(2)
    session.stop()
    again = ConfidenceSession.start(demo_ws, *scope, LOOPBACK, clock=rate_clock)
    try:
        assert again.vote.id == session.vote.id and again.url != session.url
        phone.url = again.url
        phone.cookie = phone.cookie.replace("rte_device=", "rte_device=")  # the same cookie
        assert phone.vote(5).status == 303
        assert tally(demo_ws, again) == Counter({5: 1})
    finally:
        again.stop()


def test_a_closed_round_gets_a_re_vote_when_phones_start_again(
    demo_ws: Workspace, session: ConfidenceSession, scope, rate_clock
) -> None:
    session.close()
    again = ConfidenceSession.start(demo_ws, *scope, LOOPBACK, clock=rate_clock)
    again.stop()
    assert again.vote.round.round_no == 2
    assert again.vote.round.previous_id == session.vote.round.id
    assert again.vote.round.mode is VoteMode.TALLY


def test_other_methods_and_garbage_get_no_500(session: ConfidenceSession) -> None:
    phone = Phone(session.url)
    for method in ("PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "HEAD"):
        assert phone.request(method).status in (404, 405)
    raw = socket.create_connection(("127.0.0.1", phone.port), 2)
    raw.sendall(b"\x00\xff garbage\r\n\r\n")
    answer = raw.recv(1000)
    raw.close()
    assert b"Bad Request" in answer  # a garbled request line gets an HTTP/0.9 answer: no head
    assert b"500" not in answer and b"Traceback" not in answer


def test_the_default_interface_is_found_without_sending_anything() -> None:
    address = default_route_address()
    socket.inet_aton(address)  # an IPv4 address (loopback when there is no route)


def test_a_post_without_length_is_refused(session: ConfidenceSession) -> None:
    phone = Phone(session.url)
    phone.open()
    conn = http.client.HTTPConnection(phone.host, phone.port, timeout=5)
    conn.putrequest("POST", phone.path)
    conn.putheader("Cookie", phone.cookie)
    conn.putheader("Content-Type", "application/x-www-form-urlencoded")
    conn.endheaders()
    assert conn.getresponse().status == 411
    conn.close()


def test_slow_clients_are_dropped_and_open_connections_are_capped(
    demo_ws: Workspace, scope, rate_clock
) -> None:
    limits = Limits(max_connections=2, timeout_s=0.5)
    served = ConfidenceSession.start(demo_ws, *scope, LOOPBACK, limits=limits, clock=rate_clock)
    try:
        port = served.server.port
        slow = [socket.create_connection((LOOPBACK, port), 5) for _ in range(2)]
        for conn in slow:
            conn.sendall(b"GET ")  # and never the rest
        third = socket.create_connection((LOOPBACK, port), 5)
        third.settimeout(5)
        assert third.recv(100).startswith(b"HTTP/1.0 503")
        third.close()
        for conn in slow:  # the server hangs up on them (its 0.5 s timeout), no answer needed
            conn.settimeout(10)
            while conn.recv(1000):
                pass
            conn.close()
        # the slots are free again (a slot is given back just after its socket closes)
        statuses = [Phone(served.url, source=f"127.0.1.{i}").open().status for i in range(2, 30)]
        assert 200 in statuses and set(statuses) <= {200, 503}
    finally:
        served.stop()


def test_ballots_from_the_server_reach_the_caller_as_votes_not_as_anything_changed(
    demo_ws: Workspace, scope, rate_clock
) -> None:
    """The GUI's feed does not see the server's own commits as "*" (reload everything)."""
    demo_ws.poll_changes()  # the window's live updates watch the file from now on
    heard: list = []
    served = ConfidenceSession.start(
        demo_ws, *scope, LOOPBACK, on_change=heard.append, clock=rate_clock
    )
    try:
        phone = Phone(served.url)
        phone.open()
        phone.vote(4)
    finally:
        served.stop()
    assert heard and all(c.areas == {Area.VOTES} for c in heard)
    assert not demo_ws.poll_changes()  # nothing "changed elsewhere": no reload of every panel

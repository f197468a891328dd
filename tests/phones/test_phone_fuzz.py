"""Whatever a client sends, the server never answers 500 and never changes the tally."""

from __future__ import annotations

import socket
import urllib.parse
from collections import Counter

from hypothesis import HealthCheck, assume, given, settings, strategies as st

from rte_desktop.phones.session import ConfidenceSession
from rte_desktop.workspace import Workspace
from tests.phones.client import Phone

METHODS = st.sampled_from(["GET", "POST", "PUT", "HEAD", "DELETE", "OPTIONS", "get", "BREW", "X"])
TOKENISH = st.text(st.characters(min_codepoint=33, max_codepoint=126), max_size=30)
HEADER_NAMES = st.sampled_from(
    [
        "Content-Type",
        "Content-Length",
        "Cookie",
        "Transfer-Encoding",
        "X-Forwarded-For",
        "User-Agent",
        "Host",
        "Expect",
        "Connection",
    ]
)
HEADER_VALUES = st.one_of(
    st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=60),
    st.sampled_from(["application/x-www-form-urlencoded", "0", "7", "-1", "4097", "chunked"]),
)
BODIES = st.one_of(
    st.binary(max_size=600),
    st.text(max_size=200).map(lambda t: t.encode("utf-8")),
    st.builds(
        lambda v, c: f"value={v}&concern={c}".encode(),
        st.text(max_size=8),
        st.text(max_size=40),
    ),
)


JOIN = "\x00join\x00"
_COOKIES: dict[str, str] = {}


def device_cookie(session: ConfidenceSession) -> str:
    """A cookie the server issued (one per served round)."""
    if session.url not in _COOKIES:
        phone = Phone(session.url, source="127.0.0.200")
        phone.open()
        _COOKIES[session.url] = phone.cookie or ""
    return _COOKIES[session.url]


def is_a_vote(body: bytes) -> bool:
    """Whether the server could take this body as a valid vote (then the tally may change)."""
    try:
        form = urllib.parse.parse_qs(body.decode("utf-8"), keep_blank_values=True)
    except (UnicodeDecodeError, ValueError):
        return False
    return any(v.strip() in {"1", "2", "3", "4", "5"} for v in form.get("value", []))


def request_bytes(method: str, path: str, headers: list[tuple[str, str]], body: bytes) -> bytes:
    head = f"{method} {path} HTTP/1.1\r\n".encode("utf-8", "replace")
    for name, value in headers:
        head += f"{name}: {value}\r\n".encode("latin-1", "replace")
    return head + b"\r\n" + body


def status_of(answer: bytes) -> int | None:
    if not answer.startswith(b"HTTP/"):
        return None
    return int(answer.split(b" ", 2)[1])


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    method=METHODS,
    path=st.one_of(
        st.just(JOIN),
        st.builds(lambda t: JOIN + t, TOKENISH),
        st.builds(lambda t: "/v/" + t, TOKENISH),
        TOKENISH.map(lambda t: "/" + t),
    ),
    headers=st.lists(st.tuples(HEADER_NAMES, HEADER_VALUES), max_size=5),
    body=BODIES,
    with_cookie=st.booleans(),
)
def test_no_request_gets_a_500_or_changes_the_tally(
    demo_ws: Workspace,
    session: ConfidenceSession,
    rate_clock,
    method,
    path,
    headers,
    body,
    with_cookie,
) -> None:
    """Even with a real device cookie: any body that is not a valid vote changes nothing."""
    if with_cookie:
        assume(not is_a_vote(body))
        headers = [
            *headers,
            ("Cookie", device_cookie(session)),
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Content-Length", str(len(body))),
        ]
    rate_clock.now += 1.0  # every example is its own second: the limit is not what is tested
    round_id = session.vote.round.id or 0
    before = Counter(b.value for b in demo_ws.votes.ballots(round_id))
    raw = request_bytes(method, path.replace(JOIN, session.server.join_path), headers, body)
    with socket.create_connection(("127.0.0.1", session.server.port), 5) as conn:
        conn.settimeout(8)
        try:
            conn.sendall(raw)
            conn.shutdown(socket.SHUT_WR)
        except OSError:  # the server may answer (and close) before reading everything
            pass
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
    assert status_of(answer) != 500
    assert b"Traceback" not in answer
    assert Counter(b.value for b in demo_ws.votes.ballots(round_id)) == before
    assert demo_ws.votes.concerns(round_id) == []


def test_the_fuzz_server_still_takes_a_real_vote_afterwards(
    demo_ws: Workspace, session: ConfidenceSession
) -> None:
    phone = Phone(session.url)
    phone.open()
    assert phone.vote(4).status == 303

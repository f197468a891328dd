"""Whatever a phone sends to a dot voting, the server never answers 500 and the dots stay put."""

from __future__ import annotations

import re
import socket
import urllib.parse
from collections import Counter

from hypothesis import HealthCheck, assume, given, settings, strategies as st

from rte_desktop.phones.dots import DotSession
from tests.phones.client import Phone
from tests.phones.dots.room import Room, dots_in_db
from tests.phones.test_phone_fuzz import METHODS, TOKENISH, request_bytes, status_of

CAUSE, OTHER = "\x00cause\x00", "\x00other\x00"  # a cause of the workshop, one of another

NAMES = st.one_of(
    st.just(CAUSE),
    st.just(OTHER),
    st.integers(-5, 10**12).map(lambda n: f"c{n}"),
    st.text(max_size=8),
)
VALUES = st.one_of(
    st.integers(-3, 12).map(str),
    st.sampled_from(["", " ", "1.5", "1e3", "0x2", "٣", "²", "+1", "01", "9999"]),
    st.text(max_size=6),
)
FORMS = st.lists(st.tuples(NAMES, VALUES), max_size=8)
BODIES = st.one_of(st.binary(max_size=400), st.text(max_size=120).map(str.encode))

JOIN = "\x00join\x00"
_COOKIES: dict[str, str] = {}


def form_body(fields: list[tuple[str, str]], room: Room) -> bytes:
    ids = {CAUSE: f"c{room.causes['Late dependencies']}", OTHER: f"c{room.other_cause}"}
    return urllib.parse.urlencode([(ids.get(n, n), v) for n, v in fields]).encode()


def places_dots(body: bytes, room: Room) -> bool:
    """Whether this body is a ballot that puts a dot somewhere (then the dots may change)."""
    try:
        form = urllib.parse.parse_qs(body.decode("utf-8"), keep_blank_values=True)
    except (UnicodeDecodeError, ValueError):
        return False
    total = 0
    for name, values in form.items():
        found = re.fullmatch(r"c([1-9][0-9]*)", name)
        if not found or int(found.group(1)) not in room.causes.values() or len(values) != 1:
            return False
        text = values[0].strip()
        if text and not re.fullmatch(r"[0-9]{1,3}", text):
            return False
        total += int(text or "0")
    return 0 < total <= 5


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    method=METHODS,
    path=st.one_of(st.just(JOIN), st.builds(lambda t: JOIN + t, TOKENISH), TOKENISH),
    fields=st.one_of(FORMS, BODIES),
    with_cookie=st.booleans(),
)
def test_no_request_gets_a_500_or_moves_a_dot(
    room: Room, dots_session: DotSession, rate_clock, method, path, fields, with_cookie
) -> None:
    body = form_body(fields, room) if isinstance(fields, list) else fields
    headers = [("Content-Type", "application/x-www-form-urlencoded")]
    headers.append(("Content-Length", str(len(body))))
    if with_cookie:
        assume(not places_dots(body, room))
        if dots_session.url not in _COOKIES:
            phone = Phone(dots_session.url, source="127.0.0.201")
            phone.open()
            _COOKIES[dots_session.url] = phone.cookie or ""
        headers.append(("Cookie", _COOKIES[dots_session.url]))
    rate_clock.now += 1.0  # every example is its own second: the limit is not what is tested
    before = dots_in_db(room)
    raw = request_bytes(method, path.replace(JOIN, dots_session.server.join_path), headers, body)
    with socket.create_connection(("127.0.0.1", dots_session.server.port), 5) as conn:
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
    assert dots_in_db(room) == before == Counter()

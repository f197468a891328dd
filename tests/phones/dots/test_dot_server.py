"""Phones place I&A dots through a real server on 127.0.0.1: the Pareto, replacing, hostile input.

The expected tallies are added up here from what each device sent, not by the code under test.
"""

from __future__ import annotations

import random
import re
import socket
from collections import Counter

import pytest

from rte_desktop.phones.dots import DotSession
from tests.phones.client import Phone, phones
from tests.phones.dots.room import FORM, HOSTILE, Room, dots_in_db, send


def test_thirty_devices_spread_their_dots_and_the_pareto_matches(
    room: Room, dots_session: DotSession
) -> None:
    rng = random.Random(15)
    ids = list(room.causes.values())
    wanted: Counter[int] = Counter()
    for phone in phones(dots_session.url, 30):
        assert phone.open().status == 200
        ballot: Counter[int] = Counter(rng.choice(ids) for _ in range(rng.randint(1, 5)))
        # the whole form, as a browser sends it: every box, the empty ones as 0 or ""
        form = {cause: ballot.get(cause, rng.choice(["0", ""])) for cause in ids}
        reply = send(phone, form)
        assert reply.status == 303, reply.body
        assert reply.headers["location"] == dots_session.server.join_path
        wanted.update(ballot)
    assert dots_in_db(room) == wanted
    assert sum(wanted.values()) == room.ws.workshop.budget(room.shop_id).used
    count = dots_session.count()
    assert (count.devices, count.eligible, count.over) == (30, 30, False)
    # the room's hand-counted dots come on top of the phones'
    late = room.causes["Late dependencies"]
    room.ws.workshop.set_cause_votes(late, 4)
    wanted[late] += 4
    assert dots_in_db(room) == wanted
    fishbone = room.ws.workshop.fishbone(room.shop_id)
    cause = next(c for c in fishbone.causes if c.id == late)
    assert (cause.votes, fishbone.dots(cause)) == (4, wanted[late])


def test_a_device_saving_again_replaces_its_dots(room: Room, dots_session: DotSession) -> None:
    late, env = room.causes["Late dependencies"], room.causes["No test environment"]
    phone, other = phones(dots_session.url, 2)
    phone.open()
    other.open()
    assert send(phone, {late: 3, env: 2}).status == 303
    assert send(other, {late: 1}).status == 303
    assert send(phone, {env: 1}).status == 303
    assert dots_in_db(room) == Counter({late: 1, env: 1})
    page = phone.open().body
    assert "Saved: you placed 1 of your 5 dots." in page
    assert re.search(rf"name=c{env} min=0 max=5 step=1 value=1>", page)
    assert re.search(rf"name=c{late} min=0 max=5 step=1 value=0>", page)
    assert send(phone, {}).status == 303  # all boxes emptied: the device takes its dots back
    assert dots_in_db(room) == Counter({late: 1})
    assert dots_session.count().devices == 1


@pytest.mark.parametrize(
    ("dots", "words"),
    [
        ("over", "That is 6 dots; each person has 5."),
        ("negative", "whole number"),
        ("other workshop", "not one of this workshop"),
        ("no such cause", "not one of this workshop"),
        ("not a number", "whole number"),
        ("not a cause field", "not a dot vote"),
        ("twice", "not a dot vote"),
    ],
)
def test_a_bad_ballot_gets_400_and_changes_nothing(
    room: Room, dots_session: DotSession, dots: str, words: str
) -> None:
    late, env = room.causes["Late dependencies"], room.causes["No test environment"]
    phone = Phone(dots_session.url)
    phone.open()
    assert send(phone, {late: 2}).status == 303
    before = dots_in_db(room)
    bodies = {
        "over": f"c{late}=4&c{env}=2",
        "negative": f"c{late}=-1&c{env}=2",
        "other workshop": f"c{late}=1&c{room.other_cause}=1",
        "no such cause": f"c{late}=1&c999999=1",
        "not a number": f"c{late}=1.5",
        "not a cause field": f"c{late}=1&value=3",
        "twice": f"c{late}=1&c{late}=1",
    }
    reply = phone.request("POST", body=bodies[dots].encode(), headers=FORM)
    assert reply.status == 400
    assert words in reply.body
    assert dots_in_db(room) == before
    assert "Saved: you placed 2 of your 5 dots." in phone.open().body


def test_an_oversized_body_gets_413_and_changes_nothing(
    room: Room, dots_session: DotSession
) -> None:
    late = room.causes["Late dependencies"]
    phone = Phone(dots_session.url)
    phone.open()
    body = f"c{late}=1&".encode() + b"c1=0&" * 1000
    assert len(body) > 4096
    assert phone.request("POST", body=body, headers=FORM).status == 413
    assert dots_in_db(room) == Counter()


def test_many_causes_fit_in_one_ballot(room: Room, dots_session: DotSession) -> None:
    """A big fishbone (60 causes) posts 60 boxes: more than the confidence vote's 20 fields."""
    bone = room.ws.workshop.fishbone(room.shop_id).bones[4]
    many = [room.ws.workshop.add_cause(bone.id or 0, f"Cause {i}").value.id or 0 for i in range(55)]
    phone = Phone(dots_session.url)
    phone.open()
    form: dict[int, object] = dict.fromkeys([*room.causes.values(), *many], 0)
    form[many[-1]] = 5
    assert send(phone, form).status == 303
    assert dots_in_db(room) == Counter({many[-1]: 5})


def test_the_page_lists_the_causes_escaped(room: Room, dots_session: DotSession) -> None:
    page = Phone(dots_session.url).open()
    assert page.status == 200
    assert HOSTILE not in page.body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.body
    assert "<script" not in page.body.lower()
    assert "prefers-color-scheme:dark" in page.body
    for text in ("Late dependencies", "Nobody owns the plan", "Unclear acceptance"):
        assert text in page.body
    assert "You have <strong>5 dots</strong>" in page.body
    # sub-causes are indented under their cause, bones are the groups
    assert re.search(r'class="cause d1"><label for=c\d+>↳ Nobody owns the plan', page.body)
    assert page.body.count("<fieldset>") == 4


def test_closing_the_round_stops_the_server_and_keeps_the_dots(
    room: Room, dots_session: DotSession
) -> None:
    late = room.causes["Late dependencies"]
    phone = Phone(dots_session.url)
    phone.open()
    send(phone, {late: 5})
    port = dots_session.server.port
    dots_session.close()
    with pytest.raises(ConnectionRefusedError), socket.create_connection(("127.0.0.1", port), 2):
        pass
    assert not room.ws.phone_dots.is_open(dots_session.round.id)
    assert dots_in_db(room) == Counter({late: 5})


def test_a_round_closed_elsewhere_answers_410_and_takes_nothing(
    room: Room, dots_session: DotSession
) -> None:
    late = room.causes["Late dependencies"]
    phone = Phone(dots_session.url)
    phone.open()
    room.ws.phone_dots.close(dots_session.round.id)
    assert send(phone, {late: 1}).status == 410
    assert phone.open().status == 410
    assert dots_in_db(room) == Counter()


def test_opening_again_keeps_the_devices(room: Room, rate_clock) -> None:
    late, env = room.causes["Late dependencies"], room.causes["No test environment"]
    first = DotSession.start(room.ws, room.shop_id, "127.0.0.1", 0, clock=rate_clock)
    phone = Phone(first.url)
    phone.open()
    send(phone, {late: 2})
    first.close()
    second = DotSession.start(room.ws, room.shop_id, "127.0.0.1", 0, clock=rate_clock)
    try:
        assert second.round.id == first.round.id
        phone.url = second.url  # the same cookie: it is signed with the round's salt
        assert send(phone, {env: 1}).status == 303
        assert dots_in_db(room) == Counter({env: 1})
    finally:
        second.stop()


def test_clear_dots_clears_the_phones_too_and_undo_puts_them_back(
    room: Room, dots_session: DotSession
) -> None:
    late, env = room.causes["Late dependencies"], room.causes["No test environment"]
    a, b = phones(dots_session.url, 2)
    a.open()
    b.open()
    send(a, {late: 2})
    send(b, {env: 3})
    room.ws.workshop.set_cause_votes(env, 1)
    cleared = room.ws.workshop.clear_votes(room.shop_id).value
    assert dots_in_db(room) == Counter()
    assert "Saved: you placed 0 of your 5 dots." in a.open().body
    send(b, {late: 1})  # b votes again before the undo: its new ballot stays
    room.ws.workshop.restore_votes(cleared)
    assert dots_in_db(room) == Counter({late: 2 + 1, env: 1})

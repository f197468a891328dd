"""A workshop for phones to place dots on (five causes, 5 dots each), and how the tests see it."""

from __future__ import annotations

import urllib.parse
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from rte_desktop.domain.model import Workshop
from rte_desktop.workspace import Workspace
from tests.phones.client import Phone, Reply

FORM = {"Content-Type": "application/x-www-form-urlencoded"}
HOSTILE = "<script>alert(1)</script>"


@dataclass
class Room:
    ws: Workspace
    shop: Workshop
    causes: dict[str, int]  # text -> id
    other_cause: int  # a cause of another workshop

    @property
    def shop_id(self) -> int:
        return self.shop.id or 0


def dots_in_db(room: Room) -> Counter[int]:
    """Cause id -> dots, as the Pareto the wall shows counts them."""
    chart = room.ws.workshop.pareto(room.shop_id)
    return Counter({row.key: row.count for row in chart.rows if row.count})


def send(phone: Phone, dots: Mapping[int, object]) -> Reply:
    body = urllib.parse.urlencode({f"c{cause}": str(n) for cause, n in dots.items()}).encode()
    return phone.request("POST", body=body, headers=FORM)

"""merge_edit: a three-way merge of one record never loses either client's change."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given, strategies as st

from rte_desktop.domain.concurrency import merge_edit
from rte_desktop.domain.errors import ConflictError


@dataclass(frozen=True)
class Card:
    id: int
    a: int
    b: int
    c: int


cards = st.builds(
    Card, id=st.just(1), a=st.integers(0, 2), b=st.integers(0, 2), c=st.integers(0, 2)
)


@given(seen=cards, mine=cards, current=cards)
def test_no_change_is_lost(seen: Card, mine: Card, current: Card) -> None:
    fields = ("a", "b", "c")
    clash = [
        f
        for f in fields
        if getattr(mine, f) != getattr(seen, f)
        and getattr(current, f) not in (getattr(seen, f), getattr(mine, f))
    ]
    if clash:
        with pytest.raises(ConflictError) as refused:
            merge_edit(seen, mine, current, "the card")
        assert refused.value.fields == tuple(clash)
        return
    merged = merge_edit(seen, mine, current, "the card")
    for f in fields:
        mine_changed = getattr(mine, f) != getattr(seen, f)
        assert getattr(merged, f) == (getattr(mine, f) if mine_changed else getattr(current, f))


def test_the_message_names_the_field_and_its_new_value() -> None:
    with pytest.raises(ConflictError, match=r"the b of the card .*b is now 2"):
        merge_edit(Card(1, 0, 0, 0), Card(1, 0, 1, 0), Card(1, 0, 2, 0), "the card")

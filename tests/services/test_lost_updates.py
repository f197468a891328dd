"""Two clients on one database: the second writer of the same field is refused, not silent.

Each test opens a second workspace on the same database (file or server), as a second
facilitator's app would.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

from rte_desktop.domain.clock import FakeClock
from rte_desktop.domain.errors import ConflictError
from rte_desktop.domain.model import Feature
from rte_desktop.workspace import Workspace, open_workspace


@pytest.fixture
def other(demo_ws: Workspace, db_url: str, clock: FakeClock) -> Iterator[Workspace]:
    second = open_workspace(db_url, clock)
    yield second
    second.close()


@pytest.fixture
def pi_id(demo_ws: Workspace) -> int:
    art = demo_ws.train.arts()[0]
    return demo_ws.train.current_pi(art.id).id


def test_objective_second_writer_of_a_field_is_refused(
    demo_ws: Workspace, other: Workspace, pi_id: int
) -> None:
    seen_by_me = demo_ws.objectives.objectives(pi_id)[0]
    seen_by_them = other.objectives.get(seen_by_me.id or 0)
    other.objectives.update(seen_by_them.id or 0, seen_by_them, text="Their words")
    with pytest.raises(ConflictError) as refused:
        demo_ws.objectives.update(seen_by_me.id or 0, seen_by_me, text="My words")
    assert "text" in str(refused.value) and "“Their words”" in str(refused.value)
    assert demo_ws.objectives.get(seen_by_me.id or 0).text == "Their words"
    # Another field is no conflict, and their text stays.
    demo_ws.objectives.update(seen_by_me.id or 0, seen_by_me, planned_bv=9)
    stored = other.objectives.get(seen_by_me.id or 0)
    assert (stored.text, stored.planned_bv) == ("Their words", 9)


def test_risk_edit_keeps_the_others_fields_and_refuses_the_same_field(
    demo_ws: Workspace, other: Workspace, pi_id: int
) -> None:
    mine = demo_ws.risks.risks(pi_id)[0]
    theirs = other.risks.risk(mine.id or 0)
    other.risks.update(dataclasses.replace(theirs, owner="Mia"), seen=theirs)
    # A different field: merged, their owner kept (a plain overwrite would have erased it).
    saved = demo_ws.risks.update(dataclasses.replace(mine, mitigation="Pair up"), seen=mine).value
    assert (saved.owner, saved.mitigation) == ("Mia", "Pair up")
    # The same field: refused, theirs stays.
    with pytest.raises(ConflictError, match="owner"):
        demo_ws.risks.update(dataclasses.replace(mine, owner="Ole"), seen=mine)
    assert other.risks.risk(mine.id or 0).owner == "Mia"


def test_feature_and_agenda_item_refuse_the_second_writer(
    demo_ws: Workspace, other: Workspace, pi_id: int
) -> None:
    feature = demo_ws.board.add_feature(pi_id, "Checkout").value
    theirs: Feature = dataclasses.replace(feature, title="Checkout v2")
    other.board.update_feature(theirs, seen=feature)
    with pytest.raises(ConflictError, match="title"):
        demo_ws.board.update_feature(dataclasses.replace(feature, title="Pay"), seen=feature)
    assert other.board.board(pi_id).feature(feature.id or 0).title == "Checkout v2"

    agenda = demo_ws.agenda.create_from_template(pi_id, "art_sync_30").value
    item = demo_ws.agenda.items(agenda.id or 0)[0]
    other.agenda.edit_item(item.id or 0, item, title="Their title")
    with pytest.raises(ConflictError, match="title"):
        demo_ws.agenda.edit_item(item.id or 0, item, title="My title")
    assert other.agenda.items(agenda.id or 0)[0].title == "Their title"


def test_the_same_change_twice_is_no_conflict(
    demo_ws: Workspace, other: Workspace, pi_id: int
) -> None:
    seen = demo_ws.objectives.objectives(pi_id)[0]
    other.objectives.update(seen.id or 0, seen, committed=not seen.committed)
    demo_ws.objectives.update(seen.id or 0, seen, committed=not seen.committed)
    assert other.objectives.get(seen.id or 0).committed is (not seen.committed)

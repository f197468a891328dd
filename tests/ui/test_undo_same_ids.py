"""Redo puts back the very rows the first run made (same ids), on SQLite and on PostgreSQL.

Each test runs edits through a panel's edits module (the one undo recipe), undoes them all,
redoes them all, then looks every row up by the id the first run returned, and runs a later
command that names those ids.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from rte_desktop.domain.errors import NotFoundError
from rte_desktop.domain.model import RoamStatus, VoteMode
from rte_desktop.services.workshop.improvements import ItemDraft
from rte_desktop.ui.objectives.edits import ObjectiveEdits
from rte_desktop.ui.readiness.edits import ReadinessEdits
from rte_desktop.ui.undo import UndoStack
from rte_desktop.ui.vote.edits import VoteEdits
from rte_desktop.ui.workshop.edits import WorkshopEdits
from rte_desktop.workspace import Workspace, open_workspace


@pytest.fixture(params=["sqlite", "postgresql"])
def train(request, tmp_path, clock, qtbot):
    """The demo train on each back end."""
    server, database = None, ""
    if request.param == "sqlite":
        target = str(tmp_path / "train.sqlite")
    else:
        server = request.getfixturevalue("pg_server")
        database = server.create_database(template=request.getfixturevalue("pg_template"))
        target = server.url(database)
    ws = open_workspace(target, clock)
    ws.demo.create()
    yield ws
    ws.close()
    if server is not None:
        server.drop_database(database)


def _round_trip(stack: UndoStack, steps: int) -> None:
    for _ in range(steps):
        stack.undo()
    for _ in range(steps):
        stack.redo()
    assert stack.index() == stack.count() == steps  # nothing failed and was dropped


def test_vote_rounds_ballots_concerns_and_risks_keep_their_ids(train: Workspace) -> None:
    stack, refused = UndoStack(), []
    edits = VoteEdits(train.votes, stack, refused.append)
    pi = train.train.find_pi(None, None)
    team = train.train.teams(pi.art_id)[0]
    latest = train.votes.latest_round(pi.id, team.id)
    vote = edits.revote(latest, VoteMode.TALLY)
    ballot = edits.add_ballot(vote.id, 2, "Ana", "")
    concern = edits.add_concern(vote.id, "Too many dependencies", ballot.id)
    linked = edits.to_risk(concern.id)
    risk = train.risks.risk(linked.risk_id)
    history = train.risks.history(pi.id, risk.id)

    for _ in range(4):
        stack.undo()
    assert train.votes.latest_round(pi.id, team.id) == latest
    with pytest.raises(NotFoundError):
        train.risks.risk(risk.id)
    for _ in range(4):
        stack.redo()

    assert refused == []
    view = train.votes.view(vote.id)
    assert view.round == vote
    assert view.ballots == [ballot]
    assert view.concerns == [linked]
    assert train.risks.risk(risk.id) == risk
    assert train.risks.history(pi.id, risk.id) == history
    # later commands that name the restored ids keep working, and new rows get new ids
    more = edits.add_ballot(vote.id, 4, "Bo", "")
    assert more.id != ballot.id
    assert edits.to_risk(edits.add_concern(vote.id, "Late API", more.id).id).risk_id != risk.id
    owned = dataclasses.replace(risk, status=RoamStatus.OWNED, owner="Ana")
    train.risks.update(owned, note="owned")
    assert train.risks.risk(risk.id).status is RoamStatus.OWNED


def test_a_revote_closes_the_round_before_again_on_redo(train: Workspace, clock) -> None:
    stack = UndoStack()
    edits = VoteEdits(train.votes, stack, pytest.fail)
    pi = train.train.find_pi(None, None)
    first = train.votes.latest_round(pi.id, None)
    reopened = edits.set_open(first.id, True)
    clock.advance(30 * 60)
    second = edits.revote(reopened, VoteMode.HIDDEN)
    closed = train.votes.view(first.id).round
    assert not closed.is_open

    stack.undo()
    assert train.votes.view(first.id).round == reopened
    stack.redo()
    assert train.votes.view(first.id).round == closed
    assert train.votes.view(second.id).round == second
    _round_trip(stack, 2)
    assert train.votes.latest_round(pi.id, None) == second


def test_workshop_additions_keep_their_ids(train: Workspace) -> None:
    stack = UndoStack()
    edits = WorkshopEdits(train.workshop, train.improvements, stack)
    pi = train.train.find_pi(None, "PI 2026.1")
    shop = edits.create_workshop(pi.id, "Demos are skipped")
    bone = edits.add_bone(shop.id, "Measurement")
    cause = edits.add_cause(bone.id, "No baseline")
    child = edits.add_cause(bone.id, "Nobody owns metrics", parent_id=cause.id)
    solution = edits.add_solution(shop.id, "Name a metrics owner")
    item = edits.add_item(shop.id, ItemDraft("Metrics owner", "", "Ana", None))
    _round_trip(stack, 6)

    assert train.workshop.workshop(shop.id).title == "Demos are skipped"
    fish = train.workshop.fishbone(shop.id)
    assert bone.id in [b.id for b in fish.bones]
    by_id = {c.id: c for c in fish.causes}
    assert by_id[cause.id] == cause
    assert by_id[child.id].parent_id == cause.id
    assert train.improvements.solutions(shop.id) == [solution]
    assert train.improvements.items(shop.id) == [item]
    edits.rename_cause(by_id[child.id], "No metrics owner")
    edits.delete_bone(bone.id)
    stack.undo()
    assert {c.id: c.text for c in train.workshop.fishbone(shop.id).causes}[child.id] == (
        "No metrics owner"
    )


def test_objectives_keep_their_ids(train: Workspace) -> None:
    stack = UndoStack()
    edits = ObjectiveEdits(train.objectives, stack)
    pi = train.train.find_pi(None, None)
    team = train.train.teams(pi.art_id)[0]
    added = edits.add(pi.id, team.id, "Ship the API")
    edits.edit(added, "planned_bv", 8)
    _round_trip(stack, 2)

    assert train.objectives.get(added.id).planned_bv == 8
    edits.delete(train.objectives.get(added.id))
    stack.undo()
    assert train.objectives.get(added.id).text == "Ship the API"


def test_readiness_fill_keeps_its_ids(train: Workspace) -> None:
    stack = UndoStack()
    edits = ReadinessEdits(train.readiness, stack)
    pi = train.train.find_pi(None, "PI 2026.1")
    filled = edits.prefill(pi.id)
    assert filled
    _round_trip(stack, 1)

    stored = {i.id: i for i in train.readiness.view(pi.id).items}
    assert [stored.get(i.id) for i in filled] == filled
    edits.set_done(filled[0], True)
    assert next(i for i in train.readiness.view(pi.id).items if i.id == filled[0].id).done


def test_risks_events_holidays_agendas_and_features_keep_their_ids(train: Workspace) -> None:
    from rte_desktop.domain.model import EventKind, Risk
    from rte_desktop.ui.risks.edits import RiskEdits
    from rte_desktop.ui.undo_recipes import push_created

    stack = UndoStack()
    pi = train.train.find_pi(None, None)
    art_id = pi.art_id
    risk = RiskEdits(train.risks, stack).add(
        pi.id, Risk(pi_id=pi.id, title="Vendor API late", created_at=pi_start(pi))
    )
    calendar, agenda, board = train.calendar, train.agenda, train.board
    start = pi_start(pi).replace(hour=14)
    end = start.replace(hour=15)
    event = push_created(
        stack,
        "New event",
        lambda: calendar.add_event(art_id, EventKind.ART_SYNC, "Extra sync", start, end).value,
        lambda made: calendar.delete_event(made.id or 0).value,
        calendar.put_event,
    )
    holiday = push_created(
        stack,
        "Add holiday",
        lambda: calendar.add_holiday(art_id, "Founders' day", pi.start, pi.start).value,
        lambda made: calendar.delete_holiday(made.id or 0).value,
        calendar.put_holiday,
    )
    made_agenda = push_created(
        stack,
        "New agenda",
        lambda: agenda.create_from_template(pi.id, "art_sync_30").value,
        lambda made: agenda.delete_agenda(made.id or 0).value,
        agenda.restore,
    )
    items = agenda.items(made_agenda.id)
    feature = push_created(
        stack,
        "New feature",
        lambda: board.add_feature(pi.id, "Partner portal", key="F-900").value,
        lambda made: board.delete_feature(made.id or 0).value,
        board.restore_feature,
    )
    _round_trip(stack, 5)

    assert train.risks.risk(risk.id) == risk
    assert calendar.event(event.id) == event
    assert holiday in calendar.holidays(art_id)
    assert agenda.agenda(made_agenda.id) == made_agenda
    assert agenda.items(made_agenda.id) == items
    assert feature in board.board(pi.id).features


def pi_start(pi) -> dt.datetime:
    return dt.datetime.combine(pi.start, dt.time(9, 0))
